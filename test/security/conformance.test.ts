import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFollowUp, buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { signInAs, STAFF_PASSWORD, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import type { HostileBody } from './support/hostile.ts';
import { createResponseChecker, fetchDocument, operationsOf, type CheckedResponse, type Method, type Operation, type OpenApiDocument } from './support/openapi.ts';
import { listen, send } from './support/requests.ts';
import { buildWorld, type World } from './support/world.ts';

// Every route in the OpenAPI document is called the way the back office and the form call it, and its answers —
// successes and errors alike — are checked against the document: status documented, media type listed, JSON body
// valid against the schema (ajv, JSON Schema 2020-12).

let t: TestApp;
let server: Server;
let closeServer: () => Promise<void>;
let doc: OpenApiDocument;
let world: World;
let check: ReturnType<typeof createResponseChecker>;
let staffOnly: StaffSession;
const called = new Map<string, Set<number>>();
const problems: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  ({ server, close: closeServer } = await listen(t));
  doc = await fetchDocument(t);
  check = createResponseChecker(doc);
  world = await buildWorld(t);
  staffOnly = await signInAs(t, ['staff'], 'Bara Personal');
});

afterAll(async () => {
  await closeServer?.();
  await t?.close();
});

function operation(method: Method, path: string): Operation {
  const op = operationsOf(doc).find((candidate) => candidate.method === method && candidate.path === path);
  if (op === undefined) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return op;
}

const json = (value: unknown): HostileBody => ({ label: 'valid', payload: JSON.stringify(value), contentType: 'application/json' });

/** Calls a documented operation and records whether the answer is what the document says. */
async function call(
  method: Method,
  path: string,
  options: { params?: Record<string, string>; query?: string; who?: StaffSession | undefined; body?: HostileBody; headers?: Record<string, string> } = {},
): Promise<CheckedResponse> {
  const op = operation(method, path);
  const url = path.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(options.params?.[name] ?? 'missing')) + (options.query ?? '');
  const res = await send(server, { method, url, headers: { ...(options.who?.headers ?? {}), ...(options.headers ?? {}) }, body: options.body });
  const statuses = called.get(op.key) ?? new Set<number>();
  statuses.add(res.status);
  called.set(op.key, statuses);
  problems.push(...check(op, res));
  return res;
}

const idOf = (res: CheckedResponse): string => String((res.body as { id: unknown }).id);

