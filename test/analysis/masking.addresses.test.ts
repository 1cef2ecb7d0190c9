import { describe, it } from 'vitest';
import { TOKEN, expectMasking, untouched, type MaskCase } from './support/maskingFixtures.ts';

// One street for each accepted suffix, plus hyphenated and Unicode names.
const STREETS: readonly string[] = [
  'Storgatan 15',
  'Storgatan 15B',
  'Storgatan 15 B',
  'Storgatan 15b',
  'Storgatan 15-17',
  'Kungsvägen 3',
  'Drottningväg 12',
  'Kyrkogata 4',
  'Smedsgränd 7',
  'Klockargränden 2A',
  'Järntorget 4',
  'Björkstigen 21',
  'Lindallén 9',
  'Solbacken 33',
  'Vasaplatsen 2',
  'Kustleden 120',
  'Björkliden 5',
  'Karl-Johansgatan 3',
  'Östra Hamngatan 24',
  'Övre Husargatan 8',
  'Åkerövägen 1',
  'Storgatan 15, lgh 1102',
  'Storgatan 15 lgh 1102',
  'Storgatan 15B lgh 1102',
  'Olof Palmes gata 3',
  'Drottning Kristinas väg 20',
  'Carl Skottsbergs gata 22B',
  'storgatan 15',
  'kyrkvägen 8',
];

// The leading capitalised word of a two-word name ("Östra", "Övre") is not personal and stays.
function expectedStreet(street: string): string {
  if (street.startsWith('Östra ')) return `Östra ${TOKEN.address}`;
  if (street.startsWith('Övre ')) return `Övre ${TOKEN.address}`;
  return TOKEN.address;
}

const ADDRESS_SENTENCES = [
  'Jag bor på {} sedan länge.',
  'Adress: {}.',
  'Hämtas på {}, tack.',
  'I live at {} in town.',
  'أسكن في {} منذ سنة',
] as const;

function streetRows(): MaskCase[] {
  return STREETS.map((street, index) => {
    const sentence = ADDRESS_SENTENCES[index % ADDRESS_SENTENCES.length] ?? '{}';
    return {
      name: street,
      input: sentence.replace('{}', () => street),
      expected: sentence.replace('{}', () => expectedStreet(street)),
      counts: { address: 1 },
    };
  });
}

const POSTCODES: readonly string[] = ['413 45', '41345', '111 22', '752 36', '981 38', 'SE-413 45', 'S-413 45'];
const TOWNS: readonly string[] = ['Göteborg', 'Västra Frölunda', 'Mölndal', 'Östersund', 'GÖTEBORG'];

function postcodeRows(): MaskCase[] {
  return POSTCODES.flatMap((postcode) =>
    TOWNS.map((town) => ({
      name: `postcode ${postcode} before ${town} (the town stays)`,
      input: `Skicka till ${postcode} ${town}, tack.`,
      expected: `Skicka till ${TOKEN.address} ${town}, tack.`,
      counts: { address: 1 },
    })),
  );
}

describe('maskPersonalData: street addresses with a house number', () => {
  it.each(streetRows())('masks $name', expectMasking);
});

describe('maskPersonalData: postcodes followed by a town', () => {
  it.each(postcodeRows())('masks $name', expectMasking);
});

describe('maskPersonalData: a street and its postcode on one line become one address', () => {
  it.each([
    {
      name: 'reference vector with comma',
      input: 'Storgatan 15B, 413 45 Göteborg',
      expected: `${TOKEN.address} Göteborg`,
      counts: { address: 1 },
    },
    {
      name: 'without a comma',
      input: 'Bor på Kungsvägen 3 752 36 Uppsala nu.',
      expected: `Bor på ${TOKEN.address} Uppsala nu.`,
      counts: { address: 1 },
    },
    {
      name: 'genitive street with a postcode',
      input: 'Olof Palmes gata 3, 411 04 Göteborg',
      expected: `${TOKEN.address} Göteborg`,
      counts: { address: 1 },
    },
    {
      name: 'with a flat number',
      input: 'Storgatan 15, lgh 1102, 413 45 Göteborg',
      expected: `${TOKEN.address} Göteborg`,
      counts: { address: 1 },
    },
    {
      name: 'on two lines, as two addresses',
      input: 'Storgatan 15B\n413 45 Göteborg',
      expected: `${TOKEN.address}\n${TOKEN.address} Göteborg`,
      counts: { address: 2 },
    },
    {
      name: 'two different addresses in one text are counted twice',
      input: 'Från Storgatan 1 till Kungsvägen 2.',
      expected: `Från ${TOKEN.address} till ${TOKEN.address}.`,
      counts: { address: 2 },
    },
  ])('$name', expectMasking);
});

describe('maskPersonalData: street-like words and five-digit numbers that are not addresses', () => {
  it.each([
    untouched('a price with a space', 'Betalade 12 500 kr.'),
    untouched('a price before a capitalised currency', 'Betalade 12 500 SEK.'),
    untouched('a price before "Kronor"', 'Totalt 12 500 Kronor'),
    untouched('a duration', 'Jag väntade 120 minuter.'),
    untouched('five digits before a lower-case word', 'Det var 413 45 personer'),
    untouched('five digits at the end of a sentence', 'Summan blev 413 45. Sedan gick vi.'),
    untouched('a joint followed by a duration', 'Höftleden 2 år efter operationen värker.'),
    untouched('a knee joint in lower case', 'knäleden 3 gånger om dagen'),
    untouched('"vägen" followed by a distance', 'Vägen 2 km bort var stängd.'),
    untouched('the bare noun "gatan" with a number', 'Vi stod på gatan 2 timmar.'),
    untouched('a street without a house number', 'Jag bor nära Storgatan i centrum.'),
    untouched('a lower-case "-backen" word (not a strong street suffix)', 'pulkabacken 2 gånger'),
    untouched('a street followed by a duration', 'Jag bodde på Vasagatan 2 år.'),
    untouched('a ward number', 'Avdelning 12 på Sahlgrenska.'),
  ])('leaves $name', expectMasking);
});
