import type { DetectedSpan } from './types.ts';

/**
 * A run of characters that may hold phone numbers: it starts at `+`, `(0` or `0` that is not glued to
 * a word, a digit, or a decimal/date/time separator after a digit (so `2024-05-12`, `3,05` and
 * `10.05` do not start a run; a slash may, as in "pnr/tel" lists). Dots and colons are not part of a
 * run, which keeps times like `08.00-16.30` and `14:30` out. The run is then split into tokens and
 * read by code, which keeps the pattern free of nested quantifiers.
 */
const RUN = /(?<![\p{L}\p{N}\p{M}_]|\p{N}[-.:,])(?:\(?\+ ?\d|\(?0)[\d \-/()]*/gu;

const TOKEN = /\(\+ ?(\d{1,3})\)|(\+ ?)|\((\d{1,4})\)|(\d+)|([ \-/]+)|([()])/y;

const VALID_SEPARATOR = /^(?: ?[-/] ?| )$/;

// A run shaped like dd-mm-yyyy or dd/mm/yyyy is a date, not a phone number.
const DATE_SHAPE = /^\d{1,2}([-/ ])\d{1,2}\1\d{4}$/;

// "08-17 09-15" lists opening hours, not a Stockholm number.
const HOUR_RANGES = /^(?:[01]\d|2[0-4])-(?:[01]\d|2[0-4])(?: (?:[01]\d|2[0-4])-(?:[01]\d|2[0-4]))+$/;

// Swedish national significant numbers are 7–9 digits; E.164 allows at most 15 digits in total.
const MIN_NATIONAL = 7;
const MAX_NATIONAL = 9;
const MIN_INTERNATIONAL = 8;
const MAX_INTERNATIONAL = 15;

// 'country' is a bracketed country code such as "(+46)".
type TokenType = 'country' | 'plus' | 'paren' | 'digits' | 'separator' | 'other';

interface Token {
  type: TokenType;
  start: number;
  end: number;
  text: string;
}

interface PhoneStart {
  isSwedish: boolean;
  digitCount: number;
  lastToken: number;
  // True right after +46/0046 before any national digit, where a redundant trunk 0 may follow.
  expectsTrunk: boolean;
}

/**
 * Swedish numbers (`+46`, `0046`, or a trunk `0` plus area code; 7–9 national significant digits)
 * and other international numbers written with `+` or `00` and 8–15 digits.
 */
export function findPhoneNumbers(text: string): DetectedSpan[] {
  const spans: DetectedSpan[] = [];
  for (const match of text.matchAll(RUN)) {
    const tokens = tokenize(match[0]);
    for (const range of phonesInRun(tokens)) {
      const candidate = match[0].slice(range.start, range.end);
      if (DATE_SHAPE.test(candidate) || HOUR_RANGES.test(candidate)) continue;
      spans.push({ start: match.index + range.start, end: match.index + range.end, kind: 'phone' });
    }
  }
  return spans;
}

function tokenize(run: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < run.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(run);
    if (match === null) break;
    const [text, country, plus, paren, digits, separator] = match;
    let type: TokenType = 'other';
    if (country !== undefined) type = 'country';
    else if (plus !== undefined) type = 'plus';
    else if (paren !== undefined) type = 'paren';
    else if (digits !== undefined) type = 'digits';
    else if (separator !== undefined) type = 'separator';
    const inner = country ?? paren ?? text;
    tokens.push({ type, start, end: TOKEN.lastIndex, text: inner });
  }
  return tokens;
}

function phonesInRun(tokens: readonly Token[]): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let index = 0;
  while (index < tokens.length) {
    const first = tokens[index];
    const lastToken = first !== undefined && canStartHere(tokens, index) ? readPhone(tokens, index) : undefined;
    const last = lastToken === undefined ? undefined : tokens[lastToken];
    if (first !== undefined && lastToken !== undefined && last !== undefined) {
      ranges.push({ start: first.start, end: last.end });
      index = lastToken + 1;
    } else {
      index += 1;
    }
  }
  return ranges;
}

// Inside a run, a new number may start after a space, a slash ("073-1234567/08-1234567") or a bracket, never after `-` alone.
function canStartHere(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (previous === undefined) return true;
  if (previous.type === 'other') return true;
  return previous.type === 'separator' && previous.text !== '-';
}

