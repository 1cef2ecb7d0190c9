import type { DetectedSpan } from './types.ts';

/**
 * The "@" of an address: a real `@`, a bracketed `(at)`, `[at]`, `{at}`, `<at>`, `(@)`, `(snabel-a)`,
 * or the bare words `snabel-a`/`snabel a`/`at` between spaces. The address around it is read by code,
 * so no pattern has to scan back over the local part (which would be quadratic on long words).
 */
const AT_MARKER = /@|[([{<] ?(?:at|snabel[- ]?a|@) ?[)\]}>]|(?<=\s)(?:snabel[- ]?a|at)(?=\s)/giu;

const BARE_AT = /^at$/i;
const ADDRESS_LIKE_LOCAL_PART = /[._%+\d-]/;
const LOCAL_CHARACTER = /^[\p{L}\p{N}\p{M}._%+-]$/u;
const LABEL = /[\p{L}\p{N}\p{M}-]+/uy;
const DOT = /\.|(?: ?[([{<] ?(?:dot|punkt) ?[)\]}>] ?)| (?:dot|punkt) /iuy;
const OBFUSCATED_DOT_BEFORE = /(?: ?[([{<] ?(?:dot|punkt) ?[)\]}>] ?| (?:dot|punkt) )$/iu;
const TOP_LEVEL_DOMAIN = /^\p{L}{2,}$/u;

// After a spelled-out dot, only common top-level domains count, so prose like "dot by dot" stays.
const SPELLED_OUT_TLD =
  /^(?:se|nu|com|net|org|eu|fi|no|dk|is|ax|de|uk|ee|fr|nl|es|pl|ch|be|at|ua|ru|so|er|et|ir|iq|sy|tr|info|io|me|biz|edu|gov)$/i;

// Three spelled-out dots in a local part ("anna punkt maria punkt svensson") are plenty; more is prose.
const MAX_OBFUSCATED_LOCAL_DOTS = 3;

/**
 * E-mail addresses, including Unicode local parts (`åsa@exempel.se`) and the common obfuscations
 * `namn(at)domän.se`, `namn snabel-a domän punkt se` and `namn at domän dot se`. A bare `at` counts
 * only when the domain uses a spelled-out dot or the local part has a dot, digit or similar
 * (`anna.svensson at gmail.com`), because "look at example.com" is ordinary English.
 */
export function findEmails(text: string): DetectedSpan[] {
  const spans: DetectedSpan[] = [];
  for (const marker of text.matchAll(AT_MARKER)) {
    const markerStart = marker.index;
    const markerEnd = markerStart + marker[0].length;
    const isPlainAt = marker[0] === '@';
    const localEnd = skipSpaceBefore(text, markerStart);
    const domainStart = skipSpaceAfter(text, markerEnd);
    // "anna @ x.se" is an address, but "följ oss @vgregion" is a handle, so a plain @ needs even spacing.
    if (isPlainAt && markerStart - localEnd !== domainStart - markerEnd) continue;
    const start = readLocalPart(text, localEnd, !isPlainAt);
    if (start === undefined) continue;
    const domain = readDomain(text, domainStart);
    if (domain === undefined) continue;
    const isAddressLike = domain.usesSpelledOutDot || ADDRESS_LIKE_LOCAL_PART.test(text.slice(start, localEnd));
    if (BARE_AT.test(marker[0]) && !isAddressLike) continue;
    spans.push({ start, end: domain.end, kind: 'email' });
  }
  return spans;
}

function skipSpaceBefore(text: string, position: number): number {
  return text[position - 1] === ' ' ? position - 1 : position;
}

function skipSpaceAfter(text: string, position: number): number {
  return text[position] === ' ' ? position + 1 : position;
}

/** Start of the local part that ends at `end`, or undefined when there is none. */
function readLocalPart(text: string, end: number, allowSpelledOutDots: boolean): number | undefined {
  let start = scanLocalBack(text, end);
  if (start === end) return undefined;
  if (!allowSpelledOutDots) return start;
  for (let dots = 0; dots < MAX_OBFUSCATED_LOCAL_DOTS; dots += 1) {
    const before = OBFUSCATED_DOT_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
    if (before === null) break;
    const wordEnd = start - before[0].length;
    const wordStart = scanLocalBack(text, wordEnd);
    if (wordStart === wordEnd) break;
    start = wordStart;
  }
  return start;
}

function scanLocalBack(text: string, end: number): number {
  let position = end;
  while (position > 0) {
    const low = text.charCodeAt(position - 1);
    // Step over a whole surrogate pair so astral letters are tested as one character.
    const width = low >= 0xdc00 && low <= 0xdfff && position >= 2 ? 2 : 1;
    if (!LOCAL_CHARACTER.test(text.slice(position - width, position))) break;
    position -= width;
  }
  return position;
}

/** End of the longest domain at `start` whose last label is a top-level domain. */
function readDomain(text: string, start: number): { end: number; usesSpelledOutDot: boolean } | undefined {
  LABEL.lastIndex = start;
  if (LABEL.exec(text) === null) return undefined;
  let end = LABEL.lastIndex;
  let usesSpelledOutDot = false;
  let best: { end: number; usesSpelledOutDot: boolean } | undefined;
  for (;;) {
    DOT.lastIndex = end;
    const dot = DOT.exec(text);
    if (dot === null) break;
    LABEL.lastIndex = DOT.lastIndex;
    const label = LABEL.exec(text);
    if (label === null) break;
    usesSpelledOutDot ||= dot[0] !== '.';
    end = LABEL.lastIndex;
    const isTopLevel = TOP_LEVEL_DOMAIN.test(label[0]) && (!usesSpelledOutDot || SPELLED_OUT_TLD.test(label[0]));
    if (isTopLevel) best = { end, usesSpelledOutDot };
  }
  return best;
}
