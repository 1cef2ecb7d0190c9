import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StoryDetail, SubmissionInput } from '../../api/contract/index.ts';
import { MODEL_VERSION } from '../../analysis/src/index.ts';
import { driverCollection } from '../../api/src/db/collections.ts';
import { createSuggestionWorker, type SuggestionWorker } from '../../api/src/suggestions/worker.ts';
import { seedStarterCodebook, starterThemeId } from '../../api/src/themes/seed.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let facilitator: StaffSession;
let admin: StaffSession;
let staff: StaffSession;
let worker: SuggestionWorker;

const BOOKING = starterThemeId('access-and-booking');

interface StoredStory {
  _id: string;
  language?: string;
  suggestions?: Array<{ themeId: string; score: number; evidence: Array<{ field: string; start: number; end: number; text: string }> }>;
  suggestionVersion?: string;
  suggestionRevision?: number;
}

const stories = () => driverCollection<StoredStory>(t.connection, 'submissions');
const stored = async (id: string) => (await stories().findOne({ _id: id })) ?? undefined;

async function submit(overrides: Partial<SubmissionInput>): Promise<string> {
  const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission({ topics: [], ...overrides }));
  expect(res.status).toBe(201);
  return String(res.body.id);
}

const detail = async (id: string): Promise<StoryDetail> => {
  const res = await request(t.app).get(`/api/v1/stories/${id}`).set(facilitator.headers);
  expect(res.status).toBe(200);
  return res.body as StoryDetail;
};
const post = (path: string, who: StaffSession = facilitator) => request(t.app).post(path).set(who.headers);
const suggested = (story: StoryDetail) => story.suggestions.map((suggestion) => suggestion.themeId);

