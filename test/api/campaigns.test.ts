import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let facilitator: { cookie: string; csrf: string };
let staff: { cookie: string; csrf: string };
const PASSWORD = 'campaign passphrase for the tests';

async function signIn(email: string) {
  const res = await request(t.app).post('/api/v1/session').send({ email, password: PASSWORD });
  return { cookie: String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '', csrf: String(res.body.csrfToken) };
}

beforeAll(async () => {
  t = await createTestApp({ today: () => '2027-03-15' });
  const users = createUserRepository(t.connection);
  const hash = await hashPassword(PASSWORD);
  await users.create({ email: 'fac@vgregion.se', displayName: 'Fac', roles: ['facilitator'], passwordHash: hash }, new Date());
  await users.create({ email: 'staff@vgregion.se', displayName: 'Staff', roles: ['staff'], passwordHash: hash }, new Date());
  facilitator = await signIn('fac@vgregion.se');
  staff = await signIn('staff@vgregion.se');
});
afterAll(async () => {
  await t.close();
});

const campaign = {
  code: 'site-x-wave-2',
  name: 'Site X after go-live wave 2, spring 2027',
  site: 'Site X',
  rolloutWave: 2,
  phase: 'after',
  careSetting: 'hospital_inpatient',
  opensOn: '2027-03-01',
  closesOn: '2027-05-31',
};

const as = (who: { cookie: string; csrf: string }) => ({ Cookie: who.cookie, 'X-CSRF-Token': who.csrf });
const submit = (code: string, marker: string) =>
  request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission({ campaign: code, story: { whatHappened: marker } }));

describe('campaigns', () => {
  it('facilitators create a campaign and get its link; staff may not', async () => {
    expect((await request(t.app).post('/api/v1/campaigns').set(as(staff)).send(campaign)).status).toBe(403);
    const res = await request(t.app).post('/api/v1/campaigns').set(as(facilitator)).send(campaign);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ...campaign, link: '/?c=site-x-wave-2' });
    expect((await request(t.app).post('/api/v1/campaigns').set(as(facilitator)).send(campaign)).status).toBe(409);
    const listed = await request(t.app).get('/api/v1/campaigns').set(as(facilitator));
    expect(listed.body.map((item: { code: string }) => item.code)).toContain('site-x-wave-2');
  });

  it.each([
    ['a code with capitals', { code: 'Site-X' }, 'code', 'campaign.code.invalid'],
    ['an unknown phase', { phase: 'during' }, 'phase', 'campaign.phase.invalid'],
    ['a close date before the open date', { closesOn: '2027-02-01' }, 'closesOn', 'campaign.closesOn.beforeOpens'],
    ['a missing site', { site: undefined }, 'site', 'campaign.site.required'],
  ])('rejects %s with 400 and a message key', async (_name, change, field, key) => {
    const body: Record<string, unknown> = { ...campaign, code: 'another-code', ...change };
    for (const [name, value] of Object.entries(change)) if (value === undefined) delete body[name];
    const res = await request(t.app).post('/api/v1/campaigns').set(as(facilitator)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[field]).toBe(key);
  });

  it('stories through the campaign carry its context, which later edits do not rewrite', async () => {
    const first = await submit('site-x-wave-2', 'Berättelse via kampanjen före ändringen');
    expect(first.status).toBe(201);
    await request(t.app).patch('/api/v1/campaigns/site-x-wave-2').set(as(facilitator)).send({ site: 'Site Y', rolloutWave: 3 }).expect(200);
    const second = await submit('site-x-wave-2', 'Berättelse via kampanjen efter ändringen');
    const stories = t.connection.db!.collection('submissions');
    expect((await stories.findOne({ _id: first.body.id }))?.['campaignContext']).toEqual({
      status: 'open',
      site: 'Site X',
      rolloutWave: 2,
      phase: 'after',
      careSetting: 'hospital_inpatient',
    });
    expect((await stories.findOne({ _id: second.body.id }))?.['campaignContext']).toMatchObject({ site: 'Site Y', rolloutWave: 3 });
  });

  it('still stores a story through an unknown or closed campaign, flagged', async () => {
    const unknown = await submit('no-such-campaign', 'Berättelse via en okänd kampanj');
    expect(unknown.status).toBe(201);
    await request(t.app).patch('/api/v1/campaigns/site-x-wave-2').set(as(facilitator)).send({ closesOn: '2027-03-10' }).expect(200);
    const closed = await submit('site-x-wave-2', 'Berättelse via en stängd kampanj');
    expect(closed.status).toBe(201);
    const stories = t.connection.db!.collection('submissions');
    expect((await stories.findOne({ _id: unknown.body.id }))?.['campaignContext']).toEqual({ status: 'unknown' });
    expect((await stories.findOne({ _id: closed.body.id }))?.['campaignContext']).toMatchObject({ status: 'closed' });
  });

  it('gives a printable QR code (SVG) for the link, and audits campaign changes', async () => {
    const res = await request(t.app).get('/api/v1/campaigns/site-x-wave-2/qr.svg').set(as(facilitator));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(String(res.body ?? res.text)).toContain('<svg');
    expect((await request(t.app).get('/api/v1/campaigns/nope/qr.svg').set(as(facilitator))).status).toBe(404);
    const events = await t.connection.db!.collection('auditEvents').find({ targetType: 'campaign' }).toArray();
    expect(events.map((event) => event['action'])).toEqual(expect.arrayContaining(['campaign.created', 'campaign.updated']));
  });

  it('tells the public form, without signing in, only whether the campaign is open and which care to preselect', async () => {
    await request(t.app).post('/api/v1/campaigns').set(as(facilitator)).send({ ...campaign, code: 'ward-42', closesOn: '2027-03-31' }).expect(201);
    const open = await request(t.app).get('/api/v1/campaigns/ward-42/form');
    expect(open.status).toBe(200);
    expect(open.body).toEqual({ code: 'ward-42', open: true, careSetting: 'hospital_inpatient' });
    await request(t.app).patch('/api/v1/campaigns/ward-42').set(as(facilitator)).send({ closesOn: '2027-03-14' }).expect(200);
    expect((await request(t.app).get('/api/v1/campaigns/ward-42/form')).body).toEqual({ code: 'ward-42', open: false, careSetting: 'hospital_inpatient' });
    expect((await request(t.app).get('/api/v1/campaigns/nope/form')).status).toBe(404);
  });
});
