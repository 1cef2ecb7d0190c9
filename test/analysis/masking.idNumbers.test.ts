import { describe, expect, it } from 'vitest';
import {
  ID_FORMATS,
  ID_SENTENCES,
  TOKEN,
  expectMasking,
  idParts,
  luhnCheckDigit,
  maskedIn,
  untouched,
  withWrongCheck,
  type IdFormat,
  type IdParts,
  type MaskCase,
} from './support/maskingFixtures.ts';

// Real dates: leap days in leap years (2000 included), century edges, people over 100, samordningsnummer.
const VALID_NUMBERS: ReadonlyArray<{ what: string; parts: IdParts }> = [
  { what: 'Skatteverket example 1912-12-12', parts: idParts(1912, 12, 12, '121') },
  { what: 'born 1981-12-18', parts: idParts(1981, 12, 18, '987') },
  { what: 'born 1964-08-23', parts: idParts(1964, 8, 23, '323') },
  { what: 'born 1987-07-14', parts: idParts(1987, 7, 14, '998') },
  { what: 'leap day 2000-02-29 (divisible by 400)', parts: idParts(2000, 2, 29, '002') },
  { what: 'leap day 1904-02-29', parts: idParts(1904, 2, 29, '456') },
  { what: 'leap day 1948-02-29', parts: idParts(1948, 2, 29, '283') },
  { what: 'leap day 1996-02-29', parts: idParts(1996, 2, 29, '118') },
  { what: 'leap day 2004-02-29', parts: idParts(2004, 2, 29, '640') },
  { what: 'leap day 2020-02-29', parts: idParts(2020, 2, 29, '317') },
  { what: 'leap day 2024-02-29', parts: idParts(2024, 2, 29, '906') },
  { what: 'last day of a century 1999-12-31', parts: idParts(1999, 12, 31, '239') },
  { what: 'first day of a century 2000-01-01', parts: idParts(2000, 1, 1, '555') },
  { what: 'born 2007-03-15 (mobile-shaped)', parts: idParts(2007, 3, 15, '998') },
  { what: 'born 2009-05-27', parts: idParts(2009, 5, 27, '147') },
  { what: 'born 2015-09-16 with serial 000', parts: idParts(2015, 9, 16, '000') },
  { what: 'born 1899-12-31 (18xx century)', parts: idParts(1899, 12, 31, '801') },
  { what: 'aged 100+, born 1915-06-30', parts: idParts(1915, 6, 30, '362') },
  { what: 'aged 100+, leap day 1920-02-29', parts: idParts(1920, 2, 29, '442') },
  { what: 'aged 100+, born 1925-01-31', parts: idParts(1925, 1, 31, '999') },
  { what: 'born 1955-04-30', parts: idParts(1955, 4, 30, '271') },
  { what: 'born 2023-06-15', parts: idParts(2023, 6, 15, '058') },
  { what: 'samordningsnummer 1970-10-03 (day 63)', parts: idParts(1970, 10, 63, '239') },
  { what: 'samordningsnummer 1957-05-14 (day 74)', parts: idParts(1957, 5, 74, '995') },
  { what: 'samordningsnummer 2012-10-01 (day 61)', parts: idParts(2012, 10, 61, '123') },
  { what: 'samordningsnummer 1990-01-31 (day 91)', parts: idParts(1990, 1, 91, '678') },
  { what: 'samordningsnummer on leap day 1988-02-29 (day 89)', parts: idParts(1988, 2, 89, '210') },
];

// Plausible (month 01–12, day 01–31 or 61–91) but not a real date; check digits are correct.
const IMPOSSIBLE_DATES: ReadonlyArray<{ what: string; parts: IdParts }> = [
  { what: '1900-02-29 (1900 is not a leap year)', parts: idParts(1900, 2, 29, '002') },
  { what: '2023-02-29', parts: idParts(2023, 2, 29, '123') },
  { what: '1999-02-29', parts: idParts(1999, 2, 29, '456') },
  { what: '1985-02-30', parts: idParts(1985, 2, 30, '789') },
  { what: '1971-04-31', parts: idParts(1971, 4, 31, '234') },
  { what: '1966-06-31', parts: idParts(1966, 6, 31, '345') },
  { what: '1992-09-31', parts: idParts(1992, 9, 31, '567') },
  { what: '2011-11-31', parts: idParts(2011, 11, 31, '678') },
  { what: 'samordningsnummer 1989-02-29 (day 89, not a leap year)', parts: idParts(1989, 2, 89, '890') },
  { what: 'samordningsnummer 1976-04-31 (day 91)', parts: idParts(1976, 4, 91, '901') },
];

