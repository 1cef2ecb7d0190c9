import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../api/contract/index.ts';
import { driverCollection } from '../../api/src/db/collections.ts';
import { ensureIndexes } from '../../api/src/db/indexes.ts';
import type { StoryTagRef, SubmissionRecordDocument } from '../../api/src/feedback/repository.ts';
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

const post = (path: string, body: object) => request(t.app).post(path).set(facilitator.headers).send(body);

async function addTheme(label: string): Promise<string> {
  const unique = uniquePhrase(label);
  const created = await post('/api/v1/themes', { labels: { sv: unique, en: unique } });
  expect(created.status).toBe(201);
  return String(created.body.id);
}

async function submit(whatHappened: string): Promise<string> {
  const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission({ story: { whatHappened } }));
  expect(res.status).toBe(201);
  return String(res.body.id);
}

const stories = () => driverCollection<SubmissionRecordDocument>(t.connection, 'submissions');

/** The story's references without their times, in a stable order. */
async function refsOf(id: string): Promise<Array<Omit<StoryTagRef, 'at'>>> {
  const story = await stories().findOne({ _id: id });
  return (story?.tagRefs ?? [])
    .map((ref) => ({ themeId: ref.themeId, kind: ref.kind, ...(ref.field === undefined ? {} : { field: ref.field, start: ref.start, end: ref.end }) }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const sorted = <T>(refs: T[]): T[] => [...refs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

// Summaries and exports read a story's tags from `tagRefs` instead of the tags collection, so it must follow every change.
describe("a story's tag references", () => {
  it('start empty and follow tagging, excerpts, de-identification, removal and a merge', async () => {
    const text = 'Doktor Bengtsson ringde aldrig tillbaka och jag fick vänta tre veckor.';
    const id = await submit(text);
    expect(await refsOf(id)).toEqual([]);
    const waiting = await addTheme('Väntan');
    const contact = await addTheme('Kontakt');

    const storyTag = await post(`/api/v1/stories/${id}/tags`, { themeId: waiting });
    expect(storyTag.status).toBe(201);
    const start = text.indexOf('ringde aldrig');
    const excerpt = await post(`/api/v1/stories/${id}/excerpts`, { themeId: contact, field: 'whatHappened', start, end: start + 'ringde aldrig tillbaka'.length });
    expect(excerpt.status).toBe(201);
    expect(await refsOf(id)).toEqual(
      sorted([
        { themeId: waiting, kind: 'story' },
        { themeId: contact, kind: 'excerpt', field: 'whatHappened', start, end: start + 'ringde aldrig tillbaka'.length },
      ]),
    );

    // De-identifying a name before the excerpt moves its range; the reference moves with it.
    const name = text.indexOf('Bengtsson');
    expect((await post(`/api/v1/stories/${id}/redactions`, { field: 'whatHappened', start: name, end: name + 9, text: 'Bengtsson' })).status).toBe(200);
    const now = (await stories().findOne({ _id: id }))?.story.whatHappened ?? '';
    expect(now).toBe(`Doktor ${REDACTED} ringde aldrig tillbaka och jag fick vänta tre veckor.`);
    const moved = now.indexOf('ringde aldrig');
    expect((await refsOf(id)).find((ref) => ref.kind === 'excerpt')).toEqual({ themeId: contact, kind: 'excerpt', field: 'whatHappened', start: moved, end: moved + 'ringde aldrig tillbaka'.length });

    // Merging "Kontakt" into "Väntan" moves the excerpt's theme.
    expect((await post(`/api/v1/themes/${contact}/merge`, { into: waiting })).status).toBe(200);
    expect(await refsOf(id)).toEqual(
      sorted([
        { themeId: waiting, kind: 'story' },
        { themeId: waiting, kind: 'excerpt', field: 'whatHappened', start: moved, end: moved + 'ringde aldrig tillbaka'.length },
      ]),
    );

    expect((await request(t.app).delete(`/api/v1/stories/${id}/tags/${String(storyTag.body.id)}`).set(facilitator.headers)).status).toBe(204);
    expect((await refsOf(id)).map((ref) => ref.kind)).toEqual(['excerpt']);
  });

  it('are back-filled at start for stories tagged before the field existed, and untagged stories are left alone', async () => {
    const tagged = await submit('Jag fick ingen tid på vårdcentralen på en månad.');
    const untagged = await submit('Allt gick bra, tack.');
    const theme = await addTheme('Tillgänglighet');
    expect((await post(`/api/v1/stories/${tagged}/tags`, { themeId: theme })).status).toBe(201);
    await stories().updateOne({ _id: tagged }, { $unset: { tagRefs: '' } });
    await stories().updateOne({ _id: untagged }, { $unset: { tagRefs: '' } });

    await ensureIndexes(t.connection);

    expect(await refsOf(tagged)).toEqual([{ themeId: theme, kind: 'story' }]);
    const left = await stories().findOne({ _id: untagged });
    expect(left !== null && 'tagRefs' in left).toBe(false);
  });
});
