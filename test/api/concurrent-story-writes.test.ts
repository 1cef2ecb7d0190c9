import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../api/contract/index.ts';
import { driverCollection } from '../../api/src/db/collections.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let facilitator: StaffSession;

beforeAll(async () => {
  t = await createTestApp();
  facilitator = await signInAs(t, ['facilitator']);
});
afterAll(async () => {
  await t.close();
});

// FerretDB v1 writes a whole document back on every update, so unserialised updates of one story lose each other.
describe('many changes to one story at once', () => {
  it('keeps every tag, the status, the flag and the de-identification', async () => {
    const text = 'Jag ringde och pratade med sjuksköterskan Agneta om min pappa.';
    const submitted = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission({ story: { whatHappened: text } }));
    expect(submitted.status).toBe(201);
    const id = String(submitted.body.id);
    const themes: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const label = uniquePhrase('Samtidigt');
      const created = await request(t.app).post('/api/v1/themes').set(facilitator.headers).send({ labels: { sv: label, en: label } });
      themes.push(String(created.body.id));
    }
    const start = text.indexOf('Agneta');
    const results = await Promise.all([
      ...themes.map((themeId) => request(t.app).post(`/api/v1/stories/${id}/tags`).set(facilitator.headers).send({ themeId })),
      request(t.app).patch(`/api/v1/stories/${id}`).set(facilitator.headers).send({ status: 'in_review' }),
      request(t.app).patch(`/api/v1/stories/${id}`).set(facilitator.headers).send({ needsAttention: true }),
      request(t.app).post(`/api/v1/stories/${id}/redactions`).set(facilitator.headers).send({ field: 'whatHappened', start, end: start + 6, text: 'Agneta' }),
    ]);
    expect(results.map((res) => res.status).sort()).toEqual([...themes.map(() => 201), 200, 200, 200].sort());

    const stored = await driverCollection<{ _id: string; themes: string[]; themeCount: number; tagRefs: Array<{ themeId: string }>; status: string; needsAttention: boolean; story: { whatHappened: string } }>(t.connection, 'submissions').findOne({ _id: id });
    expect(stored?.themes).toEqual([...themes].sort());
    expect(stored?.themeCount).toBe(themes.length);
    expect(stored?.tagRefs.map((ref) => ref.themeId).sort()).toEqual([...themes].sort());
    expect(stored?.status).toBe('in_review');
    expect(stored?.needsAttention).toBe(true);
    expect(stored?.story.whatHappened).toBe(`Jag ringde och pratade med sjuksköterskan ${REDACTED} om min pappa.`);
  });
});
