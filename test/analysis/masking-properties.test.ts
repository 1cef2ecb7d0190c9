import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../analysis/src/index.ts';
import { luhnCheckDigit, pad2 } from './support/maskingFixtures.ts';

// Property tests of the masking guarantee: a valid Swedish personnummer or samordningsnummer, however it is written
// and whatever text surrounds it, never survives masking. The oracle below is written independently of the library.

// More cases: MASKING_PROPERTY_RUNS=10000 npx vitest run --project analysis test/analysis/masking-properties.test.ts
const RUNS = Number(process.env.MASKING_PROPERTY_RUNS ?? 400);

/** Digits the masker folds to ASCII: Arabic-Indic, Persian (Extended Arabic-Indic) and full-width. */
const DIGIT_SCRIPTS: ReadonlyArray<{ name: string; zero: number }> = [
  { name: 'ascii', zero: 0x30 },
  { name: 'arabic-indic', zero: 0x660 },
  { name: 'persian', zero: 0x6f0 },
  { name: 'full-width', zero: 0xff10 },
];

function inScript(digits: string, zero: number): string {
  return [...digits].map((digit) => (/\d/.test(digit) ? String.fromCodePoint(zero + Number(digit)) : digit)).join('');
}

function toAscii(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (digit) => {
    const code = digit.codePointAt(0)!;
    const zero = DIGIT_SCRIPTS.find((script) => code >= script.zero && code <= script.zero + 9)!.zero;
    return String(code - zero);
  });
}

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number): number => (month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!);

function luhnValid(tenDigits: string): boolean {
  return luhnCheckDigit(tenDigits.slice(0, 9)) === tenDigits[9];
}

/**
 * Is `tenDigits` (YYMMDDNNNC) a valid personnummer or samordningsnummer? The century is unknown, so 29 February counts
 * in any year ending in a multiple of four (and 00): the oracle errs towards "valid", which makes the property stricter.
 */
function validTen(tenDigits: string): boolean {
  const month = Number(tenDigits.slice(2, 4));
  const rawDay = Number(tenDigits.slice(4, 6));
  const day = rawDay > 60 ? rawDay - 60 : rawDay;
  if (month < 1 || month > 12 || day < 1) return false;
  const yy = Number(tenDigits.slice(0, 2));
  if (day > Math.max(daysIn(2000 + yy, month), daysIn(1900 + yy, month))) return false;
  return luhnValid(tenDigits);
}

/**
 * The valid personnummer left in `text`: digit runs (any of the folded digit scripts) in which a separator (`-`, `+`,
 * `–` or a dot, with or without a space or no-break space on either side, or a space alone) may stand between digits; every window of ten digits is checked, so a
 * 12-digit form is found through its last ten and a number glued into a longer run is found too.
 */
function personnummerIn(text: string): string[] {
  const runs = toAscii(text).match(/\d(?:[ \u00a0]?[-+\u2013.]?[ \u00a0]?\d)*/g) ?? [];
  const found: string[] = [];
  for (const run of runs) {
    const digits = run.replace(/\D/g, '');
    for (let start = 0; start + 10 <= digits.length; start += 1) {
      const window = digits.slice(start, start + 10);
      if (validTen(window)) found.push(window);
    }
  }
  return found;
}

interface Identity {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly serial: string;
  readonly coordination: boolean;
}

const identity: fc.Arbitrary<Identity> = fc
  .record({
    year: fc.integer({ min: 1890, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayShare: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    serial: fc.integer({ min: 0, max: 999 }).map((value) => String(value).padStart(3, '0')),
    coordination: fc.boolean(),
  })
  .map(({ year, month, dayShare, serial, coordination }) => ({ year, month, day: 1 + Math.floor(dayShare * daysIn(year, month)), serial, coordination }));

const tenOf = (id: Identity): string => {
  const nine = `${pad2(id.year % 100)}${pad2(id.month)}${pad2(id.day + (id.coordination ? 60 : 0))}${id.serial}`;
  return nine + luhnCheckDigit(nine);
};

/** The ways people write the number: 12 or 10 digits, with `-`, `+` (100 or older), an en dash, a space or nothing. */
const WRITINGS: ReadonlyArray<(id: Identity) => string> = [
  (id) => `${Math.floor(id.year / 100)}${tenOf(id)}`,
  (id) => `${Math.floor(id.year / 100)}${tenOf(id).slice(0, 6)}-${tenOf(id).slice(6)}`,
  (id) => `${Math.floor(id.year / 100)}${tenOf(id).slice(0, 6)} ${tenOf(id).slice(6)}`,
  (id) => tenOf(id),
  (id) => `${tenOf(id).slice(0, 6)}-${tenOf(id).slice(6)}`,
  (id) => `${tenOf(id).slice(0, 6)}+${tenOf(id).slice(6)}`,
  (id) => `${tenOf(id).slice(0, 6)}\u2013${tenOf(id).slice(6)}`,
  (id) => `${tenOf(id).slice(0, 6)} - ${tenOf(id).slice(6)}`,
];

const written: fc.Arbitrary<{ text: string; ten: string }> = fc
  .tuple(identity, fc.nat(WRITINGS.length - 1), fc.constantFrom(...DIGIT_SCRIPTS))
  .map(([id, writing, script]) => ({ text: inScript(WRITINGS[writing]!(id), script.zero), ten: tenOf(id) }));

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index));

