import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementResults, AgreementRound, AgreementRoundSummary, Theme } from '../../api/contract/index.ts';
import { seedStarterCodebook } from '../../api/src/themes/seed.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let coderA: StaffSession;
let coderB: StaffSession;
let third: StaffSession;
let staff: StaffSession;
let themes: Theme[];
let scope: string[];
const swedish: string[] = [];
const english: string[] = [];
const phrases = new Map<string, string>();

const send = (method: 'get' | 'post' | 'put', path: string, who: StaffSession, body?: object) => {
  const call = request(t.app)[method](path).set(who.headers);
  return body === undefined ? call : call.send(body);
};

async function submit(locale: 'sv' | 'en'): Promise<string> {
  const phrase = uniquePhrase(locale === 'sv' ? 'samstämmighet' : 'agreement');
  const res = await request(t.app)
    .post('/api/v1/submissions')
    .set('Idempotency-Key', newKey())
    .send(buildSubmission({ locale, story: { whatHappened: `${phrase} — vi väntade länge på ett besked om tiden.` } }));
  expect(res.status).toBe(201);
  const id = String(res.body.id);
  phrases.set(id, phrase);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedStarterCodebook(t.connection, new Date('2027-01-01T00:00:00Z'));
  coderA = await signInAs(t, ['facilitator'], 'Alva Kodare');
  coderB = await signInAs(t, ['admin'], 'Bo Kodare');
  third = await signInAs(t, ['facilitator'], 'Cecilia Tredje');
  staff = await signInAs(t, ['staff'], 'Dan Personal');
  for (let i = 0; i < 10; i += 1) swedish.push(await submit('sv'));
  for (let i = 0; i < 4; i += 1) english.push(await submit('en'));
  themes = (await send('get', '/api/v1/themes', coderA)).body as Theme[];
  const parents = new Set(themes.flatMap((theme) => (theme.parentId === undefined ? [] : [theme.parentId])));
  const leaves = themes.filter((theme) => theme.status === 'active' && !parents.has(theme.id));
  scope = leaves.slice(0, 3).map((theme) => theme.id);
});
afterAll(async () => {
  await t.close();
});

const round = (change: object = {}) => ({ name: 'Vårens samstämmighet', coderA: coderA.userId, coderB: coderB.userId, size: 6, seed: 20_270_301, filter: { locale: 'sv' }, themeIds: scope, ...change });

async function createRound(change: object = {}): Promise<AgreementRoundSummary> {
  const res = await send('post', '/api/v1/agreement/rounds', coderA, round(change));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as AgreementRoundSummary;
}

const view = async (id: string, who: StaffSession) => {
  const res = await send('get', `/api/v1/agreement/rounds/${id}`, who);
  expect(res.status).toBe(200);
  return res.body as AgreementRound;
};

