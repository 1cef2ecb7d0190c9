import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../api/src/db/connection.ts';
import { hashIdempotencyKey } from '../../api/src/feedback/service.ts';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { FaultBed, type DatabaseHandle } from './harness.ts';
import { ReverseProxy } from './proxy.ts';
import type { ApiSupervisor } from './supervisor.ts';

// Two API processes on one database behind a local reverse proxy, configured as a scaled-out deployment:
// rate limits counted in the database, sessions in the database, deduplication by the database's unique index.
const LIMIT = 10;
let bed: FaultBed;
let database: DatabaseHandle;
let a: ApiSupervisor;
let b: ApiSupervisor;
let proxy: ReverseProxy;
let proxyUrl: string;
let connection: Connection;

beforeAll(async () => {
  bed = await FaultBed.create();
  database = await bed.database();
  const env = { RATE_LIMIT_STORE: 'mongodb', SUBMISSION_RATE_LIMIT: String(LIMIT), TRUST_PROXY: '1' };
  [a, b] = await Promise.all([bed.api('instance-a', database.uri, { restart: false, env }), bed.api('instance-b', database.uri, { restart: false, env })]);
  proxy = new ReverseProxy([
    { name: 'instance-a', port: a.options.port },
    { name: 'instance-b', port: b.options.port },
  ]);
  proxyUrl = `http://127.0.0.1:${await proxy.listen()}`;
  connection = await connectDatabase({ uri: database.uri, dbName: 'medskapa' });
});

afterAll(async () => {
  await connection?.close();
  await proxy?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.stop();
  await bed?.destroy();
});

function submit(baseUrl: string, key: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers },
    body: JSON.stringify(body),
  });
}

/** Rate-limit windows are whole minutes: start a counting test well inside one. */
async function awayFromMinuteBoundary(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await sleep(60_000 - intoMinute + 200);
}

describe('two API instances behind a reverse proxy', () => {
  it('share one rate limit: the limit holds across both instances, whichever answers', async () => {
    await awayFromMinuteBoundary();
    // Through the proxy every request comes from the same client address (X-Forwarded-For, TRUST_PROXY=1).
    const answers: Array<{ status: number; upstream: string | null; retryAfter: string | null }> = [];
    for (let i = 0; i < LIMIT + 4; i += 1) {
      const res = await submit(proxyUrl, newKey(), buildSubmission({ story: { whatHappened: uniquePhrase('Gemensam gräns') } }));
      answers.push({ status: res.status, upstream: res.headers.get('X-Upstream'), retryAfter: res.headers.get('Retry-After') });
    }
    const accepted = answers.filter((answer) => answer.status === 201);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(accepted).toHaveLength(LIMIT);
    expect(limited).toHaveLength(4);
    // Both instances took part on each side of the limit, so neither counted alone.
    expect(new Set(accepted.map((answer) => answer.upstream))).toEqual(new Set(['instance-a', 'instance-b']));
    expect(new Set(limited.map((answer) => answer.upstream))).toEqual(new Set(['instance-a', 'instance-b']));
    for (const answer of limited) expect(Number(answer.retryAfter)).toBeGreaterThan(0);

    // Another client (as a proxy in front of the instances would tell them) is not limited by the first.
    const other = await submit(a.url, newKey(), buildSubmission(), { 'X-Forwarded-For': '198.51.100.23' });
    expect(other.status).toBe(201);
  });

  it('share sessions: signed in through instance A, the session works on B, and signing out on B ends it on A', async () => {
    const email = `facilitator-${newKey().slice(0, 8)}@vgregion.se`;
    const password = 'a long passphrase for two instances';
    await createUserRepository(connection).create({ email, displayName: 'Two Instances', roles: ['facilitator'], passwordHash: await hashPassword(password) }, new Date());

    const signIn = await fetch(`${a.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(signIn.status).toBe(201);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/=.+/);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };

    const onB = await fetch(`${b.url}/api/v1/session`, { headers: { Cookie: cookie } });
    expect(onB.status).toBe(200);
    const session = (await onB.json()) as { user: { email: string }; csrfToken: string };
    expect(session.user.email).toBe(email);
    expect(session.csrfToken).toBe(csrfToken);

    const signOut = await fetch(`${b.url}/api/v1/session`, { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } });
    expect(signOut.status).toBe(204);
    expect((await fetch(`${a.url}/api/v1/session`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('deduplicate a retry that lands on the other instance: 200 replay with the same story, 409 for a different body', async () => {
    const client = { 'X-Forwarded-For': '198.51.100.41' };
    const key = newKey();
    const body = buildSubmission({ story: { whatHappened: uniquePhrase('Skickad två gånger') } });

    const first = await submit(a.url, key, body, client);
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as { id: string; receiptCode: string };

    const retry = await submit(b.url, key, body, client);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await retry.json()).toEqual(receipt);

    const changed = await submit(b.url, key, { ...body, rating: 1 }, client);
    expect(changed.status).toBe(409);

    const stored = await connection.db!.collection('submissions').find({ idempotencyKeyHash: hashIdempotencyKey(key) }).toArray();
    expect(stored.map((document) => document._id)).toEqual([receipt.id]);
  });

  it('store a story sent to both instances at the same moment exactly once', async () => {
    const client = { 'X-Forwarded-For': '198.51.100.42' };
    for (let round = 0; round < 4; round += 1) {
      const key = newKey();
      const body = buildSubmission({ story: { whatHappened: uniquePhrase('Samtidigt till båda') } });
      const answers = await Promise.all([submit(a.url, key, body, client), submit(b.url, key, body, client)]);
      const ids = new Set<string>();
      const statuses: number[] = [];
      for (const res of answers) {
        let answer = res;
        // The loser of the race may not yet see the winner's story: it asks for a retry, which then replays.
        if (answer.status === 503) answer = await submit(b.url, key, body, client);
        statuses.push(answer.status);
        ids.add(((await answer.json()) as { id: string }).id);
      }
      expect(statuses.sort()).toEqual([200, 201]);
      expect(ids.size).toBe(1);
      expect(await connection.db!.collection('submissions').countDocuments({ idempotencyKeyHash: hashIdempotencyKey(key) })).toBe(1);
    }
  });
});
