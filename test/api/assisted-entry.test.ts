import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../api/contract/index.ts';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
const PASSWORD = 'assisted entry passphrase for the tests';
type Who = { cookie: string; csrf: string; id: string };

async function signIn(email: string): Promise<Who> {
  const res = await request(t.app).post('/api/v1/session').send({ email, password: PASSWORD });
  expect(res.status).toBe(201);
  return { cookie: String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '', csrf: String(res.body.csrfToken), id: String(res.body.user.id) };
}

beforeAll(async () => {
  t = await createTestApp();
  const users = createUserRepository(t.connection);
  const hash = await hashPassword(PASSWORD);
  for (const role of ['facilitator', 'staff', 'admin'] as const) {
    await users.create({ email: `${role}@vgregion.se`, displayName: role, roles: [role], passwordHash: hash }, new Date());
  }
});
afterAll(async () => {
  await t.close();
});

const assisted = (marker: string) => buildSubmission({ channel: 'assisted', story: { whatHappened: marker } });
const post = (body: object, key = newKey()) => request(t.app).post('/api/v1/submissions').set('Idempotency-Key', key).send(body);
const stories = () => t.connection.db!.collection('submissions');
const auditEvents = () => t.connection.db!.collection('auditEvents');

describe('assisted entry (channel "assisted")', () => {
  it.each<Role>(['staff', 'facilitator', 'admin'])('a signed-in %s enters a story on someone’s behalf; it is audited without the text', async (role) => {
    const who = await signIn(`${role}@vgregion.se`);
    const marker = uniquePhrase('Berättelse inskriven av personal');
    const res = await post(assisted(marker)).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf);
    expect(res.status).toBe(201);
    expect(res.body.receiptCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const stored = await stories().findOne({ _id: res.body.id });
    expect(stored).toMatchObject({ channel: 'assisted', story: { whatHappened: marker } });
    const events = await auditEvents().find({ action: 'story.assisted_entry', targetId: res.body.id }).toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'success', actorId: who.id, targetType: 'submission' });
    expect(JSON.stringify(events)).not.toContain(marker.split(' ').at(-1));
  });

  it('refuses the channel to anonymous callers with 400 channel.notAllowed, and stores nothing', async () => {
    const marker = uniquePhrase('Anonym assisterad');
    const res = await post(assisted(marker));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ channel: 'channel.notAllowed' });
    expect(await stories().countDocuments({ 'story.whatHappened': marker })).toBe(0);
  });

  it('refuses a signed-in entry without the CSRF token, with a wrong one, or from a foreign Origin (403, audited)', async () => {
    const who = await signIn('staff@vgregion.se');
    const marker = uniquePhrase('Utan token');
    const deniedBefore = await auditEvents().countDocuments({ action: 'access.denied', actorId: who.id });
    expect((await post(assisted(marker)).set('Cookie', who.cookie)).status).toBe(403);
    expect((await post(assisted(marker)).set('Cookie', who.cookie).set('X-CSRF-Token', 'not-the-token')).status).toBe(403);
    const foreign = await post(assisted(marker)).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).set('Origin', 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden');
    expect(await stories().countDocuments({ 'story.whatHappened': marker })).toBe(0);
    const denials = await auditEvents().find({ action: 'access.denied', actorId: who.id }).sort({ at: 1, _id: 1 }).toArray();
    expect(denials).toHaveLength(deniedBefore + 3);
    expect(denials.slice(-3).map((event) => event['detail']['reason'])).toEqual(['csrf', 'csrf', 'origin']);
  });

  it('refuses an ended session like no session at all', async () => {
    const who = await signIn('staff@vgregion.se');
    await request(t.app).delete('/api/v1/session').set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).expect(204);
    const res = await post(assisted(uniquePhrase('Utloggad'))).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ channel: 'channel.notAllowed' });
  });

  it('audits a retried request once: the replay answers 200 and adds no second event', async () => {
    const who = await signIn('staff@vgregion.se');
    const body = assisted(uniquePhrase('Omförsök'));
    const key = newKey();
    const first = await post(body, key).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf);
    const again = await post(body, key).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await auditEvents().countDocuments({ action: 'story.assisted_entry', targetId: first.body.id })).toBe(1);
  });

  it('leaves the public form as it was: a web story with a session cookie and no token is still accepted', async () => {
    const who = await signIn('staff@vgregion.se');
    const res = await post(buildSubmission({ story: { whatHappened: uniquePhrase('Vanlig webb') } })).set('Cookie', who.cookie);
    expect(res.status).toBe(201);
    expect(await auditEvents().countDocuments({ action: 'story.assisted_entry', targetId: res.body.id })).toBe(0);
  });
});
