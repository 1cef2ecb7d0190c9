import { describe, it } from 'vitest';
import { TOKEN, expectMasking, luhnCheckDigit, maskedIn, untouched, type MaskCase } from './support/maskingFixtures.ts';

// 072/073/076/079 give "months" 2x/3x/6x/9x, so these mobiles can never also be read as a personnummer.
const MOBILE_PREFIXES = ['072', '073', '076', '079'] as const;
const SUBSCRIBERS = ['1234567', '9876543', '5550123'] as const;

interface PhoneFormat {
  label: string;
  write: (prefix: string, subscriber: string) => string;
}

const groups = (subscriber: string): string =>
  `${subscriber.slice(0, 3)} ${subscriber.slice(3, 5)} ${subscriber.slice(5)}`;

const MOBILE_FORMATS: readonly PhoneFormat[] = [
  { label: '0NN-NNN NN NN', write: (p, s) => `${p}-${groups(s)}` },
  { label: '0NN NNN NN NN', write: (p, s) => `${p} ${groups(s)}` },
  { label: '0NNNNNNNNN', write: (p, s) => `${p}${s}` },
  { label: '0NN-NNNNNNN', write: (p, s) => `${p}-${s}` },
  { label: '0NN - NNN NN NN', write: (p, s) => `${p} - ${groups(s)}` },
  { label: '0NN/NNN NN NN', write: (p, s) => `${p}/${groups(s)}` },
  { label: '(0NN) NNN NN NN', write: (p, s) => `(${p}) ${groups(s)}` },
  { label: '+46 NN NNN NN NN', write: (p, s) => `+46 ${p.slice(1)} ${groups(s)}` },
  { label: '+46NNNNNNNNN', write: (p, s) => `+46${p.slice(1)}${s}` },
  { label: '+46 (0)NN-NNN NN NN', write: (p, s) => `+46 (0)${p.slice(1)}-${groups(s)}` },
  { label: '+46 0NN-NNN NN NN (redundant trunk zero)', write: (p, s) => `+46 ${p}-${groups(s)}` },
  { label: '0046NNNNNNNNN', write: (p, s) => `0046${p.slice(1)}${s}` },
  { label: '0046 NN-NNN NN NN', write: (p, s) => `0046 ${p.slice(1)}-${groups(s)}` },
  { label: 'non-breaking hyphen and spaces', write: (p, s) => `${p}\u2011${groups(s).replaceAll(' ', '\u00a0')}` },
  { label: 'en dash', write: (p, s) => `${p}\u2013${groups(s)}` },
];

const PHONE_SENTENCES = [
  'Ring mig på {} om ni undrar något.',
  'Mitt nummer ({}) fungerar.',
  'tel:{}, efter kl 16',
  '{} är min mobil',
  'Call me on {}.',
  'Igu soo wac {} fadlan.',
  'اتصل بي على {} من فضلك',
] as const;

function mobileRows(): MaskCase[] {
  return MOBILE_PREFIXES.flatMap((prefix, prefixIndex) =>
    SUBSCRIBERS.flatMap((subscriber, subscriberIndex) =>
      MOBILE_FORMATS.map((format, formatIndex) =>
        maskedIn(
          `mobile ${prefix} ${subscriber} as ${format.label}`,
          PHONE_SENTENCES[(prefixIndex + subscriberIndex + formatIndex) % PHONE_SENTENCES.length] ?? '{}',
          format.write(prefix, subscriber),
          'phone',
        ),
      ),
    ),
  );
}

const LANDLINES: readonly string[] = [
  '08-123 456 78',
  '08-12 34 56',
  '08-123 45 67',
  '08 - 123 456 78',
  '08/123 456 78',
  '(08) 123 456 78',
  '+46 8 123 456 78',
  '+46 (0)8-123 456 78',
  '0046 8 123 456 78',
  '031-342 10 00',
  '031-3421000',
  '031 342 10 00',
  '031/342 10 00',
  '(031) 342 10 00',
  '(031)342 10 00',
  '+46 31 342 10 00',
  '+46 (0)31 342 10 00',
  '+46(0)31-3421000',
  '0520-12 34 56',
  '0520-123 45',
  '0520-47 11 00',
  '010-441 00 00',
  '010-4410000',
  '011-12 34 56',
  '0480-123 45',
  '0910-123 45',
  '046-222 00 00',
  '090-785 00 00',
  '018-611 00 00',
  '0771-11 22 33',
  '(+46)73 123 45 67',
  '(+46) 31 342 10 00',
  '+46-73-123 45 67',
  '+ 46 73 123 45 67',
  '00 46 73 123 45 67',
  '0046 (0)73 123 45 67',
  '0737-123456',
  '073-123 45-67',
];

