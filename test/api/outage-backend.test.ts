import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFerretdb, type RunningFerretdb } from '../../api/src/db/embeddedFerretdb.ts';
import { hashIdempotencyKey } from '../../api/src/feedback/service.ts';
import { TestPostgres } from '../faults/postgres.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { waitFor } from '../support/processes.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// Found by the fault tests (test/faults): FerretDB over a PostgreSQL of this file's own (initdb in a temporary
// directory), whose backend is stopped or whose process is frozen, must give 503 + Retry-After within ~3 s.
let postgres: TestPostgres;
let ferretdb: RunningFerretdb;
let t: TestApp;
/** The same database behind the MongoDB-backed rate limiter, as in a scaled-out deployment. */
let limited: TestApp;

beforeAll(async () => {
  postgres = await TestPostgres.create();
  await postgres.start();
  await postgres.createDatabase('outage');
  ferretdb = await startFerretdb(inject('ferretdbBinary'), { handler: 'postgresql', url: postgres.url('outage') });
  t = await createTestApp({ uri: ferretdb.uri, dbName: 'outage' });
  limited = await createTestApp({ uri: ferretdb.uri, dbName: 'outage', rateLimitStore: 'mongodb', submissionRateLimit: 1000 });
});

afterAll(async () => {
  if (ferretdb?.process.pid !== undefined) process.kill(ferretdb.process.pid, 'SIGCONT');
  await t?.close().catch(() => {});
  await limited?.close().catch(() => {});
  await ferretdb?.stop();
  await postgres?.destroy();
});

const submit = (body: ReturnType<typeof buildSubmission>, key: string) =>
  request(t.app).post('/api/v1/submissions').set('Idempotency-Key', key).send(body);

const storedCopies = (key: string) => t.connection.db!.collection('submissions').countDocuments({ idempotencyKeyHash: hashIdempotencyKey(key) });

describe('FerretDB over PostgreSQL when the backend fails', () => {
  it('answers 503 with Retry-After, never 500, while PostgreSQL is down, and stores the retried story once when it is back', async () => {
    const body = buildSubmission({ story: { whatHappened: uniquePhrase('Under avbrottet i databasen') } });
    const key = newKey();
    expect((await submit(buildSubmission(), newKey())).status).toBe(201);

    await postgres.stopImmediately();
    try {
      for (let i = 0; i < 3; i += 1) {
        const started = Date.now();
        const res = await submit(body, key);
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('service_unavailable');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(Date.now() - started).toBeLessThan(3500);
      }
    } finally {
      await postgres.start();
    }

    let status = 0;
    expect(await waitFor(async () => [200, 201].includes((status = (await submit(body, key)).status)), 20_000, 250)).toBe(true);
    expect(status).toBe(201);
    expect(await storedCopies(key)).toBe(1);
  });

  it('answers 503 within about 3 s while FerretDB is frozen, and the retry after it wakes is stored once (or replayed)', async () => {
    const body = buildSubmission({ story: { whatHappened: uniquePhrase('Medan databasen stod still') } });
    const key = newKey();
    expect((await submit(buildSubmission(), newKey())).status).toBe(201);

    const pid = ferretdb.process.pid!;
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const res = await submit(body, key);
      const elapsed = Date.now() - started;
      expect(res.status).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(elapsed).toBeLessThan(3500);
      // Through the database-backed rate limiter too: it must not wait on the frozen database either.
      const limitedStarted = Date.now();
      const limitedRes = await request(limited.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission());
      expect(limitedRes.status).toBe(503);
      expect(Number(limitedRes.headers['retry-after'])).toBeGreaterThan(0);
      expect(Date.now() - limitedStarted).toBeLessThan(3500);
    } finally {
      process.kill(pid, 'SIGCONT');
    }

    // The frozen write may complete once FerretDB wakes: the retry then replays it instead of storing it twice.
    let status = 0;
    expect(await waitFor(async () => [200, 201].includes((status = (await submit(body, key)).status)), 20_000, 250)).toBe(true);
    expect([200, 201]).toContain(status);
    expect(await storedCopies(key)).toBe(1);
  });
});
