import type { CompiledCodebook, KeywordEntry } from '../suggest/compileCodebook.ts';
import type { AnalysedField, AnalysedStory } from '../suggest/matchKeywords.ts';
import { analyseText, type TextToken } from '../text/analyseText.ts';
import { detectLanguage } from '../text/detectLanguage.ts';
import { FORM_LOCALES, type FormLocale, type Grammar, grammarOf } from '../text/locales.ts';
import { foldDiacritics, normaliseWord } from '../text/normalise.ts';
import { segmentWords } from '../text/segmentWords.ts';
import { stem } from '../text/stem.ts';
import { isStopWord } from '../text/stopWords.ts';
import type { Concept, ConceptLexicon } from './lexicon.ts';

/** A story to cluster: its masked free-text fields and languages. */
export interface ClusterStory {
  readonly id: string;
  /** Free-text fields by name (whatHappened, whatWorkedWell, …); masked text. */
  readonly fields: Readonly<Record<string, string | undefined>>;
  /** The form language the respondent used. */
  readonly locale: FormLocale;
  /** The language the story is written in, when already detected and stored; detected otherwise. */
  readonly language?: FormLocale | undefined;
}

/** `theme:<id>` (a codebook theme's keywords in any language), `concept:<key>` (the lexicon), `word:<stem>`. */
export type FeatureKind = 'theme' | 'concept' | 'word';

