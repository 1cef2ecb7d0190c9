import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubmission, newKey } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const valid = (): Record<string, unknown> => JSON.parse(JSON.stringify(buildSubmission()));
const nest = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

interface HostileCase {
  readonly name: string;
  readonly body: string | Buffer;
  readonly contentType?: string;
  readonly status: number;
  readonly code: string;
}

const cases: HostileCase[] = [
  { name: 'malformed JSON', body: '{"locale": "sv",', status: 400, code: 'invalid_json' },
  { name: 'a JSON string at the top', body: '"hello"', status: 400, code: 'invalid_json' },
  { name: 'a JSON array at the top', body: '[1,2,3]', status: 400, code: 'validation_failed' },
  { name: 'an empty body', body: '', status: 400, code: 'validation_failed' },
  { name: 'plain text', body: 'hello', contentType: 'text/plain', status: 415, code: 'unsupported_media_type' },
  { name: 'a form post', body: 'locale=sv&channel=web', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'unsupported_media_type' },
  { name: 'multipart', body: '--x\r\n\r\n--x--', contentType: 'multipart/form-data; boundary=x', status: 415, code: 'unsupported_media_type' },
  { name: 'JSON in UTF-16', body: Buffer.from(JSON.stringify(valid()), 'utf16le'), contentType: 'application/json; charset=utf-16', status: 415, code: 'unsupported_media_type' },
  { name: 'a body over 64 KB', body: JSON.stringify({ ...valid(), story: { whatHappened: 'x'.repeat(70_000) } }), status: 413, code: 'payload_too_large' },
  { name: 'a megabyte string', body: JSON.stringify({ text: 'a'.repeat(1_000_000) }), status: 413, code: 'payload_too_large' },
  { name: 'deep nesting (1000 levels)', body: nest(1000), status: 400, code: 'validation_failed' },
  { name: 'deep array nesting (20000 levels)', body: '['.repeat(20_000) + ']'.repeat(20_000), status: 400, code: 'validation_failed' },
  { name: 'a $ operator key at the top', body: JSON.stringify({ ...valid(), $where: 'sleep(5000)' }), status: 400, code: 'validation_failed' },
  { name: 'a $ne operator as a value', body: JSON.stringify({ ...valid(), locale: { $ne: null } }), status: 400, code: 'validation_failed' },
  { name: 'a $gt operator in a nested field', body: JSON.stringify({ ...valid(), respondent: { role: { $gt: '' } } }), status: 400, code: 'validation_failed' },
  { name: 'a dotted key', body: JSON.stringify({ ...valid(), 'story.whatHappened': 'x' }), status: 400, code: 'validation_failed' },
  { name: 'a __proto__ key', body: '{"__proto__":{"isAdmin":true},"locale":"sv"}', status: 400, code: 'validation_failed' },
  { name: 'a nested __proto__ key', body: JSON.stringify(valid()).replace('"story":{', '"story":{"__proto__":{"polluted":true},'), status: 400, code: 'validation_failed' },
  { name: 'a constructor.prototype key', body: JSON.stringify({ ...valid(), constructor: { prototype: { isAdmin: true } } }), status: 400, code: 'validation_failed' },
  { name: 'mass assignment of internal fields', body: JSON.stringify({ ...valid(), _id: 'x', status: 'done', receivedOn: '2020-01-01' }), status: 400, code: 'validation_failed' },
  { name: 'wrong types everywhere', body: JSON.stringify({ locale: 1, channel: true, respondent: 'x', care: [], story: 5, consent: 'yes' }), status: 400, code: 'validation_failed' },
  { name: 'nulls everywhere', body: JSON.stringify({ locale: null, channel: null, respondent: null, care: null, story: null, consent: null }), status: 400, code: 'validation_failed' },
  { name: 'whitespace-only story text', body: JSON.stringify({ ...valid(), story: { whatHappened: '\u2003\u2002 \t\n' } }), status: 400, code: 'validation_failed' },
  { name: 'a huge topics array', body: JSON.stringify({ ...valid(), topics: Array.from({ length: 5000 }, () => 'safety') }), status: 400, code: 'validation_failed' },
  { name: 'a huge settings array', body: JSON.stringify({ ...valid(), care: { settings: Array.from({ length: 8000 }, () => 'x'), when: 'last_month' } }), status: 400, code: 'validation_failed' },
  { name: 'a rating of NaN text', body: JSON.stringify(valid()).replace('"rating":4', '"rating":"NaN"'), status: 400, code: 'validation_failed' },
  { name: 'an enormous number', body: JSON.stringify(valid()).replace('"rating":4', '"rating":1e999'), status: 400, code: 'validation_failed' },
];

describe('hostile input gets a clear 4xx with the error body, never a 5xx', () => {
  it.each(cases)('answers $status $code for $name', async ({ body, contentType, status, code }) => {
    const res = await request(t.app)
      .post('/api/v1/submissions')
      .set('Idempotency-Key', newKey())
      .set('Content-Type', contentType ?? 'application/json')
      .send(body);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe('string');
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('answers 415 for a POST without any content type', async () => {
    const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey());
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('treats query-string operators as plain text', async () => {
    const res = await request(t.app).get('/api/v1/receipts/x?code[$ne]=1');
    expect(res.status).toBe(404);
  });

  it('answers 404 not_found with the error body for an unknown API route', async () => {
    const res = await request(t.app).get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});

describe('invisible and broken characters', () => {
  const store = async (whatHappened: string) => {
    const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send({ ...valid(), story: { whatHappened } });
    expect(res.status).toBe(201);
    const stored = await t.connection.db!.collection('submissions').findOne({ _id: res.body.id });
    return String((stored?.['story'] as { whatHappened: string }).whatHappened);
  };

  it('removes null bytes and other control characters but keeps line breaks and tabs', async () => {
    expect(await store('Första\u0000 raden\u0007\nAndra\traden\u001b')).toBe('Första raden\nAndra\traden');
  });

  it('replaces lone surrogates instead of storing broken text', async () => {
    const stored = await store('Hjärtat \ud83d och mer text här');
    expect(stored).toBe('Hjärtat \ufffd och mer text här');
    expect(stored.isWellFormed()).toBe(true);
  });

  it('removes bidi embedding, override and isolate controls (U+202A–202E, U+2066–2069)', async () => {
    const controls = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    const stored = await store(`Fakturan ${controls}gnp.exe var fel, tyvärr.`);
    expect(stored).toBe('Fakturan gnp.exe var fel, tyvärr.');
  });

  it('keeps ZWNJ, ZWJ, LRM and RLM, which Persian and Arabic text needs', async () => {
    const persian = 'می\u200cخواهم بگویم که پرستار خیلی مهربان بود \u200d\u200e\u200f';
    expect(await store(persian)).toBe(persian.trim());
  });

  it('keeps emoji and other well-formed astral characters', async () => {
    expect(await store('Tack för hjälpen 🙏🏽 verkligen')).toBe('Tack för hjälpen 🙏🏽 verkligen');
  });
});
