import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { createAuditLog } from '../../api/src/audit/repository.ts';
import { ConfigError, loadConfig } from '../../api/src/config.ts';
import { createLogger } from '../../api/src/logger.ts';
import { oldestKeptDay } from '../../api/src/retention/days.ts';
import { runRetention } from '../../api/src/retention/service.ts';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let today = '2026-01-01';
const PASSWORD = 'retention passphrase for the tests';
type Who = { cookie: string; csrf: string; id: string };
let admin: Who;
let facilitator: Who;

async function signIn(app: TestApp['app'], email: string): Promise<Who> {
  const res = await request(app).post('/api/v1/session').send({ email, password: PASSWORD });
  expect(res.status).toBe(201);
  return { cookie: String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '', csrf: String(res.body.csrfToken), id: String(res.body.user.id) };
}
const as = (who: Who) => ({ Cookie: who.cookie, 'X-CSRF-Token': who.csrf });

async function tellWithContact(app: TestApp['app'], email: string): Promise<string> {
  const res = await request(app)
    .post('/api/v1/submissions')
    .set('Idempotency-Key', newKey())
    .send(buildSubmission({ followUp: { name: 'Namn Efternamn', email }, consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } }));
  expect(res.status).toBe(201);
  return String(res.body.id);
}

const listedStoryIds = async (app: TestApp['app'] = t.app) =>
  (await request(app).get('/api/v1/contacts?limit=500').set(as(admin))).body.items.map((item: { storyId: string }) => item.storyId);
const contacts = () => t.connection.db!.collection('contacts');

beforeAll(async () => {
  t = await createTestApp({ today: () => today });
  const users = createUserRepository(t.connection);
  const hash = await hashPassword(PASSWORD);
  await users.create({ email: 'admin@vgregion.se', displayName: 'Admin', roles: ['admin'], passwordHash: hash }, new Date());
  await users.create({ email: 'fac@vgregion.se', displayName: 'Fac', roles: ['facilitator'], passwordHash: hash }, new Date());
  admin = await signIn(t.app, 'admin@vgregion.se');
  facilitator = await signIn(t.app, 'fac@vgregion.se');
});
afterAll(async () => {
  await t.close();
});

