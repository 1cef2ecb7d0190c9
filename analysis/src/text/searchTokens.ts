/**
 * Words for keyword search, derived when a story is written (MongoDB's $text is not portable to FerretDB).
 * Intl.Segmenter finds words in every form language (Arabic, Persian, Tigrinya in Ge'ez script, Cyrillic …);
 * each word is lower-cased and folded (diacritics and Arabic short vowels removed), so "Vård" finds "vard" and "vård".
 */
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** Lower case, no combining marks, no tatweel, compatibility forms unified. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/[\p{M}\u0640]/gu, '').toLocaleLowerCase('und').normalize('NFC');
}

const MASK_TOKEN = /\[[A-Z][A-Z-]*\]/g;

export const SEARCH_TOKEN_MIN_LENGTH = 2;
export const SEARCH_TOKEN_MAX_LENGTH = 40;

/** The distinct folded words of the texts, in first-seen order. */
export function searchTokens(texts: ReadonlyArray<string | undefined>, locale = 'und'): string[] {
  const tokens = new Set<string>();
  const segmenter = segmenterFor(locale);
  for (const text of texts) {
    if (text === undefined) continue;
    // Masking tokens ("[PHONE]", "[REDACTED]") are not the patient's words.
    for (const segment of segmenter.segment(text.replace(MASK_TOKEN, ' '))) {
      if (segment.isWordLike !== true) continue;
      const token = foldWord(segment.segment);
      if (token.length >= SEARCH_TOKEN_MIN_LENGTH && token.length <= SEARCH_TOKEN_MAX_LENGTH) tokens.add(token);
    }
  }
  return [...tokens];
}
