import { kappaBand, type KappaResult } from '@medskapa/analysis';
import type { AgreementCodes, AgreementResults, AgreementRound, AgreementRoundSummary, Kappa } from '../../contract/index.ts';
import type { StoredCodes } from './repository.ts';
import { isComplete, type CoderView, type RoundOverview, type RoundResults, type RoundView } from './service.ts';

const PREVIEW_LENGTH = 240;

function preview(text: string): string {
  if (text.length <= PREVIEW_LENGTH) return text;
  const cut = text.slice(0, PREVIEW_LENGTH);
  const space = cut.lastIndexOf(' ');
  // Never cut inside a surrogate pair.
  return `${Array.from(space > PREVIEW_LENGTH / 2 ? cut.slice(0, space) : cut).join('')} …`;
}

function presentCoder(coder: CoderView) {
  return {
    id: coder.id,
    displayName: coder.displayName,
    coded: coder.coded,
    finished: coder.finishedAt !== undefined,
    ...(coder.finishedAt === undefined ? {} : { finishedAt: coder.finishedAt.toISOString() }),
  };
}

export function presentRoundSummary({ round, coders, isCoder }: RoundOverview): AgreementRoundSummary {
  return {
    id: round.id,
    name: round.name,
    createdAt: round.createdAt.toISOString(),
    createdBy: round.createdBy,
    coders: coders.map(presentCoder),
    size: round.storyIds.length,
    themeCount: round.themeIds.length,
    seed: round.seed,
    filter: round.filter,
    status: isComplete(round) ? 'complete' : 'coding',
    isCoder,
  };
}

export function presentCodes(codes: StoredCodes): AgreementCodes {
  return { storyId: codes.storyId, themeIds: codes.themeIds, at: codes.at.toISOString() };
}

export function presentRound(view: RoundView): AgreementRound {
  return {
    ...presentRoundSummary(view),
    themeIds: view.round.themeIds,
    stories: view.stories.map((story) => ({
      id: story.id,
      receivedOn: story.receivedOn,
      locale: story.locale,
      story: {
        whatHappened: story.story.whatHappened,
        ...(story.story.whatWorkedWell === undefined ? {} : { whatWorkedWell: story.story.whatWorkedWell }),
        ...(story.story.whatCouldBeBetter === undefined ? {} : { whatCouldBeBetter: story.story.whatCouldBeBetter }),
        ...(story.story.idea === undefined ? {} : { idea: story.story.idea }),
      },
    })),
    myCodes: view.myCodes.map(presentCodes),
  };
}

export function presentKappa(result: KappaResult): Kappa {
  if (result.computable) {
    return { kappa: result.kappa, band: kappaBand(result.kappa), observed: result.observed, expected: result.expected, items: result.items, table: result.table };
  }
  return { kappa: null, notComputable: result.reason, observed: result.observed, expected: result.expected, items: result.items, table: result.table };
}

export function presentResults({ round, coders, report, previews }: RoundResults): AgreementResults {
  const { meanKappa } = report.overall;
  return {
    roundId: round.id,
    coders: coders.map(({ id, displayName }) => ({ id, displayName })),
    items: report.items,
    themes: report.themes.map(({ themeId, result }) => ({ themeId, ...presentKappa(result) })),
    overall: {
      meanKappa,
      ...(meanKappa === null ? {} : { meanBand: kappaBand(meanKappa) }),
      computableThemes: report.overall.computableThemes,
      pooled: presentKappa(report.overall.pooled),
      exactMatch: report.overall.exactMatch,
    },
    disagreements: report.disagreements.map(({ id, both, onlyA, onlyB }) => ({ storyId: id, preview: preview(previews.get(id) ?? ''), both, onlyA, onlyB })),
  };
}