export interface StoryFeatures {
  readonly id: string;
  /** The language the story was analysed in. */
  readonly language: FormLocale;
  /** Feature key → how many times it occurs in the story. */
  readonly counts: ReadonlyMap<string, number>;
  /** Word feature key → the word as first written in this story (lower case), for labels. */
  readonly surfaces: ReadonlyMap<string, string>;
  /** Field name → the feature keys found in it (for choosing which field to quote). */
  readonly fields: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface CompiledLexicon {
  readonly concepts: readonly Concept[];
  /** A word's stem or normalised form → the concepts it names. */
  readonly byTerm: ReadonlyMap<string, readonly number[]>;
  /** Swedish and Finnish stems of at least AFFIX_MIN letters, also found at the start or end of a longer word. */
  readonly affixes: ReadonlyMap<Grammar, ReadonlyMap<string, readonly number[]>>;
  /** Memo of matches per grammar, stem and form: the same words recur across thousands of stories. */
  readonly memo: Map<string, readonly number[]>;
}

/** Shorter stems are too often part of unrelated words. */
export const AFFIX_MIN = 4;
/** A compound's tail must leave at least this much for its head ("parkerings|avgift"). */
const COMPOUND_HEAD_MIN = 3;
/** Words shorter than this (in characters) are not features. */
const WORD_MIN = 2;
const LETTER = /\p{L}/u;
const PIECE = /[\p{L}\p{N}\p{M}]+/gu;
const FIELD_ORDER = ['whatHappened', 'whatWorkedWell', 'whatCouldBeBetter', 'idea'];

/** A locale per grammar, to analyse a lexicon word as that language. */
function localeOf(grammar: Grammar): FormLocale {
  return FORM_LOCALES.find((locale) => grammarOf(locale) === grammar) ?? 'sv';
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

const lexiconCache = new WeakMap<ConceptLexicon, CompiledLexicon>();

/** Analyses every lexicon word once (cached per lexicon array). */
export function compileLexicon(lexicon: ConceptLexicon): CompiledLexicon {
  const cached = lexiconCache.get(lexicon);
  if (cached !== undefined) return cached;
  const byTerm = new Map<string, number[]>();
  const affixes = new Map<Grammar, Map<string, number[]>>();
  lexicon.forEach((concept, index) => {
    for (const [grammarKey, words] of Object.entries(concept.words)) {
      const grammar = grammarKeyOf(grammarKey);
      for (const word of words ?? []) {
        const tokens = analyseText(word, localeOf(grammar), { language: localeOf(grammar) }).tokens;
        // Single words only: a phrase would need its own matching and the lexicon has none.
        const [token] = tokens;
        if (token === undefined || tokens.length !== 1) continue;
        push(byTerm, token.term, index);
        if (token.form !== token.term) push(byTerm, token.form, index);
        if ((grammar === 'sv' || grammar === 'fi') && [...token.term].length >= AFFIX_MIN) {
          const perGrammar = affixes.get(grammar) ?? new Map<string, number[]>();
          affixes.set(grammar, perGrammar);
          push(perGrammar, token.term, index);
        }
      }
    }
  });
  const compiled: CompiledLexicon = { concepts: lexicon, byTerm, affixes, memo: new Map() };
  lexiconCache.set(lexicon, compiled);
  return compiled;
}

function grammarKeyOf(key: string): Grammar {
  const locale = FORM_LOCALES.find((candidate) => candidate === key);
  return locale === undefined ? 'sv' : grammarOf(locale);
}

/** The concepts a word names: by stem or form, and in Swedish and Finnish also as part of a compound. */
function conceptsOf(lexicon: CompiledLexicon, grammar: Grammar, term: string, form: string): readonly number[] {
  const memoKey = `${grammar}\u0001${term}\u0001${form}`;
  const cached = lexicon.memo.get(memoKey);
  if (cached !== undefined) return cached;
  const found = new Set<number>([...(lexicon.byTerm.get(term) ?? []), ...(lexicon.byTerm.get(form) ?? [])]);
  const affixes = lexicon.affixes.get(grammar);
  if (affixes !== undefined) {
    for (let length = AFFIX_MIN; length <= term.length; length += 1) {
      for (const index of affixes.get(term.slice(0, length)) ?? []) found.add(index);
      if (term.length - length >= COMPOUND_HEAD_MIN) for (const index of affixes.get(term.slice(term.length - length)) ?? []) found.add(index);
    }
  }
  const result = [...found].sort((a, b) => a - b);
  lexicon.memo.set(memoKey, result);
  return result;
}

/** A word in another script than the text's language is stemmed by a language of its own script (as analyseText does). */
const SCRIPT_GRAMMARS: ReadonlyArray<readonly [RegExp, readonly Grammar[], Grammar]> = [
  [/\p{Script=Arabic}/u, ['ar', 'fa'], 'ar'],
  [/\p{Script=Cyrillic}/u, ['uk'], 'uk'],
  [/\p{Script=Ethiopic}/u, ['ti'], 'ti'],
  [/\p{Script=Latin}/u, ['sv', 'en', 'fi', 'so'], 'en'],
];

function grammarForWord(word: string, textGrammar: Grammar, uiGrammar: Grammar): Grammar {
  const script = SCRIPT_GRAMMARS.find(([pattern]) => pattern.test(word));
  if (script === undefined) return textGrammar;
  const [, grammars, fallback] = script;
  if (grammars.includes(textGrammar)) return textGrammar;
  if (grammars.includes(uiGrammar)) return uiGrammar;
  return fallback;
}

type WordPieces = ReadonlyArray<Pick<TextToken, 'term' | 'form' | 'stop'>>;
/** Analysed words by grammar and spelling, shared by the stories of one run. */
export type WordMemo = Map<string, WordPieces>;

/**
 * analyseText's tokens (same normalisation, script-aware grammar, stemming and folding), with each distinct
 * spelling analysed once per run: the same words recur across thousands of stories.
 */
export function analyseForClustering(story: ClusterStory, memo: WordMemo): AnalysedStory {
  const names = Object.keys(story.fields)
    .filter((field) => (story.fields[field] ?? '').trim() !== '')
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const language = story.language ?? detectLanguage(names.map((field) => story.fields[field] ?? '').join('\n'), story.locale).language;
  const textGrammar = grammarOf(language);
  const uiGrammar = grammarOf(story.locale);
  const fields: AnalysedField[] = names.map((field) => {
    const text = story.fields[field] ?? '';
    const tokens: TextToken[] = [];
    for (const word of segmentWords(text, language)) {
      const key = `${textGrammar}\u0001${uiGrammar}\u0001${word.surface}`;
      let pieces = memo.get(key);
      if (pieces === undefined) {
        pieces = (normaliseWord(word.surface).match(PIECE) ?? []).map((piece) => {
          const grammar = grammarForWord(piece, textGrammar, uiGrammar);
          return { term: foldDiacritics(stem(piece, grammar)), form: foldDiacritics(piece), stop: isStopWord(piece, grammar) };
        });
        memo.set(key, pieces);
      }
      for (const piece of pieces) tokens.push({ ...piece, surface: word.surface, start: word.start, end: word.end });
    }
    return { field, text, tokens };
  });
  return { language, fields };
}

function rank(field: string): number {
  const index = FIELD_ORDER.indexOf(field);
  return index === -1 ? FIELD_ORDER.length : index;
}

/** Shorter remainders are too often a suffix, not a compound ("telefon|en"). */
const COMPOUND_REST_MIN = 3;

function commonPrefixLength(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let length = 0;
  while (length < left.length && length < right.length && left[length] === right[length]) length += 1;
  return length;
}

/** A one-word keyword inside a Swedish or Finnish compound, or a Finnish stem alternation (the suggestion engine's rules). */
function inCompound(entry: KeywordEntry, term: string, grammar: Grammar): boolean {
  const keyword = entry.terms[0] ?? '';
  if (term === keyword) return false;
  const rest = [...term].length - [...keyword].length;
  if (rest >= COMPOUND_REST_MIN && (term.startsWith(keyword) || term.endsWith(keyword))) return true;
  return grammar === 'fi' && commonPrefixLength(term, keyword) >= Math.max(4, [...keyword].length - 1);
}

function fitsAt(entry: KeywordEntry, tokens: readonly TextToken[], index: number): boolean {
  return entry.terms.every((term, offset) => {
    const other = tokens[index + offset];
    return other !== undefined && (other.term === term || other.form === entry.forms[offset]);
  });
}

/**
 * The codebook themes whose keywords (in any language) match at this token: the same matching as the suggestion
 * engine (stems or forms, phrases, compounds; a lone stop word only matches a stop-word keyword), with the one-word
 * matches of each distinct word worked out once per run.
 */
function themesAt(codebook: CompiledCodebook, grammar: Grammar, tokens: readonly TextToken[], index: number, memo: WordMemo): readonly string[] {
  const token = tokens[index];
  if (token === undefined) return [];
  const candidates = [...(codebook.byFirstTerm.get(token.term) ?? []), ...(codebook.byFirstForm.get(token.form) ?? [])];
  const memoKey = `theme\u0001${grammar}\u0001${token.term}\u0001${token.form}\u0001${token.stop ? 1 : 0}`;
  let single = themeMemo.get(memo)?.get(memoKey);
  if (single === undefined) {
    const found = new Set<string>();
    for (const entry of candidates) if (entry.terms.length === 1 && !(token.stop && !entry.stop) && fitsAt(entry, tokens, index)) found.add(entry.themeId);
    if (!token.stop && (grammar === 'sv' || grammar === 'fi')) {
      for (const entry of codebook.compoundable.get(grammar) ?? []) if (inCompound(entry, token.term, grammar)) found.add(entry.themeId);
    }
    single = [...found];
    const perRun = themeMemo.get(memo) ?? new Map<string, readonly string[]>();
    themeMemo.set(memo, perRun);
    perRun.set(memoKey, single);
  }
  const phrases = candidates.filter((entry) => entry.terms.length > 1 && !single.includes(entry.themeId) && fitsAt(entry, tokens, index)).map((entry) => entry.themeId);
  return phrases.length === 0 ? single : [...new Set([...single, ...phrases])];
}

/** One-word theme matches per run, kept beside the run's word memo. */
const themeMemo = new WeakMap<WordMemo, Map<string, readonly string[]>>();

/**
 * The features of one story: the codebook themes whose keywords (in any language) it uses, the lexicon concepts
 * it names, and its content words as stems. Stop words, masked tokens and one-letter words are left out.
 */
export function storyFeatures(story: ClusterStory, codebook: CompiledCodebook | undefined, lexicon: CompiledLexicon, memo: WordMemo = new Map()): StoryFeatures {
  const analysed = analyseForClustering(story, memo);
  const grammar = grammarOf(analysed.language);
  const counts = new Map<string, number>();
  const surfaces = new Map<string, string>();
  const perField = new Map<string, Set<string>>();
  const add = (key: string, field: string) => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const set = perField.get(field) ?? new Set<string>();
    perField.set(field, set);
    set.add(key);
  };
  for (const field of analysed.fields) {
    for (const token of field.tokens) {
      if (token.stop || [...token.term].length < WORD_MIN || !LETTER.test(token.term)) continue;
      const key = `word:${token.term}`;
      add(key, field.field);
      if (!surfaces.has(key)) surfaces.set(key, token.surface.toLocaleLowerCase());
      for (const index of conceptsOf(lexicon, grammar, token.term, token.form)) {
        const concept = lexicon.concepts[index];
        if (concept !== undefined) add(`concept:${concept.key}`, field.field);
      }
    }
  }
  if (codebook !== undefined) {
    for (const field of analysed.fields) {
      for (let index = 0; index < field.tokens.length; index += 1) {
        for (const themeId of themesAt(codebook, grammar, field.tokens, index, memo)) add(`theme:${themeId}`, field.field);
      }
    }
  }
  return { id: story.id, language: analysed.language, counts, surfaces, fields: perField };
}
