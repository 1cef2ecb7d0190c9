/**
 * Word normalisation for matching. Applied to one word at a time, so the word's range in the original text stays
 * the token's evidence range whatever NFKC does to its length (ligatures, Arabic presentation forms).
 *
 * Choices:
 * - NFKC, then lower case (full case folding differs only for letters no form language uses).
 * - Arabic script: short vowels (harakat), Quranic marks, superscript alef and tatweel are dropped; alef with
 *   hamza or madda becomes bare alef; Persian yeh and alef maqsura become Arabic yeh (ي), Persian keheh becomes
 *   Arabic kaf (ك), teh marbuta and heh variants become heh (ه), waw and yeh with hamza lose the hamza. Arabic,
 *   Persian and Dari keyboards produce different code points for the same letters; after this they meet.
 * - Arabic-Indic and Persian digits become ASCII digits.
 * - Apostrophes (' ’ ʼ ‘ `), the zero-width (non-)joiner and the soft hyphen are removed: Somali "go'aan" and
 *   "goaan", Ukrainian "здоров’я" and "здоровя", Persian "ساعت‌ها" and "ساعتها" meet.
 * - Ethiopic (Tigrinya) is kept as it is: it has no case and NFKC leaves it alone.
 * - Latin diacritics are folded after stemming (see foldDiacritics), because the Snowball stemmers need å, ä, ö
 *   to find suffixes but misspellings without them ("vantade", "lakare") should still meet the keyword.
 *   Cyrillic й, ї, є are letters of their own and are never folded.
 */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const INVISIBLES = /['\u2019\u02BC\u2018`\u00B4\u200C\u200D\u00AD\u200B\u2060\uFEFF]/g;

const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064A', // ى → ي
  '\u06CC': '\u064A', // ی → ي
  '\u06D0': '\u064A', // ې → ي
  '\u0626': '\u064A', // ئ → ي
  '\u06A9': '\u0643', // ک → ك
  '\u0629': '\u0647', // ة → ه
  '\u06C0': '\u0647', // ۀ → ه
  '\u06BE': '\u0647', // ھ → ه
  '\u06C1': '\u0647', // ہ → ه
  '\u0624': '\u0648', // ؤ → و
};
const LETTER_VARIANT = new RegExp(`[${Object.keys(LETTER_VARIANTS).join('')}]`, 'g');
const EASTERN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;

function westernDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String.fromCharCode(0x30 + (code >= 0x06f0 ? code - 0x06f0 : code - 0x0660));
}

/** One word in the form every later step works on (not yet stemmed). */
export function normaliseWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(ARABIC_MARKS, '')
    .replace(LETTER_VARIANT, (letter) => LETTER_VARIANTS[letter] ?? letter)
    .replace(EASTERN_DIGIT, westernDigit)
    .replace(INVISIBLES, '');
}

const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

/** Latin letters lose their diacritics (å → a, ä → a, ö → o, é → e); other scripts are untouched. */
export function foldDiacritics(term: string): string {
  return term.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC');
}
