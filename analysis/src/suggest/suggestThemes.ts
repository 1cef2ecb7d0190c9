import { type CompiledCodebook, compileCodebook } from './compileCodebook.ts';
import { analyseStory, compareEvidence, findKeywordMatches, keywordScores, themeKeywordEvidence } from './matchKeywords.ts';
import { keywordSimilarities } from './keywordSimilarity.ts';
import { predictThemes, storyFeatures, type ThemeModel } from './model.ts';
import type { Codebook, Evidence, RankedThemes, StoryForSuggestion, SuggestOptions, Suggestion } from './types.ts';

export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_MAX_SHOWN = 3;
/** A topic the respondent chose, on its own, scores this: a hint, below the display threshold. */
export const TOPIC_SCORE = 0.4;
/** A topic pointing at an ancestor helps a theme that has keyword evidence of its own, at this score. */
export const ANCESTOR_TOPIC_SCORE = 0.2;
/** Siblings whose scores are this close compete for the last slot: their parent is shown instead. */
export const CONFLICT_MARGIN = 0.02;

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return b.score - a.score || (a.themeId < b.themeId ? -1 : a.themeId > b.themeId ? 1 : 0);
}

function compiledFrom(codebook: Codebook | CompiledCodebook, foldDiacritics: boolean): CompiledCodebook {
  return 'byFirstTerm' in codebook ? codebook : compileCodebook(codebook, foldDiacritics);
}

/**
 * Every theme with some support, best first. Signals, combined per theme:
 * - keywords in the story's language and the form language (full weight), in any other language (half weight:
 *   the shared concept layer), phrases above single words, compounds in Swedish and Finnish;
 * - ancestors' keywords as context for a theme with keywords of its own;
 * - the respondent's topics (through `topicThemes`);
 * rules = 1 − (1 − keywords)(1 − topics). With a model that learnt the theme:
 * score = (1 − trust) × rules + trust × model, trust growing with the positives it learnt from.
 */
export function rankThemes(
  story: StoryForSuggestion,
  codebook: Codebook | CompiledCodebook,
  model?: ThemeModel,
  options: SuggestOptions = {},
): RankedThemes {
  const compiled = compiledFrom(codebook, options.foldDiacritics ?? true);
  const analysed = analyseStory(story, compiled.foldDiacritics);
  const own = themeKeywordEvidence(analysed, findKeywordMatches(analysed, story.locale, compiled));
  const keywords = keywordScores(own, compiled);
  const topicsOf = new Map<string, string[]>();
  for (const topic of [...new Set(story.topics ?? [])].sort()) {
    for (const themeId of options.topicThemes?.[topic] ?? []) {
      const list = topicsOf.get(themeId) ?? [];
      list.push(topic);
      topicsOf.set(themeId, list);
    }
  }
  const predictions =
    model === undefined
      ? new Map<string, { probability: number; trust: number }>()
      : predictThemes(
          model,
          storyFeatures(story, analysed, new Map([...keywords].map(([themeId, { score }]) => [themeId, score])), keywordSimilarities(analysed, story.locale, compiled)),
        );
  const ranking: Suggestion[] = [];
  for (const themeId of compiled.themeIds) {
    const keyword = keywords.get(themeId);
    const keywordSignal = keyword?.score ?? 0;
    const topics = topicsOf.get(themeId) ?? [];
    let topicSignal = topics.length > 0 ? TOPIC_SCORE : 0;
    if (topicSignal === 0 && keywordSignal > 0 && (compiled.ancestors.get(themeId) ?? []).some((ancestor) => topicsOf.has(ancestor))) {
      topicSignal = ANCESTOR_TOPIC_SCORE;
    }
    const rules = 1 - (1 - keywordSignal) * (1 - topicSignal);
    const prediction = predictions.get(themeId);
    const score = prediction === undefined ? rules : (1 - prediction.trust) * rules + prediction.trust * prediction.probability;
    const rounded = round(score);
    if (rounded <= 0) continue;
    ranking.push({
      themeId,
      score: rounded,
      evidence: keyword?.evidence ?? [],
      topics,
      signals: { keywords: round(keywordSignal), topics: round(topicSignal), model: prediction === undefined ? null : round(prediction.probability) },
    });
  }
  ranking.sort(compareSuggestions);
  return { language: analysed.language, ranking };
}

/**
 * The suggestions to show: at or above the threshold, at most maxShown. The most specific theme wins: a theme
 * is not shown when one of its descendants qualifies. When two siblings tie (within CONFLICT_MARGIN) for the
 * last slot, neither is preferred on noise: their parent is shown, with both children's evidence.
 */
export function selectShown(ranked: readonly Suggestion[], codebook: CompiledCodebook, options: SuggestOptions = {}): Suggestion[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const maxShown = options.maxShown ?? DEFAULT_MAX_SHOWN;
  const qualifying = ranked.filter((suggestion) => suggestion.score >= threshold);
  const hasQualifyingDescendant = new Set<string>();
  for (const suggestion of qualifying) for (const ancestor of codebook.ancestors.get(suggestion.themeId) ?? []) hasQualifyingDescendant.add(ancestor);
  const specific = qualifying.filter((suggestion) => !hasQualifyingDescendant.has(suggestion.themeId));
  const shown = specific.slice(0, maxShown);
  const last = shown[maxShown - 1];
  const next = specific[maxShown];
  if (last !== undefined && next !== undefined && last.score - next.score <= CONFLICT_MARGIN) {
    const parentId = codebook.themes.get(last.themeId)?.parentId;
    const parent = parentId === undefined ? undefined : codebook.themes.get(parentId);
    if (parent !== undefined && parent.status === 'active' && parentId === codebook.themes.get(next.themeId)?.parentId && !shown.some((suggestion) => suggestion.themeId === parentId)) {
      const evidence = new Map<string, Evidence>();
      for (const item of [...last.evidence, ...next.evidence].sort(compareEvidence)) evidence.set(`${item.field}:${item.start}:${item.end}:${item.keyword}`, item);
      shown[maxShown - 1] = {
        themeId: parent.id,
        score: last.score,
        evidence: [...evidence.values()],
        topics: [...new Set([...last.topics, ...next.topics])].sort(),
        signals: last.signals,
      };
    }
  }
  return shown;
}

/** Ranked, explained suggestions of codebook themes for one story: what the facilitator is shown. */
export function suggestThemes(
  story: StoryForSuggestion,
  codebook: Codebook | CompiledCodebook,
  model?: ThemeModel,
  options: SuggestOptions = {},
): Suggestion[] {
  const compiled = compiledFrom(codebook, options.foldDiacritics ?? true);
  return selectShown(rankThemes(story, compiled, model, options).ranking, compiled, options);
}