/** Every evidence range of every suggestion cuts exactly its words out of the story's current text. */
function expectEvidenceInText(story: StoryDetail): void {
  for (const suggestion of story.suggestions) {
    for (const evidence of suggestion.evidence) expect(story.story[evidence.field]?.slice(evidence.start, evidence.end)).toBe(evidence.text);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await seedStarterCodebook(t.connection, new Date('2027-01-01T08:00:00Z'));
  facilitator = await signInAs(t, ['facilitator'], 'Fia Facilitator');
  admin = await signInAs(t, ['admin']);
  staff = await signInAs(t, ['staff']);
  worker = createSuggestionWorker({ connection: t.connection, options: { batchSize: 3 } });
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

describe('theme suggestions', () => {
  it('are not computed inside the submission request, but by the worker afterwards', async () => {
    const id = await submit({ story: { whatHappened: 'Jag försökte boka en tid men kom aldrig fram på telefon.' } });
    const before = await stored(id);
    expect(before?.suggestionVersion).toBeUndefined();
    expect(before?.suggestions).toBeUndefined();
    expect((await detail(id)).suggestions).toEqual([]);
    const run = await worker.runOnce();
    expect(run.computed).toBeGreaterThanOrEqual(1);
    expect((await stored(id))?.suggestionVersion).toBe(run.version);
    expect(suggested(await detail(id))).toContain(BOOKING);
  });

  it('suggest the same starter theme for a Swedish and an Arabic story about booking and phone queues, with evidence ranges on the matched words', async () => {
    const swedish = await submit({ locale: 'sv', story: { whatHappened: 'Jag ringde vårdcentralen för att boka en tid, men telefonkön var jättelång och ingen ringde tillbaka.' } });
    const arabic = await submit({ locale: 'ar', story: { whatHappened: 'اتصلت بالمركز الصحي لحجز موعد، لكن طابور الهاتف كان طويلا جدا ولم يتصل بي أحد.' } });
    await worker.runOnce();
    const sv = await detail(swedish);
    const ar = await detail(arabic);
    expect(suggested(sv)).toContain(BOOKING);
    expect(suggested(ar)).toContain(BOOKING);
    expect(sv.suggestions.length).toBeLessThanOrEqual(3);
    expect(ar.suggestions.length).toBeLessThanOrEqual(3);
    expectEvidenceInText(sv);
    expectEvidenceInText(ar);
    const words = (story: StoryDetail) => story.suggestions.find((suggestion) => suggestion.themeId === BOOKING)?.evidence.map((evidence) => evidence.text) ?? [];
    expect(words(sv)).toEqual(expect.arrayContaining(['boka', 'telefonkön']));
    expect(words(ar)).toEqual(expect.arrayContaining(['موعد', 'الهاتف']));
    for (const suggestion of [...sv.suggestions, ...ar.suggestions]) {
      expect(suggestion.score).toBeGreaterThanOrEqual(0.5);
      expect(suggestion.score).toBeLessThanOrEqual(1);
    }
    expect((await stored(swedish))?.language).toBe('sv');
    expect((await stored(arabic))?.language).toBe('ar');
  });

  it('store the language the story is written in, which need not be the form language', async () => {
    const id = await submit({ locale: 'sv', story: { whatHappened: 'اتصلت بالمركز الصحي لحجز موعد لكن لم يرد أحد على الهاتف طوال اليوم.' } });
    await worker.runOnce();
    const story = await stored(id);
    expect(story?.language).toBe('ar');
    expect((await detail(id)).language).toBe('ar');
    expect(story?.suggestions?.map((suggestion) => suggestion.themeId)).toContain(BOOKING);
  });

  it('accepting tags the story, records the decision and the audit, and the suggestion goes away', async () => {
    const id = await submit({ story: { whatHappened: 'Det var omöjligt att boka en tid, telefonkön tog hela förmiddagen.' } });
    await worker.runOnce();
    expect(suggested(await detail(id))).toContain(BOOKING);
    const accepted = await post(`/api/v1/stories/${id}/suggestions/${BOOKING}/accept`);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ themeId: BOOKING, createdBy: facilitator.userId });
    const after = await detail(id);
    expect(after.tags.map((tag) => tag.themeId)).toEqual([BOOKING]);
    expect(suggested(after)).not.toContain(BOOKING);
    expect((await stored(id))?.suggestions?.map((suggestion) => suggestion.themeId)).not.toContain(BOOKING);
    const decision = await driverCollection(t.connection, 'suggestionDecisions').findOne({ storyId: id, themeId: BOOKING });
    expect(decision).toMatchObject({ decision: 'accepted', by: facilitator.userId });
    expect(decision?.['at']).toBeInstanceOf(Date);
    const audit = await driverCollection(t.connection, 'auditEvents').findOne({ action: 'suggestion.accepted', targetId: id });
    expect(audit).toMatchObject({ outcome: 'success', actorId: facilitator.userId, detail: { themeId: BOOKING, tagId: accepted.body.id } });
    // As tagging does: the same theme twice is a conflict.
    expect((await post(`/api/v1/stories/${id}/suggestions/${BOOKING}/accept`)).status).toBe(409);
    // A later recompute does not bring it back either: the story has the theme.
    await driverCollection(t.connection, 'submissions').updateOne({ _id: id as never }, { $unset: { suggestionVersion: '' } });
    await worker.runOnce();
    expect(suggested(await detail(id))).not.toContain(BOOKING);
  });

  it('rejecting hides the suggestion for good, is recorded and audited; a recompute does not bring it back', async () => {
    const id = await submit({ story: { whatHappened: 'Jag kunde inte boka någon tid, telefonen var alltid upptagen.' } });
    await worker.runOnce();
    expect(suggested(await detail(id))).toContain(BOOKING);
    const rejected = await post(`/api/v1/stories/${id}/suggestions/${BOOKING}/reject`, admin);
    expect(rejected.status).toBe(204);
    expect(suggested(await detail(id))).not.toContain(BOOKING);
    expect(await driverCollection(t.connection, 'suggestionDecisions').findOne({ storyId: id, themeId: BOOKING })).toMatchObject({ decision: 'rejected', by: admin.userId });
    expect(await driverCollection(t.connection, 'auditEvents').findOne({ action: 'suggestion.rejected', targetId: id })).toMatchObject({ actorId: admin.userId, detail: { themeId: BOOKING } });
    // Every story computed again (as after a codebook change): still not suggested, and the story is not tagged.
    await driverCollection(t.connection, 'submissions').updateMany({}, { $unset: { suggestionVersion: '' } });
    expect((await worker.runOnce()).computed).toBeGreaterThan(0);
    const after = await detail(id);
    expect(suggested(after)).not.toContain(BOOKING);
    expect(after.tags).toEqual([]);
  });

  it('a theme whose keywords change is suggested where its new keyword occurs', async () => {
    const word = (uniquePhrase('x').split(' ')[1] ?? '').slice(0, 10);
    const id = await submit({ story: { whatHappened: `Vi pratade länge om ${word} på mottagningen.` } });
    const theme = await request(t.app).post('/api/v1/themes').set(facilitator.headers).send({ labels: { sv: uniquePhrase('Ordtema'), en: uniquePhrase('Word theme') } });
    expect(theme.status).toBe(201);
    const themeId = String(theme.body.id);
    const before = await worker.runOnce();
    expect(suggested(await detail(id))).not.toContain(themeId);
    expect((await request(t.app).patch(`/api/v1/themes/${themeId}`).set(facilitator.headers).send({ keywords: { sv: [word] } })).status).toBe(200);
    const after = await worker.runOnce();
    expect(after.version).not.toBe(before.version);
    expect(after.computed).toBeGreaterThanOrEqual(1);
    const story = await detail(id);
    const suggestion = story.suggestions.find((entry) => entry.themeId === themeId);
    expect(suggestion?.evidence).toEqual([{ field: 'whatHappened', start: story.story.whatHappened.indexOf(word), end: story.story.whatHappened.indexOf(word) + word.length, text: word }]);
  });

  it('the worker is idempotent, and two workers at once give the same result as one', async () => {
    for (let index = 0; index < 7; index += 1) await submit({ story: { whatHappened: `Berättelse ${uniquePhrase('om')}: jag väntade länge i telefonkön för att boka tid.` } });
    // Two workers (as two server processes would) race over the same stale stories.
    const other = createSuggestionWorker({ connection: t.connection, options: { batchSize: 2 } });
    await Promise.all([worker.runOnce(), other.runOnce(), other.runOnce()]);
    const snapshot = async () =>
      (await stories().find({}, { projection: { language: 1, suggestions: 1, suggestionVersion: 1, suggestionRevision: 1 } }).sort({ _id: 1 }).toArray());
    const first = await snapshot();
    const current = (await worker.context()).version;
    expect(first.every((story) => story.suggestionVersion === current)).toBe(true);
    const again = await worker.runOnce();
    expect(again.computed).toBe(0);
    expect(await snapshot()).toEqual(first);
    // What the race stored equals what a single worker computes from scratch.
    const racedSuggestions = first.map(({ _id, language, suggestions }) => ({ _id, language, suggestions }));
    await stories().updateMany({}, { $unset: { suggestionVersion: '' } });
    await worker.runOnce();
    expect((await snapshot()).map(({ _id, language, suggestions }) => ({ _id, language, suggestions }))).toEqual(racedSuggestions);
  });

  it('after de-identification the evidence ranges point at the same words in the new text', async () => {
    const id = await submit({ story: { whatHappened: 'Doktor Lindqvistsson sa att jag skulle ringa och boka en ny tid, men telefonkön var stängd.' } });
    await worker.runOnce();
    const before = await detail(id);
    expect(suggested(before)).toContain(BOOKING);
    const text = before.story.whatHappened;
    const span = { field: 'whatHappened', start: text.indexOf('Lindqvistsson'), end: text.indexOf('Lindqvistsson') + 'Lindqvistsson'.length, text: 'Lindqvistsson' };
    expect((await request(t.app).post(`/api/v1/stories/${id}/redactions`).set(facilitator.headers).send(span)).status).toBe(200);
    // The story is computed again right after the edit (in the background); until then no stale range is shown.
    expectEvidenceInText(await detail(id));
    await vi.waitFor(async () => {
      const story = await detail(id);
      expect(story.story.whatHappened).not.toContain('Lindqvistsson');
      const evidence = story.suggestions.find((suggestion) => suggestion.themeId === BOOKING)?.evidence ?? [];
      expect(evidence.map((entry) => entry.text)).toEqual(expect.arrayContaining(['boka', 'telefonkön']));
      expectEvidenceInText(story);
    });
  });

  it('trains the model from accepted tags and rejections, reproducibly, audited, and recomputes with it', async () => {
    const empty = await request(t.app).get('/api/v1/suggestions/model').set(facilitator.headers);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ version: null, trainedAt: null, examples: 0, themes: 0 });
    const first = await post('/api/v1/suggestions/model');
    expect(first.status).toBe(201);
    expect(first.body.version).toMatch(/^[0-9a-f]{24}$/);
    expect(first.body.examples).toBeGreaterThanOrEqual(2);
    expect(first.body.themes).toBeGreaterThanOrEqual(1);
    const second = await post('/api/v1/suggestions/model', admin);
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(first.body.version);
    expect(second.body.examples).toBe(first.body.examples);
    // History is kept, and both trainings produced byte-identical models.
    const models = await driverCollection<{ version: string; model: string }>(t.connection, 'suggestionModels').find({}).toArray();
    expect(models).toHaveLength(2);
    expect(models[0]?.model).toBe(models[1]?.model);
    const current = await request(t.app).get('/api/v1/suggestions/model').set(facilitator.headers);
    expect(current.body).toMatchObject({ version: first.body.version, examples: first.body.examples });
    expect(current.body.pending).toBeGreaterThan(0);
    expect(await driverCollection(t.connection, 'auditEvents').countDocuments({ action: 'suggestion.model_trained', targetId: first.body.version })).toBe(2);
    // A new model means new suggestions everywhere.
    const run = await worker.runOnce();
    expect(run.computed).toBeGreaterThan(0);
    expect((await request(t.app).get('/api/v1/suggestions/model').set(facilitator.headers)).body.pending).toBe(0);
  });

  it('ignores a stored model of an older format: the rules suggest until a model is trained again', async () => {
    expect((await worker.context()).model?.version).toBe(MODEL_VERSION);
    // Were it used, this old model would push booking below the display threshold.
    const old = { version: MODEL_VERSION - 1, features: ['w:telefon'], themes: [{ themeId: BOOKING, positives: 9, negatives: 9, bias: -9, weights: [] }] };
    const models = driverCollection<{ _id: string; version: string; trainedAt: Date; examples: number; themes: number; model: string }>(t.connection, 'suggestionModels');
    await models.insertOne({ _id: 'old-format', version: 'f'.repeat(24), trainedAt: new Date('2099-01-01T00:00:00Z'), examples: 1, themes: 1, model: JSON.stringify(old) });
    try {
      expect((await worker.context()).model).toBeUndefined();
      const id = await submit({ story: { whatHappened: 'Jag fick aldrig någon tid att boka, telefonkön var full.' } });
      await worker.runOnce();
      expect((await stored(id))?.suggestions?.map((suggestion) => suggestion.themeId)).toContain(BOOKING);
    } finally {
      await models.deleteOne({ _id: 'old-format' });
    }
  });

  it('a running worker computes a story soon after it is poked with its id, and stops cleanly', async () => {
    const live = createSuggestionWorker({ connection: t.connection, options: { quietMs: 20, intervalMs: 60_000 } });
    live.start();
    try {
      const id = await submit({ story: { whatHappened: 'Jag fick aldrig någon tid att boka, telefonkön var full.' } });
      live.poke(id);
      await vi.waitFor(async () => expect((await stored(id))?.suggestionVersion).toBe((await live.context()).version), { timeout: 10_000, interval: 50 });
      expect((await stored(id))?.suggestions?.map((suggestion) => suggestion.themeId)).toContain(BOOKING);
    } finally {
      await live.stop();
    }
  });

  it('answers unknown stories and themes with 404', async () => {
    const id = await submit({ story: { whatHappened: 'Jag ville boka en tid.' } });
    expect((await post(`/api/v1/stories/does-not-exist/suggestions/${BOOKING}/accept`)).status).toBe(404);
    expect((await post(`/api/v1/stories/does-not-exist/suggestions/${BOOKING}/reject`)).status).toBe(404);
    expect((await post(`/api/v1/stories/${id}/suggestions/not-a-theme/accept`)).status).toBe(404);
    expect((await post(`/api/v1/stories/${id}/suggestions/not-a-theme/reject`)).status).toBe(404);
  });

  it('are for facilitators and admins only', async () => {
    const id = await submit({ story: { whatHappened: 'Jag ville boka en tid men telefonkön var lång.' } });
    const routes: Array<['get' | 'post', string]> = [
      ['post', `/api/v1/stories/${id}/suggestions/${BOOKING}/accept`],
      ['post', `/api/v1/stories/${id}/suggestions/${BOOKING}/reject`],
      ['get', '/api/v1/suggestions/model'],
      ['post', '/api/v1/suggestions/model'],
    ];
    for (const [method, path] of routes) {
      expect((await request(t.app)[method](path)).status, `${method} ${path} anonymous`).toBe(401);
      expect((await request(t.app)[method](path).set(staff.headers)).status, `${method} ${path} staff`).toBe(403);
      // Signed in as a facilitator, but without the CSRF token.
      if (method === 'post') expect((await request(t.app).post(path).set('Cookie', facilitator.headers.Cookie)).status, `${method} ${path} no csrf`).toBe(403);
    }
    expect(await driverCollection(t.connection, 'suggestionDecisions').countDocuments({ storyId: id })).toBe(0);
    expect((await request(t.app).get('/api/v1/suggestions/model').set(admin.headers)).status).toBe(200);
  });
});
