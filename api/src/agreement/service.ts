import { randomInt, randomUUID } from 'node:crypto';
import { compareCoders, drawSample, type AgreementReport } from '@medskapa/analysis';
import { AGREEMENT_SEED_MAX, type AgreementFilter, type CreateAgreementRound } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../http/errors.ts';
import type { ThemeRepository } from '../themes/repository.ts';
import type { StoredUser, UserRepository } from '../users/repository.ts';
import type { AgreementRepository, SampledStory, StoredCodes, StoredRound } from './repository.ts';

const CODER_ROLES = new Set(['facilitator', 'admin']);

export interface CoderView {
  readonly id: string;
  readonly displayName: string;
  readonly coded: number;
  readonly finishedAt?: Date;
}

export interface RoundOverview {
  readonly round: StoredRound;
  /** Coder A, then coder B. */
  readonly coders: readonly [CoderView, CoderView];
  readonly isCoder: boolean;
}

export interface RoundView extends RoundOverview {
  readonly stories: SampledStory[];
  readonly myCodes: StoredCodes[];
}

export interface RoundResults {
  readonly round: StoredRound;
  readonly coders: readonly [CoderView, CoderView];
  readonly report: AgreementReport;
  readonly previews: ReadonlyMap<string, string>;
}

export function isComplete(round: StoredRound): boolean {
  return round.finishedA !== undefined && round.finishedB !== undefined;
}

function canCode(user: StoredUser | undefined): user is StoredUser {
  return user !== undefined && !user.disabled && user.roles.some((role) => CODER_ROLES.has(role));
}

