import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let clock = new Date('2026-11-02T09:00:00Z');
let t: TestApp;
const PASSWORD = 'audit log passphrase for the tests';
type Who = { cookie: string; csrf: string; id: string };
type Event = { id: string; at: string; action: string; outcome: string; actorId?: string; targetType?: string; targetId?: string };
let facilitatorId = '';
let withdrawnStory = '';
const marker = uniquePhrase('Berättelse i granskningsloggen');

async function signIn(email: string): Promise<Who> {
  const res = await request(t.app).post('/api/v1/session').send({ email, password: PASSWORD });
  expect(res.status).toBe(201);
  return { cookie: String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '', csrf: String(res.body.csrfToken), id: String(res.body.user.id) };
}
const as = (who: Who) => ({ Cookie: who.cookie, 'X-CSRF-Token': who.csrf });
const newUser = (who: Who, email: string) =>
  request(t.app).post('/api/v1/users').set(as(who)).send({ email, displayName: email, roles: ['staff'], password: 'a perfectly long passphrase' }).expect(201);

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const users = createUserRepository(t.connection);
  const hash = await hashPassword(PASSWORD);
  await users.create({ email: 'admin@vgregion.se', displayName: 'Admin', roles: ['admin'], passwordHash: hash }, clock);
  await users.create({ email: 'fac@vgregion.se', displayName: 'Fac', roles: ['facilitator'], passwordHash: hash }, clock);

  // Day one: a user is created and a facilitator is refused the audit log.
  let admin = await signIn('admin@vgregion.se');
  await newUser(admin, 'first@vgregion.se');
  const facilitator = await signIn('fac@vgregion.se');
  facilitatorId = facilitator.id;
  expect((await request(t.app).get('/api/v1/audit').set(as(facilitator))).status).toBe(403);

  // Two days later: another user, and a story told and withdrawn.
  clock = new Date('2026-11-04T10:00:00Z');
  admin = await signIn('admin@vgregion.se');
  await newUser(admin, 'second@vgregion.se');
  const story = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission({ story: { whatHappened: marker } }));
  expect(story.status).toBe(201);
  withdrawnStory = String(story.body.id);
  expect((await request(t.app).delete(`/api/v1/receipts/${story.body.receiptCode}`)).status).toBe(204);
});
afterAll(async () => {
  await t.close();
});

async function admin(): Promise<Who> {
  return signIn('admin@vgregion.se');
}
async function list(query: string): Promise<Event[]> {
  const res = await request(t.app).get(`/api/v1/audit?${query}`).set(as(await admin()));
  expect(res.status, query).toBe(200);
  return res.body;
}

