import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { LOCALES, THEME_MAX_DEPTH, type Locale } from '../../contract/index.ts';
import { ValidationError } from '../http/errors.ts';
import { themeIdFromFile } from './ids.ts';
import type { StoredTheme } from './repository.ts';
import type { CodebookRecord } from './service.ts';
import { childrenByParent } from './tree.ts';

/**
 * The codebook as a REFI-QDA codebook (`.qdc`, namespace urn:QDA-XML:codebook:1.0), which NVivo, ATLAS.ti, MAXQDA,
 * QualCoder and Taguette read. A Code's `name` is the Swedish label and its `guid` the theme id; nesting is the
 * hierarchy. The standard has one name and one description, so the rest rides at the end of the Description after a
 * line `[Medskapa]`, one `key: value` per line (label.en, description.en, keywords.<locale> joined with "; "),
 * readable in other tools and read back exactly by Medskapa. Archived themes are not exported: other tools have no
 * such state.
 */
export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const QDC_ORIGIN = 'Medskapa';
const MARKER = '[Medskapa]';

function escapeValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\r', '\\r').replaceAll('\n', '\\n');
}

function unescapeValue(value: string): string {
  return value.replace(/\\([\\nr])/g, (_match, char: string) => (char === 'n' ? '\n' : char === 'r' ? '\r' : '\\'));
}

function describe(theme: StoredTheme): string {
  const lines = [`label.en: ${escapeValue(theme.labels.en)}`];
  if (theme.descriptions.en !== undefined) lines.push(`description.en: ${escapeValue(theme.descriptions.en)}`);
  for (const locale of LOCALES) {
    const keywords = theme.keywords[locale];
    if (keywords !== undefined && keywords.length > 0) lines.push(`keywords.${locale}: ${escapeValue(keywords.join('; '))}`);
  }
  return `${theme.descriptions.sv ?? ''}\n\n${[MARKER, ...lines].join('\n')}`.trim();
}

interface ParsedDescription {
  readonly sv?: string;
  readonly en?: string;
  readonly labelEn?: string;
  readonly keywords?: Partial<Record<Locale, string[]>>;
}

const KEY_LINE = /^(label\.en|description\.en|keywords\.([a-z-]+)): ?(.*)$/;

/** The Description as Medskapa wrote it, or (from another tool) all of it as the Swedish description. */
function readDescription(text: string): ParsedDescription {
  const lines = text.split('\n');
  const markerAt = lines.lastIndexOf(MARKER);
  const tail = markerAt === -1 ? [] : lines.slice(markerAt + 1).filter((line) => line.trim() !== '');
  if (markerAt === -1 || !tail.every((line) => KEY_LINE.test(line))) return { sv: text.trim() };
  const sv = lines.slice(0, markerAt).join('\n').trim();
  let labelEn: string | undefined;
  let en: string | undefined;
  const keywords: Partial<Record<Locale, string[]>> = {};
  for (const locale of LOCALES) keywords[locale] = [];
  for (const line of tail) {
    const match = KEY_LINE.exec(line);
    if (match === null) continue;
    const value = unescapeValue(match[3] ?? '').trim();
    if (match[1] === 'label.en') labelEn = value;
    else if (match[1] === 'description.en') en = value;
    else {
      const locale = LOCALES.find((candidate) => candidate === match[2]);
      if (locale !== undefined) keywords[locale] = value.split(';').map((keyword) => keyword.trim()).filter((keyword) => keyword !== '');
    }
  }
  return { sv, en: en ?? '', keywords, ...(labelEn === undefined ? {} : { labelEn }) };
}

interface CodeNode {
  '@_guid': string;
  '@_name': string;
  '@_isCodable': 'true';
  '@_color': string;
  Description: string;
  Code?: CodeNode[];
}