describe('answers match the OpenAPI document', () => {
  it('for the public form: submit, replay, receipt, campaign form, health', async () => {
    const key = newKey();
    const body = json(buildSubmission({ followUp: buildFollowUp(), consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } }));
    expect((await call('post', '/api/v1/submissions', { headers: { 'Idempotency-Key': key }, body })).status).toBe(201);
    expect((await call('post', '/api/v1/submissions', { headers: { 'Idempotency-Key': key }, body })).status).toBe(200);
    expect((await call('post', '/api/v1/submissions', { headers: { 'Idempotency-Key': key }, body: json(buildSubmission({ rating: 1 })) })).status).toBe(409);
    expect((await call('post', '/api/v1/submissions', { headers: { 'Idempotency-Key': newKey() }, body: json({ locale: 'xx' }) })).status).toBe(400);
    expect((await call('get', '/api/v1/receipts/{code}', { params: { code: world.receiptCode } })).status).toBe(200);
    expect((await call('get', '/api/v1/receipts/{code}', { params: { code: 'AAAA-BBBB-CCCC-DDDD' } })).status).toBe(404);
    expect((await call('get', '/api/v1/campaigns/{code}/form', { params: { code: world.campaignCode } })).status).toBe(200);
    expect((await call('get', '/api/v1/campaigns/{code}/form', { params: { code: 'finns-inte' } })).status).toBe(404);
    expect((await call('get', '/healthz')).status).toBe(200);
    expect((await call('get', '/readyz')).status).toBe(200);
    expect((await call('get', '/api/v1/openapi.json')).status).toBe(200);
  });

  it('for sessions and users, with the 401 and 403 answers', async () => {
    expect((await call('post', '/api/v1/session', { body: json({ email: world.admin.email, password: STAFF_PASSWORD }) })).status).toBe(201);
    expect((await call('post', '/api/v1/session', { body: json({ email: world.admin.email, password: 'fel lösenord helt och hållet' }) })).status).toBe(401);
    expect((await call('get', '/api/v1/session', { who: world.admin })).status).toBe(200);
    expect((await call('get', '/api/v1/session')).status).toBe(401);
    expect((await call('get', '/api/v1/users', { who: world.admin })).status).toBe(200);
    expect((await call('get', '/api/v1/users', { who: staffOnly })).status).toBe(403);
    const created = await call('post', '/api/v1/users', {
      who: world.admin,
      body: json({ email: `ny-${newKey().slice(0, 8)}@vgregion.se`, displayName: 'Ny Handledare', roles: ['facilitator'], password: 'ett långt lösenord för testet' }),
    });
    expect(created.status).toBe(201);
    expect((await call('patch', '/api/v1/users/{id}', { who: world.admin, params: { id: idOf(created) }, body: json({ roles: ['facilitator', 'staff'] }) })).status).toBe(200);
    expect((await call('patch', '/api/v1/users/{id}', { who: world.admin, params: { id: 'finns-inte' }, body: json({ disabled: true }) })).status).toBe(404);
    // A state-changing call without the CSRF token.
    expect((await call('post', '/api/v1/users', { who: { ...world.admin, headers: { ...world.admin.headers, 'X-CSRF-Token': 'wrong' } }, body: json({}) })).status).toBe(403);
  });

  it('for campaigns', async () => {
    expect((await call('get', '/api/v1/campaigns', { who: world.admin })).status).toBe(200);
    const code = `konf-${newKey().slice(0, 8)}`;
    const campaign = { code, name: 'Konformitet', site: 'NÄL', rolloutWave: 3, phase: 'after', careSetting: 'emergency', opensOn: '2026-02-01', closesOn: '2026-12-31' };
    expect((await call('post', '/api/v1/campaigns', { who: world.admin, body: json(campaign) })).status).toBe(201);
    expect((await call('post', '/api/v1/campaigns', { who: world.admin, body: json(campaign) })).status).toBe(409);
    expect((await call('patch', '/api/v1/campaigns/{code}', { who: world.admin, params: { code }, body: json({ name: 'Omdöpt' }) })).status).toBe(200);
    expect((await call('get', '/api/v1/campaigns/{code}/qr.svg', { who: world.admin, params: { code } })).status).toBe(200);
  });

  it('for the stories workspace', async () => {
    const as = world.admin;
    expect((await call('get', '/api/v1/stories', { who: as, query: '?limit=1' })).status).toBe(200);
    expect((await call('get', '/api/v1/stories', { who: as, query: '?status=nope' })).status).toBe(400);
    expect((await call('get', '/api/v1/stories/{id}', { who: as, params: { id: world.storyId } })).status).toBe(200);
    expect((await call('get', '/api/v1/stories/{id}', { who: as, params: { id: 'finns-inte' } })).status).toBe(404);
    expect((await call('patch', '/api/v1/stories/{id}', { who: as, params: { id: world.storyId }, body: json({ status: 'in_review' }) })).status).toBe(200);
    const tag = await call('post', '/api/v1/stories/{id}/tags', { who: as, params: { id: world.storyId }, body: json({ themeId: world.otherThemeId }) });
    expect(tag.status).toBe(201);
    expect((await call('delete', '/api/v1/stories/{id}/tags/{tagId}', { who: as, params: { id: world.storyId, tagId: idOf(tag) } })).status).toBe(204);
    const excerpt = await call('post', '/api/v1/stories/{id}/excerpts', { who: as, params: { id: world.storyId }, body: json({ themeId: world.themeId, field: 'whatHappened', start: 4, end: 10 }) });
    expect(excerpt.status).toBe(201);
    expect((await call('delete', '/api/v1/stories/{id}/excerpts/{tagId}', { who: as, params: { id: world.storyId, tagId: idOf(excerpt) } })).status).toBe(204);
    expect((await call('post', '/api/v1/stories/{id}/notes', { who: as, params: { id: world.storyId }, body: json({ text: 'Ring tillbaka.' }) })).status).toBe(201);
    expect((await call('post', '/api/v1/stories/{id}/redactions', { who: as, params: { id: world.storyId }, body: json({ field: 'whatHappened', start: 0, end: 3, text: 'Min' }) })).status).toBe(200);
    expect((await call('post', '/api/v1/stories/bulk-tags', { who: as, body: json({ themeId: world.themeId, storyIds: [world.storyId] }) })).status).toBe(200);
  });

  it('for contacts, retention and the audit log', async () => {
    const as = world.admin;
    expect((await call('get', '/api/v1/contacts', { who: as })).status).toBe(200);
    expect((await call('get', '/api/v1/contacts', { who: as, query: '?after=inte-en-markör' })).status).toBe(400);
    expect((await call('get', '/api/v1/contacts.csv', { who: as })).status).toBe(200);
    expect((await call('get', '/api/v1/retention', { who: as })).status).toBe(200);
    expect((await call('post', '/api/v1/retention/run', { who: as })).status).toBe(200);
    expect((await call('get', '/api/v1/audit', { who: as, query: '?limit=5' })).status).toBe(200);
    expect((await call('get', '/api/v1/audit', { who: as, query: '?from=2027-01-02&to=2027-01-01' })).status).toBe(400);
    expect((await call('get', '/api/v1/audit.csv', { who: as })).status).toBe(200);
  });

  it('for the codebook, its files and its import', async () => {
    const as = world.admin;
    expect((await call('get', '/api/v1/themes', { who: as })).status).toBe(200);
    expect((await call('get', '/api/v1/themes', { who: staffOnly, query: '?status=active' })).status).toBe(200);
    const created = await call('post', '/api/v1/themes', { who: as, body: json({ labels: { sv: uniquePhrase('tema'), en: uniquePhrase('theme') }, colour: '#aa3300' }) });
    expect(created.status).toBe(201);
    const source = await call('post', '/api/v1/themes', { who: as, body: json({ labels: { sv: uniquePhrase('tema'), en: uniquePhrase('theme') } }) });
    expect((await call('patch', '/api/v1/themes/{id}', { who: as, params: { id: idOf(created) }, body: json({ descriptions: { sv: 'Beskrivning' } }) })).status).toBe(200);
    expect((await call('post', '/api/v1/themes/{id}/merge', { who: as, params: { id: idOf(source) }, body: json({ into: idOf(created) }) })).status).toBe(200);
    const csv = await call('get', '/api/v1/codebook.csv', { who: as });
    expect(csv.status).toBe(200);
    expect((await call('get', '/api/v1/codebook.qdc', { who: as })).status).toBe(200);
    expect((await call('post', '/api/v1/codebook/import', { who: as, body: { label: 'csv', payload: csv.text, contentType: 'text/csv' } })).status).toBe(200);
    expect((await call('post', '/api/v1/codebook/import', { who: as, body: { label: 'empty', payload: ' ', contentType: 'text/csv' } })).status).toBe(400);
  });

  it('for agreement rounds, suggestions and summaries', async () => {
    const as = world.admin;
    expect((await call('get', '/api/v1/agreement/coders', { who: as })).status).toBe(200);
    expect((await call('get', '/api/v1/agreement/rounds', { who: as })).status).toBe(200);
    expect((await call('get', '/api/v1/agreement/rounds/{id}', { who: as, params: { id: world.roundId } })).status).toBe(200);
    expect(
      (await call('put', '/api/v1/agreement/rounds/{id}/codes/{storyId}', { who: as, params: { id: world.roundId, storyId: world.roundStoryId }, body: json({ themeIds: [world.themeId] }) })).status,
    ).toBe(200);
    // Only one coder has coded: not finished, no results yet (409s, documented).
    expect((await call('post', '/api/v1/agreement/rounds/{id}/finish', { who: as, params: { id: world.roundId } })).status).toBeLessThan(500);
    expect((await call('get', '/api/v1/agreement/rounds/{id}/results', { who: as, params: { id: world.roundId } })).status).toBeLessThan(500);
    const round = await call('post', '/api/v1/agreement/rounds', { who: as, body: json({ name: 'Andra rundan', coderA: as.userId, coderB: world.coderId, size: 1 }) });
    expect(round.status).toBe(201);
    expect((await call('get', '/api/v1/suggestions/model', { who: as })).status).toBe(200);
    expect((await call('post', '/api/v1/suggestions/model', { who: as })).status).toBe(201);
    expect((await call('post', '/api/v1/stories/{id}/suggestions/{themeId}/reject', { who: as, params: { id: world.storyId, themeId: world.themeId } })).status).toBeLessThan(500);
    expect((await call('post', '/api/v1/stories/{id}/suggestions/{themeId}/accept', { who: as, params: { id: world.storyId, themeId: world.otherThemeId } })).status).toBeLessThan(500);
    expect((await call('get', '/api/v1/summaries', { who: as })).status).toBe(200);
    expect((await call('get', '/api/v1/summaries', { who: staffOnly, query: '?from=2026-01&to=2026-12' })).status).toBe(200);
    expect((await call('get', '/api/v1/summaries', { who: staffOnly, query: '?from=2026-13' })).status).toBe(400);
  });

  it('for every other route in the document (new ones included), called plainly', async () => {
    const untouched = operationsOf(doc).filter((op) => !called.has(op.key) && !op.key.startsWith('DELETE '));
    for (const op of untouched) {
      const params = Object.fromEntries([...op.path.matchAll(/\{([^}]+)\}/g)].map((match) => [match[1]!, 'finns-inte']));
      // A fresh session each: some of these (an OpenID sign-out) end the session they are called with.
      const who = await signInAs(t, ['admin', 'facilitator', 'staff']);
      await call(op.method, op.path, { who, params, ...(op.operation.requestBody === undefined ? {} : { body: json({}) }) });
    }
  });

  it('for signing out and withdrawing a story (last: they remove what the others use)', async () => {
    const leaving = await signInAs(t, ['facilitator']);
    expect((await call('delete', '/api/v1/session', { who: leaving })).status).toBe(204);
    expect((await call('delete', '/api/v1/session', { who: leaving })).status).toBe(401);
    expect((await call('delete', '/api/v1/receipts/{code}', { params: { code: world.receiptCode } })).status).toBe(204);
    expect((await call('delete', '/api/v1/receipts/{code}', { params: { code: world.receiptCode } })).status).toBe(404);
  });

  it('— every route was called, and every answer was as documented', () => {
    const missing = operationsOf(doc)
      .map((op) => op.key)
      .filter((key) => !called.has(key));
    expect(missing).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('regressions the fuzzing found', () => {
  const as = () => world.admin;

  it('a path parameter that cannot be percent-decoded is a 404 with the error body, not a 500', async () => {
    for (const raw of ['%E0%A4%A', '%ED%A0%80', '%u0041']) {
      const res = await send(server, { method: 'get', url: `/api/v1/stories/${raw}`, headers: as().headers, body: undefined });
      expect(res.status, raw).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
      const receipt = await send(server, { method: 'get', url: `/api/v1/receipts/${raw}`, headers: {}, body: undefined });
      expect(receipt.status, raw).toBe(404);
    }
  });

  it('a path parameter longer than any id is a 404, not a 500 from the schema that refused it', async () => {
    const long = 'x'.repeat(65);
    for (const path of [`/api/v1/stories/${long}`, `/api/v1/themes/${long}`, `/api/v1/users/${long}`]) {
      const method = path.includes('/stories/') ? 'get' : 'patch';
      const res = await send(server, { method, url: path, headers: as().headers, body: json({}) });
      expect(res.status, path).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
    expect(t.logs.join('')).not.toContain('unhandled error');
  });

  it('documents 400, 413 and 415 on every route that reads a body', () => {
    for (const op of operationsOf(doc).filter((candidate) => candidate.operation.requestBody !== undefined)) {
      expect(Object.keys(op.operation.responses), op.key).toEqual(expect.arrayContaining(['400', '413', '415']));
    }
  });
});
