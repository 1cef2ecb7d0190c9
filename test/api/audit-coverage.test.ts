import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverCollection } from '../../api/src/db/collections.ts';
import { buildFollowUp, buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let facilitator: StaffSession;
let admin: StaffSession;
let staff: StaffSession;

beforeAll(async () => {
  t = await createTestApp();
  facilitator = await signInAs(t, ['facilitator']);
  admin = await signInAs(t, ['admin']);
  staff = await signInAs(t, ['staff']);
});
afterAll(async () => {
  await t.close();
});

const send = (method: 'post' | 'patch' | 'delete' | 'get', path: string, who: StaffSession, body?: object) => {
  const call = request(t.app)[method](path).set(who.headers);
  return body === undefined ? call : call.send(body);
};

describe('the audit log', () => {
  it('records every audited act, and never the story text or the contact details', async () => {
    const words = uniquePhrase('hemlig');
    const secretName = 'Kim Andersson';
    const followUp = buildFollowUp();
    const story = buildSubmission({
      story: { whatHappened: `${words} berättade om doktor Lindqvist och väntan`, idea: `${words} idé` },
      followUp,
      consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' },
    });
    const submitted = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(story);
    expect(submitted.status).toBe(201);
    const id = String(submitted.body.id);

    // Sign-in failure and a denial.
    expect((await request(t.app).post('/api/v1/session').send({ email: facilitator.email, password: 'not the right passphrase' })).status).toBe(401);
    expect((await send('get', '/api/v1/stories', staff)).status).toBe(403);
    // Users and roles.
    const created = await send('post', '/api/v1/users', admin, { email: 'ny.person@vgregion.se', displayName: 'Ny Person', roles: ['staff'], password: 'a fresh long passphrase here' });
    expect(created.status).toBe(201);
    expect((await send('patch', `/api/v1/users/${created.body.id}`, admin, { roles: ['staff', 'facilitator'] })).status).toBe(200);
    // Codebook.
    const theme = await send('post', '/api/v1/themes', facilitator, { labels: { sv: 'Väntan i telefon', en: 'Waiting on the phone' } });
    const other = await send('post', '/api/v1/themes', facilitator, { labels: { sv: 'Telefonkö', en: 'Phone queue' } });
    expect([theme.status, other.status]).toEqual([201, 201]);
    expect((await send('patch', `/api/v1/themes/${theme.body.id}`, facilitator, { labels: { sv: 'Väntan i telefonkö' } })).status).toBe(200);
    // Tags, excerpts, notes, status, de-identification.
    const tag = await send('post', `/api/v1/stories/${id}/tags`, facilitator, { themeId: other.body.id });
    expect(tag.status).toBe(201);
    expect((await send('delete', `/api/v1/stories/${id}/tags/${tag.body.id}`, facilitator)).status).toBe(204);
    expect((await send('post', `/api/v1/stories/${id}/tags`, facilitator, { themeId: other.body.id })).status).toBe(201);
    const text = String((await send('get', `/api/v1/stories/${id}`, facilitator)).body.story.whatHappened);
    const excerpt = { field: 'whatHappened', start: text.indexOf('väntan'), end: text.indexOf('väntan') + 6 };
    expect((await send('post', `/api/v1/stories/${id}/excerpts`, facilitator, { themeId: theme.body.id, ...excerpt })).status).toBe(201);
    expect((await send('post', `/api/v1/stories/${id}/notes`, facilitator, { text: `${words} anteckning` })).status).toBe(201);
    expect((await send('patch', `/api/v1/stories/${id}`, facilitator, { status: 'in_review', needsAttention: true })).status).toBe(200);
    const name = { field: 'whatHappened', start: text.indexOf('Lindqvist'), end: text.indexOf('Lindqvist') + 9, text: 'Lindqvist' };
    expect((await send('post', `/api/v1/stories/${id}/redactions`, facilitator, name)).status).toBe(200);
    expect((await send('post', `/api/v1/themes/${other.body.id}/merge`, facilitator, { into: theme.body.id })).status).toBe(200);
    // Campaigns.
    expect((await send('post', '/api/v1/campaigns', facilitator, { code: 'audit-wave', name: 'Audit', site: 'NU', rolloutWave: 1, phase: 'before', opensOn: '2026-11-01' })).status).toBe(201);
    expect((await send('patch', '/api/v1/campaigns/audit-wave', facilitator, { closesOn: '2026-12-01' })).status).toBe(200);
    // Contact details, retention, audit export.
    expect((await send('get', '/api/v1/contacts', admin)).status).toBe(200);
    expect((await send('get', '/api/v1/contacts.csv', admin)).status).toBe(200);
    expect((await send('post', '/api/v1/retention/run', admin, {})).status).toBe(200);
    expect((await send('get', '/api/v1/audit.csv', admin)).status).toBe(200);
    // Sign-out and withdrawal.
    expect((await request(t.app).delete(`/api/v1/receipts/${submitted.body.receiptCode}`)).status).toBe(204);
    expect((await send('delete', '/api/v1/session', staff)).status).toBe(204);

    const events = await driverCollection<Record<string, unknown>>(t.connection, 'auditEvents').find({}).toArray();
    const actions = new Set(events.map((event) => String(event['action'])));
    for (const action of [
      'session.sign_in',
      'session.sign_out',
      'access.denied',
      'user.created',
      'user.updated',
      'theme.created',
      'theme.updated',
      'theme.merged',
      'tag.added',
      'tag.removed',
      'excerpt.added',
      'story.note_added',
      'story.status_changed',
      'story.attention_changed',
      'story.deidentified',
      'campaign.created',
      'campaign.updated',
      'contact.viewed',
      'contact.exported',
      'retention.run',
      'audit.exported',
      'submission.withdrawn',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(events.some((event) => event['action'] === 'session.sign_in' && event['outcome'] === 'failure')).toBe(true);
    const everything = JSON.stringify(events);
    for (const secret of [words, 'Lindqvist', secretName, 'kim.andersson@exempel.se', '070-123 45 67', 'anteckning', 'berättade']) {
      expect(everything, secret).not.toContain(secret);
    }
  });
});