/** Letters of the form's scripts: Latin with Swedish and Finnish letters, Cyrillic, Arabic and Persian, Ethiopic, Greek, CJK. */
const SCRIPTS: readonly (readonly string[])[] = [
  [...'abcdefghijklmnopqrstuvwxyzåäöüéABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ'],
  range(0x430, 0x44f).concat(range(0x410, 0x42f), ['і', 'ї', 'є', 'ґ']),
  range(0x627, 0x64a).concat(['پ', 'چ', 'ژ', 'گ', 'ک', 'ی']),
  range(0x1200, 0x1248),
  range(0x3b1, 0x3c9),
  range(0x4e00, 0x4e40),
];
const PUNCTUATION = [...'.,;:!?()[]{}"\'«»„“”/—*&%#'].concat(['\u00a0', '\u200c', '\u200b', '\n', '\t', ' ', ' ', ' ']);

const word: fc.Arbitrary<string> = fc.constantFrom(...SCRIPTS).chain((letters) => fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 12 }));
const punctuation: fc.Arbitrary<string> = fc.string({ unit: fc.constantFrom(...PUNCTUATION), maxLength: 3 });
/** Digit-free prose: words of random scripts with punctuation and spaces between them. */
const prose: fc.Arbitrary<string> = fc.array(fc.tuple(word, punctuation), { maxLength: 6 }).map((parts) => parts.map(([w, p]) => `${w}${p === '' ? ' ' : p}`).join(''));
/** Numbers people also write that are not identity numbers: times, counts, years. Short, so never ten digits. */
const noise: fc.Arbitrary<string> = fc.oneof(fc.integer({ min: 0, max: 9999 }).map(String), fc.constantFrom('kl 14', '3 dagar', '2024', '1177', '08.00'));

/** Prose with identity numbers (and harmless short numbers) at random places, punctuation right up against them. */
const storyWithNumbers = fc
  .array(fc.tuple(prose, punctuation, fc.oneof({ weight: 3, arbitrary: written.map((w) => ({ ...w, id: true })) }, { weight: 1, arbitrary: noise.map((text) => ({ text, ten: '', id: false })) }), punctuation, word), { minLength: 1, maxLength: 4 })
  .map((items) => ({
    text: items.map(([before, open, item, close, after]) => `${before}${open}${item.text}${close} ${after} `).join(''),
    numbers: items.filter(([, , item]) => item.id).map(([, , item]) => item.ten),
  }));

describe('masking properties (fast-check)', { timeout: 60_000 }, () => {
  it('the oracle finds what it should: every generated number, before masking', () => {
    fc.assert(
      fc.property(storyWithNumbers, ({ text, numbers }) => {
        const found = new Set(personnummerIn(text));
        for (const ten of numbers) expect(found.has(ten)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('no valid personnummer or samordningsnummer survives masking, in any writing, script or surrounding text', () => {
    fc.assert(
      fc.property(storyWithNumbers, ({ text, numbers }) => {
        const result = maskPersonalData(text);
        expect(personnummerIn(result.text)).toStrictEqual([]);
        // Every number became a token of its own kind (a neighbouring phone-shaped run may join it, never replace it).
        expect(result.counts.id_number ?? 0).toBeGreaterThanOrEqual(numbers.length === 0 ? 0 : 1);
        expect(result.text.split('[ID-NUMBER]').length - 1).toBe(result.counts.id_number ?? 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('masking is idempotent: masking the masked text changes nothing and counts nothing', () => {
    fc.assert(
      fc.property(fc.oneof(storyWithNumbers.map((story) => story.text), fc.string({ maxLength: 80 })), (text) => {
        const once = maskPersonalData(text).text;
        expect(maskPersonalData(once)).toStrictEqual({ text: once, counts: {} });
      }),
      { numRuns: RUNS },
    );
  });

  it('text without digits, @ or a spelled-out at ((at), snabel-a) comes back exactly as it was', () => {
    const text = fc.oneof(prose, fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
    fc.assert(
      fc.property(text, (input) => {
        fc.pre(!/[\p{Nd}@＠]|at|snabel/iu.test(input));
        expect(maskPersonalData(input)).toStrictEqual({ text: input, counts: {} });
      }),
      { numRuns: RUNS },
    );
  });

  it('a number whose check digit is wrong and that has no separator is left alone (order and case numbers)', () => {
    fc.assert(
      fc.property(identity, prose, (id, before) => {
        const ten = tenOf(id);
        const wrong = `${ten.slice(0, 9)}${(Number(ten[9]) + 1) % 10}`;
        const input = `${before}nr ${wrong} klart`;
        expect(maskPersonalData(input).counts.id_number).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});
