import type { StoryGroup } from '@medskapa/analysis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARE_SETTINGS, RESPONDENT_ROLES, type CareSetting, type Locale, type RespondentRole, type Summary, type SummaryQuery } from '../../api/contract/index.ts';
import { createApp } from '../../api/src/app.ts';
import { ConfigError, loadConfig } from '../../api/src/config.ts';
import { driverCollection } from '../../api/src/db/collections.ts';
import type { SubmissionRecordDocument } from '../../api/src/feedback/repository.ts';
import { createLogger } from '../../api/src/logger.ts';
import { createSummaryRepository } from '../../api/src/summaries/repository.ts';
import { createSummaryService, shortenQuote } from '../../api/src/summaries/service.ts';
import { createTagRepository } from '../../api/src/tagging/repository.ts';
import { auditTable, countsIn, readerView, type StoryLike } from '../analysis/support/summariesAudit.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const K = 5;
let t: TestApp;
let staff: StaffSession;
let facilitator: StaffSession;
let today = '2027-01-01';

/** Deterministic pseudo-random numbers (mulberry32), so the seeded data is the same in every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['väntan', 'telefon', 'bemötande', 'tolk', 'remiss', 'svar', 'parkering', 'mat', 'läkare', 'sköterska', 'tid', 'besked'];
const SETTINGS_USED: CareSetting[] = ['primary_care', 'emergency', 'psychiatry', 'hospital_inpatient'];
const LOCALES_USED: Locale[] = ['sv', 'sv', 'sv', 'en', 'ar', 'fi', 'so'];
const MONTHS = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05'];
const STORY_COUNT = 96;

/** Theme name → share of stories tagged with it; the last three are deliberately small groups. */
const THEME_PLAN = [
  ['waiting', 0.55],
  ['respect', 0.4],
  ['information', 0.25],
  ['interpreting', 0.1],
  ['parking', 3],
  ['food', 1],
  ['dental', 6],
] as const;
const themeIds = new Map<string, string>();

interface Row extends StoryLike {
  readonly id: string;
  readonly locale: string;
  readonly campaign?: string;
  readonly site?: string;
  readonly wave?: number;
  readonly phase?: string;
  readonly receivedOn: string;
  readonly whatHappened: string;
  readonly excerpts: ReadonlyArray<{ themeId: string; text: string }>;
}
let rows: Row[] = [];

async function readBack(): Promise<Row[]> {
  const stories = await driverCollection<SubmissionRecordDocument>(t.connection, 'submissions').find({}).toArray();
  const tags = await driverCollection<{ storyId: string; themeId: string; kind: string; field?: 'whatHappened'; start?: number; end?: number }>(t.connection, 'tags')
    .find({ kind: 'excerpt' })
    .toArray();
  return stories.map((story) => ({
    id: story._id,
    themes: story.themes,
    month: story.month,
    rating: story.rating,
    role: story.respondent.role,
    careSettings: story.care.settings,
    locale: story.locale,
    receivedOn: story.receivedOn,
    whatHappened: story.story.whatHappened,
    ...(story.campaign === undefined ? {} : { campaign: story.campaign }),
    ...(story.campaignContext?.site === undefined ? {} : { site: story.campaignContext.site }),
    ...(story.campaignContext?.rolloutWave === undefined ? {} : { wave: story.campaignContext.rolloutWave }),
    ...(story.campaignContext?.phase === undefined ? {} : { phase: story.campaignContext.phase }),
    excerpts: tags
      .filter((tag) => tag.storyId === story._id)
      .map((tag) => ({ themeId: tag.themeId, text: story.story[tag.field ?? 'whatHappened']!.slice(tag.start, tag.end).trim() })),
  }));
}

/** The brute-force filter: the same rules as the summary's, written out over the raw documents. */
function matching(query: SummaryQuery): Row[] {
  const start = query.from === undefined ? undefined : query.from.length === 7 ? `${query.from}-01` : query.from;
  const end = query.to === undefined ? undefined : query.to.length === 7 ? `${query.to}-31` : query.to;
  return rows.filter(
    (row) =>
      (query.theme === undefined || row.themes.includes(query.theme)) &&
      (query.careSetting === undefined || row.careSettings.includes(query.careSetting)) &&
      (query.role === undefined || row.role === query.role) &&
      (query.locale === undefined || row.locale === query.locale) &&
      (query.campaign === undefined || row.campaign === query.campaign) &&
      (query.site === undefined || row.site === query.site) &&
      (query.wave === undefined || row.wave === query.wave) &&
      (query.phase === undefined || row.phase === query.phase) &&
      (start === undefined || row.receivedOn >= start) &&
      (end === undefined || row.receivedOn <= end),
  );
}