describe('agreement rounds: the sample', () => {
  it('draws the same sample for the same definition, from the filtered stories only, and audits the round without story text', async () => {
    const first = await createRound();
    expect(first).toMatchObject({ size: 6, themeCount: 3, seed: 20_270_301, status: 'coding', isCoder: true, filter: { locale: 'sv' } });
    expect(first.coders.map(({ displayName, coded, finished }) => ({ displayName, coded, finished }))).toEqual([
      { displayName: 'Alva Kodare', coded: 0, finished: false },
      { displayName: 'Bo Kodare', coded: 0, finished: false },
    ]);
    const again = await createRound({ name: 'Samma definition igen' });
    const sample = (await view(first.id, coderA)).stories.map(({ id }) => id);
    expect(sample).toHaveLength(6);
    expect(new Set(sample).size).toBe(6);
    for (const id of sample) expect(swedish).toContain(id);
    expect((await view(again.id, third)).stories.map(({ id }) => id)).toEqual(sample);
    const otherSeed = await createRound({ seed: 7 });
    expect((await view(otherSeed.id, coderA)).stories.map(({ id }) => id)).not.toEqual(sample);

    const events = await t.connection.db!.collection('auditEvents').find({ action: 'agreement.round_created', targetId: first.id }).toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'success', actorId: coderA.userId, targetType: 'agreementRound', detail: { stories: 6, themes: 3 } });
    expect(JSON.stringify(events)).not.toContain(phrases.get(sample[0]!)!);
  });

  it('takes every matching story when there are fewer than the size, and keeps a seed it chose itself', async () => {
    const created = await createRound({ filter: { locale: 'en' }, size: 50, seed: undefined });
    expect(created.size).toBe(4);
    expect(Number.isInteger(created.seed)).toBe(true);
    expect((await view(created.id, coderB)).stories.map(({ id }) => id).sort()).toEqual([...english].sort());
  });

  it('defaults the themes in scope to every active theme without active sub-themes', async () => {
    const created = await createRound({ themeIds: undefined });
    const parents = new Set(themes.flatMap((theme) => (theme.parentId === undefined ? [] : [theme.parentId])));
    const leaves = themes.filter((theme) => theme.status === 'active' && !parents.has(theme.id)).map(({ id }) => id);
    expect(leaves.length).toBeGreaterThan(5);
    expect((await view(created.id, coderA)).themeIds.sort()).toEqual(leaves.sort());
  });

  it.each([
    ['the same person twice', { coderB: 'SELF' }, 'coderB', 'agreement.coderB.same'],
    ['a coder who is staff', { coderB: 'STAFF' }, 'coderB', 'agreement.coder.invalid'],
    ['an unknown coder', { coderA: 'no-such-user' }, 'coderA', 'agreement.coder.invalid'],
    ['an unknown theme', { themeIds: ['no-such-theme'] }, 'themeIds', 'agreement.themeIds.unknown'],
    ['no themes', { themeIds: [] }, 'themeIds', 'agreement.themeIds.empty'],
    ['a filter no story matches', { filter: { locale: 'ti' } }, 'filter', 'agreement.filter.noStories'],
    ['a sample larger than 200', { size: 201 }, 'size', 'agreement.size.tooLarge'],
    ['a filter key that is not a filter', { filter: { q: 'väntan' } }, 'filter.q', 'validation.unknownField'],
    ['a text yes/no filter', { filter: { untagged: 'true' } }, 'filter.untagged', 'query.untagged.invalid'],
  ])('refuses %s with 400 and a message key', async (_name, change, field, key) => {
    const body: Record<string, unknown> = round(change);
    if (body['coderB'] === 'SELF') body['coderB'] = coderA.userId;
    if (body['coderB'] === 'STAFF') body['coderB'] = staff.userId;
    const res = await send('post', '/api/v1/agreement/rounds', coderA, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[field]).toBe(key);
  });

  it('lets only facilitators and admins start or see rounds, and lists only facilitators and admins as coders', async () => {
    expect((await send('post', '/api/v1/agreement/rounds', staff, round())).status).toBe(403);
    expect((await send('get', '/api/v1/agreement/rounds', staff)).status).toBe(403);
    const coders = (await send('get', '/api/v1/agreement/coders', third)).body as Array<{ id: string; displayName: string }>;
    const ids = coders.map(({ id }) => id);
    expect(ids).toEqual(expect.arrayContaining([coderA.userId, coderB.userId, third.userId]));
    expect(ids).not.toContain(staff.userId);
    expect(Object.keys(coders[0]!).sort()).toEqual(['displayName', 'id']);
  });
});

