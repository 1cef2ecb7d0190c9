import type { CsvProfile } from '../../contract/index.ts';

/** One cell: text, a number, or empty. */
export type Cell = string | number | null;

/** A spreadsheet reads a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\0]/;
/** Characters XML 1.0 cannot carry (an XLSX file is XML); NUL and most C0 controls. */
const NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

/** A leading apostrophe, so a spreadsheet shows the text instead of running it. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

export interface CsvDialect {
  readonly bom: string;
  readonly delimiter: string;
  readonly decimal: string;
}

export const CSV_DIALECTS: Record<CsvProfile, CsvDialect> = {
  'sv-excel': { bom: '\uFEFF', delimiter: ';', decimal: ',' },
  rfc4180: { bom: '', delimiter: ',', decimal: '.' },
};

const NEEDS_QUOTES = /[",;\r\n]/;

/** One CSV record ending in CRLF: text neutralised and quoted when needed, numbers with the profile's decimal mark. */
export function csvRecord(cells: ReadonlyArray<Cell>, dialect: CsvDialect): string {
  let line = '';
  for (let index = 0; index < cells.length; index += 1) {
    if (index > 0) line += dialect.delimiter;
    const cell = cells[index];
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'number') {
      line += dialect.decimal === '.' ? String(cell) : String(cell).replace('.', dialect.decimal);
      continue;
    }
    const text = neutralise(cell);
    line += NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }
  return `${line}\r\n`;
}
