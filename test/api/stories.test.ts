import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED, type SubmissionInput } from '../../api/contract/index.ts';
import { driverCollection } from '../../api/src/db/collections.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let facilitator: StaffSession;
let staff: StaffSession;
let today = '2027-04-10';

async function addTheme(label: string, status: 'active' | 'archived' = 'active'): Promise<string> {
  const unique = uniquePhrase(label);
  const created = await request(t.app).post('/api/v1/themes').set(facilitator.headers).send({ labels: { sv: unique, en: unique } });
  expect(created.status).toBe(201);
  if (status === 'archived') expect((await request(t.app).patch(`/api/v1/themes/${created.body.id}`).set(facilitator.headers).send({ status })).status).toBe(200);
  return String(created.body.id);
}

async function submit(overrides: Partial<SubmissionInput>, on = today): Promise<string> {
  today = on;
  const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission(overrides));
  expect(res.status).toBe(201);
  return String(res.body.id);
}

const inbox = (query: Record<string, string>, who: StaffSession = facilitator) => request(t.app).get('/api/v1/stories').query(query).set(who.headers);
const story = (id: string) => request(t.app).get(`/api/v1/stories/${id}`).set(facilitator.headers);
const post = (path: string, body: object, who: StaffSession = facilitator) => request(t.app).post(path).set(who.headers).send(body);
const ids = (res: request.Response): string[] => res.body.items.map((item: { id: string }) => item.id);

beforeAll(async () => {
  t = await createTestApp({ today: () => today });
  facilitator = await signInAs(t, ['facilitator'], 'Fia Facilitator');
  staff = await signInAs(t, ['staff']);
});
afterAll(async () => {
  await t.close();
});

