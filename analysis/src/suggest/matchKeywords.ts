import { analyseText, type TextToken } from '../text/analyseText.ts';
import { detectLanguage } from '../text/detectLanguage.ts';
import { type FormLocale, type Grammar, grammarOf } from '../text/locales.ts';
import { foldDiacritics, normaliseWord } from '../text/normalise.ts';
import type { CompiledCodebook, KeywordEntry } from './compileCodebook.ts';
import type { Evidence, StoryForSuggestion } from './types.ts';

/** A keyword listed under the story's language or the form language counts fully; another language's half. */
export const OTHER_LANGUAGE_WEIGHT = 0.5;
/** A keyword found inside a Swedish or Finnish compound ("telefonkö" for "telefon"). */
export const COMPOUND_WEIGHT = 0.6;
/** A Finnish keyword whose stem differs from the word's only in its last letter (stem alternation: kieli/kielellä). */
export const FINNISH_ALTERNATION_WEIGHT = 0.8;
/** A phrase says more than a single word. */
export const PHRASE_BONUS = 1.25;
/** Ancestors' keywords count for a theme that has keywords of its own, at this share. */
export const ANCESTOR_CONTEXT_WEIGHT = 0.5;
/** keywordScore = 1 − exp(−RATE × sum of weights): one full match ≈ 0.55, two ≈ 0.80, three ≈ 0.91. */
export const KEYWORD_RATE = 0.8;

export interface AnalysedField {
  readonly field: string;
  readonly text: string;
  readonly tokens: readonly TextToken[];
}

export interface AnalysedStory {
  readonly language: FormLocale;
  readonly fields: readonly AnalysedField[];
}

const FIELD_ORDER = ['whatHappened', 'whatWorkedWell', 'whatCouldBeBetter', 'idea'];

function fieldRank(field: string): number {
  const index = FIELD_ORDER.indexOf(field);
  return index === -1 ? FIELD_ORDER.length : index;
}