describe('agreement rounds: independent coding and results', () => {
  let id: string;
  let sample: string[];
  // Coder A's and coder B's themes per story (indexes into scope); the third theme is never used by either.
  const planA = [[0], [0, 1], [], [1], [0], [1]];
  const planB = [[0], [1], [0], [1], [], [1]];
  const pick = (plan: number[][], index: number) => (plan[index] ?? []).map((i) => scope[i]!);

  beforeAll(async () => {
    id = (await createRound({ name: 'Oberoende kodning', size: 6 })).id;
    sample = (await view(id, coderA)).stories.map((story) => story.id);
  });

  const code = (who: StaffSession, storyId: string, themeIds: string[]) => send('put', `/api/v1/agreement/rounds/${id}/codes/${storyId}`, who, { themeIds });

  it('keeps each coder’s codes from everyone else, and from the story’s tags', async () => {
    for (const [index, storyId] of sample.entries()) {
      const res = await code(coderA, storyId, pick(planA, index));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ storyId, themeIds: pick(planA, index) });
    }
    expect((await view(id, coderA)).myCodes).toHaveLength(6);
    const seenByB = await view(id, coderB);
    expect(seenByB.myCodes).toEqual([]);
    expect(seenByB.coders[0]).toMatchObject({ coded: 6, finished: false });
    expect((await view(id, third)).myCodes).toEqual([]);
    expect((await send('get', `/api/v1/agreement/rounds/${id}/results`, coderB)).status).toBe(409);

    // Round codes are not tags.
    const story = await send('get', `/api/v1/stories/${sample[1]}`, coderA);
    expect(story.body.tags).toEqual([]);
    const inbox = await send('get', `/api/v1/stories?theme=${scope[0]}`, coderA);
    expect(inbox.body.total).toBe(0);
  });

  it('lets only the two coders code or finish (403 for anyone else, audited), and checks what they send', async () => {
    expect((await code(third, sample[0]!, [scope[0]!])).status).toBe(403);
    expect((await code(third, sample[0]!, ['not-even-valid'.repeat(10)])).status).toBe(403);
    expect((await send('post', `/api/v1/agreement/rounds/${id}/finish`, third)).status).toBe(403);
    expect((await code(staff, sample[0]!, [scope[0]!])).status).toBe(403);
    const denials = await t.connection.db!.collection('auditEvents').countDocuments({ action: 'access.denied', actorId: third.userId, targetId: id });
    expect(denials).toBe(3);

    const outside = await code(coderB, sample[0]!, [themes.find((theme) => !scope.includes(theme.id))!.id]);
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields.themeIds).toBe('agreement.themeIds.outOfScope');
    expect((await code(coderB, swedish.find((storyId) => !sample.includes(storyId))!, [])).status).toBe(404);
    expect((await send('put', `/api/v1/agreement/rounds/no-such-round/codes/${sample[0]}`, coderB, { themeIds: [] })).status).toBe(404);
    expect((await code(coderB, sample[0]!, 'nope' as unknown as string[])).status).toBe(400);
  });

  it('finishes only when every story is coded, and then fixes the codes', async () => {
    expect((await code(coderB, sample[0]!, pick(planB, 0))).status).toBe(200);
    const early = await send('post', `/api/v1/agreement/rounds/${id}/finish`, coderB);
    expect(early.status).toBe(409);
    const finished = await send('post', `/api/v1/agreement/rounds/${id}/finish`, coderA);
    expect(finished.status).toBe(200);
    expect(finished.body.coders[0].finished).toBe(true);
    expect(finished.body.status).toBe('coding');
    expect((await code(coderA, sample[0]!, [])).status).toBe(409);
    expect((await send('post', `/api/v1/agreement/rounds/${id}/finish`, coderA)).status).toBe(200);
    // A has finished, but B has not: still nothing for anyone, and B still cannot see A's codes.
    expect((await send('get', `/api/v1/agreement/rounds/${id}/results`, coderA)).status).toBe(409);
    expect((await view(id, coderB)).myCodes.map(({ storyId }) => storyId)).toEqual([sample[0]]);
    const events = await t.connection.db!.collection('auditEvents').find({ action: 'agreement.finished', targetId: id }).toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: coderA.userId, detail: { coder: 'A', roundComplete: false } });
  });

  it('shows results once both have finished, and every number equals a brute-force count', async () => {
    // B changes their mind on one story before finishing: the last save counts.
    expect((await code(coderB, sample[0]!, [scope[2]!])).status).toBe(200);
    for (const [index, storyId] of sample.entries()) expect((await code(coderB, storyId, pick(planB, index))).status).toBe(200);
    expect((await send('post', `/api/v1/agreement/rounds/${id}/finish`, coderB)).status).toBe(200);

    const res = await send('get', `/api/v1/agreement/rounds/${id}/results`, third);
    expect(res.status).toBe(200);
    const results = res.body as AgreementResults;
    expect(results.coders.map(({ id: coder }) => coder)).toEqual([coderA.userId, coderB.userId]);
    expect(results.items).toBe(6);

    const bruteKappa = (a: boolean[], b: boolean[]) => {
      const n = a.length;
      const observed = a.filter((x, i) => x === b[i]).length / n;
      const pA = a.filter(Boolean).length / n;
      const pB = b.filter(Boolean).length / n;
      const expected = pA * pB + (1 - pA) * (1 - pB);
      return { observed, expected, kappa: expected === 1 ? null : (observed - expected) / (1 - expected) };
    };
    const decisions = (plan: number[][], theme: number) => sample.map((_, index) => (plan[index] ?? []).includes(theme));
    scope.forEach((themeId, theme) => {
      const shown = results.themes[theme]!;
      const brute = bruteKappa(decisions(planA, theme), decisions(planB, theme));
      expect(shown.themeId).toBe(themeId);
      expect(shown.observed).toBeCloseTo(brute.observed, 12);
      expect(shown.expected).toBeCloseTo(brute.expected, 12);
      if (brute.kappa === null) expect(shown.kappa).toBeNull();
      else expect(shown.kappa).toBeCloseTo(brute.kappa, 12);
    });
    expect(results.themes[2]).toMatchObject({ kappa: null, notComputable: 'bothNever', table: { both: 0, onlyA: 0, onlyB: 0, neither: 6 } });
    const kappas = [0, 1].map((theme) => bruteKappa(decisions(planA, theme), decisions(planB, theme)).kappa!);
    expect(results.overall.meanKappa).toBeCloseTo((kappas[0]! + kappas[1]!) / 2, 12);
    expect(results.overall.computableThemes).toBe(2);
    const pooled = bruteKappa(
      [0, 1, 2].flatMap((theme) => decisions(planA, theme)),
      [0, 1, 2].flatMap((theme) => decisions(planB, theme)),
    );
    expect(results.overall.pooled.kappa).toBeCloseTo(pooled.kappa!, 12);

    const differ = sample.flatMap((storyId, index) => {
      const a = pick(planA, index);
      const b = pick(planB, index);
      return a.length === b.length && a.every((theme) => b.includes(theme)) ? [] : [{ storyId, onlyA: a.filter((x) => !b.includes(x)), onlyB: b.filter((x) => !a.includes(x)) }];
    });
    expect(results.disagreements.map(({ storyId, onlyA, onlyB }) => ({ storyId, onlyA, onlyB }))).toEqual(differ);
    expect(results.overall.exactMatch).toBeCloseTo((6 - differ.length) / 6, 12);
    expect(results.disagreements[0]!.preview).toContain(phrases.get(differ[0]!.storyId)!);

    const listed = ((await send('get', '/api/v1/agreement/rounds', third)).body as AgreementRoundSummary[]).find((item) => item.id === id);
    expect(listed).toMatchObject({ status: 'complete', isCoder: false });
    const events = await t.connection.db!.collection('auditEvents').find({ action: 'agreement.finished', targetId: id }).sort({ at: 1 }).toArray();
    expect(events.map((event) => event['detail'])).toEqual([
      { coder: 'A', roundComplete: false },
      { coder: 'B', roundComplete: true },
    ]);
  });

  it('answers 404 for a round that does not exist', async () => {
    expect((await send('get', '/api/v1/agreement/rounds/no-such-round', coderA)).status).toBe(404);
    expect((await send('get', '/api/v1/agreement/rounds/no-such-round/results', coderA)).status).toBe(404);
    expect((await send('post', '/api/v1/agreement/rounds/no-such-round/finish', coderA)).status).toBe(404);
  });
});