const summary = (query: Record<string, string>, who: StaffSession = staff) => request(t.app).get('/api/v1/summaries').query(query).set(who.headers);

beforeAll(async () => {
  t = await createTestApp({ today: () => today });
  staff = await signInAs(t, ['staff'], 'Siv Staff');
  facilitator = await signInAs(t, ['facilitator'], 'Fia Facilitator');
  for (const [name] of THEME_PLAN) {
    const res = await request(t.app).post('/api/v1/themes').set(facilitator.headers).send({ labels: { sv: `Tema ${name}`, en: `Theme ${name}` } });
    expect(res.status).toBe(201);
    themeIds.set(name, String(res.body.id));
  }
  for (const [code, site, rolloutWave, phase] of [
    ['sahlgrenska-akut', 'Sahlgrenska', 1, 'before'],
    ['ostra-bb', 'Östra sjukhuset', 2, 'after'],
  ] as const) {
    const res = await request(t.app).post('/api/v1/campaigns').set(facilitator.headers).send({ code, name: code, site, rolloutWave, phase, opensOn: '2026-12-01' });
    expect(res.status).toBe(201);
  }

  const next = random(20270101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const ids: string[] = [];
  for (let i = 0; i < STORY_COUNT; i += 1) {
    today = `${pick(MONTHS)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const words = Array.from({ length: 12 }, () => pick(WORDS)).join(' ');
    const settings = [...new Set([pick(SETTINGS_USED), ...(next() < 0.3 ? [pick(SETTINGS_USED)] : [])])];
    const campaign = next() < 0.33 ? 'sahlgrenska-akut' : next() < 0.5 ? 'ostra-bb' : undefined;
    const rating = next() < 0.2 ? undefined : 1 + Math.floor(next() * 5);
    const role: RespondentRole = next() < 0.6 ? 'patient' : next() < 0.7 ? 'relative' : 'patient_and_relative';
    const base = buildSubmission({});
    delete base.rating;
    const res = await request(t.app)
      .post('/api/v1/submissions')
      .set('Idempotency-Key', newKey())
      .send({
        ...base,
        locale: pick(LOCALES_USED),
        respondent: { role },
        care: { settings, when: 'last_month' },
        story: { whatHappened: `Det handlade om ${words}.` },
        ...(rating === undefined ? {} : { rating }),
        ...(campaign === undefined ? {} : { campaign }),
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(String(res.body.id));
  }

  const tags = createTagRepository(t.connection);
  const now = new Date('2027-06-01T10:00:00Z');
  let order = 0;
  for (const [name, plan] of THEME_PLAN) {
    const themeId = themeIds.get(name)!;
    // A share tags that part of the stories at random; a whole number tags exactly that many.
    const chosen = plan < 1 ? ids.filter(() => next() < plan) : ids.filter((_, i) => i % 13 === plan % 13).slice(0, plan);
    for (const [i, storyId] of chosen.entries()) {
      await tags.add({ storyId, themeId, kind: 'story' }, new Date(now.getTime() + (order += 1) * 1000));
      if (i % 3 !== 0) continue;
      // Every third story of a theme gets an excerpt: the third to fifth words of what happened.
      const story = await driverCollection<SubmissionRecordDocument>(t.connection, 'submissions').findOne({ _id: storyId });
      const text = story!.story.whatHappened;
      const start = text.indexOf(' ', text.indexOf(' ', 4) + 1) + 1;
      const end = text.indexOf(' ', text.indexOf(' ', start) + 1);
      await tags.add({ storyId, themeId, kind: 'excerpt', field: 'whatHappened', start, end }, new Date(now.getTime() + (order += 1) * 1000));
    }
  }
  rows = await readBack();
  expect(rows).toHaveLength(STORY_COUNT);
}, 180_000);
afterAll(async () => {
  await t.close();
});

/** Everything the answer must satisfy for this query, checked against the raw collection. */
function checkAgainstBruteForce(body: Summary, query: SummaryQuery, viewer: 'staff' | 'facilitator'): void {
  expect(body.k).toBe(K);
  const stories = matching(query);
  for (const { path, value } of countsIn(body)) expect(value === 0 || value >= K, `${JSON.stringify(query)} ${path} = ${value}`).toBe(true);
  const view = readerView(body, stories, query, { roles: RESPONDENT_ROLES, careSettings: CARE_SETTINGS, themes: [...themeIds.values()] });
  expect(auditTable({ k: K, ...view }), JSON.stringify(query)).toEqual([]);
  for (const theme of body.themes) {
    const group = stories.filter((row) => row.themes.includes(theme.themeId));
    const quotes = theme.detail?.quotes ?? [];
    if (quotes.length > 0) expect(group.length, `quotes from a group of ${group.length}`).toBeGreaterThanOrEqual(K);
    // Quotes come from the newest tags, so a narrow filter may leave fewer than three, but a shown theme has some.
    if (typeof theme.count === 'number' && theme.count > 0) expect(quotes.length, theme.themeId).toBeGreaterThan(0);
    expect(quotes.length).toBeLessThanOrEqual(3);
    const candidates = new Map<string, Set<string>>();
    for (const row of group) {
      const texts = new Set([shortenQuote(row.whatHappened), ...row.excerpts.filter((excerpt) => excerpt.themeId === theme.themeId).map((excerpt) => shortenQuote(excerpt.text))]);
      candidates.set(row.id, texts);
    }
    for (const quote of quotes) {
      if (viewer === 'staff') {
        expect(quote.storyId).toBeUndefined();
        expect([...candidates.values()].some((texts) => texts.has(quote.text)), quote.text).toBe(true);
      } else {
        expect(candidates.get(quote.storyId!)?.has(quote.text), quote.text).toBe(true);
        expect(quote.lang).toBe(rows.find((row) => row.id === quote.storyId)!.locale);
      }
    }
    expect(theme.labels?.en).toMatch(/^Theme /);
  }
}

describe('GET /api/v1/summaries', () => {
  it('equals a brute-force count over the raw stories for every shown number, with no count below k anywhere, for many filters', async () => {
    const queries: SummaryQuery[] = [
      {},
      { from: '2027-02', to: '2027-03' },
      { from: '2027-02-10', to: '2027-04-20' },
      { from: '2027-04', to: '2027-04' },
      { campaign: 'sahlgrenska-akut' },
      { site: 'Östra sjukhuset' },
      { wave: 1 },
      { phase: 'after' },
      { locale: 'sv' },
      { locale: 'ar' },
      { campaign: 'ostra-bb', role: 'patient' },
      ...RESPONDENT_ROLES.map((role) => ({ role })),
      ...SETTINGS_USED.map((careSetting) => ({ careSetting })),
      ...[...themeIds.values()].map((theme) => ({ theme })),
      { theme: themeIds.get('waiting')!, careSetting: 'emergency' },
      { theme: themeIds.get('respect')!, from: '2027-03' },
    ];
    let totalsShown = 0;
    const withoutStoryIds = (body: Summary) => JSON.parse(JSON.stringify(body, (key, value) => (key === 'storyId' ? undefined : value)));
    for (const query of queries) {
      const params = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)]));
      const res = await summary(params, facilitator);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      checkAgainstBruteForce(res.body, query, 'facilitator');
      // Staff see the same numbers and quotes, without the story ids.
      const forStaff = await summary(params, staff);
      checkAgainstBruteForce(forStaff.body, query, 'staff');
      expect(forStaff.body).toEqual(withoutStoryIds(res.body));
      if (typeof res.body.total === 'number') totalsShown += 1;
    }
    // The filters were not all too narrow to show anything.
    expect(totalsShown).toBeGreaterThan(queries.length / 2);
  }, 180_000);

  it('shows the whole picture: totals, ranked themes with shares, trends over every month, means as sum ÷ n', async () => {
    const res = await summary({});
    const body: Summary = res.body;
    expect(body.total).toBe(STORY_COUNT);
    expect(body.months).toEqual(MONTHS);
    expect(body.filter).toEqual({});
    const shown = body.themes.filter((theme) => typeof theme.count === 'number');
    expect(shown.map((theme) => theme.themeId)[0]).toBe(themeIds.get('waiting'));
    const counts = shown.map((theme) => theme.count as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const waiting = body.themes[0]!;
    expect(waiting.share).toBeCloseTo((waiting.count as number) / STORY_COUNT, 10);
    expect(waiting.detail!.trend.map((entry) => entry.month)).toEqual(MONTHS);
    const ratedRows = rows.filter((row) => row.rating !== undefined);
    if (typeof body.overall!.ratings.mean === 'number') {
      expect(body.overall!.ratings.mean).toBeCloseTo(ratedRows.reduce((sum, row) => sum + row.rating!, 0) / ratedRows.length, 10);
    }
  });

  it('hides the small themes with their breakdowns and quotes, for staff and facilitators alike', async () => {
    for (const who of [staff, facilitator]) {
      const res = await summary({}, who);
      for (const name of ['parking', 'food']) {
        const theme = res.body.themes.find((item: { themeId: string }) => item.themeId === themeIds.get(name));
        expect(theme).toEqual({ themeId: themeIds.get(name), labels: { sv: `Tema ${name}`, en: `Theme ${name}` }, count: { suppressed: true }, share: { suppressed: true } });
      }
    }
  });

  it('gives story ids with quotes to facilitators only, and shows tagged excerpts before story starts', async () => {
    const forStaff = await summary({});
    const forFacilitator = await summary({}, facilitator);
    checkAgainstBruteForce(forFacilitator.body, {}, 'facilitator');
    const waitingId = themeIds.get('waiting')!;
    const staffQuotes = forStaff.body.themes.find((theme: { themeId: string }) => theme.themeId === waitingId).detail.quotes;
    const facilitatorQuotes = forFacilitator.body.themes.find((theme: { themeId: string }) => theme.themeId === waitingId).detail.quotes;
    expect(staffQuotes.every((quote: object) => !('storyId' in quote))).toBe(true);
    expect(facilitatorQuotes.every((quote: { storyId?: string }) => typeof quote.storyId === 'string')).toBe(true);
    expect(facilitatorQuotes.map((quote: { source: string }) => quote.source)).toEqual(['excerpt', 'excerpt', 'excerpt']);
    expect(staffQuotes.map((quote: { text: string }) => quote.text)).toEqual(facilitatorQuotes.map((quote: { text: string }) => quote.text));
  });

  it('rejects filters that are not valid with 400 and i18n keys', async () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ from: '2027-13' }, 'from', 'query.from.invalid'],
      [{ from: '2027-03', to: '2027-02-28' }, 'to', 'query.to.beforeFrom'],
      [{ wave: 'first' }, 'wave', 'query.wave.invalid'],
      [{ role: 'doctor' }, 'role', 'query.role.invalid'],
      [{ careSetting: 'spa' }, 'careSetting', 'query.careSetting.invalid'],
      [{ status: 'new' }, 'status', 'validation.unknownField'],
      [{ 'theme[$ne]': 'x' }, 'theme[$ne]', 'validation.unknownField'],
    ];
    for (const [query, field, key] of cases) {
      const res = await summary(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.fields?.[field], JSON.stringify(res.body)).toBe(key);
    }
  });

  it('answers 401 without a session and 403 for an admin who is neither staff nor facilitator', async () => {
    expect((await request(t.app).get('/api/v1/summaries')).status).toBe(401);
    const admin = await signInAs(t, ['admin']);
    const res = await summary({}, admin);
    expect(res.status).toBe(403);
    expect(res.body.themes).toBeUndefined();
    const both = await signInAs(t, ['admin', 'staff']);
    expect((await summary({}, both)).status).toBe(200);
  });
});

describe('grouping on the server or in the app', () => {
  it('gives the same groups with one $group (MongoDB) as with $match + $project grouped in the app (FerretDB)', async () => {
    const server = createSummaryRepository(t.connection, { grouping: 'server' });
    const client = createSummaryRepository(t.connection, { grouping: 'client' });
    const sorted = (groups: StoryGroup[]) => groups.map((group) => JSON.stringify(group)).sort();
    for (const query of [{}, { locale: 'sv' as const }, { theme: themeIds.get('respect')!, from: '2027-02' }, { careSetting: 'emergency' as const, role: 'patient' as const }]) {
      const fromServer = (await server.groups(query)).groups;
      expect(fromServer.reduce((sum, group) => sum + group.count, 0)).toBe(matching(query).length);
      const fromClient = await client.groups(query, { quotesPerKind: 6 });
      expect(sorted(fromClient.groups)).toEqual(sorted(fromServer));
      // Quote candidates come from the matching stories only, at most 6 per theme and kind.
      const matchingIds = new Set(matching(query).map((row) => row.id));
      const candidates = [...fromClient.quoteCandidates!.values()].flat();
      expect(candidates.length).toBeGreaterThan(0);
      for (const candidate of candidates) expect(matchingIds.has(candidate.storyId), candidate.storyId).toBe(true);
      for (const list of fromClient.quoteCandidates!.values()) {
        expect(list.filter((candidate) => candidate.kind === 'excerpt').length).toBeLessThanOrEqual(6);
        expect(list.filter((candidate) => candidate.kind === 'story').length).toBeLessThanOrEqual(6);
      }
    }
  });
});

describe('the same summary whichever way the stories are grouped', () => {
  it('gives the same numbers, and quotes that pass the same checks, with grouping on the server (quotes tested story by story)', async () => {
    const onServer = createSummaryService({ repository: createSummaryRepository(t.connection, { grouping: 'server' }), k: K });
    const inApp = createSummaryService({ repository: createSummaryRepository(t.connection, { grouping: 'client' }), k: K });
    const numbers = (body: Summary) => JSON.parse(JSON.stringify(body, (key, value) => (key === 'quotes' ? undefined : value)));
    for (const query of [{}, { locale: 'ar' as const }, { theme: themeIds.get('waiting')!, from: '2027-02' }, { campaign: 'ostra-bb', role: 'patient' as const }]) {
      const server = await onServer.summarize(query, { storyIds: true });
      checkAgainstBruteForce(server, query, 'facilitator');
      expect(numbers(server)).toEqual(numbers(await inApp.summarize(query, { storyIds: true })));
    }
  }, 60_000);
});

describe('k from the configuration', () => {
  it('is 5 by default, can be raised, and is never below 3: a lower value stops the app at start', () => {
    expect(loadConfig({}).suppressionK).toBe(5);
    expect(loadConfig({ SUPPRESSION_K: '7' }).suppressionK).toBe(7);
    expect(loadConfig({ SUPPRESSION_K: '3' }).suppressionK).toBe(3);
    for (const value of ['2', '0', '-5', '2.5', 'few']) {
      expect(() => loadConfig({ SUPPRESSION_K: value }), value).toThrow(ConfigError);
    }
    expect(() => loadConfig({ SUPPRESSION_K: '2' })).toThrow(/SUPPRESSION_K/);
    const deps = { connection: t.connection, logger: createLogger('silent'), secrets: t.secrets };
    const options = { submissionRateLimit: 0, receiptRateLimit: 0, rateLimitStore: 'memory' as const, trustProxy: false };
    expect(() => createApp({ ...deps, options: { ...options, suppressionK: 2 } })).toThrow(/k must be/);
  });

  it('uses the configured k: with k = 3 a theme of 3 stories is shown, and nothing below 3 appears', async () => {
    const { app } = createApp({
      connection: t.connection,
      logger: createLogger('silent'),
      secrets: t.secrets,
      options: { submissionRateLimit: 0, receiptRateLimit: 0, rateLimitStore: 'memory', trustProxy: false, suppressionK: 3 },
    });
    const res = await request(app).get('/api/v1/summaries').set(staff.headers);
    expect(res.status).toBe(200);
    expect(res.body.k).toBe(3);
    const parking = res.body.themes.find((theme: { themeId: string }) => theme.themeId === themeIds.get('parking'));
    expect(parking.count).toBe(3);
    expect(res.body.themes.find((theme: { themeId: string }) => theme.themeId === themeIds.get('food')).count).toEqual({ suppressed: true });
    for (const { path, value } of countsIn(res.body)) expect(value === 0 || value >= 3, `${path} = ${value}`).toBe(true);
  });
});