describe('contact retention', () => {
  it('counts the period from the day the story arrived: 180 days after 1 January is 30 June', () => {
    expect(oldestKeptDay('2026-06-29', 180)).toBe('2026-01-01');
    expect(oldestKeptDay('2026-06-30', 180)).toBe('2026-01-02');
    expect(oldestKeptDay('2024-03-01', 1)).toBe('2024-03-01');
    expect(oldestKeptDay('2024-03-01', 2)).toBe('2024-02-29');
  });

  it('hides expired contact details at once, deletes them at the next run, keeps newer ones, and audits the run', async () => {
    today = '2026-01-01';
    const old = await tellWithContact(t.app, 'gammal@exempel.se');
    today = '2026-06-01';
    const recent = await tellWithContact(t.app, 'ny@exempel.se');

    today = '2026-06-29';
    expect(await listedStoryIds()).toEqual(expect.arrayContaining([old, recent]));

    today = '2026-06-30';
    // Not yet deleted, but no longer shown: the read filters by the same day as the job.
    expect(await contacts().countDocuments({ submissionId: old })).toBe(1);
    const listed = await listedStoryIds();
    expect(listed).toContain(recent);
    expect(listed).not.toContain(old);
    const csv = await request(t.app).get('/api/v1/contacts.csv').set(as(admin));
    expect(csv.text).not.toContain('gammal@exempel.se');
    expect(csv.text).toContain('ny@exempel.se');

    const run = await request(t.app).post('/api/v1/retention/run').set(as(admin));
    expect(run.status).toBe(200);
    expect(run.body).toEqual({ deleted: 1, oldestKept: '2026-01-02' });
    expect(await contacts().countDocuments({ submissionId: old })).toBe(0);
    expect(await contacts().countDocuments({ submissionId: recent })).toBe(1);
    // The story itself stays; only the contact details go.
    expect(await t.connection.db!.collection('submissions').countDocuments({ _id: old as never })).toBe(1);

    const events = await t.connection.db!.collection('auditEvents').find({ action: 'retention.run' }).toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'success', actorId: admin.id, targetType: 'contacts', detail: { deleted: 1, oldestKept: '2026-01-02', days: 180 } });
    expect(JSON.stringify(events)).not.toContain('@exempel.se');

    const again = await request(t.app).post('/api/v1/retention/run').set(as(admin));
    expect(again.body.deleted).toBe(0);
  });

  it('shows admins the period and the last run', async () => {
    today = '2026-07-01';
    const res = await request(t.app).get('/api/v1/retention').set(as(admin));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contactRetentionDays: 180, oldestKept: '2026-01-03', lastRun: { deleted: 0, oldestKept: '2026-01-02', actorId: admin.id } });
    expect(Date.parse(res.body.lastRun.at)).not.toBeNaN();
  });

  it('lets only admins see or run it', async () => {
    expect((await request(t.app).get('/api/v1/retention').set(as(facilitator))).status).toBe(403);
    expect((await request(t.app).post('/api/v1/retention/run').set(as(facilitator))).status).toBe(403);
    expect((await request(t.app).post('/api/v1/retention/run')).status).toBe(401);
    // A run is a change: it needs the CSRF token.
    expect((await request(t.app).post('/api/v1/retention/run').set('Cookie', admin.cookie)).status).toBe(403);
  });

  it('the scheduled job (no actor) deletes with the configured number of days, and is audited without an actor', async () => {
    today = '2026-07-01';
    const id = await tellWithContact(t.app, 'kort@exempel.se');
    const audit = createAuditLog(t.connection);
    // The story from 1 June goes first; the one from 1 July lasts exactly 30 days.
    expect(await runRetention({ connection: t.connection, audit, today: '2026-07-30', days: 30 })).toEqual({ deleted: 1, oldestKept: '2026-07-01' });
    expect(await contacts().countDocuments({ submissionId: id })).toBe(1);
    expect(await runRetention({ connection: t.connection, audit, today: '2026-07-31', days: 30 })).toEqual({ deleted: 1, oldestKept: '2026-07-02' });
    expect(await contacts().countDocuments({})).toBe(0);
    const [last] = await audit.list({ action: 'retention.run', limit: 1 });
    expect(last).toMatchObject({ outcome: 'success', detail: { deleted: 1, oldestKept: '2026-07-02', days: 30 } });
    expect(last?.actorId).toBeUndefined();
  });

  it('uses CONTACT_RETENTION_DAYS from the configuration for the list and the job', async () => {
    const config = loadConfig({ CONTACT_RETENTION_DAYS: '30', RETENTION_INTERVAL_MINUTES: '15' });
    expect(config).toMatchObject({ contactRetentionDays: 30, retentionIntervalMinutes: 15 });
    expect(loadConfig({})).toMatchObject({ contactRetentionDays: 180, retentionIntervalMinutes: 60 });
    expect(() => loadConfig({ CONTACT_RETENTION_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_INTERVAL_MINUTES: 'hourly' })).toThrow(/RETENTION_INTERVAL_MINUTES/);

    let day = '2026-08-01';
    const { app } = createApp({
      connection: t.connection,
      logger: createLogger('silent'),
      secrets: t.secrets,
      today: () => day,
      options: { submissionRateLimit: 0, receiptRateLimit: 0, rateLimitStore: 'memory', trustProxy: false, contactRetentionDays: config.contactRetentionDays },
    });
    const id = await tellWithContact(app, 'trettio@exempel.se');
    const signedIn = await signIn(app, 'admin@vgregion.se');
    admin = signedIn;
    expect((await request(app).get('/api/v1/retention').set(as(signedIn))).body.contactRetentionDays).toBe(30);
    day = '2026-08-30';
    expect(await listedStoryIds(app)).toContain(id);
    day = '2026-08-31';
    expect(await listedStoryIds(app)).not.toContain(id);
    expect((await request(app).post('/api/v1/retention/run').set(as(signedIn))).body).toEqual({ deleted: 1, oldestKept: '2026-08-02' });
  });
});