const INTERNATIONAL: readonly string[] = [
  '+47 22 12 34 56',
  '+358 40 123 4567',
  '+358401234567',
  '+44 20 7946 0958',
  '+1 (555) 123-4567',
  '0047 22 12 34 56',
  '+49 30 1234567',
  '+252 61 5123456',
  '+251 91 123 4567',
  '+291 7 123456',
  '+98 912 345 6789',
  '+964 770 123 4567',
  '+380 44 123 4567',
  '+963 11 123 4567',
];

// 10 digits that are both a mobile number (070…) and a date + Luhn-valid personnummer: the id number wins.
function pnrShapedMobiles(): MaskCase[] {
  return [3, 7, 11, 19, 23, 28].flatMap((day) => {
    const nine = `0701${String(day).padStart(2, '0')}${String(100 + day * 7).slice(-3)}`;
    const valid = nine + luhnCheckDigit(nine);
    const wrong = nine + String((Number(luhnCheckDigit(nine)) + 1) % 10);
    return [
      maskedIn(`070 mobile ${valid} that is also a valid personnummer as an id number`, 'Ring {} nu', valid, 'id_number'),
      maskedIn(`070 mobile ${wrong} that fails Luhn as a phone`, 'Ring {} nu', wrong, 'phone'),
      maskedIn(
        `070 mobile ${valid} written in phone groups as a phone`,
        'Ring {} nu',
        `${valid.slice(0, 3)}-${valid.slice(3, 6)} ${valid.slice(6, 8)} ${valid.slice(8)}`,
        'phone',
      ),
    ];
  });
}

describe('maskPersonalData: Swedish mobile numbers in every common format', () => {
  it.each(mobileRows())('masks $name', expectMasking);
});

describe('maskPersonalData: Swedish landlines and less common ways of writing +46', () => {
  it.each(LANDLINES.map((number, index) => maskedIn(`landline ${number}`, PHONE_SENTENCES[index % PHONE_SENTENCES.length] ?? '{}', number, 'phone')))(
    'masks $name',
    expectMasking,
  );
});

describe('maskPersonalData: international numbers written with + or 00', () => {
  it.each(INTERNATIONAL.map((number) => maskedIn(`international ${number}`, 'Min bror nås på {} i hemlandet.', number, 'phone')))(
    'masks $name',
    expectMasking,
  );
});

describe('maskPersonalData: phone-shaped personnummer and personnummer-shaped phones', () => {
  it.each([
    ...pnrShapedMobiles(),
    maskedIn('reference vector 0701234569 as an id number', 'nr {}', '0701234569', 'id_number'),
    maskedIn('reference vector 070123-4569 as an id number', 'nr {}', '070123-4569', 'id_number'),
    maskedIn('0703159988 (2007-03-15) as an id number', 'nr {}', '0703159988', 'id_number'),
    maskedIn('1987 07 14-9988 as one id number, not a phone tail', 'nr {}', '1987 07 14-9988', 'id_number'),
  ])('masks $name', expectMasking);
});

