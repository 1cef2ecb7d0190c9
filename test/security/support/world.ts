import request from 'supertest';
import type { SubmissionInput } from '../../../api/contract/index.ts';
import { buildFollowUp, buildSubmission, newKey } from '../../support/builders.ts';
import { uniquePhrase } from '../../support/markers.ts';
import { signInAs, type StaffSession } from '../../support/staffSession.ts';
import type { TestApp } from '../../support/testApp.ts';

/** Real ids for every kind of path parameter, so hostile input also reaches past the "not found" checks. */
export interface World {
  readonly admin: StaffSession;
  readonly storyId: string;
  readonly receiptCode: string;
  readonly themeId: string;
  readonly otherThemeId: string;
  readonly storyTagId: string;
  readonly excerptTagId: string;
  readonly campaignCode: string;
  readonly userId: string;
  readonly roundId: string;
  readonly roundStoryId: string;
  /** A second facilitator, the other coder of the round. */
  readonly coderId: string;
}

async function ok(res: request.Response, status: number, what: string): Promise<Record<string, unknown>> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text}`);
  return res.body as Record<string, unknown>;
}

export async function submitStory(t: TestApp, overrides: Partial<SubmissionInput> = {}): Promise<{ id: string; receiptCode: string }> {
  const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission(overrides));
  const body = await ok(res, 201, 'submit a story');
  return { id: String(body['id']), receiptCode: String(body['receiptCode']) };
}

/** One signed-in user with every role, and one of each thing a path can name. */
export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await signInAs(t, ['admin', 'facilitator', 'staff'], 'Säkerhetstest Admin');
  const as = admin.headers;
  const story = await submitStory(t, {
    followUp: buildFollowUp(),
    consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' },
  });
  await submitStory(t);
  const theme = await ok(
    await request(t.app).post('/api/v1/themes').set(as).send({ labels: { sv: uniquePhrase('tema'), en: uniquePhrase('theme') } }),
    201,
    'create a theme',
  );
  const other = await ok(
    await request(t.app).post('/api/v1/themes').set(as).send({ labels: { sv: uniquePhrase('tema'), en: uniquePhrase('theme') } }),
    201,
    'create a second theme',
  );
  const themeId = String(theme['id']);
  const tag = await ok(await request(t.app).post(`/api/v1/stories/${story.id}/tags`).set(as).send({ themeId }), 201, 'tag the story');
  const excerpt = await ok(
    await request(t.app).post(`/api/v1/stories/${story.id}/excerpts`).set(as).send({ themeId: String(other['id']), field: 'whatHappened', start: 0, end: 9 }),
    201,
    'add an excerpt',
  );
  const campaignCode = `sak-${newKey().slice(0, 8)}`;
  await ok(
    await request(t.app)
      .post('/api/v1/campaigns')
      .set(as)
      .send({ code: campaignCode, name: 'Säkerhetskampanj', site: 'Sahlgrenska', rolloutWave: 1, phase: 'before', opensOn: '2026-01-01' }),
    201,
    'create a campaign',
  );
  const user = await ok(
    await request(t.app)
      .post('/api/v1/users')
      .set(as)
      .send({ email: `offer-${newKey().slice(0, 8)}@vgregion.se`, displayName: 'Offer Användare', roles: ['staff'], password: 'ett långt lösenord för testet' }),
    201,
    'create a user',
  );
  // The admin codes too, so its hostile codes reach the round's own checks.
  const coderB = await signInAs(t, ['facilitator'], 'Kodare B');
  const round = await ok(
    await request(t.app).post('/api/v1/agreement/rounds').set(as).send({ name: 'Säkerhetsrunda', coderA: admin.userId, coderB: coderB.userId, size: 1, themeIds: [themeId] }),
    201,
    'create an agreement round',
  );
  const roundId = String(round['id']);
  const detail = await ok(await request(t.app).get(`/api/v1/agreement/rounds/${roundId}`).set(as), 200, 'read the round');
  const stories = detail['stories'];
  const first: unknown = Array.isArray(stories) ? stories[0] : undefined;
  const roundStoryId = typeof first === 'object' && first !== null && 'id' in first ? String(first.id) : story.id;
  return {
    admin,
    storyId: story.id,
    receiptCode: story.receiptCode,
    themeId,
    otherThemeId: String(other['id']),
    storyTagId: String(tag['id']),
    excerptTagId: String(excerpt['id']),
    campaignCode,
    userId: String(user['id']),
    roundId,
    roundStoryId,
    coderId: coderB.userId,
  };
}

/** The plausible value of a path parameter on a given route. */
export function plausibleParameter(world: World, path: string, name: string): string {
  if (name === 'code') return path.startsWith('/api/v1/receipts') ? world.receiptCode : world.campaignCode;
  if (name === 'tagId') return path.includes('/excerpts/') ? world.excerptTagId : world.storyTagId;
  if (name === 'themeId') return world.otherThemeId;
  if (name === 'storyId') return world.roundStoryId;
  if (name === 'id') {
    if (path.startsWith('/api/v1/users')) return world.userId;
    if (path.startsWith('/api/v1/themes')) return world.otherThemeId;
    if (path.startsWith('/api/v1/agreement')) return world.roundId;
    return world.storyId;
  }
  // A parameter this suite does not know yet (a new route): an id that looks right but names nothing.
  return 'a1b2c3d4e5f6a7b8c9d0e1f2';
}
