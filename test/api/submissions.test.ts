import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptJson } from '../../api/src/contacts/contactCipher.ts';
import { buildFollowUp, buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ today: () => '2026-11-26' });
});
afterAll(async () => {
  await t.close();
});

/** `key: null` sends no Idempotency-Key header at all. */
const post = (body: unknown, key: string | null = newKey()) => {
  const req = request(t.app).post('/api/v1/submissions').set('Content-Type', 'application/json');
  if (key !== null) req.set('Idempotency-Key', key);
  return req.send(JSON.stringify(body));
};

describe('POST /api/v1/submissions', () => {
  it('stores a valid story and answers 201 with an id, a grouped receipt code and no redactions', async () => {
    const res = await post(buildSubmission());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), receiptCode: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/), redactions: [] });
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    const stored = await t.connection.db!.collection('submissions').findOne({ _id: res.body.id });
    expect(stored).toMatchObject({
      status: 'new',
      locale: 'sv',
      channel: 'web',
      respondent: { role: 'relative', relationship: 'parent', ageGroup: '45_64' },
      care: { settings: ['primary_care'], unit: 'Vårdcentralen Centrum', when: 'last_6_months' },
      topics: ['digital_services', 'access_and_booking'],
      rating: 4,
      hasFollowUp: false,
      receivedOn: '2026-11-26',
      month: '2026-11',
    });
  });

  it('keeps no IP address, user agent, exact timestamp or receipt code with the story', async () => {
    const res = await post(buildSubmission()).set('User-Agent', 'TestBrowser/1.0').set('X-Forwarded-For', '203.0.113.7');
    expect(res.status).toBe(201);
    const stored = await t.connection.db!.collection('submissions').findOne({ _id: res.body.id });
    const text = JSON.stringify(stored);
    expect(text).not.toContain('TestBrowser');
    expect(text).not.toContain('203.0.113.7');
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain(res.body.receiptCode);
    expect(text).not.toContain(res.body.receiptCode.replaceAll('-', ''));
    expect(text).not.toMatch(/T\d{2}:\d{2}/);
    expect(Object.keys(stored ?? {})).not.toContain('createdAt');
  });

  it('stores the trimmed, cleaned text', async () => {
    const res = await post(buildSubmission({ story: { whatHappened: '   Det gick bra till slut.\r\nTack!   ' } }));
    expect(res.status).toBe(201);
    const stored = await t.connection.db!.collection('submissions').findOne({ _id: res.body.id });
    expect(stored?.['story']).toEqual({ whatHappened: 'Det gick bra till slut.\nTack!' });
  });

  it('encrypts contact details into their own collection, linked to the story and readable with the key', async () => {
    const followUp = buildFollowUp();
    const body = buildSubmission({ followUp, consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } });
    const res = await post(body);
    expect(res.status).toBe(201);
    const db = t.connection.db!;
    const story = await db.collection('submissions').findOne({ _id: res.body.id });
    expect(story?.['hasFollowUp']).toBe(true);
    expect(JSON.stringify(story)).not.toContain(followUp.email);
    expect(JSON.stringify(story)).not.toContain('Kim Andersson');
    const contacts = await db.collection('contacts').find({ submissionId: res.body.id }).toArray();
    expect(contacts).toHaveLength(1);
    const contact = contacts[0]!;
    expect(JSON.stringify(contact)).not.toContain(followUp.email);
    expect(JSON.stringify(contact)).not.toContain('Andersson');
    expect(contact['keyId']).toBe('test1');
    expect(String(contact['envelope'])).toMatch(/^v1\.test1\./);
    expect(decryptJson(t.secrets.contactKeyring, String(contact['envelope']), `contacts.followUp.${res.body.id}`)).toEqual(followUp);
    expect(() => decryptJson(t.secrets.contactKeyring, String(contact['envelope']), 'contacts.followUp.another-story')).toThrow();
  });
});

describe('idempotency', () => {
  it('replays the same body with 200, the same answer and Idempotent-Replayed: true, storing one story', async () => {
    const key = newKey();
    const body = buildSubmission({ story: { whatHappened: 'En berättelse som skickas två gånger.' } });
    const first = await post(body, key);
    const second = await post(body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await t.connection.db!.collection('submissions').countDocuments({ _id: first.body.id })).toBe(1);
    expect(await t.connection.db!.collection('submissions').countDocuments({ 'story.whatHappened': 'En berättelse som skickas två gånger.' })).toBe(1);
  });

  it('replays when the same story arrives with its keys in another order', async () => {
    const key = newKey();
    const body = buildSubmission();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const first = await post(body, key);
    const second = await post(reordered, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  });

  it('treats the key case-insensitively', async () => {
    const key = newKey();
    const body = buildSubmission();
    const first = await post(body, key.toLowerCase());
    const second = await post(body, key.toUpperCase());
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  });

  it('answers 409 idempotency_conflict when the same key comes with another body, and keeps the first story', async () => {
    const key = newKey();
    const first = await post(buildSubmission({ rating: 2 }), key);
    const second = await post(buildSubmission({ rating: 5 }), key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('idempotency_conflict');
    const stored = await t.connection.db!.collection('submissions').findOne({ _id: first.body.id });
    expect(stored?.['rating']).toBe(2);
  });

  it('stores exactly one story for twenty concurrent identical requests, all answered with the same receipt', async () => {
    const key = newKey();
    const marker = uniquePhrase('Samtidiga anrop');
    const body = buildSubmission({ story: { whatHappened: marker } });
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(body, key)));
    const statuses = responses.map((res) => res.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(19);
    expect(new Set(responses.map((res) => JSON.stringify(res.body))).size).toBe(1);
    expect(await t.connection.db!.collection('submissions').countDocuments({ 'story.whatHappened': marker })).toBe(1);
  });

  it('stores the contact details once when concurrent retries carry them', async () => {
    const key = newKey();
    const body = buildSubmission({ followUp: buildFollowUp(), consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } });
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(body, key)));
    expect(responses.every((res) => res.status === 200 || res.status === 201)).toBe(true);
    const id = responses[0]!.body.id;
    expect(await t.connection.db!.collection('contacts').countDocuments({ submissionId: id })).toBe(1);
  });

  it('restores contact details on retry when the first attempt stored the story but not the contact', async () => {
    const key = newKey();
    const body = buildSubmission({ followUp: buildFollowUp(), consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } });
    const first = await post(body, key);
    await t.connection.db!.collection('contacts').deleteMany({ submissionId: first.body.id });
    const retry = await post(body, key);
    expect(retry.status).toBe(200);
    expect(await t.connection.db!.collection('contacts').countDocuments({ submissionId: first.body.id })).toBe(1);
  });

  it.each([
    ['missing', null, 'idempotencyKey.required'],
    ['empty', '', 'idempotencyKey.required'],
    ['not a UUID', 'abc-123', 'idempotencyKey.invalid'],
  ])('rejects a %s Idempotency-Key with 400 idempotency_key_required', async (_name, key, messageKey) => {
    const res = await post(buildSubmission(), key);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'idempotency_key_required', message: expect.any(String), fields: { 'Idempotency-Key': messageKey } },
    });
  });
});
