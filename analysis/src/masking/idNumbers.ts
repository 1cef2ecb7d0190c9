import { daysInMonth } from './calendar.ts';
import { luhnOk } from './luhn.ts';
import type { DetectedSpan } from './types.ts';

/**
 * Personnummer, samordningsnummer (day + 60), interim numbers (letter in the 7th position) and
 * reservnummer (birth date + four characters with a letter), in 10- or 12-digit form, with `-`, `+`,
 * space or nothing before the last four, and optional spaces or dots between the date parts.
 * Bounded length (at most 17 characters) keeps the pattern linear in the text length.
 */
const CANDIDATE =
  /(?<!\d)((?:18|19|20)\d{2}|\d{2})[ .]?(0[1-9]|1[0-2])[ .]?(\d{2})[ \t]?([-+]?)[ \t]?(\d{4}(?!\d)|[\dA-Za-z]{4}(?![\p{L}\p{N}\p{M}]))/gu;

const HAS_LETTER = /[A-Za-z]/;
const HAS_DIGIT = /\d/;

/** Finds identity numbers in the working copy, following the fail-closed masking rule. */
export function findIdNumbers(text: string): DetectedSpan[] {
  const spans: DetectedSpan[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const [whole, year = '', month = '', day = '', separator = '', lastFour = ''] = match;
    if (shouldMaskIdNumber(year, month, day, separator, lastFour)) {
      spans.push({ start: match.index, end: match.index + whole.length, kind: 'id_number' });
    }
  }
  return spans;
}

/**
 * Mask when (real date AND Luhn OK), or (explicit `-`/`+` AND plausible date), or (letter form AND
 * plausible date). A mistyped number next to a separator is still somebody's number, so it is masked;
 * bare digit runs that fail the checks are usually order or case numbers and are left alone.
 */
function shouldMaskIdNumber(year: string, month: string, day: string, separator: string, lastFour: string): boolean {
  const dayOfMonth = Number(day);
  const isPlausibleDay = (dayOfMonth >= 1 && dayOfMonth <= 31) || (dayOfMonth >= 61 && dayOfMonth <= 91);
  if (!isPlausibleDay) return false;
  if (HAS_LETTER.test(lastFour)) {
    // Without a separator, lower case or letters only ("KLAR") are more likely words than an interim number.
    return separator !== '' || (lastFour === lastFour.toUpperCase() && HAS_DIGIT.test(lastFour));
  }
  if (separator !== '') return true;
  return isRealDate(year, Number(month), dayOfMonth) && luhnOk(year.slice(-2) + month + day + lastFour);
}

function isRealDate(year: string, month: number, dayOfMonth: number): boolean {
  // Without '+' a 10-digit number belongs to someone under 100, so "00" means 2000 (a leap year);
  // 19yy and 20yy share leap status for every other yy.
  const fullYear = year.length === 4 ? Number(year) : 2000 + Number(year);
  const birthDay = dayOfMonth > 60 ? dayOfMonth - 60 : dayOfMonth;
  return birthDay <= daysInMonth(fullYear, month);
}