describe('the inbox', () => {
  it('lists the newest stories first, a page at a time, each exactly once, with the total', async () => {
    const marker = uniquePhrase('sida');
    const word = marker.split(' ')[1] ?? '';
    const created: string[] = [];
    for (const day of ['2027-01-03', '2027-01-05', '2027-01-05', '2027-01-07', '2027-01-09']) created.push(await submit({ story: { whatHappened: `${marker} hände` } }, day));
    const seen: string[] = [];
    let after: string | undefined;
    const dates: string[] = [];
    for (let pageNumber = 0; pageNumber < 5; pageNumber += 1) {
      const res = await inbox({ q: word, limit: '2', ...(after === undefined ? {} : { after }) });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(5);
      seen.push(...ids(res));
      dates.push(...res.body.items.map((item: { receivedOn: string }) => item.receivedOn));
      after = res.body.nextCursor;
      if (after === undefined) break;
    }
    expect(seen.sort()).toEqual([...created].sort());
    expect(dates).toEqual(['2027-01-09', '2027-01-07', '2027-01-05', '2027-01-05', '2027-01-03']);
  });

  it('finds stories by words regardless of case and accents, every word required, in any script', async () => {
    const marker = uniquePhrase('sök').split(' ')[1] ?? '';
    const swedish = await submit({ story: { whatHappened: `Väntetiden på ${marker} var LÅNG.` } });
    const arabic = await submit({ locale: 'ar', story: { whatHappened: `${marker} لم أفهمْ الطبيب` } });
    expect(ids(await inbox({ q: `vantetiden ${marker}` }))).toEqual([swedish]);
    expect(ids(await inbox({ q: `${marker} lång` }))).toEqual([swedish]);
    expect(ids(await inbox({ q: `${marker} أفهم` }))).toEqual([arabic]);
    expect(ids(await inbox({ q: `${marker} saknas` }))).toEqual([]);
  });

  it('filters by status, language, rating, care setting, role, campaign context, period and needs attention', async () => {
    const marker = uniquePhrase('filter').split(' ')[1] ?? '';
    const text = { whatHappened: `${marker} en berättelse` };
    await post('/api/v1/campaigns', { code: `wave-${marker}`, name: 'Wave', site: `Sahlgrenska ${marker}`, rolloutWave: 3, phase: 'after', opensOn: '2027-01-01' });
    const a = await submit({ story: text, locale: 'en', rating: 2, care: { settings: ['emergency'], when: 'last_month' }, respondent: { role: 'patient' } }, '2027-02-01');
    const b = await submit({ story: text, campaign: `wave-${marker}`, rating: 5 }, '2027-03-01');
    await request(t.app).patch(`/api/v1/stories/${b}`).set(facilitator.headers).send({ status: 'in_review', needsAttention: true });
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ locale: 'en' }, [a]],
      [{ rating: '5' }, [b]],
      [{ careSetting: 'emergency' }, [a]],
      [{ role: 'patient' }, [a]],
      [{ campaign: `wave-${marker}` }, [b]],
      [{ site: `Sahlgrenska ${marker}` }, [b]],
      [{ wave: '3', phase: 'after' }, [b]],
      [{ status: 'in_review' }, [b]],
      [{ status: 'new' }, [a]],
      [{ attention: 'true' }, [b]],
      [{ attention: 'false' }, [a]],
      [{ from: '2027-02-15' }, [b]],
      [{ to: '2027-02-15' }, [a]],
      [{ from: '2027-01-01', to: '2027-12-31' }, [b, a]],
    ];
    for (const [filter, expected] of cases) expect(ids(await inbox({ q: marker, ...filter })), JSON.stringify(filter)).toEqual(expected);
  });

  it('filters by theme and by untagged', async () => {
    const marker = uniquePhrase('tema').split(' ')[1] ?? '';
    const theme = await addTheme('Väntan');
    const tagged = await submit({ story: { whatHappened: `${marker} väntan` } });
    const untagged = await submit({ story: { whatHappened: `${marker} annat` } });
    expect((await post(`/api/v1/stories/${tagged}/tags`, { themeId: theme })).status).toBe(201);
    expect(ids(await inbox({ q: marker, theme }))).toEqual([tagged]);
    expect(ids(await inbox({ q: marker, untagged: 'true' }))).toEqual([untagged]);
    expect(ids(await inbox({ q: marker, untagged: 'false' }))).toEqual([tagged]);
  });

  it.each([
    ['an unknown status', { status: 'open' }, 'status', 'query.status.invalid'],
    ['a rating of 9', { rating: '9' }, 'rating', 'query.rating.invalid'],
    ['a date that is not a date', { from: '2027-13-45' }, 'from', 'query.from.invalid'],
    ['a forged cursor', { after: 'x~y' }, 'after', 'query.after.invalid'],
    ['a page of 1000', { limit: '1000' }, 'limit', 'query.limit.invalid'],
    ['an unknown filter', { colour: 'red' }, '(root)', undefined],
  ])('rejects %s with 400', async (_name, query, field, key) => {
    const res = await inbox(query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    if (key !== undefined) expect(res.body.error.fields[field]).toBe(key);
  });

  it('is closed to staff without the facilitator role and to anonymous callers', async () => {
    expect((await inbox({}, staff)).status).toBe(403);
    expect((await request(t.app).get('/api/v1/stories')).status).toBe(401);
  });
});

