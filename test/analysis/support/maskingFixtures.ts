import { expect } from 'vitest';
import { maskPersonalData, type MaskResult, type RedactionKind } from '../../../analysis/src/index.ts';

export const TOKEN: Readonly<Record<RedactionKind, string>> = {
  id_number: '[ID-NUMBER]',
  phone: '[PHONE]',
  email: '[EMAIL]',
  address: '[ADDRESS]',
};

export type Counts = MaskResult['counts'];

/** One row of a table: the input and exactly what the masked text and counts must be. */
export interface MaskCase {
  name: string;
  input: string;
  expected: string;
  counts: Counts;
}

/** Asserts the exact masked text and counts, and that masking the result again changes nothing. */
export function expectMasking({ input, expected, counts }: MaskCase): void {
  const result = maskPersonalData(input);
  expect(result.text).toBe(expected);
  expect(result.counts).toStrictEqual(counts);
  expect(maskPersonalData(result.text)).toStrictEqual({ text: expected, counts: {} });
}

/** A row where `value`, wherever it appears in `sentence` (as `{}`), becomes a single token of `kind`. */
export function maskedIn(name: string, sentence: string, value: string, kind: RedactionKind): MaskCase {
  return {
    name,
    input: sentence.replace('{}', () => value),
    expected: sentence.replace('{}', () => TOKEN[kind]),
    counts: { [kind]: 1 },
  };
}

/** A row whose input must come back unchanged with no counts. */
export function untouched(name: string, input: string): MaskCase {
  return { name, input, expected: input, counts: {} };
}

/** Luhn check digit for the nine digits YYMMDDNNN, written independently of the library. */
export function luhnCheckDigit(nineDigits: string): string {
  let sum = 0;
  [...nineDigits].forEach((character, index) => {
    const product = Number(character) * (index % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  });
  return String((10 - (sum % 10)) % 10);
}

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** The parts of an identity number; `day` already includes +60 for a samordningsnummer. */
export interface IdParts {
  year: number;
  month: number;
  day: number;
  serial: string;
  check: string;
}

export function idParts(year: number, month: number, day: number, serial: string): IdParts {
  const nine = pad2(year % 100) + pad2(month) + pad2(day) + serial;
  return { year, month, day, serial, check: luhnCheckDigit(nine) };
}

/** Same number with the check digit off by one (Luhn fails). */
export function withWrongCheck(parts: IdParts): IdParts {
  return { ...parts, check: String((Number(parts.check) + 1) % 10) };
}

/** One way of writing an identity number. `explicit` means a `-`/`+` sits between date and serial. */
export interface IdFormat {
  label: string;
  explicit: boolean;
  tenDigits: boolean;
  write: (parts: IdParts) => string;
}

const yyyy = (parts: IdParts): string => String(parts.year);
const yy = (parts: IdParts): string => pad2(parts.year % 100);
const mm = (parts: IdParts): string => pad2(parts.month);
const dd = (parts: IdParts): string => pad2(parts.day);
const last = (parts: IdParts): string => parts.serial + parts.check;
// People aged 100 or more write '+' in the 10-digit form.
const tenSeparator = (parts: IdParts): string => (parts.year <= 1925 ? '+' : '-');

export const ID_FORMATS: readonly IdFormat[] = [
  { label: 'YYYYMMDD-NNNC', explicit: true, tenDigits: false, write: (p) => `${yyyy(p)}${mm(p)}${dd(p)}-${last(p)}` },
  { label: 'YYYYMMDDNNNC', explicit: false, tenDigits: false, write: (p) => `${yyyy(p)}${mm(p)}${dd(p)}${last(p)}` },
  { label: 'YYMMDD-NNNC (+ for 100+)', explicit: true, tenDigits: true, write: (p) => `${yy(p)}${mm(p)}${dd(p)}${tenSeparator(p)}${last(p)}` },
  { label: 'YYMMDDNNNC', explicit: false, tenDigits: true, write: (p) => `${yy(p)}${mm(p)}${dd(p)}${last(p)}` },
  { label: 'YYYYMMDD NNNC', explicit: false, tenDigits: false, write: (p) => `${yyyy(p)}${mm(p)}${dd(p)} ${last(p)}` },
  { label: 'YYMMDD NNNC', explicit: false, tenDigits: true, write: (p) => `${yy(p)}${mm(p)}${dd(p)} ${last(p)}` },
  { label: 'YYMMDD - NNNC', explicit: true, tenDigits: true, write: (p) => `${yy(p)}${mm(p)}${dd(p)} - ${last(p)}` },
  { label: 'YYYY MM DD-NNNC', explicit: true, tenDigits: false, write: (p) => `${yyyy(p)} ${mm(p)} ${dd(p)}-${last(p)}` },
  { label: 'YY.MM.DD-NNNC', explicit: true, tenDigits: true, write: (p) => `${yy(p)}.${mm(p)}.${dd(p)}-${last(p)}` },
  { label: 'YYYYMMDD–NNNC (en dash)', explicit: true, tenDigits: false, write: (p) => `${yyyy(p)}${mm(p)}${dd(p)}\u2013${last(p)}` },
  { label: 'YYYYMMDD\u00a0NNNC (no-break space)', explicit: false, tenDigits: false, write: (p) => `${yyyy(p)}${mm(p)}${dd(p)}\u00a0${last(p)}` },
];

/** Sentences an identity number is embedded in; `{}` marks its place. */
export const ID_SENTENCES: readonly string[] = [
  'Mitt personnummer är {}.',
  'Patienten ({}) fick vänta i fyra timmar.',
  'pnr:{}, tack för hjälpen',
  '{} stod på remissen',
  'Min mammas nummer är {}! Hon är 84 år.',
  'They asked for my ID {} at the desk.',
  'رقمي الشخصي هو {} شكراً',
];