// Day 00, 32–60 or 92–99: not even plausible, so never masked as an id number. Months 10–12 keep the
// spaced form "YYYY MM DD-NNNC" from also being a phone number ("05 00-1235"); a row below covers that.
const IMPLAUSIBLE_DATES: ReadonlyArray<{ what: string; parts: IdParts }> = [
  { what: 'day 00', parts: idParts(1983, 10, 0, '123') },
  { what: 'day 32', parts: idParts(1983, 12, 32, '123') },
  { what: 'day 45', parts: idParts(1977, 11, 45, '456') },
  { what: 'day 60', parts: idParts(1991, 10, 60, '789') },
  { what: 'samordning day 92 (92 - 60 = 32)', parts: idParts(1970, 10, 92, '239') },
  { what: 'day 99', parts: idParts(2019, 12, 99, '111') },
];

function sentenceFor(index: number): string {
  return ID_SENTENCES[index % ID_SENTENCES.length] ?? '{}';
}

function validRows(): MaskCase[] {
  return VALID_NUMBERS.flatMap(({ what, parts }, numberIndex) =>
    ID_FORMATS.map((format, formatIndex) =>
      maskedIn(`${what} as ${format.label}`, sentenceFor(numberIndex + formatIndex), format.write(parts), 'id_number'),
    ),
  );
}

/**
 * Expected outcome for a number that fails a check: masked as an id number when written with an
 * explicit separator; otherwise left alone, unless it is a 10-digit run starting with 0, which is
 * a well-formed Swedish phone number and is masked as one.
 */
function failingRow(name: string, sentence: string, format: IdFormat, parts: IdParts): MaskCase {
  const value = format.write(parts);
  if (format.explicit) return maskedIn(name, sentence, value, 'id_number');
  // "00…" is the international dialling prefix followed by a country code, which never starts with 0.
  const isPhoneShaped = format.tenDigits && value.startsWith('0') && !value.startsWith('00');
  if (isPhoneShaped) return maskedIn(`${name} (phone-shaped)`, sentence, value, 'phone');
  return untouched(name, sentence.replace('{}', () => value));
}

function wrongCheckRows(): MaskCase[] {
  return VALID_NUMBERS.flatMap(({ what, parts }, numberIndex) =>
    ID_FORMATS.map((format, formatIndex) =>
      failingRow(
        `${what} with a wrong check digit as ${format.label}`,
        sentenceFor(numberIndex + formatIndex + 1),
        format,
        withWrongCheck(parts),
      ),
    ),
  );
}

function impossibleDateRows(): MaskCase[] {
  return IMPOSSIBLE_DATES.flatMap(({ what, parts }, numberIndex) =>
    ID_FORMATS
      // Without '+' a bare "000229…" means 2000-02-29, a real date, so 1900 is only tested where the century is written.
      .filter((format) => !(parts.year === 1900 && format.tenDigits && !format.explicit))
      .map((format, formatIndex) =>
        failingRow(`impossible date ${what} as ${format.label}`, sentenceFor(numberIndex + formatIndex + 2), format, parts),
      ),
  );
}

function implausibleDateRows(): MaskCase[] {
  return IMPLAUSIBLE_DATES.flatMap(({ what, parts }, numberIndex) =>
    ID_FORMATS.map((format, formatIndex) => {
      const value = format.write(parts);
      return untouched(`implausible ${what} as ${format.label}`, sentenceFor(numberIndex + formatIndex).replace('{}', () => value));
    }),
  );
}

describe('test fixture: the generator computes the same check digits as the published examples', () => {
  it.each([
    { nine: '121212121', check: '2' },
    { nine: '811218987', check: '6' },
    { nine: '640823323', check: '4' },
    { nine: '701063239', check: '1' },
    { nine: '570574995', check: '9' },
    { nine: '090527147', check: '4' },
  ])('gives $nine the check digit $check', ({ nine, check }) => {
    expect(luhnCheckDigit(nine)).toBe(check);
  });
});

describe('maskPersonalData: valid personnummer and samordningsnummer in every common format', () => {
  it.each(validRows())('masks $name', expectMasking);
});

describe('maskPersonalData: numbers that fail the Luhn check (fail closed only with a separator)', () => {
  it.each(wrongCheckRows())('handles $name', expectMasking);
});

describe('maskPersonalData: numbers with impossible but plausible dates', () => {
  it.each(impossibleDateRows())('handles $name', expectMasking);
});

describe('maskPersonalData: numbers with implausible dates are never id numbers', () => {
  it.each(implausibleDateRows())('leaves $name', expectMasking);
});

