import { maskPersonalData } from '../masking/maskPersonalData.ts';
import { type FormLocale, isFormLocale } from '../text/locales.ts';
import { InputError } from './errors.ts';
import { isRecord, type NdjsonLine } from './input.ts';

/**
 * One story of an NDJSON export, as the CLI reads it. The stories export (`StoryExportRecord` in
 * api/contract/exports.ts) is read as it is; the story detail's shape (`respondent.role`, `care.settings`, `tags`)
 * and the labelled fixtures' (`id`, `written`, `gold`) too. Accepted per line (anything else is ignored):
 * - `locale` (form language, required); `id` (optional: the export has none, so `line-<n>` stands in);
 *   `language` or `written` (the language the text is written in, optional);
 * - `story`: free-text fields by name (`whatHappened`, `whatWorkedWell`, `whatCouldBeBetter`, `idea`);
 * - `topics`: the respondent's topics;
 * - `themes` and/or `tags`: theme ids or starter keys, or objects with `themeId` (as the export and the API write them);
 * - `gold`: the themes the story should have (for `eval`), ids or starter keys;
 * - `receivedOn` (`YYYY-MM-DD…`), `rating` (1–5 or null), `respondentRole` or `respondent.role`, `careSettings` or
 *   `care.settings` (for `summarize`).
 */
export interface CliStory {
  readonly line: number;
  readonly id: string;
  readonly locale: FormLocale;
  readonly language?: FormLocale;
  /** Free-text fields, masked again on reading (a no-op for an export, which is already masked). */
  readonly fields: Readonly<Record<string, string>>;
  readonly topics: readonly string[];
  /** Theme references from `themes` and `tags`, deduplicated, unresolved. */
  readonly themes: readonly string[];
  /** Gold theme references, unresolved; undefined when the line has none. */
  readonly gold?: readonly string[];
  /** `YYYY-MM` from receivedOn. */
  readonly month?: string;
  readonly rating?: number;
  readonly role?: string;
  readonly careSettings: readonly string[];
}

function strings(value: unknown, where: string, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new InputError(`${where}: "${name}" must be a list of strings`);
  return value.filter((item): item is string => typeof item === 'string');
}

function themeReferences(value: unknown, where: string, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InputError(`${where}: "${name}" must be a list`);
  return value.map((tag) => {
    if (typeof tag === 'string') return tag;
    if (isRecord(tag) && typeof tag.themeId === 'string') return tag.themeId;
    throw new InputError(`${where}: each of "${name}" must be a theme id or an object with "themeId"`);
  });
}

const MONTH = /^(\d{4}-(0[1-9]|1[0-2]))/;

export function parseStory({ line, value }: NdjsonLine, source: string): CliStory {
  const where = `${source} line ${line}`;
  const { id, locale, language, written, story, topics, themes, tags, gold, receivedOn, rating, respondent, respondentRole, care } = value;
  if (id !== undefined && id !== null && (typeof id !== 'string' || id === '')) throw new InputError(`${where}: "id" must be a non-empty string`);
  if (typeof locale !== 'string' || !isFormLocale(locale)) throw new InputError(`${where}: "locale" must be a form language code`);
  const textLanguage = language ?? written;
  if (textLanguage !== undefined && textLanguage !== null && (typeof textLanguage !== 'string' || !isFormLocale(textLanguage))) {
    throw new InputError(`${where}: "language" must be a form language code`);
  }
  if (!isRecord(story)) throw new InputError(`${where}: "story" must be an object of text fields`);
  const fields: Record<string, string> = {};
  for (const [field, text] of Object.entries(story)) {
    if (text === undefined || text === null || text === '') continue;
    if (typeof text !== 'string') throw new InputError(`${where}: story.${field} must be a string`);
    fields[field] = maskPersonalData(text).text;
  }
  let month: string | undefined;
  if (receivedOn !== undefined && receivedOn !== null) {
    const match = typeof receivedOn === 'string' ? MONTH.exec(receivedOn) : null;
    if (match?.[1] === undefined) throw new InputError(`${where}: "receivedOn" must be a date YYYY-MM-DD`);
    month = match[1];
  }
  if (rating !== undefined && rating !== null && (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5)) {
    throw new InputError(`${where}: "rating" must be a whole number from 1 to 5`);
  }
  let role: string | undefined;
  if (respondentRole !== undefined && respondentRole !== null) {
    if (typeof respondentRole !== 'string') throw new InputError(`${where}: "respondentRole" must be a string`);
    role = respondentRole;
  }
  if (respondent !== undefined && respondent !== null) {
    if (!isRecord(respondent) || (respondent.role !== undefined && typeof respondent.role !== 'string')) throw new InputError(`${where}: "respondent.role" must be a string`);
    if (typeof respondent.role === 'string') role = respondent.role;
  }
  let careSettings = strings(value.careSettings, where, 'careSettings');
  if (care !== undefined && care !== null) {
    if (!isRecord(care)) throw new InputError(`${where}: "care" must be an object with "settings"`);
    careSettings = [...careSettings, ...strings(care.settings, where, 'care.settings')];
  }
  return {
    line,
    id: typeof id === 'string' ? id : `line-${line}`,
    locale,
    ...(typeof textLanguage === 'string' && isFormLocale(textLanguage) ? { language: textLanguage } : {}),
    fields,
    topics: strings(topics, where, 'topics'),
    themes: [...new Set([...themeReferences(themes, where, 'themes'), ...themeReferences(tags, where, 'tags')])],
    ...(gold === undefined || gold === null ? {} : { gold: strings(gold, where, 'gold') }),
    ...(month === undefined ? {} : { month }),
    ...(typeof rating === 'number' ? { rating } : {}),
    ...(role === undefined ? {} : { role }),
    careSettings: [...new Set(careSettings)],
  };
}
