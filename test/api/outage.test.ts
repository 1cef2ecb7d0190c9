import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeDirectory, startFerretdb, type RunningFerretdb } from '../../api/src/db/embeddedFerretdb.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { freePort, waitFor } from '../support/processes.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// This file runs its own FerretDB so it can kill and restart it without disturbing other suites.
let directory: string;
let listenAddr: string;
let ferretdb: RunningFerretdb;
let t: TestApp;

const start = () => startFerretdb(inject('ferretdbBinary'), { handler: 'sqlite', directory }, { listenAddr });

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'medskapa-outage-'));
  listenAddr = `127.0.0.1:${await freePort()}`;
  ferretdb = await start();
  t = await createTestApp({ uri: ferretdb.uri, dbName: 'outage' });
});

afterAll(async () => {
  await t.close().catch(() => {});
  await ferretdb.stop();
  await removeDirectory(directory);
});

const submit = (marker: string, key = newKey()) =>
  request(t.app).post('/api/v1/submissions').set('Idempotency-Key', key).send(buildSubmission({ story: { whatHappened: marker } }));

describe('when the database goes away and comes back', () => {
  it('answers 503 with Retry-After within about 3 s, says not ready, then recovers by itself without losing what it acknowledged', async () => {
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await submit(`Före avbrottet nummer ${i}`);
      expect(res.status).toBe(201);
      acknowledged.push(res.body.id);
    }
    expect((await request(t.app).get('/readyz')).status).toBe(200);

    ferretdb.process.kill('SIGKILL');
    await ferretdb.stop();

    const pending = newKey();
    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      const res = await submit('Under avbrottet', pending);
      const elapsed = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('service_unavailable');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(elapsed).toBeLessThan(4000);
    }
    const notReady = await request(t.app).get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.headers['retry-after']).toBeDefined();
    expect((await request(t.app).get('/healthz')).status).toBe(200);

    ferretdb = await start();

    // The client retries its unsent story with the same key, as the form's outbox does.
    let retried: request.Response | undefined;
    const recovered = await waitFor(async () => {
      retried = await submit('Under avbrottet', pending);
      return retried.status === 201;
    }, 20_000, 500);
    expect(recovered).toBe(true);
    acknowledged.push(retried!.body.id);
    expect((await request(t.app).get('/readyz')).status).toBe(200);

    const submissions = t.connection.db!.collection('submissions');
    for (const id of acknowledged) expect(await submissions.countDocuments({ _id: id as never })).toBe(1);
    expect(await submissions.countDocuments({ 'story.whatHappened': 'Under avbrottet' })).toBe(1);
    expect(await submissions.countDocuments({})).toBe(6);
  });
});
