import type { assertNoPoisoning as AssertNoPoisoning } from '@fast-check/poisoning';
import fc from 'fast-check';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { hostileBody, hostileString, pathSegment, queryPairs, queryString, type HostileBody, type QueryPair } from './support/hostile.ts';
import { createResponseChecker, endsSession, fetchDocument, operationsOf, pathParameters, type Operation, type OpenApiDocument } from './support/openapi.ts';
import { describeRequest, listen, send, validBodies, type SentRequest } from './support/requests.ts';
import { buildWorld, plausibleParameter, type World } from './support/world.ts';

// Every route the OpenAPI document lists gets hostile path parameters, query strings and bodies, anonymously and as
// a signed-in admin who is also facilitator and staff. The answer must be documented, never a 5xx, never a hang.
// FUZZ_RUNS scales the number of cases (default: a couple of minutes in `npm test`).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? '12');

let t: TestApp;
let server: Server;
let closeServer: () => Promise<void>;
let doc: OpenApiDocument;
let world: World;
let bodies: Record<string, unknown>;
let check: ReturnType<typeof createResponseChecker>;
let assertNoPoisoning: typeof AssertNoPoisoning;

/** Mutating routes go last, deletions at the very end, so the plausible ids stay valid for as long as possible. */
const ORDER = { get: 0, put: 1, patch: 1, post: 2, delete: 3 } as const;

beforeAll(async () => {
  t = await createTestApp();
  ({ server, close: closeServer } = await listen(t));
  doc = await fetchDocument(t);
  check = createResponseChecker(doc);
  world = await buildWorld(t);
  bodies = validBodies(world);
  // The baseline for "globals unpolluted" is taken now, once the app, the driver and the validator are warm.
  ({ assertNoPoisoning } = await import('@fast-check/poisoning'));
});

afterAll(async () => {
  await closeServer?.();
  await t?.close();
});

interface Case {
  readonly segments: Record<string, string>;
  readonly query: QueryPair[];
  readonly body: HostileBody;
  readonly idempotencyKey: string;
}

function caseFor(op: Operation): fc.Arbitrary<Case> {
  const parameters = pathParameters(op.path);
  const segments = fc.record(Object.fromEntries(parameters.map((name) => [name, pathSegment(plausibleParameter(world, op.path, name))])));
  const documentedQuery = (op.operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  return fc.record({
    segments,
    query: queryPairs(documentedQuery),
    body: hostileBody(bodies[op.key]),
    idempotencyKey: fc.oneof(fc.uuid({ version: 4 }), fc.constantFrom('', 'not-a-uuid', '{"$ne":null}', '../..', 'x'.repeat(300))),
  });
}

function buildRequest(op: Operation, c: Case, session: StaffSession | undefined): SentRequest {
  const url = op.path.replace(/\{([^}]+)\}/g, (_match, name: string) => c.segments[name] ?? 'x') + queryString(c.query);
  const headers: Record<string, string> = { ...(session?.headers ?? {}) };
  if (op.key === 'POST /api/v1/submissions') headers['Idempotency-Key'] = c.idempotencyKey;
  return { method: op.method, url, headers, body: op.method === 'get' ? undefined : c.body };
}

/** Statuses seen per route and identity: proof that the hostile input got past sign-in and CSRF to the handlers. */
const seen = new Map<string, Map<number, number>>();

async function fuzz(op: Operation, identity: () => Promise<StaffSession | undefined>, numRuns: number, who: string): Promise<void> {
  const statuses = new Map<number, number>();
  seen.set(`${who} ${op.key}`, statuses);
  await fc.assert(
    fc.asyncProperty(caseFor(op), async (c) => {
      const sent = buildRequest(op, c, await identity());
      const res = await send(server, sent);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const problems = check(op, res);
      if (problems.length > 0) throw new Error(`${problems.join('\n')}\nrequest: ${describeRequest(op, sent)}`);
    }),
    { numRuns, endOnFailure: process.env['FUZZ_SHRINK'] === undefined },
  );
}

describe('fuzzing every route in the OpenAPI document', () => {
  it('lists the routes this suite expects to reach (a new route is fuzzed automatically)', () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThanOrEqual(50);
    expect(operations.filter((op) => pathParameters(op.path).length > 0).length).toBeGreaterThanOrEqual(20);
  });

  it('answers hostile requests from anyone with a documented 4xx (or a documented 2xx), never a 5xx or a hang', async () => {
    const operations = operationsOf(doc).sort((a, b) => ORDER[a.method] - ORDER[b.method]);
    for (const op of operations) await fuzz(op, async () => undefined, Math.max(3, Math.ceil(RUNS / 3)), 'anonymous');
  }, 60_000 + RUNS * 2_000);

  it('answers hostile requests from a signed-in admin, facilitator and staff member the same way', async () => {
    const operations = operationsOf(doc).sort((a, b) => ORDER[a.method] - ORDER[b.method]);
    for (const op of operations) {
      // Each route gets its own session, so one that ends sessions cannot hide the others behind 401s; a sign-out
      // route gets a fresh session for every case.
      const session = await signInAs(t, ['admin', 'facilitator', 'staff'], 'Fuzz Admin');
      const identity = endsSession(op) ? () => signInAs(t, ['admin', 'facilitator', 'staff']) : async () => session;
      await fuzz(op, identity, RUNS, 'signed-in');
    }
    if (process.env['FUZZ_REPORT'] !== undefined) {
      for (const [key, statuses] of seen) process.stdout.write(`${key}: ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    }
  }, 60_000 + RUNS * 5_000);

  it('got past sign-in and CSRF: every signed-in route answered something other than 401 and 403', () => {
    const stuck = [...seen]
      .filter(([key]) => key.startsWith('signed-in '))
      .filter(([, statuses]) => [...statuses.keys()].every((status) => status === 401 || status === 403))
      .map(([key]) => key);
    expect(stuck).toEqual([]);
  });

  it('left the globals unpolluted and logged no unhandled error', () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(Object.prototype).not.toHaveProperty('x');
    expect(Array.prototype).not.toHaveProperty('polluted');
    // vitest keeps its own running state on globals (__vitest_worker__ …); everything else must be as it was.
    assertNoPoisoning({ ignoredRootRegex: /^__vitest/ });
    expect(t.logs.join('')).not.toContain('unhandled error');
  });
});

describe('the hostile arbitraries themselves', () => {
  it('produce lone surrogates, bidi overrides and NUL among their strings', () => {
    const seen = fc.sample(hostileString, { numRuns: 2000, seed: 7 });
    expect(seen.some((value) => !value.isWellFormed())).toBe(true);
    expect(seen.some((value) => value.includes('\u202e'))).toBe(true);
    expect(seen.some((value) => value.includes('\u0000'))).toBe(true);
  });
});
