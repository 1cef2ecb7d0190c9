import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildSubmission, newKey } from '../support/builders.ts';
import { createTestApp, testSecrets } from '../support/testApp.ts';

const submit = (app: Parameters<typeof request>[0]) =>
  request(app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission());

describe('submission rate limit', () => {
  it('answers 429 rate_limited with Retry-After after SUBMISSION_RATE_LIMIT stories a minute from one client', async () => {
    const t = await createTestApp({ submissionRateLimit: 2 });
    try {
      expect((await submit(t.app)).status).toBe(201);
      expect((await submit(t.app)).status).toBe(201);
      const limited = await submit(t.app);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it('is off when set to 0', async () => {
    const t = await createTestApp({ submissionRateLimit: 0 });
    try {
      const statuses = await Promise.all(Array.from({ length: 15 }, () => submit(t.app).then((res) => res.status)));
      expect(statuses.every((status) => status === 201)).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('with the MongoDB store, two instances share one limit and store no client address', async () => {
    const dbName = `t_shared_${randomUUID().slice(0, 8)}`;
    const secrets = testSecrets();
    const a = await createTestApp({ dbName, secrets, submissionRateLimit: 3, rateLimitStore: 'mongodb' });
    const b = await createTestApp({ dbName, secrets, submissionRateLimit: 3, rateLimitStore: 'mongodb' });
    try {
      const statuses = [(await submit(a.app)).status, (await submit(b.app)).status, (await submit(a.app)).status, (await submit(b.app)).status];
      expect(statuses).toEqual([201, 201, 201, 429]);
      const counters = await a.connection.db!.collection('rateLimits').find({}).toArray();
      expect(counters.length).toBeGreaterThan(0);
      expect(JSON.stringify(counters)).not.toMatch(/127\.0\.0\.1|::1|ffff/);
    } finally {
      await a.connection.dropDatabase();
      await a.close();
      await b.close();
    }
  });
});
