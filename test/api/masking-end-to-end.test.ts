import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFollowUp, buildSubmission, newKey } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

// Identifiers from the reference test vectors, in the forms people write them.
const ID_NUMBERS = ['19121212-1212', '811218-9876', '121212+1212', '701063-2391', '195705749959', '121212-T121', '20000229-0021'];
const PHONES = ['070-123 45 67', '+46 70 123 45 67', '0046701234567', '08-123 456 78', '031-342 10 00'];
const EMAILS = ['anna.svensson@gmail.com', 'åsa@exempel.se', 'canary.7f3a@exempel.se'];
const ADDRESSES = ['Storgatan 15B'];

/** Every digit run and word of an identifier that could betray it if it survived. */
function fragmentsOf(identifier: string): string[] {
  const compact = identifier.replace(/[\s-]/g, '');
  return [identifier, compact, ...identifier.split(/[\s@]+/).filter((part) => part.replace(/\D/g, '').length >= 6)];
}

describe('masking at the door', () => {
  it('masks identifiers in every free-text field before storing, reports what it masked, and keeps them out of logs', async () => {
    const body = buildSubmission({
      care: { settings: ['emergency'], unit: 'Akuten, ring 031-342 10 00', when: 'last_month' },
      story: {
        whatHappened: `Mitt personnummer är ${ID_NUMBERS[0]} och min mammas ${ID_NUMBERS[1]}. Pappa ${ID_NUMBERS[2]}, min man har samordningsnummer ${ID_NUMBERS[3]} och ${ID_NUMBERS[4]}. Reservnummer ${ID_NUMBERS[5]}. Dottern ${ID_NUMBERS[6]}. Kl 08.00-16.30 den 2024-05-12 ringde jag 1177 och 112.`,
        whatWorkedWell: `Ring mig på ${PHONES[0]} eller ${PHONES[1]} eller ${PHONES[2]}, jobbet ${PHONES[3]}.`,
        whatCouldBeBetter: `Skriv till ${EMAILS[0]} eller ${EMAILS[1]} eller ${EMAILS[2]}.`,
        idea: `Jag bor på ${ADDRESSES[0]}, 413 45 Göteborg. Ordernummer 198707049996 stämde inte.`,
      },
      followUp: buildFollowUp(),
      consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' },
    });
    const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(body);
    expect(res.status).toBe(201);

    const counts = new Map<string, number>();
    for (const r of res.body.redactions as Array<{ field: string; kind: string; count: number }>) counts.set(`${r.field}:${r.kind}`, r.count);
    expect(counts.get('story.whatHappened:id_number')).toBe(ID_NUMBERS.length);
    expect(counts.get('story.whatWorkedWell:phone')).toBe(4);
    expect(counts.get('story.whatCouldBeBetter:email')).toBe(3);
    expect(counts.get('story.idea:address')).toBeGreaterThanOrEqual(1);
    expect(counts.get('care.unit:phone')).toBe(1);

    const db = t.connection.db!;
    const stored = await db.collection('submissions').findOne({ _id: res.body.id });
    const story = stored?.['story'] as Record<string, string>;
    expect(story['whatHappened']).toContain('[ID-NUMBER]');
    expect(story['whatHappened']).toContain('Kl 08.00-16.30 den 2024-05-12 ringde jag 1177 och 112.');
    expect(story['whatWorkedWell']).toBe('Ring mig på [PHONE] eller [PHONE] eller [PHONE], jobbet [PHONE].');
    expect(story['whatCouldBeBetter']).toBe('Skriv till [EMAIL] eller [EMAIL] eller [EMAIL].');
    expect(story['idea']).toContain('[ADDRESS]');
    expect(story['idea']).toContain('Ordernummer 198707049996 stämde inte.');
    expect((stored?.['care'] as Record<string, string>)['unit']).toBe('Akuten, ring [PHONE]');
    expect(stored?.['redactions']).toEqual(res.body.redactions);

    // Nothing of any identifier anywhere in the raw collections or the captured logs.
    const everything = [
      JSON.stringify(await db.collection('submissions').find({}).toArray()),
      JSON.stringify(await db.collection('contacts').find({}).toArray()),
      t.logs.join(''),
    ].join('\n');
    for (const identifier of [...ID_NUMBERS, ...PHONES, ...EMAILS, ...ADDRESSES, '413 45']) {
      for (const fragment of fragmentsOf(identifier)) expect(everything, fragment).not.toContain(fragment);
    }
    expect(everything).not.toContain('kim.andersson@exempel.se');
  });

  it('masks identifiers a replayed request carries in the same way, and answers with the same redactions', async () => {
    const key = newKey();
    const body = buildSubmission({ story: { whatHappened: 'Ring 070-123 45 67 om något är oklart.' } });
    const first = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', key).send(body);
    const replay = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', key).send(body);
    expect(first.body.redactions).toEqual([{ field: 'story.whatHappened', kind: 'phone', count: 1 }]);
    expect(replay.body).toEqual(first.body);
  });
});
