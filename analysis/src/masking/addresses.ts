import type { DetectedSpan } from './types.ts';

const STREET_SUFFIXES = 'gatan|vägen|väg|gata|gränden|gränd|torget|stigen|allén|backen|platsen|leden|liden';

// A lower-case compound only counts for suffixes that are not everyday nouns ("pulkabacken", "platsen").
const LOWER_CASE_SUFFIX = /(?:gatan|vägen|gata|gränden|gränd|torget|allén)$/u;

// Joints end in -leden too ("Höftleden 2 år efter operationen"), and they are not streets.
const JOINT = /(?:höft|knä|fot|hand|armbågs|axel|käk|finger|tå|tum|lår|skulder|nyckelbens|ländrygg|hals)leden$/iu;

const STARTS_UPPER_CASE = /^\p{Lu}/u;

// Distances, durations and amounts after a number mean the word before it was not a street.
const NOT_A_UNIT =
  '(?! ?(?:km|mil|m|min|minuter|timmar|tim|h|dagar|dygn|veckor|v|år|månader|mån|st|kr|kronor|gånger|ggr|procent|%)(?![\\p{L}]))';

// House number with an optional range and letter ("15", "15-17", "15B", "15 B"), then an optional flat number.
const HOUSE_NUMBER = `\\d{1,4}(?:-\\d{1,4})?${NOT_A_UNIT}(?:[A-Za-z]| [A-Z])?(?![\\p{L}\\p{N}])(?:,? (?:lgh|lägenhet)\\.? ?\\d{4}(?!\\d))?`;

/** "Storgatan 15B", "Karl-Johansgatan 3", "Järntorget 4, lgh 1102". */
const COMPOUND_STREET = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{M}])(\\p{L}[\\p{L}\\p{M}]*(?:-\\p{L}[\\p{L}\\p{M}]*)?(?:${STREET_SUFFIXES})) ${HOUSE_NUMBER}`,
  'gu',
);

/** "Olof Palmes gata 3", "Drottning Kristinas väg 20": a capitalised genitive, then the street word. */
const GENITIVE_STREET = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{M}])(?:\\p{Lu}[\\p{L}\\p{M}]* )?\\p{Lu}[\\p{L}\\p{M}]*s (?:väg|gata|gränd|allé|plats|torg|stig|backe|led) ${HOUSE_NUMBER}`,
  'gu',
);

/**
 * Postnummer `NNN NN` (optionally `SE-`), only when a capitalised town follows, because five digits
 * alone are usually prices or durations. The town is kept: it places the story without identifying anyone.
 */
const POSTCODE =
  /(?<![\p{L}\p{N}\p{M}])(?:SE?-)?[1-9]\d{2} ?\d{2}(?!\d)(?= {1,2}\p{Lu}\p{L})(?! {1,2}(?:SEK|EUR|USD|NOK|DKK|GBP|Kr|KR|Kronor|Euro)(?!\p{L}))/gu;

/** Street addresses with a house number, and postcodes followed by a town. */
export function findAddresses(text: string): DetectedSpan[] {
  const spans: DetectedSpan[] = [];
  for (const match of text.matchAll(COMPOUND_STREET)) {
    const [whole, street = ''] = match;
    if (isStreetName(street)) spans.push({ start: match.index, end: match.index + whole.length, kind: 'address' });
  }
  for (const regex of [GENITIVE_STREET, POSTCODE]) {
    for (const match of text.matchAll(regex)) {
      spans.push({ start: match.index, end: match.index + match[0].length, kind: 'address' });
    }
  }
  return spans;
}

function isStreetName(word: string): boolean {
  if (JOINT.test(word)) return false;
  if (STARTS_UPPER_CASE.test(word)) return true;
  const suffix = LOWER_CASE_SUFFIX.exec(word);
  // Lower case needs a compound ("storgatan"); the bare words "gatan" and "vägen" are ordinary nouns.
  return suffix !== null && word.length - suffix[0].length >= 2;
}
