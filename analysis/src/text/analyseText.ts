import { detectLanguage, type DetectionMethod } from './detectLanguage.ts';
import { type FormLocale, type Grammar, grammarOf } from './locales.ts';
import { foldDiacritics, normaliseWord } from './normalise.ts';
import { segmentWords } from './segmentWords.ts';
import { stem } from './stem.ts';
import { isStopWord } from './stopWords.ts';

export interface TextToken {
  /** The normalised stem: what keywords and the model match on. */
  readonly term: string;
  /** The normalised word before stemming (diacritics folded like the term). */
  readonly form: string;
  /** The word as written. */
  readonly surface: string;
  /** UTF-16 range of the word in the original text: text.slice(start, end) === surface. */
  readonly start: number;
  readonly end: number;
  readonly stop: boolean;
}

export interface AnalysedText {
  readonly language: FormLocale;
  readonly method: DetectionMethod;
  readonly tokens: readonly TextToken[];
}

export interface AnalyseOptions {
  /** Skip detection and analyse as this language (keywords, or a story whose language is already stored). */
  readonly language?: FormLocale;
  /** Fold Latin diacritics after stemming (default true): "vantade" meets "väntade". */
  readonly foldDiacritics?: boolean;
}

const PIECE = /[\p{L}\p{N}\p{M}]+/gu;

/** A word in another script than the text's language is stemmed by a language of its own script. */
function grammarForWord(word: string, textGrammar: Grammar, uiGrammar: Grammar): Grammar {
  const script = scriptGrammars.find(([pattern]) => pattern.test(word));
  if (script === undefined) return textGrammar;
  const [, grammars, fallback] = script;
  if (grammars.includes(textGrammar)) return textGrammar;
  if (grammars.includes(uiGrammar)) return uiGrammar;
  return fallback;
}

const scriptGrammars: ReadonlyArray<readonly [RegExp, readonly Grammar[], Grammar]> = [
  [/\p{Script=Arabic}/u, ['ar', 'fa'], 'ar'],
  [/\p{Script=Cyrillic}/u, ['uk'], 'uk'],
  [/\p{Script=Ethiopic}/u, ['ti'], 'ti'],
  [/\p{Script=Latin}/u, ['sv', 'en', 'fi', 'so'], 'en'],
];

/**
 * Words of a text as normalised stems, each with its range in the original text so the UI can highlight
 * evidence. `locale` is the UI language; the language the text is actually written in is detected unless given.
 */
export function analyseText(text: string, locale: FormLocale, options: AnalyseOptions = {}): AnalysedText {
  const detected = options.language === undefined ? detectLanguage(text, locale) : { language: options.language, method: 'fallback' as const };
  const textGrammar = grammarOf(detected.language);
  const uiGrammar = grammarOf(locale);
  const fold = options.foldDiacritics ?? true;
  const tokens: TextToken[] = [];
  for (const word of segmentWords(text, detected.language)) {
    // NFKC can turn one written word into several (a ligature of a phrase); each piece keeps the word's range.
    for (const piece of normaliseWord(word.surface).match(PIECE) ?? []) {
      const grammar = grammarForWord(piece, textGrammar, uiGrammar);
      const stemmed = stem(piece, grammar);
      tokens.push({
        term: fold ? foldDiacritics(stemmed) : stemmed,
        form: fold ? foldDiacritics(piece) : piece,
        surface: word.surface,
        start: word.start,
        end: word.end,
        stop: isStopWord(piece, grammar),
      });
    }
  }
  return { language: detected.language, method: detected.method, tokens };
}