/** Returns the index of the last token of the longest valid phone number starting at `index`. */
function readPhone(tokens: readonly Token[], index: number): number | undefined {
  const start = readStart(tokens, index);
  if (start === undefined) return undefined;
  const minimum = start.isSwedish ? MIN_NATIONAL : MIN_INTERNATIONAL;
  const maximum = start.isSwedish ? MAX_NATIONAL : MAX_INTERNATIONAL;
  let { digitCount, lastToken, expectsTrunk } = start;
  let best =
    digitCount >= minimum && digitCount <= maximum && !continuesWithGluedDigits(tokens, lastToken) ? lastToken : undefined;
  let groups = 1;

  if (expectsTrunk) {
    // "+46 (0)31 …": the bracketed trunk zero is written but not dialled.
    const afterSeparator = tokens[lastToken + 1]?.type === 'separator' ? lastToken + 2 : lastToken + 1;
    const trunk = tokens[afterSeparator];
    if (trunk?.type === 'paren' && trunk.text === '0') lastToken = afterSeparator;
  }

  while (digitCount <= maximum) {
    const previous = tokens[lastToken];
    let next = lastToken + 1;
    const separator = tokens[next];
    if (separator?.type === 'separator') {
      if (!VALID_SEPARATOR.test(separator.text)) break;
      // A slash is only written after the area code ("031/342 10 00"); elsewhere it means a date or a ratio.
      if (separator.text.includes('/') && groups > 1) break;
      next += 1;
    } else if (previous?.type !== 'paren' && previous?.type !== 'country') {
      break;
    }
    const group = tokens[next];
    if (group === undefined) break;
    let digits: string;
    if (group.type === 'digits') digits = group.text;
    else if (group.type === 'paren' && !start.isSwedish) digits = group.text;
    else break;
    if (expectsTrunk && digitCount === 0 && digits.startsWith('0')) digits = digits.slice(1);
    expectsTrunk = false;
    digitCount += digits.length;
    lastToken = next;
    groups += 1;
    if (digitCount >= minimum && digitCount <= maximum && !continuesWithGluedDigits(tokens, lastToken)) best = lastToken;
  }
  return best;
}

// A number never ends where a dash glues on more digits ("08-17 09-15 10-14" is opening hours).
function continuesWithGluedDigits(tokens: readonly Token[], lastToken: number): boolean {
  const separator = tokens[lastToken + 1];
  return separator?.type === 'separator' && separator.text === '-' && tokens[lastToken + 2]?.type === 'digits';
}

function readStart(tokens: readonly Token[], index: number): PhoneStart | undefined {
  const token = tokens[index];
  if (token === undefined) return undefined;
  if (token.type === 'country') return afterCountryCode(token.text, index);
  if (token.type === 'plus') {
    const digits = tokens[index + 1];
    return digits?.type === 'digits' ? afterCountryCode(digits.text, index + 1) : undefined;
  }
  if (token.type === 'digits') {
    const digits = token.text;
    if (digits === '00') {
      // "00 46 …": the international prefix written apart from the country code.
      const separator = tokens[index + 1];
      const code = tokens[index + 2];
      const isSpaced = separator?.type === 'separator' && VALID_SEPARATOR.test(separator.text);
      return isSpaced && code?.type === 'digits' ? afterCountryCode(code.text, index + 2) : undefined;
    }
    if (digits.startsWith('00')) return afterCountryCode(digits.slice(2), index);
    // A lone "0" is a quantity ("0 5 mg"), not a trunk prefix with an area code.
    if (digits.startsWith('0') && digits.length >= 2) {
      return { isSwedish: true, digitCount: digits.length - 1, lastToken: index, expectsTrunk: false };
    }
    return undefined;
  }
  if (token.type === 'paren' && token.text.startsWith('0') && token.text.length >= 2) {
    return { isSwedish: true, digitCount: token.text.length - 1, lastToken: index, expectsTrunk: false };
  }
  return undefined;
}

/** Reads what follows `+` or `00`: `digits` holds the country code and possibly the first national digits. */
function afterCountryCode(digits: string, lastToken: number): PhoneStart | undefined {
  if (digits.startsWith('46')) {
    return { isSwedish: true, digitCount: digits.length - 2, lastToken, expectsTrunk: digits.length === 2 };
  }
  // Country codes never start with 0.
  if (digits === '' || digits.startsWith('0')) return undefined;
  return { isSwedish: false, digitCount: digits.length, lastToken, expectsTrunk: false };
}
