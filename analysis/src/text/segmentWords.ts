/** A word of the original text, with its UTF-16 range in that text. */
export interface WordSegment {
  readonly surface: string;
  readonly start: number;
  readonly end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (segmenter === undefined) {
    // Intl does not know the private-use subtag of Easy-to-read Swedish; its words break like Swedish.
    segmenter = new Intl.Segmenter(locale === 'sv-x-lattlast' ? 'sv' : locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

// Masking tokens ("[PHONE]", "[ID-NUMBER]") stand for removed personal data, not for the writer's words.
const MASK_TOKEN = /\[[A-Z][A-Z-]*\]/g;

/** The words of a text (Intl.Segmenter's word-like segments), skipping masking tokens. */
export function segmentWords(text: string, locale: string): WordSegment[] {
  const masked: Array<readonly [number, number]> = [];
  for (const match of text.matchAll(MASK_TOKEN)) masked.push([match.index, match.index + match[0].length]);
  const words: WordSegment[] = [];
  for (const segment of segmenterFor(locale).segment(text)) {
    if (segment.isWordLike !== true) continue;
    const start = segment.index;
    const end = start + segment.segment.length;
    if (masked.some(([from, to]) => start >= from && end <= to)) continue;
    words.push({ surface: segment.segment, start, end });
  }
  return words;
}