describe('maskPersonalData: interim numbers and reservnummer', () => {
  const rows: MaskCase[] = [
    maskedIn('interim number with T', 'Interimsnummer {} användes.', '121212-T121', 'id_number'),
    maskedIn('interim number with 12 digits', 'Nummer {} på armbandet.', '19121212-T121', 'id_number'),
    ...['T', 'R', 'S', 'U', 'W', 'X', 'J', 'K', 'L', 'M', 'N'].map((letter) =>
      maskedIn(`interim number with letter ${letter}`, 'Hon fick {} på akuten.', `870714-${letter}234`, 'id_number'),
    ),
    maskedIn('interim number without separator in upper case', 'ID {} igen', '19121212T121', 'id_number'),
    maskedIn('interim number in lower case with a separator', 'id {} igen', '121212-t121', 'id_number'),
    maskedIn('reservnummer with letters at the end', 'Reservnummer {} gavs.', '19870714-12AB', 'id_number'),
    maskedIn('reservnummer with letters first', 'Reservnummer {} gavs.', '870714-KX12', 'id_number'),
    maskedIn('reservnummer on a samordning day', 'Reservnummer {} gavs.', '701063-ZZ99', 'id_number'),
    maskedIn('reservnummer with a space', 'Reservnummer {} gavs.', '19870714 RV12', 'id_number'),
    untouched('interim form with an implausible day', 'Koden 121232-T121 gäller.'),
    untouched('lower-case letters glued to a bare date (probably a word)', 'Datum 19870714abcd noterat.'),
    untouched('a month of 13 is not a date', 'Kod 871314-T121 noterad.'),
    untouched('an upper-case word after a spaced date', 'Besök 2024 05 12 KLAR enligt listan.'),
    maskedIn('reservnummer of letters only with a separator', 'Reservnummer {} gavs.', '870714-ABCD', 'id_number'),
  ];
  it.each(rows)('masks or keeps: $name', expectMasking);
});

describe('maskPersonalData: identity numbers next to other digits and punctuation', () => {
  const rows: MaskCase[] = [
    maskedIn('glued to a label and a letter', 'ID{}x', '19121212-1212', 'id_number'),
    maskedIn('after a colon and before a comma', 'pnr:{},', '191212121212', 'id_number'),
    maskedIn('in brackets', '[{}]', '121212-1212', 'id_number'),
    maskedIn('in quotes', '"{}"', '811218-9876', 'id_number'),
    maskedIn('before a question mark', 'Är {}?', '640823-3234', 'id_number'),
    maskedIn('after a newline', 'Rad ett\n{}\nRad tre', '121212-1212', 'id_number'),
    maskedIn('with a tab before the serial', 'Nr {} här', '121212\t1212', 'id_number'),
    maskedIn('written with Arabic-Indic digits', 'الرقم {} هنا', '١٩١٢١٢١٢-١٢١٢', 'id_number'),
    maskedIn('written with Persian digits', 'شماره {} است', '۱۹۱۲۱۲۱۲-۱۲۱۲', 'id_number'),
    maskedIn('written with full-width digits', 'ID {} OK', '１９１２１２１２－１２１２', 'id_number'),
    maskedIn('with a non-breaking hyphen', 'pnr {} ok', '121212\u20111212', 'id_number'),
    maskedIn('with a minus sign', 'pnr {} ok', '121212\u22121212', 'id_number'),
    untouched('a 13-digit run', 'Ärende 1191212121212 stängt.'),
    untouched('an 11-digit run', 'Ärende 19121212121 stängt.'),
    untouched('a 14-digit remiss number', 'Remissnr 20191212121212'),
    untouched('a bare 12-digit run that fails Luhn', 'Ordernummer 198707049996 skickades.'),
    untouched('an organisation number (month above 12)', 'Org.nr 556036-0793 står på fakturan.'),
    untouched('a date written as YYYYMMDD', 'Besöket 20240512 var bra.'),
    {
      name: 'masks the phone-shaped tail of a spaced number with an implausible day (fail closed)',
      input: 'Nummer 1983 05 00-1235 noterat.',
      expected: `Nummer 1983 ${TOKEN.phone} noterat.`,
      counts: { phone: 1 },
    },
  ];
  it.each(rows)('$name', expectMasking);
});

describe('maskPersonalData: several identity numbers in one text', () => {
  it.each([
    {
      name: 'two numbers, counted twice',
      input: 'Jag (19121212-1212) och min son (201509160006) väntade.',
      expected: `Jag (${TOKEN.id_number}) och min son (${TOKEN.id_number}) väntade.`,
      counts: { id_number: 2 },
    },
    {
      name: 'three numbers in a list',
      input: '121212-1212, 811218-9876; 640823-3234.',
      expected: `${TOKEN.id_number}, ${TOKEN.id_number}; ${TOKEN.id_number}.`,
      counts: { id_number: 3 },
    },
    {
      name: 'a masked number beside an order number that is kept',
      input: 'Pnr 701063-2391, order 198707049996.',
      expected: `Pnr ${TOKEN.id_number}, order 198707049996.`,
      counts: { id_number: 1 },
    },
  ])('$name', expectMasking);
});
