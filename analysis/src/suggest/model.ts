import { compileCodebook, type CompiledCodebook } from './compileCodebook.ts';
import { analyseStory, type AnalysedStory, findKeywordMatches, keywordScores, themeKeywordEvidence } from './matchKeywords.ts';
import { keywordSimilarities } from './keywordSimilarity.ts';
import type { Codebook, StoryForSuggestion } from './types.ts';

/**
 * The learned part of the suggestions: one L2-regularised logistic regression per theme, trained by full-batch
 * gradient descent from zero on the facilitators' decisions. Features are language-independent where they can
 * be (the keyword score of every theme — the shared concept layer —, how near the story's words come to each
 * theme's keywords when none matches exactly, and the respondent's topics) plus the story's content words (stems).
 * Training sorts the examples by id, visits features in a fixed order and rounds the weights, so the same examples
 * give byte-identical JSON. Version 2 added the keyword similarities: a stored version 1 model fails isThemeModel
 * and is not used until the model is trained again.
 */
export const MODEL_VERSION = 2;

export interface TrainingExample {
  readonly id: string;
  readonly story: StoryForSuggestion;
  /** Themes a facilitator tagged the story with. A story with tags counts as coded: its other themes are negatives. */
  readonly accepted: readonly string[];
  /** Suggestions a facilitator rejected: strong negatives. */
  readonly rejected: readonly string[];
}

export interface ThemeWeights {
  readonly themeId: string;
  readonly positives: number;
  readonly negatives: number;
  readonly bias: number;
  /** [feature index, weight], by index; zero weights left out. */
  readonly weights: ReadonlyArray<readonly [number, number]>;
}

export interface ThemeModel {
  readonly version: typeof MODEL_VERSION;
  /** Sorted; "c:<themeId>" keyword score, "s:<themeId>" nearest keyword similarity, "t:<topic>" topic, "w:<stem>" word. */
  readonly features: readonly string[];
  readonly themes: readonly ThemeWeights[];
}

export interface TrainOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  /** A word must occur in at least this many training stories to become a feature. */
  readonly minDocumentFrequency?: number;
  readonly rejectedWeight?: number;
  readonly foldDiacritics?: boolean;
}

const DEFAULTS = { epochs: 300, learningRate: 1, l2: 0.001, minDocumentFrequency: 2, rejectedWeight: 2 };
const MIN_WORD_LENGTH = 2;
/** Positives are rare; they weigh up to this many times a negative (square root of the class ratio). */
const MAX_POSITIVE_WEIGHT = 5;

