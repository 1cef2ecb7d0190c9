import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmergingCluster, EmergingRun, Locale } from '../../api/contract/index.ts';
import { driverCollection } from '../../api/src/db/collections.ts';
import { createSuggestionWorker, type SuggestionWorker } from '../../api/src/suggestions/worker.ts';
import { seedStarterCodebook } from '../../api/src/themes/seed.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let facilitator: StaffSession;
let admin: StaffSession;
let staff: StaffSession;
let worker: SuggestionWorker;

async function submit(locale: Locale, whatHappened: string): Promise<string> {
  const res = await request(t.app)
    .post('/api/v1/submissions')
    .set('Idempotency-Key', newKey())
    .send(buildSubmission({ locale, topics: [], story: { whatHappened } }));
  expect(res.status).toBe(201);
  return String(res.body.id);
}

async function emerging(query = '', who: StaffSession = facilitator): Promise<EmergingRun> {
  const res = await request(t.app).get(`/api/v1/emerging-themes${query}`).set(who.headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const clusterWith = (run: EmergingRun, storyId: string): EmergingCluster | undefined => run.clusters.find((cluster) => cluster.storyIds.includes(storyId));
const allMembers = (run: EmergingRun): string[] => run.clusters.flatMap((cluster) => cluster.storyIds);

// Written for this test: a new issue (parking fees at the hospital) in Swedish, Arabic and Somali; hospital food in
// three more languages; and a few stories with nothing in common.
const PARKING: ReadonlyArray<readonly [Locale, string]> = [
  ['sv', 'Parkeringsavgiften vid sjukhuset är alldeles för dyr. Jag fick betala mycket varje gång, ring mig på 070-123 45 67.'],
  ['ar', 'رسوم موقف السيارات في المستشفى غالية جدا. دفعت الكثير من المال كل مرة زرت فيها أمي.'],
  ['so', 'Lacagta baarkinka isbitaalka aad bay u qaalisan tahay. Waxaan bixiyay lacag badan markasta.'],
];
const FOOD: ReadonlyArray<readonly [Locale, string]> = [
  ['sv', 'Maten på avdelningen var kall och frukosten kom alltid sent.'],
  ['en', 'The food on the ward was cold and breakfast always came late.'],
  ['fi', 'Ruoka osastolla oli kylmää ja aamiainen tuli aina myöhässä.'],
];
const UNRELATED: ReadonlyArray<readonly [Locale, string]> = [
  ['sv', 'Läkaren lyssnade inte på mig när jag berättade om smärtan i knät.'],
  ['en', 'The receptionist was friendly and helped me fill in the form.'],
  ['uk', 'Медсестра була дуже уважна до моєї дитини.'],
];

const parkingIds: string[] = [];
const foodIds: string[] = [];
const unrelatedIds: string[] = [];
let taggedParking = '';
let otherThemeId = '';

beforeAll(async () => {
  t = await createTestApp();
  facilitator = await signInAs(t, ['facilitator']);
  admin = await signInAs(t, ['admin']);
  staff = await signInAs(t, ['staff']);
  worker = createSuggestionWorker({ connection: t.connection });
  for (const [locale, text] of PARKING) parkingIds.push(await submit(locale, text));
  for (const [locale, text] of FOOD) foodIds.push(await submit(locale, text));
  for (const [locale, text] of UNRELATED) unrelatedIds.push(await submit(locale, text));
  // A fourth parking story that already has a theme: it is not an emerging one.
  taggedParking = await submit('en', 'The parking fee at the hospital is far too expensive, I paid a lot of money.');
  const theme = await request(t.app).post('/api/v1/themes').set(facilitator.headers).send({ labels: { sv: 'Kostnader', en: 'Costs' } });
  expect(theme.status).toBe(201);
  otherThemeId = String(theme.body.id);
  expect((await request(t.app).post(`/api/v1/stories/${taggedParking}/tags`).set(facilitator.headers).send({ themeId: otherThemeId })).status).toBe(201);
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

describe('GET /api/v1/emerging-themes', () => {
  it('groups untagged stories across languages, leaves tagged and unrelated stories out, and quotes masked text with its language', async () => {
    const run = await emerging();
    expect(run.stories).toBe(9);
    const parking = clusterWith(run, parkingIds[0]!);
    expect([...(parking?.storyIds ?? [])].sort()).toEqual([...parkingIds].sort());
    expect([...(clusterWith(run, foodIds[0]!)?.storyIds ?? [])].sort()).toEqual([...foodIds].sort());
    expect(allMembers(run)).not.toContain(taggedParking);
    for (const id of unrelatedIds) expect(allMembers(run)).not.toContain(id);
    expect(parking!.size).toBe(3);
    expect(parking!.topTerms.map((term) => term.key)).toEqual(expect.arrayContaining(['concept:parking', 'concept:cost']));
    expect(parking!.quotes).toHaveLength(3);
    expect(new Set(parking!.quotes.map((quote) => quote.lang))).toEqual(new Set(['sv', 'ar', 'so']));
    const swedish = parking!.quotes.find((quote) => quote.storyId === parkingIds[0]);
    expect(swedish?.text).toContain('[PHONE]');
    expect(swedish?.text).not.toContain('45 67');
  });

  it('returns the stored run while nothing has changed, and a new run once a story arrives', async () => {
    const first = await emerging();
    const again = await emerging();
    expect(again.runId).toBe(first.runId);
    expect(again.generatedAt).toBe(first.generatedAt);
    // Another filter is another run.
    const swedishOnly = await emerging('?locale=sv');
    expect(swedishOnly.runId).not.toBe(first.runId);
    expect(swedishOnly.stories).toBe(3);
    const extra = await submit('en', 'Parking at the hospital cost me a fortune, the fee is far too expensive.');
    const after = await emerging();
    expect(after.runId).not.toBe(first.runId);
    expect(clusterWith(after, parkingIds[0]!)?.storyIds).toContain(extra);
    parkingIds.push(extra);
  });

  it('keeps no story text in the stored run', async () => {
    const run = await emerging();
    const stored = await driverCollection<{ _id: string }>(t.connection, 'clusterRuns').findOne({ _id: run.runId });
    expect(stored).not.toBeNull();
    const json = JSON.stringify(stored);
    expect(json).not.toContain('Parkeringsavgiften vid sjukhuset');
    expect(json).not.toContain('موقف السيارات');
  });

  it('leaves out stories an existing theme strongly fits, unless includeSuggested=true', async () => {
    await seedStarterCodebook(t.connection);
    const interpreting = await submit('sv', 'Det kom ingen tolk, fast jag hade bett om tolk. Jag förstår inte svenska och ingen kunde översätta mitt språk.');
    await worker.runOnce();
    const submissions = driverCollection<{ _id: string; themeCount: number; suggestions?: Array<{ score: number }> }>(t.connection, 'submissions');
    const untagged = await submissions.find({ themeCount: 0 }).toArray();
    const strong = untagged.filter((story) => (story.suggestions ?? []).some((suggestion) => suggestion.score >= 0.75)).map((story) => story._id);
    expect(strong).toContain(interpreting);
    const run = await emerging();
    expect(run.stories).toBe(untagged.length - strong.length);
    expect(allMembers(run)).not.toContain(interpreting);
    const withSuggested = await emerging('?includeSuggested=true');
    expect(withSuggested.stories).toBe(untagged.length);
  });

  it('rejects filters that are not valid with 400 and the field', async () => {
    const res = await request(t.app).get('/api/v1/emerging-themes?from=2027-05&to=2027-01&role=nobody').set(facilitator.headers);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toMatchObject({ role: 'query.role.invalid' });
    expect((await request(t.app).get('/api/v1/emerging-themes?includeSuggested=yes').set(facilitator.headers)).status).toBe(400);
    expect((await request(t.app).get('/api/v1/emerging-themes?unknown=1').set(facilitator.headers)).status).toBe(400);
  });

  it('is for facilitators and admins, not staff', async () => {
    expect((await request(t.app).get('/api/v1/emerging-themes').set(staff.headers)).status).toBe(403);
    expect((await request(t.app).get('/api/v1/emerging-themes')).status).toBe(401);
    expect((await emerging('', admin)).clusters.length).toBeGreaterThan(0);
  });
});

describe('POST /api/v1/emerging-themes/:runId/clusters/:clusterId/theme', () => {
  it('makes the cluster a theme, tags every member, and the inbox theme filter returns them', async () => {
    const run = await emerging();
    const cluster = clusterWith(run, parkingIds[0]!)!;
    const res = await request(t.app)
      .post(`/api/v1/emerging-themes/${run.runId}/clusters/${cluster.id}/theme`)
      .set(facilitator.headers)
      .send({ labels: { sv: 'Parkeringsavgifter', en: 'Parking fees' }, colour: '#197b8f' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ theme: { labels: { sv: 'Parkeringsavgifter', en: 'Parking fees' }, colour: '#197b8f', status: 'active' }, tagged: cluster.size, missing: 0 });
    const themeId = String(res.body.theme.id);
    expect(res.body.theme.usage.stories).toBe(cluster.size);

    const inbox = await request(t.app).get(`/api/v1/stories?theme=${themeId}`).set(facilitator.headers);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((item: { id: string }) => item.id).sort()).toEqual([...cluster.storyIds].sort());

    const audit = await request(t.app).get('/api/v1/audit?action=emerging.theme_created').set(admin.headers);
    expect(audit.status).toBe(200);
    expect(audit.body[0]).toMatchObject({ actorId: facilitator.userId, targetType: 'theme', targetId: themeId, detail: { runId: run.runId, clusterId: cluster.id, members: cluster.size, tagged: cluster.size, missing: 0 } });

    // The snapshot remembers the theme; the stories are no longer untagged, so a fresh run leaves them out.
    const again = await request(t.app).post(`/api/v1/emerging-themes/${run.runId}/clusters/${cluster.id}/theme`).set(facilitator.headers).send({ labels: { sv: 'Något annat', en: 'Something else' } });
    expect(again.status).toBe(409);
    const fresh = await emerging();
    for (const id of cluster.storyIds) expect(allMembers(fresh)).not.toContain(id);
  });

  it('skips members deleted since the run, and tags the rest', async () => {
    const run = await emerging();
    const cluster = clusterWith(run, foodIds[0]!)!;
    await driverCollection<{ _id: string }>(t.connection, 'submissions').deleteOne({ _id: foodIds[2]! });
    const res = await request(t.app).post(`/api/v1/emerging-themes/${run.runId}/clusters/${cluster.id}/theme`).set(facilitator.headers).send({ labels: { sv: 'Maten', en: 'Food' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tagged: 2, missing: 1 });
    // The quote of a deleted story is gone from the run as well.
    const cached = await emerging();
    expect(cached.clusters.flatMap((item) => item.quotes.map((quote) => quote.storyId))).not.toContain(foodIds[2]);
  });

  it('answers 404 for an unknown run or cluster, 400 for a body that is not valid, and a refused theme leaves the cluster free', async () => {
    const noise = [
      await submit('sv', 'Det var så mycket buller på natten att jag inte kunde sova alls.'),
      await submit('en', 'There was so much noise at night that I could not sleep at all.'),
      await submit('fi', 'Yöllä oli niin paljon melua, etten saanut unta ollenkaan.'),
    ];
    const run = await emerging();
    const cluster = clusterWith(run, noise[0]!);
    expect([...(cluster?.storyIds ?? [])].sort()).toEqual([...noise].sort());
    const path = `/api/v1/emerging-themes/${run.runId}/clusters/${cluster!.id}/theme`;
    const post = (to: string, body: object) => request(t.app).post(to).set(facilitator.headers).send(body);
    const labels = { sv: 'Ny', en: 'New' };
    expect((await post('/api/v1/emerging-themes/00000000-0000-4000-8000-000000000000/clusters/1/theme', { labels })).status).toBe(404);
    expect((await post(`/api/v1/emerging-themes/${run.runId}/clusters/999/theme`, { labels })).status).toBe(404);
    expect((await post(`/api/v1/emerging-themes/${run.runId}/clusters/$where/theme`, { labels })).status).toBe(404);
    const invalid = await post(path, { labels: { sv: '' }, extra: true });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields).toBeDefined();
    // A Swedish label an active sibling already has: the theme service refuses, and the cluster stays free.
    const clash = await post(path, { labels: { sv: 'Kostnader', en: 'Costs again' } });
    expect(clash.status).toBe(409);
    const made = await post(path, { labels: { sv: 'Buller på natten', en: 'Noise at night' } });
    expect(made.status).toBe(201);
    expect(made.body.tagged).toBe(3);
  });

  it('is for facilitators and admins, not staff', async () => {
    const run = await emerging();
    const res = await request(t.app).post(`/api/v1/emerging-themes/${run.runId}/clusters/1/theme`).set(staff.headers).send({ labels: { sv: 'X', en: 'X' } });
    expect(res.status).toBe(403);
  });
});