describe('a story', () => {
  it('shows every field, masked, with tags, excerpts and notes by their author', async () => {
    const id = await submit({ story: { whatHappened: 'Ring mig på 070-123 45 67 om det behövs.', idea: 'Bättre skyltning.' } });
    const theme = await addTheme('Information');
    await post(`/api/v1/stories/${id}/tags`, { themeId: theme });
    await post(`/api/v1/stories/${id}/excerpts`, { themeId: theme, field: 'idea', start: 0, end: 7 });
    await post(`/api/v1/stories/${id}/notes`, { text: 'Följ upp med enheten.' });
    const res = await story(id);
    expect(res.status).toBe(200);
    expect(res.body.story.whatHappened).toBe('Ring mig på [PHONE] om det behövs.');
    expect(res.body.tags.map((tag: { themeId: string }) => tag.themeId)).toEqual([theme]);
    expect(res.body.excerpts).toMatchObject([{ themeId: theme, field: 'idea', start: 0, end: 7, text: 'Bättre ' }]);
    expect(res.body.notes).toMatchObject([{ text: 'Följ upp med enheten.', authorName: 'Fia Facilitator' }]);
    expect(res.body.status).toBe('new');
    expect(res.body.suggestions).toEqual([]);
    expect((await request(t.app).get(`/api/v1/stories/${randomUUID()}`).set(facilitator.headers)).status).toBe(404);
  });

  it('moves through new → in_review → done and can be flagged as needing attention, audited', async () => {
    const id = await submit({});
    const res = await request(t.app).patch(`/api/v1/stories/${id}`).set(facilitator.headers).send({ status: 'done', needsAttention: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', needsAttention: true });
    const receipt = await driverCollection<{ _id: string; status: string }>(t.connection, 'submissions').findOne({ _id: id });
    expect(receipt?.status).toBe('done');
    const audit = await driverCollection(t.connection, 'auditEvents').find({ targetId: id }).toArray();
    expect(audit.map((event) => event['action']).sort()).toEqual(['story.attention_changed', 'story.status_changed']);
    expect((await request(t.app).patch(`/api/v1/stories/${id}`).set(facilitator.headers).send({})).status).toBe(400);
    expect((await request(t.app).patch(`/api/v1/stories/${id}`).set(facilitator.headers).send({ status: 'closed' })).body.error.fields).toEqual({ status: 'story.status.invalid' });
  });
});

describe('tagging', () => {
  it('adds a theme once, refuses unknown and archived themes, removes it again', async () => {
    const id = await submit({});
    const theme = await addTheme('Bemötande');
    const archived = await addTheme('Gammalt', 'archived');
    const added = await post(`/api/v1/stories/${id}/tags`, { themeId: theme });
    expect(added.status).toBe(201);
    expect((await post(`/api/v1/stories/${id}/tags`, { themeId: theme })).status).toBe(409);
    expect((await post(`/api/v1/stories/${id}/tags`, { themeId: randomUUID() })).body.error.fields).toEqual({ themeId: 'tag.themeId.unknown' });
    expect((await post(`/api/v1/stories/${id}/tags`, { themeId: archived })).body.error.fields).toEqual({ themeId: 'tag.themeId.archived' });
    expect((await story(id)).body.tags).toHaveLength(1);
    expect((await request(t.app).delete(`/api/v1/stories/${id}/tags/${added.body.id}`).set(facilitator.headers)).status).toBe(204);
    expect((await request(t.app).delete(`/api/v1/stories/${id}/tags/${added.body.id}`).set(facilitator.headers)).status).toBe(404);
    const stored = await driverCollection<{ _id: string; themes: string[]; themeCount: number }>(t.connection, 'submissions').findOne({ _id: id });
    expect(stored).toMatchObject({ themes: [], themeCount: 0 });
  });

  it('tags many stories at once and says how many had the theme already', async () => {
    const theme = await addTheme('Digitala tjänster');
    const first = await submit({});
    const second = await submit({});
    await post(`/api/v1/stories/${first}/tags`, { themeId: theme });
    const res = await post('/api/v1/stories/bulk-tags', { themeId: theme, storyIds: [first, second, second] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ tagged: 1, alreadyTagged: 1 });
    expect((await post('/api/v1/stories/bulk-tags', { themeId: theme, storyIds: [first, randomUUID()] })).body.error.fields).toEqual({ storyIds: 'bulk.storyIds.unknown' });
    expect((await post('/api/v1/stories/bulk-tags', { themeId: theme, storyIds: [] })).status).toBe(400);
  });

  it('rejects excerpts outside the text, backwards or in an empty field', async () => {
    const id = await submit({ story: { whatHappened: 'En kort berättelse om ett besök.' } });
    const theme = await addTheme('Kort');
    expect((await post(`/api/v1/stories/${id}/excerpts`, { themeId: theme, field: 'whatHappened', start: 0, end: 99 })).body.error.fields).toEqual({ end: 'range.end.outOfRange' });
    expect((await post(`/api/v1/stories/${id}/excerpts`, { themeId: theme, field: 'whatHappened', start: 3, end: 2 })).body.error.fields).toEqual({ end: 'range.end.beforeStart' });
    expect((await post(`/api/v1/stories/${id}/excerpts`, { themeId: theme, field: 'idea', start: 0, end: 1 })).body.error.fields).toEqual({ field: 'range.field.empty' });
  });
});

describe('manual de-identification', () => {
  it('replaces the span for good, moves excerpts to the same words, and audits where but not what', async () => {
    const text = 'Doktor Bengtsson på avdelning 12 sa att jag var besvärlig, men sköterskan Lena var snäll.';
    const id = await submit({ story: { whatHappened: text } });
    const theme = await addTheme('Bemötande');
    const range = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const before = await post(`/api/v1/stories/${id}/excerpts`, { themeId: theme, field: 'whatHappened', ...range('Doktor') });
    const around = await post(`/api/v1/stories/${id}/excerpts`, { themeId: theme, field: 'whatHappened', ...range('sa att jag var besvärlig, men sköterskan Lena var') });
    const after = await post(`/api/v1/stories/${id}/excerpts`, { themeId: theme, field: 'whatHappened', ...range('var snäll') });
    const inside = await post(`/api/v1/stories/${id}/excerpts`, { themeId: theme, field: 'whatHappened', ...range('Len') });
    expect([before.status, around.status, after.status, inside.status]).toEqual([201, 201, 201, 201]);

    expect((await post(`/api/v1/stories/${id}/redactions`, { field: 'whatHappened', ...range('Bengtsson'), text: 'Bengtson' })).status).toBe(409);
    const first = await post(`/api/v1/stories/${id}/redactions`, { field: 'whatHappened', ...range('Bengtsson'), text: 'Bengtsson' });
    expect(first.status).toBe(200);
    const once = first.body.story.whatHappened;
    const lena = { start: once.indexOf('Lena'), end: once.indexOf('Lena') + 4 };
    const second = await post(`/api/v1/stories/${id}/redactions`, { field: 'whatHappened', ...lena, text: 'Lena' });
    expect(second.status).toBe(200);
    const now = second.body.story.whatHappened;
    expect(now).toBe(`Doktor ${REDACTED} på avdelning 12 sa att jag var besvärlig, men sköterskan ${REDACTED} var snäll.`);
    const excerptText = (tagId: string) => second.body.excerpts.find((excerpt: { id: string }) => excerpt.id === tagId)?.text;
    expect(excerptText(before.body.id)).toBe('Doktor');
    expect(excerptText(around.body.id)).toBe(`sa att jag var besvärlig, men sköterskan ${REDACTED} var`);
    expect(excerptText(after.body.id)).toBe('var snäll');
    expect(excerptText(inside.body.id)).toBe(REDACTED);
    expect(second.body.redactions).toContainEqual({ field: 'story.whatHappened', kind: 'manual', count: 2 });

    const raw = JSON.stringify(await driverCollection<{ _id: string }>(t.connection, 'submissions').findOne({ _id: id }));
    expect(raw).not.toContain('Bengtsson');
    expect(raw).not.toMatch(/"lena"|Lena /);
    expect(ids(await inbox({ q: 'bengtsson' }))).not.toContain(id);
    const audit = await driverCollection(t.connection, 'auditEvents').find({ targetId: id, action: 'story.deidentified' }).toArray();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toMatch(/Bengtsson|Lena|besvärlig/);
  });

  it('rejects a span past the end of the text and an unknown story', async () => {
    const id = await submit({ story: { whatHappened: 'Bara lite text.' } });
    expect((await post(`/api/v1/stories/${id}/redactions`, { field: 'whatHappened', start: 5, end: 500, text: 'lite' })).body.error.fields).toEqual({ end: 'range.end.outOfRange' });
    expect((await post(`/api/v1/stories/${randomUUID()}/redactions`, { field: 'whatHappened', start: 0, end: 1, text: 'B' })).status).toBe(404);
  });
});

describe('withdrawal', () => {
  it('takes the tags, notes and suggestion decisions of a story with it', async () => {
    const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission({}));
    const theme = await addTheme('Återtagen');
    await post(`/api/v1/stories/${res.body.id}/tags`, { themeId: theme });
    await post(`/api/v1/stories/${res.body.id}/notes`, { text: 'En anteckning.' });
    const other = await addTheme('Avböjd');
    expect((await post(`/api/v1/stories/${res.body.id}/suggestions/${other}/reject`, {})).status).toBe(204);
    expect(await driverCollection(t.connection, 'suggestionDecisions').countDocuments({ storyId: res.body.id })).toBe(1);
    expect((await request(t.app).delete(`/api/v1/receipts/${res.body.receiptCode}`)).status).toBe(204);
    expect(await driverCollection(t.connection, 'suggestionDecisions').countDocuments({ storyId: res.body.id })).toBe(0);
    expect(await driverCollection(t.connection, 'tags').countDocuments({ storyId: res.body.id })).toBe(0);
    expect(await driverCollection(t.connection, 'storyNotes').countDocuments({ storyId: res.body.id })).toBe(0);
  });
});