/** Detects the language once over all fields, then analyses each field in it. */
export function analyseStory(story: StoryForSuggestion, foldDiacriticsOption = true): AnalysedStory {
  const names = Object.keys(story.fields)
    .filter((field) => (story.fields[field] ?? '').trim() !== '')
    .sort((a, b) => fieldRank(a) - fieldRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const language = story.language ?? detectLanguage(names.map((field) => story.fields[field] ?? '').join('\n'), story.locale).language;
  const fields = names.map((field) => {
    const text = story.fields[field] ?? '';
    return { field, text, tokens: analyseText(text, story.locale, { language, foldDiacritics: foldDiacriticsOption }).tokens };
  });
  return { language, fields };
}

const NEGATORS: Readonly<Record<Grammar, readonly string[]>> = {
  sv: ['inte', 'ej', 'aldrig', 'ingen', 'inget', 'inga', 'icke'],
  en: ['not', 'no', 'never', 'nobody', 'nothing', 'didnt', 'dont', 'doesnt', 'wasnt', 'werent', 'couldnt', 'cant', 'cannot', 'wont', 'isnt', 'havent', 'hadnt'],
  ar: ['لا', 'لم', 'لن', 'ما', 'ليس', 'ليست', 'غير'],
  fa: ['نه', 'هیچ', 'نیست', 'نبود', 'بدون'],
  so: ['ma', 'aan', 'maya'],
  ti: ['ኣይ', 'የለን', 'ዘይ'],
  fi: ['ei', 'en', 'et', 'emme', 'ette', 'eivät', 'eikä'],
  uk: ['не', 'ні', 'ніколи', 'немає', 'без'],
};
const negatorSets = new Map<Grammar, ReadonlySet<string>>();

function isNegator(form: string, grammar: Grammar): boolean {
  let set = negatorSets.get(grammar);
  if (set === undefined) {
    set = new Set(NEGATORS[grammar].map((word) => foldDiacritics(normaliseWord(word))));
    negatorSets.set(grammar, set);
  }
  return set.has(form);
}

/** How far back (in words) a negation word reaches. */
const NEGATION_WINDOW = 3;

export interface KeywordMatch {
  readonly entry: KeywordEntry;
  readonly fieldIndex: number;
  readonly first: number;
  /** Exclusive. */
  readonly last: number;
  readonly weight: number;
}

function commonPrefixLength(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let length = 0;
  while (length < left.length && length < right.length && left[length] === right[length]) length += 1;
  return length;
}

function compoundWeight(entry: KeywordEntry, token: TextToken, grammar: Grammar): number {
  const keyword = entry.terms[0] ?? '';
  const word = token.term;
  if (word === keyword) return 0;
  const rest = [...word].length - [...keyword].length;
  if (rest >= 3 && (word.startsWith(keyword) || word.endsWith(keyword))) return COMPOUND_WEIGHT;
  if (grammar === 'fi' && commonPrefixLength(word, keyword) >= Math.max(4, [...keyword].length - 1)) return FINNISH_ALTERNATION_WEIGHT;
  return 0;
}

function localeWeight(entry: KeywordEntry, language: FormLocale, uiLocale: FormLocale): number {
  return entry.grammar === grammarOf(language) || entry.grammar === grammarOf(uiLocale) ? 1 : OTHER_LANGUAGE_WEIGHT;
}

/** Every place in the story where a keyword matches. */
export function findKeywordMatches(story: AnalysedStory, uiLocale: FormLocale, codebook: CompiledCodebook): KeywordMatch[] {
  const matches: KeywordMatch[] = [];
  const grammar = grammarOf(story.language);
  const compoundable = grammar === 'sv' || grammar === 'fi' ? (codebook.compoundable.get(grammar) ?? []) : [];
  story.fields.forEach((field, fieldIndex) => {
    const tokens = field.tokens;
    tokens.forEach((token, index) => {
      const candidates = new Set<KeywordEntry>([...(codebook.byFirstTerm.get(token.term) ?? []), ...(codebook.byFirstForm.get(token.form) ?? [])]);
      for (const entry of candidates) {
        // "aldrig" must not find "äldre" through folding: a lone stop word matches only a stop-word keyword.
        if (token.stop && entry.terms.length === 1 && !entry.stop) continue;
        const fits = entry.terms.every((term, offset) => {
          const other = tokens[index + offset];
          return other !== undefined && (other.term === term || other.form === entry.forms[offset]);
        });
        if (fits) matches.push({ entry, fieldIndex, first: index, last: index + entry.terms.length, weight: localeWeight(entry, story.language, uiLocale) * (entry.terms.length > 1 ? PHRASE_BONUS : 1) });
      }
      if (token.stop) return;
      for (const entry of compoundable) {
        const weight = compoundWeight(entry, token, grammar);
        if (weight > 0) matches.push({ entry, fieldIndex, first: index, last: index + 1, weight: weight * localeWeight(entry, story.language, uiLocale) });
      }
    });
  });
  return matches;
}

export interface ThemeKeywordEvidence {
  /** Sum of the weights of distinct keywords that matched this theme's own keywords. */
  readonly sum: number;
  readonly evidence: readonly Evidence[];
}

/**
 * Per theme: the distinct keywords that matched and where. Longer matches win: a word counted in "boka tid"
 * is not counted again for "tid" in the same theme. The same keyword found twice counts once (its evidence twice).
 */
export function themeKeywordEvidence(story: AnalysedStory, matches: readonly KeywordMatch[]): Map<string, ThemeKeywordEvidence> {
  const grammar = grammarOf(story.language);
  const ordered = [...matches].sort(
    (a, b) => b.last - b.first - (a.last - a.first) || b.weight - a.weight || a.fieldIndex - b.fieldIndex || a.first - b.first,
  );
  const used = new Map<string, Set<string>>();
  const weights = new Map<string, Map<string, number>>();
  const evidence = new Map<string, Evidence[]>();
  for (const match of ordered) {
    const themeId = match.entry.themeId;
    const usedHere = used.get(themeId) ?? new Set<string>();
    used.set(themeId, usedHere);
    const positions: string[] = [];
    for (let index = match.first; index < match.last; index += 1) positions.push(`${match.fieldIndex}:${index}`);
    if (positions.some((position) => usedHere.has(position))) continue;
    for (const position of positions) usedHere.add(position);
    const keywords = weights.get(themeId) ?? new Map<string, number>();
    weights.set(themeId, keywords);
    const key = match.entry.terms.join(' ');
    keywords.set(key, Math.max(keywords.get(key) ?? 0, match.weight));
    const field = story.fields[match.fieldIndex];
    const firstToken = field?.tokens[match.first];
    const lastToken = field?.tokens[match.last - 1];
    if (field === undefined || firstToken === undefined || lastToken === undefined) continue;
    let negated = false;
    for (let index = Math.max(0, match.first - NEGATION_WINDOW); index < match.first; index += 1) {
      const before = field.tokens[index];
      if (before !== undefined && isNegator(before.form, grammar)) negated = true;
    }
    const list = evidence.get(themeId) ?? [];
    evidence.set(themeId, list);
    list.push({
      field: field.field,
      start: firstToken.start,
      end: lastToken.end,
      text: field.text.slice(firstToken.start, lastToken.end),
      keyword: match.entry.keyword,
      keywordLocale: match.entry.locale,
      negated,
    });
  }
  const result = new Map<string, ThemeKeywordEvidence>();
  for (const [themeId, keywords] of weights) {
    let sum = 0;
    for (const weight of [...keywords.values()].sort((a, b) => b - a)) sum += weight;
    const list = (evidence.get(themeId) ?? []).sort(compareEvidence);
    result.set(themeId, { sum, evidence: list });
  }
  return result;
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return fieldRank(a.field) - fieldRank(b.field) || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0) || a.start - b.start || a.end - b.end || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0);
}

export function keywordScore(sum: number): number {
  return 1 - Math.exp(-KEYWORD_RATE * sum);
}

/** Keyword score per theme, including ancestors' keywords as context for themes with keywords of their own. */
export function keywordScores(
  own: ReadonlyMap<string, ThemeKeywordEvidence>,
  codebook: CompiledCodebook,
): Map<string, { score: number; evidence: Evidence[] }> {
  const scores = new Map<string, { score: number; evidence: Evidence[] }>();
  for (const themeId of codebook.themeIds) {
    const mine = own.get(themeId);
    if (mine === undefined) continue;
    let sum = mine.sum;
    const evidence = [...mine.evidence];
    for (const ancestor of codebook.ancestors.get(themeId) ?? []) {
      const context = own.get(ancestor);
      if (context === undefined) continue;
      sum += ANCESTOR_CONTEXT_WEIGHT * context.sum;
      evidence.push(...context.evidence);
    }
    const unique = new Map<string, Evidence>();
    for (const item of evidence.sort(compareEvidence)) unique.set(`${item.field}:${item.start}:${item.end}:${item.keyword}`, item);
    scores.set(themeId, { score: keywordScore(sum), evidence: [...unique.values()] });
  }
  return scores;
}