export function codebookToQdc(themes: readonly StoredTheme[]): string {
  const active = themes.filter((theme) => theme.status === 'active');
  const children = childrenByParent(active);
  const ids = new Set(active.map((theme) => theme.id));
  const node = (theme: StoredTheme): CodeNode => {
    const nested = (children.get(theme.id) ?? []).map(node);
    return {
      '@_guid': theme.id,
      '@_name': theme.labels.sv,
      '@_isCodable': 'true',
      '@_color': theme.colour.toUpperCase(),
      Description: describe(theme),
      ...(nested.length === 0 ? {} : { Code: nested }),
    };
  };
  const roots = [...(children.get(undefined) ?? []), ...active.filter((theme) => theme.parentId !== undefined && !ids.has(theme.parentId))];
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true, suppressBooleanAttributes: false, processEntities: true });
  const body = builder.build({
    CodeBook: {
      '@_xmlns': QDC_NAMESPACE,
      '@_origin': QDC_ORIGIN,
      Codes: { Code: roots.map(node) },
      Sets: '',
    },
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n${String(body)}`;
}

function malformed(message: string): ValidationError {
  return new ValidationError({ file: 'codebook.file.invalid' }, message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineAt(text: string, index: unknown): number | undefined {
  if (typeof index !== 'number') return undefined;
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

/** Where the parser saw the element begin (captureMetaData keeps it under a symbol key). */
function startIndexOf(node: object): number | undefined {
  for (const symbol of Object.getOwnPropertySymbols(node)) {
    const meta: unknown = Reflect.get(node, symbol);
    if (isRecord(meta) && typeof meta['startIndex'] === 'number') return meta['startIndex'];
  }
  return undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value['#text'] === 'string') return value['#text'];
  if (isRecord(value)) return '';
  return undefined;
}

/** Reads a REFI-QDA codebook. No DOCTYPE (so no entities, internal or external), and errors name the line. */
export function qdcToRecords(text: string): CodebookRecord[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw malformed('The XML file contains a DOCTYPE or ENTITY declaration, which is not allowed in a codebook.');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw malformed(`The XML file is not well-formed at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    // Only the five predefined XML entities remain possible: a DOCTYPE was refused above.
    processEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    maxNestedTags: 32,
    isArray: (name) => ['Code', 'Set', 'MemberCode', 'NoteRef'].includes(name.slice(name.indexOf(':') + 1)),
  });
  const parsed: unknown = parser.parse(text);
  // A namespace prefix is allowed (<qda:CodeBook xmlns:qda="…">); it is the same on every element of the file.
  const rootName = isRecord(parsed) ? Object.keys(parsed).find((name) => name === 'CodeBook' || name.endsWith(':CodeBook')) : undefined;
  const root = rootName === undefined || !isRecord(parsed) ? undefined : parsed[rootName];
  if (rootName === undefined || (!isRecord(root) && root !== '')) throw malformed('The root element must be <CodeBook> (a REFI-QDA codebook, .qdc).');
  const prefix = rootName.slice(0, rootName.length - 'CodeBook'.length);
  const rootElement = isRecord(root) ? root : {};
  const namespace = rootElement[prefix === '' ? '@_xmlns' : `@_xmlns:${prefix.slice(0, -1)}`];
  if (namespace !== QDC_NAMESPACE) throw malformed(`<CodeBook> must be in the namespace ${QDC_NAMESPACE}.`);
  const codes = rootElement[`${prefix}Codes`];
  if (codes === undefined) throw malformed('<CodeBook> has no <Codes> element.');
  const codeName = `${prefix}Code`;
  const descriptionName = `${prefix}Description`;

  const records: CodebookRecord[] = [];
  let count = 0;
  const visit = (list: unknown, parentId: string | null, depth: number) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw malformed('A <Code> element is not valid.');
    for (const code of list) {
      count += 1;
      const line = isRecord(code) ? lineAt(text, startIndexOf(code)) : undefined;
      const ref = `<Code> element ${count}${line === undefined ? '' : ` (line ${line})`}`;
      if (!isRecord(code)) throw malformed(`${ref}: it needs guid and name attributes.`);
      const guid = code['@_guid'];
      const name = code['@_name'];
      const color = code['@_color'];
      if (typeof guid !== 'string' || !/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/.test(guid.trim())) {
        throw malformed(`${ref}: the guid attribute must be a UUID.`);
      }
      if (typeof name !== 'string' || name.trim() === '') throw malformed(`${ref}: the name attribute is missing or empty.`);
      if (depth > THEME_MAX_DEPTH) throw malformed(`${ref}: codes nest at most ${THEME_MAX_DEPTH} levels deep in Medskapa.`);
      let colour: string | undefined;
      if (color !== undefined) {
        const short = typeof color === 'string' ? /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(color.trim()) : null;
        if (short !== null) colour = `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
        else if (typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color.trim())) colour = color.trim();
        else throw malformed(`${ref}: the color attribute must look like #RRGGBB.`);
      }
      const descriptionText = textOf(code[descriptionName]);
      const id = themeIdFromFile(guid);
      const description = descriptionText === undefined ? undefined : readDescription(descriptionText);
      records.push({
        ref,
        id,
        parentId,
        labels: { sv: name.trim(), ...(description?.labelEn === undefined ? {} : { en: description.labelEn }) },
        // Other tools have one name: a new theme from them starts with it as its English label too.
        newThemeEnglishLabel: name.trim(),
        ...(description === undefined
          ? {}
          : { descriptions: { ...(description.sv === undefined ? {} : { sv: description.sv }), ...(description.en === undefined ? {} : { en: description.en }) } }),
        ...(description?.keywords === undefined ? {} : { keywords: description.keywords }),
        ...(colour === undefined ? {} : { colour }),
      });
      visit(code[codeName], id, depth + 1);
    }
  };
  visit(isRecord(codes) ? codes[codeName] : undefined, null, 1);
  return records;
}
