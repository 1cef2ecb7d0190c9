// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- stopword ships no types; tsconfigs that reach this file only through imports need the declaration named here.
/// <reference path="./stopword.d.ts" />
import { ara, eng, fas, fin, som, swe, ukr } from 'stopword';
import type { Grammar } from './locales.ts';
import { normaliseWord } from './normalise.ts';

/**
 * Stop words per language, from the maintained `stopword` package (sv, en, ar, fa, so, fi, uk). Persian's list
 * serves Dari too. Tigrinya has no maintained list; the short list below holds only its commonest function
 * words (prepositions, articles, the copula, conjunctions). Stop words are flagged, not removed: keyword phrases
 * such as "komma fram" or "no answer" contain them, and only the learned model and the term statistics skip them.
 */
const TIGRINYA = ['ኣብ', 'ናብ', 'ካብ', 'ምስ', 'እዩ', 'እያ', 'እዮም', 'እየ', 'እቲ', 'እታ', 'እዚ', 'እዚኣ', 'ግን', 'ከም', 'ወይ', 'ድማ', 'ውን', 'ኣነ', 'ንሱ', 'ንሳ'];

// Plural and enclitic fragments that Persian writers often separate with a space ("ساعت ها").
const PERSIAN_EXTRA = ['ها', 'های', 'را', 'که', 'می', 'ای', 'هم', 'این', 'آن', 'من', 'ما', 'شد', 'بود', 'است'];

const LISTS: Readonly<Record<Grammar, readonly string[]>> = {
  sv: swe,
  en: eng,
  ar: ara,
  fa: [...fas, ...PERSIAN_EXTRA],
  so: som,
  ti: TIGRINYA,
  fi: fin,
  uk: ukr,
};

const sets = new Map<Grammar, ReadonlySet<string>>();

/** Whether a normalised (unstemmed) word is a stop word in the language. */
export function isStopWord(normalisedWord: string, grammar: Grammar): boolean {
  let set = sets.get(grammar);
  if (set === undefined) {
    set = new Set(LISTS[grammar].map(normaliseWord).filter((word) => word.length > 0));
    sets.set(grammar, set);
  }
  return set.has(normalisedWord);
}