describe('maskPersonalData: phone numbers beside punctuation and other numbers', () => {
  const rows: MaskCase[] = [
    maskedIn('in brackets', '({})', '070-123 45 67', 'phone'),
    maskedIn('before a full stop', 'Ring {}.', '070-123 45 67', 'phone'),
    maskedIn('after "tel."', 'tel.{}', '073-123 45 67', 'phone'),
    maskedIn('with a right-to-left mark before it', 'رقم\u200f {}', '073-123 45 67', 'phone'),
    maskedIn('in Arabic-Indic digits', 'رقمي {}', '٠٧٣-١٢٣ ٤٥ ٦٧', 'phone'),
    maskedIn('in Persian digits', 'شماره‌ام {} است', '۰۷۳۱۲۳۴۵۶۷', 'phone'),
    maskedIn('in full-width digits', '電話 {}', '０７３１２３４５６７', 'phone'),
    maskedIn('followed by a count of something', 'Ring {} 2 gånger', '073-123 45 67', 'phone'),
    {
      name: 'two numbers separated by a comma count twice',
      input: 'Växel 031-342 10 00, direkt 010-441 00 00.',
      expected: `Växel ${TOKEN.phone}, direkt ${TOKEN.phone}.`,
      counts: { phone: 2 },
    },
    {
      name: 'two numbers separated by " / " count twice',
      input: '073-123 45 67 / 08-123 456 78',
      expected: `${TOKEN.phone} / ${TOKEN.phone}`,
      counts: { phone: 2 },
    },
    {
      name: 'two numbers separated by a bare slash count twice',
      input: 'Tel 073-1234567/08-1234567.',
      expected: `Tel ${TOKEN.phone}/${TOKEN.phone}.`,
      counts: { phone: 2 },
    },
    {
      name: 'two numbers separated by "eller" count twice',
      input: 'Ring 073-123 45 67 eller +46 8 123 456 78.',
      expected: `Ring ${TOKEN.phone} eller ${TOKEN.phone}.`,
      counts: { phone: 2 },
    },
    {
      name: 'trailing digits beyond nine national digits stay outside the token',
      input: 'Ring 073-123 45 67 12 gånger',
      expected: `Ring ${TOKEN.phone} 12 gånger`,
      counts: { phone: 1 },
    },
  ];
  it.each(rows)('masks a number $name', expectMasking);
});

describe('maskPersonalData: numbers that are not phone numbers', () => {
  const rows: MaskCase[] = [
    untouched('the emergency number', 'Jag ringde 112 direkt.'),
    untouched('the healthcare advice number', 'Ring 1177 eller 112 om det blir värre.'),
    untouched('opening hours with dots', 'Öppet 08.00-16.30 på vardagar.'),
    untouched('opening hours with an en dash', 'Öppet 08.00–16.30.'),
    untouched('an hour range', 'Telefontid kl 08-16.'),
    untouched('two hour ranges', 'kl 08-12 och 13-16'),
    untouched('a clock time', 'Tiden var 14:30 och 08:05.'),
    untouched('a time range with colons', '08:00–16:00'),
    untouched('an ISO date', 'Besöket var 2024-05-12.'),
    untouched('an ISO date range', '2024-05-12 - 2024-06-01'),
    untouched('a day/month date', 'Den 12/5 fick jag tid.'),
    untouched('a dd-mm-yyyy date', 'Datum 05-12-2024 stod på brevet.'),
    untouched('a dd/mm/yyyy date', 'Datum 05/12/2024 stod på brevet.'),
    untouched('a dd mm yyyy date', 'Datum 05 12 2024 stod på brevet.'),
    untouched('a dose with a decimal comma', 'Jag fick dos 0,5 mg.'),
    untouched('a dose with a decimal point', 'dos 0.25 ml'),
    untouched('a price', 'Betalade 12 500 kr.'),
    untouched('a duration', 'Jag väntade 120 minuter.'),
    untouched('a percentage', '45 % av patienterna, 0 % klagomål'),
    untouched('a year', 'Sedan 2019 har jag gått dit.'),
    untouched('a 13-digit order number starting with 0', 'Ordernr 0123456789012 kom fram.'),
    untouched('a lone zero and small numbers', 'mellan 0 och 10, skala 0 5 10'),
    untouched('a week number', 'v. 07 och v 12'),
    untouched('a fraction', '1/2 tablett 24/7'),
    untouched('a six-digit number starting with 0', 'Kod 012345 gäller.'),
    untouched('"00" followed by zeros', 'Klockan 00 00 00 00 00'),
    untouched('a plus sign before a zero score', 'Betyg + 0 poäng'),
    untouched('lists of opening hours', 'Öppet 08-17 09-15, lör 10-14.'),
    untouched('three hour ranges in a row', 'Öppet 08-17 09-15 10-14'),
  ];
  it.each(rows)('leaves $name', expectMasking);
});
