import { describe, it } from 'vitest';
import { TOKEN, expectMasking, maskedIn, untouched, type MaskCase } from './support/maskingFixtures.ts';

const PLAIN_ADDRESSES: readonly string[] = [
  'anna.svensson@gmail.com',
  'åsa@exempel.se',
  'Åsa.Öberg@Exempel.SE',
  'förnamn.efternamn@vgregion.se',
  'anna+vard@exempel.se',
  'a_b-c@sub.domain.example.org',
  'user123@hotmail.co.uk',
  'x@y.nu',
  'info@1177.se',
  'mohammed.al-hassan@outlook.com',
  'محمد@example.com',
  'олена@приклад.укр',
  'abdi.farah@mail.so',
  'ስምዖን@example.com',
  'maija.virtanen@posti.fi',
  'rezā@exempel.ir',
  'n.o.d.o.t.s@e.x.a.m.p.le.com',
  'percent%sign@exempel.se',
  'UPPER.CASE@EXEMPEL.COM',
  'kontakt@mölndal.se',
];

const EMAIL_SENTENCES = [
  'Skriv till {} så svarar jag.',
  'Min e-post: {}.',
  '({})',
  'mailto:{}',
  '{} är min adress',
  'Email me at {}, thanks!',
  'ایمیل من {} است',
] as const;

function plainRows(): MaskCase[] {
  return PLAIN_ADDRESSES.flatMap((address, index) => [
    maskedIn(`${address} in a sentence`, EMAIL_SENTENCES[index % EMAIL_SENTENCES.length] ?? '{}', address, 'email'),
    maskedIn(`${address} on its own`, '{}', address, 'email'),
  ]);
}

// Obfuscations people use to dodge spam filters; each must become one [EMAIL] token.
const OBFUSCATED: readonly string[] = [
  'anna.svensson(at)gmail.com',
  'anna.svensson (at) gmail.com',
  'anna.svensson[at]gmail.com',
  'anna.svensson [at] gmail.com',
  'anna.svensson{at}gmail.com',
  'anna.svensson<at>gmail.com',
  'anna.svensson(AT)gmail.com',
  'anna.svensson(@)gmail.com',
  'anna.svensson ( at ) gmail.com',
  'namn(snabel-a)domän.se',
  'namn snabel-a domän punkt se',
  'namn snabel-a domän.se',
  'namn snabel a domän punkt se',
  'namn snabela domän punkt se',
  'namn Snabel-A domän Punkt se',
  'anna at gmail dot com',
  'anna (at) gmail (dot) com',
  'anna [at] gmail [dot] com',
  'anna(at)gmail(punkt)se',
  'anna @ gmail.com',
  'anna@gmail punkt com',
  'anna punkt svensson snabel-a gmail punkt com',
  'anna dot svensson at gmail dot com',
  'anna.svensson(at)mail.exempel(dot)se',
  'anna.svensson at gmail.com',
  'anna_1987 at hotmail.com',
];

describe('maskPersonalData: plain e-mail addresses, including Unicode local parts and domains', () => {
  it.each(plainRows())('masks $name', expectMasking);
});

describe('maskPersonalData: obfuscated e-mail addresses (best effort)', () => {
  it.each(OBFUSCATED.map((address) => maskedIn(address, 'Maila {} om du vill.', address, 'email')))(
    'masks $name',
    expectMasking,
  );
});

describe('maskPersonalData: e-mail addresses beside other identifiers', () => {
  it.each([
    maskedIn('an e-mail whose local part is a personnummer counts once, as e-mail', 'Maila {}.', '191212121212@exempel.se', 'email'),
    maskedIn('an e-mail whose local part is a phone number counts once, as e-mail', 'Maila {}.', '0731234567@sms.exempel.se', 'email'),
    {
      name: 'an e-mail and a phone number are counted separately',
      input: 'anna@exempel.se eller 073-123 45 67',
      expected: `${TOKEN.email} eller ${TOKEN.phone}`,
      counts: { email: 1, phone: 1 },
    },
    {
      name: 'two e-mail addresses are counted twice',
      input: 'Kopia till a@b.se och c.d@e.com.',
      expected: `Kopia till ${TOKEN.email} och ${TOKEN.email}.`,
      counts: { email: 2 },
    },
  ])('$name', expectMasking);
});

describe('maskPersonalData: text with @ or "at" that is not an e-mail address', () => {
  it.each([
    untouched('a social media handle', 'Följ oss @vgregion på Instagram.'),
    untouched('a handle with a domain-like tail but uneven spacing', 'följ oss @vgregion.se'),
    untouched('an address without a top-level domain', 'skicka till anna@localhost'),
    untouched('an at sign between numbers', 'kl 10 @ avd 5'),
    untouched('a domain ending in digits', 'a@b.123'),
    untouched('English "at" before a web address', 'Look at example.com for details.'),
    untouched('English "at" in a sentence', 'I was at the hospital at noon.'),
    untouched('English "at" before a domain-like word', 'We met at Sahlgrenska.se yesterday.'),
    untouched('English "dot by dot"', 'We went over it at length, dot by dot.'),
    untouched('a web address', 'Läs mer på https://www.1177.se/vard'),
    untouched('a lone at sign', 'Hej @ alla'),
    untouched('Swedish "punkt" in prose', 'Det var bra. Punkt slut.'),
  ])('leaves $name', expectMasking);
});
