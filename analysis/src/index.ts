export { MASK_VERSION, maskPersonalData } from './masking/maskPersonalData.ts';
export type { MaskResult, RedactionKind } from './masking/types.ts';
export { foldWord, searchTokens, SEARCH_TOKEN_MAX_LENGTH, SEARCH_TOKEN_MIN_LENGTH } from './text/searchTokens.ts';
export { analyseText } from './text/analyseText.ts';
export type { AnalysedText, AnalyseOptions, TextToken } from './text/analyseText.ts';
export { detectLanguage, MIN_LETTERS_FOR_TRIGRAMS } from './text/detectLanguage.ts';
export type { DetectedLanguage, DetectionMethod } from './text/detectLanguage.ts';
export { FORM_LOCALES, grammarOf, isFormLocale } from './text/locales.ts';
export type { FormLocale, Grammar } from './text/locales.ts';
export { foldDiacritics, normaliseWord } from './text/normalise.ts';
export { segmentWords } from './text/segmentWords.ts';
export type { WordSegment } from './text/segmentWords.ts';
export { stem } from './text/stem.ts';
export { isStopWord } from './text/stopWords.ts';
export {
  assertSuppressionK,
  derivableCells,
  isSmallCount,
  protectionIssues,
  suppressCells,
  SuppressionInputError,
  SUPPRESSION_K_DEFAULT,
  SUPPRESSION_K_MIN,
} from './summaries/suppression.ts';
export type { ProtectionIssue, SuppressionCell, SuppressionLine, SuppressionProblem } from './summaries/suppression.ts';
export { monthsBetween, quotableThemes, RATINGS, summarizeStories, SUPPRESSED } from './summaries/summarize.ts';
export type { Breakdown, Count, Quote, Ratio, StoryGroup, SummaryOptions, SummaryTables, Suppressed, ThemeDetail, ThemeSummary } from './summaries/summarize.ts';
export { compileCodebook } from './suggest/compileCodebook.ts';
export type { CompiledCodebook, KeywordEntry } from './suggest/compileCodebook.ts';
export { analyseStory } from './suggest/matchKeywords.ts';
export type { AnalysedField, AnalysedStory } from './suggest/matchKeywords.ts';
export { isThemeModel, MODEL_VERSION, trainModel } from './suggest/model.ts';
export type { ThemeModel, ThemeWeights, TrainingExample, TrainOptions } from './suggest/model.ts';
export { DEFAULT_MAX_SHOWN, DEFAULT_THRESHOLD, rankThemes, selectShown, suggestThemes } from './suggest/suggestThemes.ts';
export { resolveTopicThemes, STARTER_TOPIC_THEME_KEYS } from './suggest/topicThemes.ts';
export { countStory, emptySuggestionCounts, RECALL_AT, suggestionFigures } from './suggest/evaluate.ts';
export type { SuggestionCounts, SuggestionFigures } from './suggest/evaluate.ts';
export type { Codebook, CodebookTheme, Evidence, RankedThemes, StoryForSuggestion, Suggestion, SuggestionSignals, SuggestOptions } from './suggest/types.ts';
export { agreementTable, AgreementInputError, cohensKappa, KAPPA_BANDS, kappaBand, kappaFromTable } from './agreement/cohensKappa.ts';
export type { AgreementTable, KappaBand, KappaResult, NotComputableReason } from './agreement/cohensKappa.ts';
export { compareCoders } from './agreement/compareCoders.ts';
export type { AgreementReport, CodedItem, Disagreement, ThemeAgreement } from './agreement/compareCoders.ts';
export { drawSample, SAMPLE_SEED_MAX } from './agreement/drawSample.ts';
export { CLUSTER_DEFAULTS, clusterStories, shortenQuote } from './cluster/clusterStories.ts';
export type { ClusterOptions, ClusterQuote, ClusterResult, ClusterTerm, StoryCluster } from './cluster/clusterStories.ts';
export type { ClusterStory, FeatureKind } from './cluster/features.ts';
export { BUILT_IN_CONCEPTS } from './cluster/lexicon.ts';
export type { Concept, ConceptLexicon } from './cluster/lexicon.ts';
export { barChart, columnChart, escapeXml, formatCount, formatShare, groupedBarChart, niceStep, PALETTE, PATTERNS, ratingChart, safeId, SUPPRESSED_COLUMN_STUB, SUPPRESSED_STUB } from './charts/index.ts';
export type { BarChartOptions, BarDatum, BarSeries, ChartFrame, ChartSuppressed, ChartValue, ColumnChartOptions, ColumnDatum, GroupedBarChartOptions, GroupedBarDatum, RatingChartOptions } from './charts/index.ts';
export { starterThemeId, uuidFromKey } from './ids/themeIds.ts';
