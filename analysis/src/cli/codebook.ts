import { readFile } from 'node:fs/promises';
import type { Codebook, CodebookTheme } from '../suggest/types.ts';
import { FORM_LOCALES, type FormLocale } from '../text/locales.ts';
import { InputError } from './errors.ts';
import { isRecord } from './input.ts';
import { starterThemeId } from '../ids/themeIds.ts';

/** A codebook read from a file, and how theme references in stories (`themes`, `tags`, `gold`) resolve to its ids. */
export interface LoadedCodebook {
  readonly themes: Codebook;
  /** A theme id, a `key` given in the file, or a starter-codebook key → the theme id; undefined when unknown. */
  resolve(reference: string): string | undefined;
  /** The English and Swedish label of a theme id (the id itself when unknown). */
  label(themeId: string): string;
}

function parseTheme(value: unknown, where: string): { theme: CodebookTheme; key?: string; mergedInto?: string } {
  if (!isRecord(value)) throw new InputError(`${where}: not an object`);
  const { id, parentId, labels, keywords, status, key, mergedInto } = value;
  if (typeof id !== 'string' || id === '') throw new InputError(`${where}: "id" must be a non-empty string`);
  if (parentId !== undefined && parentId !== null && typeof parentId !== 'string') throw new InputError(`${where}: "parentId" must be a string`);
  if (!isRecord(labels) || typeof labels.sv !== 'string' || typeof labels.en !== 'string') throw new InputError(`${where}: "labels" must have "sv" and "en"`);
  if (status !== undefined && status !== 'active' && status !== 'archived') throw new InputError(`${where}: "status" must be "active" or "archived"`);
  if (key !== undefined && typeof key !== 'string') throw new InputError(`${where}: "key" must be a string`);
  const lists: Partial<Record<FormLocale, string[]>> = {};
  if (keywords !== undefined) {
    if (!isRecord(keywords)) throw new InputError(`${where}: "keywords" must be an object of language → list of keywords`);
    for (const locale of FORM_LOCALES) {
      const list = keywords[locale];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.some((keyword) => typeof keyword !== 'string')) throw new InputError(`${where}: keywords.${locale} must be a list of strings`);
      lists[locale] = list.filter((keyword): keyword is string => typeof keyword === 'string');
    }
  }
  const theme: CodebookTheme = {
    id,
    ...(typeof parentId === 'string' ? { parentId } : {}),
    labels: { sv: labels.sv, en: labels.en },
    keywords: lists,
    status: status ?? 'active',
  };
  return { theme, ...(key === undefined ? {} : { key }), ...(typeof mergedInto === 'string' ? { mergedInto } : {}) };
}

/**
 * Reads a codebook: the JSON of `GET /api/v1/themes` (an array of themes; `{ "themes": [...] }` is accepted too).
 * Each theme needs `id` and `labels` {sv, en}; `parentId`, `keywords` (language → list), `status` and `key` are
 * optional, anything else (usage, history, colour) is ignored.
 */
export async function loadCodebook(file: string): Promise<LoadedCodebook> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read codebook ${file}: ${error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(`codebook ${file}: not valid JSON`);
  }
  const list: unknown = isRecord(parsed) ? parsed.themes : parsed;
  if (!Array.isArray(list)) throw new InputError(`codebook ${file}: expected an array of themes (the JSON of GET /api/v1/themes)`);
  const themes: CodebookTheme[] = [];
  const byKey = new Map<string, string>();
  const merged = new Map<string, string>();
  const seen = new Set<string>();
  for (const [index, value] of list.entries()) {
    const { theme, key, mergedInto } = parseTheme(value, `codebook ${file} theme ${index + 1}`);
    if (seen.has(theme.id)) throw new InputError(`codebook ${file} theme ${index + 1}: id ${theme.id} appears twice`);
    seen.add(theme.id);
    themes.push(theme);
    if (key !== undefined) byKey.set(key, theme.id);
    if (mergedInto !== undefined) merged.set(theme.id, mergedInto);
  }
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  return {
    themes,
    resolve(reference) {
      let id = byId.has(reference) ? reference : (byKey.get(reference) ?? starterThemeId(reference));
      // A merged theme's tags now belong to the theme it was merged into (as in the API).
      for (let hops = 0; hops < 10 && merged.has(id); hops += 1) id = merged.get(id) ?? id;
      return byId.has(id) ? id : undefined;
    },
    label(themeId) {
      const theme = byId.get(themeId);
      return theme === undefined ? themeId : `${theme.labels.en} / ${theme.labels.sv}`;
    },
  };
}