describe('audit log filters', () => {
  it('filters by exact action and by an action prefix ending in a dot', async () => {
    const created = await list('action=user.created');
    expect(created.map((event) => event.action)).toEqual(['user.created', 'user.created']);
    const sessions = await list('action=session.');
    expect(sessions.length).toBeGreaterThanOrEqual(3);
    expect(sessions.every((event) => event.action.startsWith('session.'))).toBe(true);
    const users = await list('action=user.');
    expect(users.map((event) => event.action)).toContain('user.created');
    expect(users.every((event) => event.action.startsWith('user.'))).toBe(true);
  });

  it('filters by actor, outcome, and target', async () => {
    const byFacilitator = await list(`actorId=${facilitatorId}`);
    expect(byFacilitator.length).toBeGreaterThanOrEqual(2);
    expect(byFacilitator.every((event) => event.actorId === facilitatorId)).toBe(true);
    expect(byFacilitator.map((event) => event.action)).toContain('access.denied');

    const denied = await list('outcome=denied');
    expect(denied.length).toBeGreaterThanOrEqual(1);
    expect(denied.every((event) => event.outcome === 'denied')).toBe(true);

    const withdrawn = await list(`targetType=submission&targetId=${withdrawnStory}`);
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]).toMatchObject({ action: 'submission.withdrawn', targetId: withdrawnStory });
  });

  it('filters by day, from and to inclusive', async () => {
    const firstDay = await list('to=2026-11-02');
    expect(firstDay.length).toBeGreaterThan(0);
    expect(firstDay.every((event) => event.at.startsWith('2026-11-02'))).toBe(true);
    expect(firstDay.filter((event) => event.action === 'user.created')).toHaveLength(1);
    const later = await list('from=2026-11-04');
    expect(later.every((event) => event.at.startsWith('2026-11-04'))).toBe(true);
    expect(later.map((event) => event.action)).toEqual(expect.arrayContaining(['user.created', 'submission.withdrawn']));
    expect(await list('from=2026-11-03&to=2026-11-03')).toEqual([]);
  });

  it('pages with a cursor in the Link header, newest first, with no repeats or gaps', async () => {
    const who = await admin();
    const everything: Event[] = (await request(t.app).get('/api/v1/audit?limit=1000').set(as(who))).body;
    expect(everything.length).toBeGreaterThan(6);
    const seen: Event[] = [];
    let next: string | undefined = '/api/v1/audit?limit=3';
    while (next !== undefined) {
      const res: request.Response = await request(t.app).get(next).set(as(who));
      expect(res.status).toBe(200);
      expect(res.body.length).toBeLessThanOrEqual(3);
      seen.push(...res.body);
      next = /^<([^>]+)>; rel="next"$/.exec(String(res.headers['link'] ?? ''))?.[1];
    }
    expect(seen.map((event) => event.id)).toEqual(everything.map((event) => event.id));
    const times = seen.map((event) => event.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('keeps the filters on the next page', async () => {
    const who = await admin();
    const first = await request(t.app).get('/api/v1/audit?action=session.&limit=1').set(as(who));
    const link = /^<([^>]+)>/.exec(String(first.headers['link']))?.[1];
    expect(link).toContain('action=session.');
    const second = await request(t.app).get(link!).set(as(who));
    expect(second.body[0].action).toMatch(/^session\./);
    expect(second.body[0].id).not.toBe(first.body[0].id);
  });

  it.each([
    ['limit=0', 'limit', 'query.limit.invalid'],
    ['limit=1001', 'limit', 'query.limit.invalid'],
    ['outcome=maybe', 'outcome', 'query.outcome.invalid'],
    ['from=2026-13-01', 'from', 'query.from.invalid'],
    ['from=2026-11-05&to=2026-11-01', 'to', 'query.to.beforeFrom'],
    ['action=%24where', 'action', 'query.action.invalid'],
    ['action=user.*', 'action', 'query.action.invalid'],
    ['after=garbage', 'after', 'query.after.invalid'],
    ['actorId%5B%24ne%5D=x', 'actorId[$ne]', 'validation.unknownField'],
  ])('answers %s with 400 and a message key', async (query, field, key) => {
    const res = await request(t.app).get(`/api/v1/audit?${query}`).set(as(await admin()));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[field]).toBe(key);
  });
});

describe('audit log export', () => {
  it('exports the filtered log as a CSV attachment with fixed columns, and audits the export', async () => {
    const who = await admin();
    const res = await request(t.app).get('/api/v1/audit.csv?action=user.').set(as(who));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="medskapa-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const rows: Record<string, string>[] = parse(res.text, { columns: true, bom: true });
    expect(Object.keys(rows[0]!)).toEqual(['at', 'action', 'outcome', 'actorId', 'targetType', 'targetId', 'requestId', 'detail']);
    const listed = await list('action=user.&limit=1000');
    expect(rows.map((row) => row['action'])).toEqual(listed.map((event) => event.action));
    expect(rows.map((row) => row['at'])).toEqual(listed.map((event) => event.at));
    expect(JSON.parse(rows[0]!['detail']!)).toEqual({ roles: 'staff' });

    const exports = await t.connection.db!.collection('auditEvents').find({ action: 'audit.exported' }).toArray();
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ outcome: 'success', actorId: who.id, detail: { count: rows.length, truncated: false, filterAction: 'user.' } });
  });

  it('holds no story text, even for the events about a story', async () => {
    const res = await request(t.app).get('/api/v1/audit.csv').set(as(await admin()));
    expect(res.status).toBe(200);
    expect(res.text).toContain(withdrawnStory);
    expect(res.text).not.toContain(marker);
    expect(res.text).not.toContain(marker.split(' ').at(-1));
  });

  it('is for admins only', async () => {
    const facilitator = await signIn('fac@vgregion.se');
    expect((await request(t.app).get('/api/v1/audit.csv').set(as(facilitator))).status).toBe(403);
    expect((await request(t.app).get('/api/v1/audit.csv')).status).toBe(401);
  });

  it('stays append-only: no route changes or deletes audit events', async () => {
    const doc = (await request(t.app).get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const auditPaths = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/v1/audit'));
    expect(auditPaths.map(([path]) => path).sort()).toEqual(['/api/v1/audit', '/api/v1/audit.csv']);
    for (const [, methods] of auditPaths) expect(Object.keys(methods)).toEqual(['get']);
  });
});
