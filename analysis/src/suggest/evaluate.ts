/**
 * How well shown suggestions agree with gold themes: the figures `npm run eval:themes` and `medskapa-analysis eval`
 * report. Micro-averaged: counts are summed over stories, then divided.
 */
export interface SuggestionCounts {
  stories: number;
  /** Shown themes that are gold. */
  tp: number;
  /** Shown themes that are not gold. */
  fp: number;
  /** Gold themes not shown. */
  fn: number;
  goldTotal: number;
  /** Gold themes among the first `RECALL_AT` of the full ranking. */
  goldInTop: number;
}

export interface SuggestionFigures {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Share of gold themes among the first RECALL_AT of the ranking. */
  readonly recallAt3: number;
}

export const RECALL_AT = 3;

export function emptySuggestionCounts(): SuggestionCounts {
  return { stories: 0, tp: 0, fp: 0, fn: 0, goldTotal: 0, goldInTop: 0 };
}

/**
 * Adds one story: `shown` is the set shown to the facilitator, `ranking` every theme id best first, `gold` the
 * themes the story should have.
 */
export function countStory(counts: SuggestionCounts, shown: Iterable<string>, ranking: readonly string[], gold: Iterable<string>): void {
  const shownSet = new Set(shown);
  const goldSet = new Set(gold);
  const top = new Set(ranking.slice(0, RECALL_AT));
  counts.stories += 1;
  for (const themeId of shownSet) {
    if (goldSet.has(themeId)) counts.tp += 1;
    else counts.fp += 1;
  }
  for (const themeId of goldSet) {
    if (!shownSet.has(themeId)) counts.fn += 1;
    if (top.has(themeId)) counts.goldInTop += 1;
  }
  counts.goldTotal += goldSet.size;
}

/** Precision, recall and F1 of the shown sets and recall@3 of the rankings; 0 where there is nothing to divide. */
export function suggestionFigures(counts: SuggestionCounts): SuggestionFigures {
  const precision = counts.tp + counts.fp === 0 ? 0 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 0 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, recallAt3: counts.goldTotal === 0 ? 0 : counts.goldInTop / counts.goldTotal };
}