type FeatureVector = Map<string, number>;
interface SparseRow {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** The features of a story: shared by training and prediction. */
export function storyFeatures(
  story: StoryForSuggestion,
  analysed: AnalysedStory,
  keywordScoreOf: ReadonlyMap<string, number>,
  similarityOf: ReadonlyMap<string, number> = new Map(),
): FeatureVector {
  const features: FeatureVector = new Map();
  for (const [themeId, score] of keywordScoreOf) if (score > 0) features.set(`c:${themeId}`, score);
  for (const [themeId, similarity] of similarityOf) features.set(`s:${themeId}`, similarity);
  for (const topic of story.topics ?? []) features.set(`t:${topic}`, 1);
  const words = new Set<string>();
  for (const field of analysed.fields) {
    for (const token of field.tokens) if (!token.stop && [...token.term].length >= MIN_WORD_LENGTH) words.add(token.term);
  }
  const value = words.size === 0 ? 0 : 1 / Math.sqrt(words.size);
  for (const word of words) features.set(`w:${word}`, value);
  return features;
}

/** Keyword scores of every theme for a story (the concept layer), from an analysed story. */
export function conceptScores(analysed: AnalysedStory, story: StoryForSuggestion, codebook: CompiledCodebook): Map<string, number> {
  const own = themeKeywordEvidence(analysed, findKeywordMatches(analysed, story.locale, codebook));
  const scores = new Map<string, number>();
  for (const [themeId, { score }] of keywordScores(own, codebook)) scores.set(themeId, score);
  return scores;
}

function round(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/** Trains the model from facilitators' decisions; same examples and codebook → identical JSON. */
export function trainModel(examples: readonly TrainingExample[], codebook: Codebook, options: TrainOptions = {}): ThemeModel {
  const settings = { ...DEFAULTS, ...options };
  const compiled = compileCodebook(codebook, options.foldDiacritics ?? true);
  const sorted = [...examples].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const vectors = sorted.map((example) => {
    const analysed = analyseStory(example.story, compiled.foldDiacritics);
    return storyFeatures(example.story, analysed, conceptScores(analysed, example.story, compiled), keywordSimilarities(analysed, example.story.locale, compiled));
  });
  const documentFrequency = new Map<string, number>();
  for (const vector of vectors) for (const feature of vector.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  const features = [...documentFrequency.entries()]
    .filter(([feature, count]) => !feature.startsWith('w:') || count >= settings.minDocumentFrequency)
    .map(([feature]) => feature)
    .sort();
  const indexOf = new Map(features.map((feature, index) => [feature, index]));
  // Rows as parallel typed arrays: the training loop below visits them epochs × themes times.
  const rows: SparseRow[] = vectors.map((vector) => {
    const entries: Array<[number, number]> = [];
    for (const [feature, value] of vector) {
      const index = indexOf.get(feature);
      if (index !== undefined) entries.push([index, value]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    return { indices: Int32Array.from(entries, ([index]) => index), values: Float64Array.from(entries, ([, value]) => value) };
  });
  const emptyRow: SparseRow = { indices: new Int32Array(0), values: new Float64Array(0) };
  const themes: ThemeWeights[] = [];
  for (const themeId of compiled.themeIds) {
    const labels: Array<{ row: SparseRow; y: number; weight: number }> = [];
    sorted.forEach((example, index) => {
      const row = rows[index] ?? emptyRow;
      if (example.accepted.includes(themeId)) labels.push({ row, y: 1, weight: 1 });
      else if (example.rejected.includes(themeId)) labels.push({ row, y: 0, weight: settings.rejectedWeight });
      else if (example.accepted.length > 0) labels.push({ row, y: 0, weight: 1 });
    });
    const positives = labels.filter((label) => label.y === 1).length;
    const negatives = labels.length - positives;
    if (positives === 0) continue;
    const positiveWeight = Math.min(MAX_POSITIVE_WEIGHT, Math.max(1, Math.sqrt(negatives / positives)));
    for (const label of labels) if (label.y === 1) label.weight = positiveWeight;
    const totalWeight = labels.reduce((sum, label) => sum + label.weight, 0);
    const weights = new Float64Array(features.length);
    let bias = 0;
    const gradient = new Float64Array(features.length);
    for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
      gradient.fill(0);
      let biasGradient = 0;
      for (const { row, y, weight } of labels) {
        const { indices, values } = row;
        let z = bias;
        for (let at = 0; at < indices.length; at += 1) z += (weights[indices[at] ?? 0] ?? 0) * (values[at] ?? 0);
        const error = (sigmoid(z) - y) * weight;
        biasGradient += error;
        for (let at = 0; at < indices.length; at += 1) {
          const index = indices[at] ?? 0;
          gradient[index] = (gradient[index] ?? 0) + error * (values[at] ?? 0);
        }
      }
      const step = settings.learningRate / totalWeight;
      bias -= step * biasGradient;
      for (let index = 0; index < weights.length; index += 1) {
        weights[index] = (weights[index] ?? 0) - step * (gradient[index] ?? 0) - settings.learningRate * settings.l2 * (weights[index] ?? 0);
      }
    }
    const sparse: Array<readonly [number, number]> = [];
    weights.forEach((weight, index) => {
      const rounded = round(weight);
      if (rounded !== 0) sparse.push([index, rounded]);
    });
    themes.push({ themeId, positives, negatives, bias: round(bias), weights: sparse });
  }
  return { version: MODEL_VERSION, features, themes };
}

interface PreparedModel {
  readonly indexOf: ReadonlyMap<string, number>;
  readonly byTheme: ReadonlyMap<string, ThemeWeights & { readonly dense: Float64Array }>;
}
const prepared = new WeakMap<ThemeModel, PreparedModel>();

function prepare(model: ThemeModel): PreparedModel {
  let ready = prepared.get(model);
  if (ready === undefined) {
    const byTheme = new Map<string, ThemeWeights & { readonly dense: Float64Array }>();
    for (const theme of model.themes) {
      const dense = new Float64Array(model.features.length);
      for (const [index, weight] of theme.weights) dense[index] = weight;
      byTheme.set(theme.themeId, { ...theme, dense });
    }
    ready = { indexOf: new Map(model.features.map((feature, index) => [feature, index])), byTheme };
    prepared.set(model, ready);
  }
  return ready;
}

export interface ModelPrediction {
  readonly probability: number;
  /** How far the model's probability is trusted against the rules: grows with the positives it learnt from. */
  readonly trust: number;
}

/** Trust = positives ÷ (positives + TRUST_HALF), at most MAX_TRUST: five positives give the model half the say. */
export const TRUST_HALF = 5;
export const MAX_TRUST = 0.8;

/** The model's probability for each theme it learnt, for one story's features. */
export function predictThemes(model: ThemeModel, features: FeatureVector): Map<string, ModelPrediction> {
  const { indexOf, byTheme } = prepare(model);
  const row: Array<[number, number]> = [];
  for (const [feature, value] of features) {
    const index = indexOf.get(feature);
    if (index !== undefined) row.push([index, value]);
  }
  row.sort((a, b) => a[0] - b[0]);
  const predictions = new Map<string, ModelPrediction>();
  for (const [themeId, theme] of byTheme) {
    let z = theme.bias;
    for (const [index, value] of row) z += (theme.dense[index] ?? 0) * value;
    predictions.set(themeId, { probability: sigmoid(z), trust: Math.min(MAX_TRUST, theme.positives / (theme.positives + TRUST_HALF)) });
  }
  return predictions;
}

/** Whether a parsed JSON value has the shape of a model this version can use. */
export function isThemeModel(value: unknown): value is ThemeModel {
  if (typeof value !== 'object' || value === null) return false;
  return 'version' in value && value.version === MODEL_VERSION && 'features' in value && Array.isArray(value.features) && 'themes' in value && Array.isArray(value.themes);
}