/** Rounds of independent double coding: the sample, each coder's own codes (kept apart from the story tags), and kappa. */
export function createAgreementService(deps: { repository: AgreementRepository; users: UserRepository; themes: ThemeRepository; audit: AuditLog; now: () => Date }) {
  const { repository, users, themes, audit } = deps;

  async function requireRound(id: string): Promise<StoredRound> {
    const round = await repository.findRound(id);
    if (round === undefined) throw new NotFoundError('No such agreement round.');
    return round;
  }

  /** The actor's place in the round; anyone else may not code or finish (and the refusal is audited). */
  async function requireCoder(round: StoredRound, actorId: string, action: string): Promise<'A' | 'B'> {
    if (round.coderA === actorId) return 'A';
    if (round.coderB === actorId) return 'B';
    await audit.record({ action: 'access.denied', outcome: 'denied', actorId, targetType: 'agreementRound', targetId: round.id, detail: { reason: 'not_coder', action } });
    throw new AppError(403, 'forbidden', 'Only the two coders of this round may do this.');
  }

  async function coderViews(rounds: ReadonlyArray<StoredRound>): Promise<Map<string, readonly [CoderView, CoderView]>> {
    const counts = await repository.codedCounts(rounds.map((round) => round.id));
    const names = new Map<string, string>();
    for (const id of new Set(rounds.flatMap((round) => [round.coderA, round.coderB]))) {
      names.set(id, (await users.findById(id))?.displayName ?? id);
    }
    const view = (round: StoredRound, id: string, finishedAt: Date | undefined): CoderView => ({
      id,
      displayName: names.get(id) ?? id,
      coded: counts.get(`${round.id}|${id}`) ?? 0,
      ...(finishedAt === undefined ? {} : { finishedAt }),
    });
    return new Map(rounds.map((round) => [round.id, [view(round, round.coderA, round.finishedA), view(round, round.coderB, round.finishedB)] as const]));
  }

  async function overview(round: StoredRound, actorId: string): Promise<RoundOverview> {
    const coders = (await coderViews([round])).get(round.id);
    if (coders === undefined) throw new NotFoundError('No such agreement round.');
    return { round, coders, isCoder: round.coderA === actorId || round.coderB === actorId };
  }

  async function validThemeScope(requested: ReadonlyArray<string> | undefined): Promise<string[]> {
    const all = await themes.all();
    const active = all.filter((theme) => theme.status === 'active');
    if (requested === undefined) {
      const parents = new Set(active.flatMap((theme) => (theme.parentId === undefined ? [] : [theme.parentId])));
      const leaves = active.filter((theme) => !parents.has(theme.id)).map((theme) => theme.id);
      if (leaves.length === 0) throw new ValidationError({ themeIds: 'agreement.themeIds.empty' }, 'The codebook has no active themes.');
      return leaves;
    }
    const activeIds = new Set(active.map((theme) => theme.id));
    const unique = [...new Set(requested)];
    if (unique.some((id) => !activeIds.has(id))) throw new ValidationError({ themeIds: 'agreement.themeIds.unknown' }, 'Every theme must be an active theme of the codebook.');
    return unique;
  }

  return {
    /** 404 for no such round, 403 (audited) for anyone but its two coders. */
    async requireCoderOf(roundId: string, actorId: string, action: string): Promise<void> {
      await requireCoder(await requireRound(roundId), actorId, action);
    },

    /** Everyone who may be a coder: active facilitators and admins. */
    async coderOptions(): Promise<Array<{ id: string; displayName: string }>> {
      return (await users.list())
        .filter(canCode)
        .map((user) => ({ id: user.id, displayName: user.displayName }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv') || (a.id < b.id ? -1 : 1));
    },

    async createRound(input: CreateAgreementRound, actorId: string): Promise<RoundOverview> {
      const [coderA, coderB] = await Promise.all([users.findById(input.coderA), users.findById(input.coderB)]);
      const fields: Record<string, string> = {};
      if (!canCode(coderA)) fields['coderA'] = 'agreement.coder.invalid';
      if (!canCode(coderB)) fields['coderB'] = 'agreement.coder.invalid';
      if (Object.keys(fields).length > 0) throw new ValidationError(fields, 'Both coders must be active facilitators or admins.');
      const themeIds = await validThemeScope(input.themeIds);
      const filter: AgreementFilter = input.filter ?? {};
      const seed = input.seed ?? randomInt(0, AGREEMENT_SEED_MAX + 1);
      const storyIds = drawSample(await repository.candidateIds(filter), input.size, seed);
      if (storyIds.length === 0) throw new ValidationError({ filter: 'agreement.filter.noStories' }, 'No stories match the filter.');
      const round: StoredRound = {
        id: randomUUID(),
        name: input.name,
        coderA: input.coderA,
        coderB: input.coderB,
        createdBy: actorId,
        createdAt: deps.now(),
        seed,
        filter,
        themeIds,
        storyIds,
      };
      await repository.insertRound(round);
      await audit.record({
        action: 'agreement.round_created',
        outcome: 'success',
        actorId,
        targetType: 'agreementRound',
        targetId: round.id,
        detail: { stories: storyIds.length, themes: themeIds.length, coderA: round.coderA, coderB: round.coderB },
      });
      return overview(round, actorId);
    },

    async listRounds(actorId: string): Promise<RoundOverview[]> {
      const rounds = await repository.listRounds();
      const coders = await coderViews(rounds);
      return rounds.flatMap((round) => {
        const views = coders.get(round.id);
        return views === undefined ? [] : [{ round, coders: views, isCoder: round.coderA === actorId || round.coderB === actorId }];
      });
    },

    async viewRound(id: string, actorId: string): Promise<RoundView> {
      const round = await requireRound(id);
      const found = new Map((await repository.stories(round.storyIds)).map((story) => [story.id, story]));
      const stories = round.storyIds.flatMap((storyId) => found.get(storyId) ?? []);
      const isCoder = round.coderA === actorId || round.coderB === actorId;
      return { ...(await overview(round, actorId)), stories, myCodes: isCoder ? await repository.codes(round.id, actorId) : [] };
    },

    async saveCodes(roundId: string, storyId: string, themeIds: ReadonlyArray<string>, actorId: string): Promise<StoredCodes> {
      const round = await requireRound(roundId);
      const coder = await requireCoder(round, actorId, 'code');
      if (!round.storyIds.includes(storyId)) throw new NotFoundError('This story is not in the round.');
      if ((coder === 'A' ? round.finishedA : round.finishedB) !== undefined) throw new ConflictError('conflict', 'You have finished this round; your codes can no longer change.');
      const scope = new Set(round.themeIds);
      const chosen = [...new Set(themeIds)];
      if (chosen.some((themeId) => !scope.has(themeId))) throw new ValidationError({ themeIds: 'agreement.themeIds.outOfScope' }, 'Only the themes of this round may be chosen.');
      const codes: StoredCodes = { roundId, coderId: actorId, storyId, themeIds: round.themeIds.filter((themeId) => chosen.includes(themeId)), at: deps.now() };
      await repository.saveCodes(codes);
      return codes;
    },

    async finish(roundId: string, actorId: string): Promise<RoundOverview> {
      const round = await requireRound(roundId);
      const coder = await requireCoder(round, actorId, 'finish');
      const present = new Set((await repository.stories(round.storyIds)).map((story) => story.id));
      const coded = new Set((await repository.codes(round.id, actorId)).map((codes) => codes.storyId));
      const missing = [...present].filter((storyId) => !coded.has(storyId)).length;
      if (missing > 0) throw new ConflictError('conflict', `Code every story before finishing (${missing} left).`);
      if (await repository.finish(round.id, coder, deps.now())) {
        const updated = await requireRound(round.id);
        await audit.record({
          action: 'agreement.finished',
          outcome: 'success',
          actorId,
          targetType: 'agreementRound',
          targetId: round.id,
          detail: { coder, roundComplete: isComplete(updated) },
        });
      }
      return overview(await requireRound(round.id), actorId);
    },

    /** Kappa per theme and overall, and the disagreements: only once both coders have finished, for everyone alike. */
    async results(roundId: string): Promise<RoundResults> {
      const round = await requireRound(roundId);
      if (!isComplete(round)) throw new ConflictError('conflict', 'The results are shown when both coders have finished.');
      const [codesA, codesB, stories, views] = await Promise.all([
        repository.codes(round.id, round.coderA),
        repository.codes(round.id, round.coderB),
        repository.stories(round.storyIds),
        coderViews([round]),
      ]);
      const byStoryA = new Map(codesA.map((codes) => [codes.storyId, codes.themeIds]));
      const byStoryB = new Map(codesB.map((codes) => [codes.storyId, codes.themeIds]));
      const items = round.storyIds.flatMap((storyId) => {
        const a = byStoryA.get(storyId);
        const b = byStoryB.get(storyId);
        return a === undefined || b === undefined ? [] : [{ id: storyId, a, b }];
      });
      const coders = views.get(round.id);
      if (coders === undefined) throw new NotFoundError('No such agreement round.');
      return { round, coders, report: compareCoders(round.themeIds, items), previews: new Map(stories.map((story) => [story.id, story.story.whatHappened])) };
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
