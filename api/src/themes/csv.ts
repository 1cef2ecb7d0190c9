import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { LOCALES, THEME_STATUSES, type Locale, type ThemeStatus } from '../../contract/index.ts';
import { ValidationError } from '../http/errors.ts';
import { themeIdFromFile } from './ids.ts';
import type { StoredTheme } from './repository.ts';
import type { CodebookRecord } from './service.ts';

/**
 * The codebook as CSV: a header row, then one theme per row, parents before their children.
 * Keywords are joined with "; ". Cells that a spreadsheet would run as a formula get a leading apostrophe.
 */
export const CSV_COLUMNS = [
  'id',
  'parent_id',
  'label_sv',
  'label_en',
  'description_sv',
  'description_en',
  'colour',
  'status',
  ...LOCALES.map((locale) => `keywords_${locale}` as const),
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const REQUIRED: readonly Column[] = ['id', 'label_sv', 'label_en'];
const KEYWORD_SEPARATOR = '; ';
/** A spreadsheet reads these first characters as a formula (CSV injection); the apostrophe is escaped too, so it round-trips. */
const FORMULA_START = /^[=+\-@\t\r']/;

function protect(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function unprotect(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function codebookToCsv(themes: readonly StoredTheme[]): string {
  const rows = themes.map((theme) =>
    [
      theme.id,
      theme.parentId ?? '',
      theme.labels.sv,
      theme.labels.en,
      theme.descriptions.sv ?? '',
      theme.descriptions.en ?? '',
      theme.colour,
      theme.status,
      ...LOCALES.map((locale) => (theme.keywords[locale] ?? []).join(KEYWORD_SEPARATOR)),
    ].map(protect),
  );
  // The BOM makes spreadsheet programs read the file as UTF-8 (Swedish, Arabic, Tigrinya…).
  return stringify([[...CSV_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows' });
}

function isColumn(name: string): name is Column {
  return CSV_COLUMNS.some((column) => column === name);
}

function isStatus(value: string): value is ThemeStatus {
  return THEME_STATUSES.some((status) => status === value);
}

function malformed(message: string): ValidationError {
  return new ValidationError({ file: 'codebook.file.invalid' }, message);
}

/** Rows of a codebook CSV, each with the line it came from; a malformed file is a ValidationError naming the line. */
export function csvToRecords(text: string): CodebookRecord[] {
  const lines: number[] = [];
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      max_record_size: 64 * 1024,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw malformed(`The CSV file could not be read: ${error.message}`);
    throw error;
  }
  const [header, ...body] = rows;
  if (header === undefined) throw malformed('The CSV file is empty; line 1 must be the header row.');
  const index = new Map<Column, number>();
  header.forEach((rawName, position) => {
    const name = rawName.trim().toLowerCase();
    if (!isColumn(name)) throw malformed(`Line 1: unknown column "${rawName.slice(0, 40)}". Known columns: ${CSV_COLUMNS.join(', ')}.`);
    if (index.has(name)) throw malformed(`Line 1: the column "${name}" appears twice.`);
    index.set(name, position);
  });
  for (const column of REQUIRED) if (!index.has(column)) throw malformed(`Line 1: the column "${column}" is missing.`);

  return body.map((row, rowIndex) => {
    const ref = `Line ${lines[rowIndex + 1] ?? rowIndex + 2}`;
    const cell = (column: Column): string | undefined => {
      const position = index.get(column);
      return position === undefined ? undefined : unprotect(row[position] ?? '').trim();
    };
    const id = cell('id') ?? '';
    if (id !== '' && !/^[A-Za-z0-9{][A-Za-z0-9_.:{}-]{0,63}$/.test(id)) throw malformed(`${ref}: the id "${id.slice(0, 70)}" is not valid (use the id from an export, or letters, digits and - _ . : only).`);
    const parent = cell('parent_id');
    if (parent !== undefined && parent !== '' && !/^[A-Za-z0-9{][A-Za-z0-9_.:{}-]{0,63}$/.test(parent)) throw malformed(`${ref}: the parent_id "${parent.slice(0, 70)}" is not valid.`);
    const status = cell('status');
    if (status !== undefined && status !== '' && !isStatus(status)) throw malformed(`${ref}: the status must be active or archived.`);
    const colour = cell('colour');
    const descriptionSv = cell('description_sv');
    const descriptionEn = cell('description_en');
    const keywords: Partial<Record<Locale, string[]>> = {};
    for (const locale of LOCALES) {
      const value = cell(`keywords_${locale}`);
      if (value !== undefined) keywords[locale] = value.split(';').map((keyword) => keyword.trim()).filter((keyword) => keyword !== '');
    }
    return {
      ref,
      ...(id === '' ? {} : { id: themeIdFromFile(id) }),
      ...(parent === undefined ? {} : { parentId: parent === '' ? null : themeIdFromFile(parent) }),
      labels: { sv: cell('label_sv') ?? '', en: cell('label_en') ?? '' },
      ...(descriptionSv === undefined && descriptionEn === undefined
        ? {}
        : { descriptions: { ...(descriptionSv === undefined ? {} : { sv: descriptionSv }), ...(descriptionEn === undefined ? {} : { en: descriptionEn }) } }),
      ...(Object.keys(keywords).length === 0 ? {} : { keywords }),
      ...(colour === undefined || colour === '' ? {} : { colour }),
      ...(status === undefined || status === '' || !isStatus(status) ? {} : { status }),
    };
  });
}
