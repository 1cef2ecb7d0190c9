import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFollowUp, buildSubmission, newKey } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ today: () => '2026-11-20' });
});
afterAll(async () => {
  await t.close();
});

async function submit(withFollowUp = false): Promise<{ id: string; receiptCode: string }> {
  const body = withFollowUp
    ? buildSubmission({ followUp: buildFollowUp(), consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } })
    : buildSubmission();
  const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(body);
  expect(res.status).toBe(201);
  return res.body;
}

describe('GET /api/v1/receipts/{code}', () => {
  it('says the story was received, and on which day', async () => {
    const { receiptCode } = await submit();
    const res = await request(t.app).get(`/api/v1/receipts/${receiptCode}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'new', receivedOn: '2026-11-20' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('accepts the code as people type it: lower case, without dashes, with spaces', async () => {
    const { receiptCode } = await submit();
    for (const variant of [receiptCode.toLowerCase(), receiptCode.replaceAll('-', ''), receiptCode.replaceAll('-', ' ')]) {
      const res = await request(t.app).get(`/api/v1/receipts/${encodeURIComponent(variant)}`);
      expect(res.status, variant).toBe(200);
    }
  });

  it('shows the status the back office has set', async () => {
    const { id, receiptCode } = await submit();
    await t.connection.db!.collection('submissions').updateOne({ _id: id as never }, { $set: { status: 'in_review' } });
    const res = await request(t.app).get(`/api/v1/receipts/${receiptCode}`);
    expect(res.body.status).toBe('in_review');
  });

  it.each([['0000-0000-0000-0000'], ['not-a-code'], ['ZZZZ'], ['%24ne']])('answers 404 not_found for %s', async (code) => {
    const res = await request(t.app).get(`/api/v1/receipts/${code}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});

describe('DELETE /api/v1/receipts/{code}', () => {
  it('withdraws the story and its contact details: both are gone from the database', async () => {
    const { id, receiptCode } = await submit(true);
    const db = t.connection.db!;
    expect(await db.collection('contacts').countDocuments({ submissionId: id })).toBe(1);
    const res = await request(t.app).delete(`/api/v1/receipts/${receiptCode}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(await db.collection('submissions').countDocuments({ _id: id as never })).toBe(0);
    expect(await db.collection('contacts').countDocuments({ submissionId: id })).toBe(0);
    expect((await request(t.app).get(`/api/v1/receipts/${receiptCode}`)).status).toBe(404);
    expect((await request(t.app).delete(`/api/v1/receipts/${receiptCode}`)).status).toBe(404);
  });

  it('leaves other stories alone', async () => {
    const kept = await submit(true);
    const withdrawn = await submit(true);
    await request(t.app).delete(`/api/v1/receipts/${withdrawn.receiptCode}`).expect(204);
    const db = t.connection.db!;
    expect(await db.collection('submissions').countDocuments({ _id: kept.id as never })).toBe(1);
    expect(await db.collection('contacts').countDocuments({ submissionId: kept.id })).toBe(1);
  });
});

describe('receipt look-up rate limit', () => {
  it('answers 429 rate_limited with Retry-After once a client has made RECEIPT_RATE_LIMIT look-ups in a minute', async () => {
    const limited = await createTestApp({ receiptRateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await request(limited.app).get('/api/v1/receipts/0000-0000-0000-0000')).status);
      expect(statuses).toEqual([404, 404, 404]);
      const res = await request(limited.app).get('/api/v1/receipts/0000-0000-0000-0000');
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe('rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    } finally {
      await limited.close();
    }
  });
});
