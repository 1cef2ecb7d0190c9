import { francAll } from 'franc';
import { type FormLocale, grammarOf } from './locales.ts';

export type DetectionMethod = 'script' | 'trigrams' | 'fallback';

export interface DetectedLanguage {
  readonly language: FormLocale;
  readonly method: DetectionMethod;
}

/** Below this many letters trigram statistics are guesswork, and the UI language is the better bet. */
export const MIN_LETTERS_FOR_TRIGRAMS = 20;
/** The UI language wins unless another language scores clearly better (franc scores the best language 1). */
const UI_LANGUAGE_MARGIN = 0.9;

const LATIN_CANDIDATES: ReadonlyArray<readonly [string, FormLocale]> = [
  ['swe', 'sv'],
  ['eng', 'en'],
  ['fin', 'fi'],
  ['som', 'so'],
];
const ARABIC_SCRIPT_CANDIDATES: ReadonlyArray<readonly [string, FormLocale]> = [
  ['arb', 'ar'],
  ['pes', 'fa'],
  ['prs', 'prs'],
];

interface ScriptCounts {
  latin: number;
  arabic: number;
  cyrillic: number;
  ethiopic: number;
}

function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { latin: 0, arabic: 0, cyrillic: 0, ethiopic: 0 };
  for (const character of text) {
    if (/\p{Script=Latin}/u.test(character)) counts.latin += 1;
    else if (/\p{Script=Arabic}/u.test(character) && /\p{L}/u.test(character)) counts.arabic += 1;
    else if (/\p{Script=Cyrillic}/u.test(character)) counts.cyrillic += 1;
    else if (/\p{Script=Ethiopic}/u.test(character) && /\p{L}/u.test(character)) counts.ethiopic += 1;
  }
  return counts;
}

function scriptOf(locale: FormLocale): keyof ScriptCounts {
  switch (grammarOf(locale)) {
    case 'ar':
    case 'fa':
      return 'arabic';
    case 'uk':
      return 'cyrillic';
    case 'ti':
      return 'ethiopic';
    default:
      return 'latin';
  }
}

/** Easy-to-read Swedish is Swedish, and Dari and Persian are one written language: keep the UI's variant. */
function preferUiVariant(language: FormLocale, uiLocale: FormLocale): FormLocale {
  return grammarOf(language) === grammarOf(uiLocale) ? uiLocale : language;
}

/**
 * The language a story is actually written in. The script decides first: Ge'ez letters are Tigrinya and Cyrillic
 * Ukrainian (the only form languages in those scripts). Within Latin (sv, en, fi, so) and Arabic script
 * (ar, fa, prs), franc's trigram model restricted to the form languages decides, but only for texts of at least
 * MIN_LETTERS_FOR_TRIGRAMS letters and only when it clearly beats the UI language; otherwise the UI language is
 * kept when it is written in the text's script. A mixed text goes by the script most of its letters are in.
 */
export function detectLanguage(text: string, uiLocale: FormLocale): DetectedLanguage {
  const counts = countScripts(text);
  const letters = counts.latin + counts.arabic + counts.cyrillic + counts.ethiopic;
  if (letters === 0) return { language: uiLocale, method: 'fallback' };
  const scripts: ReadonlyArray<keyof ScriptCounts> = ['latin', 'arabic', 'cyrillic', 'ethiopic'];
  let script: keyof ScriptCounts = 'latin';
  for (const candidate of scripts) if (counts[candidate] > counts[script]) script = candidate;
  const uiScript = scriptOf(uiLocale);
  if (script === 'ethiopic') return { language: 'ti', method: 'script' };
  if (script === 'cyrillic') return { language: 'uk', method: 'script' };
  const candidates = script === 'latin' ? LATIN_CANDIDATES : ARABIC_SCRIPT_CANDIDATES;
  if (counts[script] < MIN_LETTERS_FOR_TRIGRAMS) {
    if (uiScript === script) return { language: uiLocale, method: 'fallback' };
    return { language: candidates[0]?.[1] ?? uiLocale, method: 'fallback' };
  }
  const scores = francAll(text, { only: candidates.map(([code]) => code), minLength: 1 });
  const localeOf = (code: string): FormLocale | undefined => candidates.find(([candidate]) => candidate === code)?.[1];
  const best = scores[0];
  const bestLocale = best === undefined ? undefined : localeOf(best[0]);
  if (bestLocale === undefined) return { language: uiScript === script ? uiLocale : (candidates[0]?.[1] ?? uiLocale), method: 'fallback' };
  if (uiScript === script) {
    const uiGrammar = grammarOf(uiLocale);
    const uiScore = Math.max(0, ...scores.filter(([code]) => { const locale = localeOf(code); return locale !== undefined && grammarOf(locale) === uiGrammar; }).map(([, score]) => score));
    if (uiScore >= UI_LANGUAGE_MARGIN) return { language: uiLocale, method: 'trigrams' };
  }
  return { language: preferUiVariant(bestLocale, uiLocale), method: 'trigrams' };
}
