import { stemmer as arabicStemmer } from '@orama/stemmers/arabic';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as finnishStemmer } from '@orama/stemmers/finnish';
import { stemmer as swedishStemmer } from '@orama/stemmers/swedish';
import { stemmer as ukrainianStemmer } from '@orama/stemmers/ukrainian';
import type { Grammar } from './locales.ts';
import { normaliseWord } from './normalise.ts';

/**
 * Stemming per language. Swedish, English (Porter), Finnish, Arabic and Ukrainian use the Snowball stemmers of
 * `@orama/stemmers`. Persian/Dari, Somali and Tigrinya have no maintained stemmer for JavaScript; each gets a
 * light, documented suffix stripper below that removes only the commonest inflections and never leaves a stem
 * shorter than a safe minimum. Over-stemming only merges words; keywords go through the same function, so a
 * keyword and its inflected forms in a story meet.
 */
export function stem(normalisedWord: string, grammar: Grammar): string {
  if (!/\p{L}/u.test(normalisedWord)) return normalisedWord;
  switch (grammar) {
    case 'sv':
      return swedishStemmer(normalisedWord);
    case 'en':
      return englishStemmer(normalisedWord);
    case 'fi':
      return finnishStemmer(normalisedWord);
    case 'uk':
      return ukrainianStemmer(normalisedWord);
    case 'ar':
      return arabicStemmer(stripArabicConjunction(normalisedWord));
    case 'fa':
      return stemPersian(normalisedWord);
    case 'so':
      return stemSomali(normalisedWord);
    case 'ti':
      return stemTigrinya(normalisedWord);
  }
}

function length(word: string): number {
  return [...word].length;
}

function stripSuffix(word: string, suffixes: readonly string[], minStem: number): string {
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && length(word) - length(suffix) >= minStem) return word.slice(0, word.length - suffix.length);
  }
  return word;
}

// "و" (and) and "ف" (so) glued before the article: the Snowball stemmer strips "ال" and "بال" but not "وال".
function stripArabicConjunction(word: string): string {
  return /^[وف]ال/.test(word) && length(word) > 4 ? word.slice(1) : word;
}

// Written in ordinary spelling and normalised like the text, so ی/ي and ک/ك variants meet.
const PERSIAN_SUFFIXES = ['هایی', 'هایم', 'هایش', 'های', 'ها', 'ترین', 'یم', 'ید', 'ند', 'ام', 'ات', 'اش', 'ان', 'ی']
  .map(normaliseWord)
  .sort((a, b) => length(b) - length(a));
const PERSIAN_PREFIXES = ['نمی', 'می'].map(normaliseWord);

/** Persian and Dari: the verbal prefixes می/نمی, plural ها/ان, comparative ترین, personal and ezafe endings. */
function stemPersian(word: string): string {
  let result = word;
  for (const prefix of PERSIAN_PREFIXES) {
    if (result.startsWith(prefix) && length(result) - length(prefix) >= 3) {
      result = result.slice(prefix.length);
      break;
    }
  }
  return stripSuffix(result, PERSIAN_SUFFIXES, 3);
}

// Possessives, definite articles (near and remote, all the consonant-assimilated forms) and plural endings.
const SOMALI_SUFFIXES = [
  'kayga', 'tayda', 'gayga', 'hayga', 'dayda', 'ayga', 'kaaga', 'taada', 'gaaga', 'kiisa', 'tiisa', 'giisa', 'keeda', 'teeda',
  'geeda', 'kooda', 'tooda', 'gooda', 'keena', 'teena', 'geena', 'ooyin', 'yaal', 'kii', 'tii', 'gii', 'dii', 'hii', 'kan',
  'tan', 'gan', 'dan', 'sha', 'ka', 'ta', 'ga', 'da', 'ha',
].sort((a, b) => b.length - a.length);

/** Somali: one possessive, article or plural ending, then a final vowel (daawo / daawada → daaw). */
function stemSomali(word: string): string {
  const stripped = stripSuffix(word, SOMALI_SUFFIXES, 3);
  return /[aeiou]$/.test(stripped) && length(stripped) >= 5 ? stripped.slice(0, -1) : stripped;
}

const ETHIOPIC_START = 0x1200;
const ETHIOPIC_END = 0x137f;
const TIGRINYA_SUFFIXES = ['ትታት', 'ታት', 'ኩም', 'ኽን', 'ክን', 'ካ', 'ኪ', 'ና', 'ይ'];

function orderOf(code: number): number {
  return (code - ETHIOPIC_START) % 8;
}

/**
 * Tigrinya: plural ታት and possessive endings. A Ge'ez syllable writes a consonant and its vowel, so
 * "ሓኪም" + "-ey" is written "ሓኪመይ": after removing ይ the last syllable goes back to its vowelless
 * (sixth-order) form, giving ሓኪም again.
 */
function stemTigrinya(word: string): string {
  const characters = [...word];
  for (const suffix of TIGRINYA_SUFFIXES) {
    const suffixLength = length(suffix);
    if (!word.endsWith(suffix) || characters.length - suffixLength < 2) continue;
    const stemCharacters = characters.slice(0, characters.length - suffixLength);
    const last = stemCharacters.at(-1)?.codePointAt(0);
    if (suffix === 'ይ' && last !== undefined && last >= ETHIOPIC_START && last <= ETHIOPIC_END && orderOf(last) === 0) {
      stemCharacters[stemCharacters.length - 1] = String.fromCodePoint(last + 5);
    }
    return stemCharacters.join('');
  }
  return word;
}
