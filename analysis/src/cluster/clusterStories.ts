import { compileCodebook } from '../suggest/compileCodebook.ts';
import type { Codebook } from '../suggest/types.ts';
import type { FormLocale } from '../text/locales.ts';
import { compileLexicon, storyFeatures, type ClusterStory, type FeatureKind, type StoryFeatures, type WordMemo } from './features.ts';
import { assign, centroidsOf, mergeSimilar, sphericalKMeans, type SparseVector } from './kmeans.ts';
import { BUILT_IN_CONCEPTS, type ConceptLexicon } from './lexicon.ts';

export const CLUSTER_DEFAULTS = {
  /** A group smaller than this is not shown. */
  minClusterSize: 3,
  /** Upper bound on k (k = ⌈√n⌉ for n stories with features, before merging). */
  maxClusters: 60,
  /** A story joins a cluster only when its cosine to the centre is at least this. */
  minSimilarity: 0.25,
  /** Clusters whose centres are at least this alike become one. */
  mergeSimilarity: 0.5,
  maxIterations: 25,
  seed: 20_270_101,
  topTerms: 8,
  quotes: 3,
  /** Words in more than this share of the stories say nothing about a group (only from 20 stories up). */
  maxDocumentShare: 0.5,
} as const;

/** Codebook themes and lexicon concepts cross languages, so they weigh more than a word of one language. */
export const CONCEPT_WEIGHT = 3;
export const QUOTE_MAX_LENGTH = 280;
/** A later quote may come from another language when its story is at least this close to the best one. */
const QUOTE_LANGUAGE_SPREAD = 0.75;
/** A word's label and language are voted on by this many of the closest members. */
const LABEL_SAMPLE = 500;
/** Rounds of dropping too-small groups and reassigning their stories. */
const SETTLE_ROUNDS = 4;
const FIELD_ORDER = ['whatHappened', 'whatWorkedWell', 'whatCouldBeBetter', 'idea'];

export interface ClusterOptions {
  /** The codebook: each active theme's keywords in every language form one concept. */
  readonly codebook?: Codebook | undefined;
  /** Concepts beyond the codebook (default BUILT_IN_CONCEPTS; [] for none). */
  readonly lexicon?: ConceptLexicon | undefined;
  readonly minClusterSize?: number | undefined;
  readonly maxClusters?: number | undefined;
  readonly minSimilarity?: number | undefined;
  readonly mergeSimilarity?: number | undefined;
  readonly maxIterations?: number | undefined;
  readonly seed?: number | undefined;
  readonly topTerms?: number | undefined;
  readonly quotes?: number | undefined;
}

export interface ClusterTerm {
  readonly kind: FeatureKind;
  /** `theme:<id>`, `concept:<key>` or `word:<stem>`. */
  readonly key: string;
  /** The theme's or concept's label; for a word, the word as most members wrote it (both fields the same). */
  readonly label: { readonly sv: string; readonly en: string };
  /** For a word: the language it is written in. */
  readonly lang?: FormLocale;
  /** The term's mean weight in the cluster's stories, rounded to four decimals. */
  readonly weight: number;
}

export interface ClusterQuote {
  readonly storyId: string;
  /** The field quoted. */
  readonly field: string;
  /** Masked text from the field that says most about the cluster, at most QUOTE_MAX_LENGTH characters. */
  readonly text: string;
  /** The language the story is written in. */
  readonly lang: FormLocale;
}

export interface StoryCluster {
  readonly id: string;
  readonly size: number;
  /** Mean cosine of the members to the cluster's centre, rounded to four decimals. */
  readonly cohesion: number;
  readonly topTerms: readonly ClusterTerm[];
  readonly quotes: readonly ClusterQuote[];
  /** Members, closest to the centre first (ties by id). */
  readonly storyIds: readonly string[];
  /** Codebook themes among the top terms: the cluster may belong to an existing theme rather than a new one. */
  readonly themeIds: readonly string[];
}

export interface ClusterResult {
  readonly clusters: readonly StoryCluster[];
  /** Stories given. */
  readonly stories: number;
  /** Stories sharing at least one feature with another story. */
  readonly featured: number;
  /** Stories in a shown cluster. */
  readonly clustered: number;
}

interface Document {
  readonly features: StoryFeatures;
  readonly story: ClusterStory;
  readonly vector: SparseVector;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function kindOf(key: string): FeatureKind {
  return key.startsWith('theme:') ? 'theme' : key.startsWith('concept:') ? 'concept' : 'word';
}

/** At most QUOTE_MAX_LENGTH characters, cut at a space where one is near, never inside a character. */
export function shortenQuote(text: string): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  if (characters.length <= QUOTE_MAX_LENGTH) return characters.join('');
  const cut = characters.slice(0, QUOTE_MAX_LENGTH).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > cut.length / 2 ? cut.slice(0, space) : cut} …`;
}

/** TF-IDF over features found in at least two stories: (1 + ln tf) × (ln((1 + n)/(1 + df)) + 1) × kind weight, unit length. */
function vectorise(all: readonly StoryFeatures[], maxDocumentShare: number): { vectors: Map<string, SparseVector>; vocabulary: string[] } {
  const df = new Map<string, number>();
  for (const features of all) for (const key of features.counts.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = all.length;
  const ceiling = n >= 20 ? maxDocumentShare * n : n;
  const vocabulary = [...df.entries()]
    .filter(([key, count]) => count >= 2 && (kindOf(key) !== 'word' || count <= ceiling))
    .map(([key]) => key)
    .sort(compareStrings);
  const index = new Map(vocabulary.map((key, position) => [key, position]));
  const vectors = new Map<string, SparseVector>();
  for (const features of all) {
    const entries: Array<[number, number]> = [];
    for (const [key, count] of features.counts) {
      const position = index.get(key);
      if (position === undefined) continue;
      const idf = Math.log((1 + n) / (1 + (df.get(key) ?? 0))) + 1;
      entries.push([position, (1 + Math.log(count)) * idf * (kindOf(key) === 'word' ? 1 : CONCEPT_WEIGHT)]);
    }
    if (entries.length === 0) continue;
    entries.sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [, weight] of entries) norm += weight * weight;
    norm = Math.sqrt(norm);
    vectors.set(features.id, { indices: Int32Array.from(entries, ([position]) => position), values: Float64Array.from(entries, ([, weight]) => weight / norm) });
  }
  return { vectors, vocabulary };
}

/** Centres of the surviving groups: drop groups below the minimum size, then let their stories find another. */
function settle(documents: readonly Document[], groups: Int32Array, dimension: number, minSize: number, minSimilarity: number): { assignment: Int32Array; similarity: Float64Array } {
  const vectors = documents.map((document) => document.vector);
  let labels = Int32Array.from(groups);
  for (let round = 0; ; round += 1) {
    const ids = [...new Set(labels)].filter((label) => label >= 0).sort((a, b) => a - b);
    const compact = Int32Array.from(labels, (label) => (label < 0 ? -1 : ids.indexOf(label)));
    const centroids = centroidsOf(vectors, compact, ids.length, dimension);
    const { assignment, similarity } = assign(vectors, centroids);
    for (let row = 0; row < assignment.length; row += 1) if ((similarity[row] ?? 0) < minSimilarity) assignment[row] = -1;
    const sizes = new Int32Array(ids.length);
    for (const cluster of assignment) if (cluster >= 0) sizes[cluster] = (sizes[cluster] ?? 0) + 1;
    const small = new Set<number>();
    sizes.forEach((size, cluster) => {
      if (size < minSize) small.add(cluster);
    });
    if (small.size === 0 || round === SETTLE_ROUNDS) {
      for (let row = 0; row < assignment.length; row += 1) if (small.has(assignment[row] ?? -1)) assignment[row] = -1;
      return { assignment, similarity };
    }
    labels = Int32Array.from(assignment, (cluster) => (cluster < 0 || small.has(cluster) ? -1 : cluster));
  }
}

/**
 * Groups stories into clusters of the same subject, across languages. Deterministic: the stories are taken in id
 * order whatever order they come in, seeding uses a fixed-seed PRNG, and every tie is broken by index or id.
 */
export function clusterStories(stories: readonly ClusterStory[], options: ClusterOptions = {}): ClusterResult {
  const settings = {
    minClusterSize: Math.max(2, options.minClusterSize ?? CLUSTER_DEFAULTS.minClusterSize),
    maxClusters: Math.max(1, options.maxClusters ?? CLUSTER_DEFAULTS.maxClusters),
    minSimilarity: options.minSimilarity ?? CLUSTER_DEFAULTS.minSimilarity,
    mergeSimilarity: options.mergeSimilarity ?? CLUSTER_DEFAULTS.mergeSimilarity,
    maxIterations: options.maxIterations ?? CLUSTER_DEFAULTS.maxIterations,
    seed: options.seed ?? CLUSTER_DEFAULTS.seed,
    topTerms: options.topTerms ?? CLUSTER_DEFAULTS.topTerms,
    quotes: options.quotes ?? CLUSTER_DEFAULTS.quotes,
  };
  const codebook = options.codebook === undefined ? undefined : compileCodebook(options.codebook);
  const lexicon = compileLexicon(options.lexicon ?? BUILT_IN_CONCEPTS);
  const unique = new Map<string, ClusterStory>();
  for (const story of stories) if (!unique.has(story.id)) unique.set(story.id, story);
  const ordered = [...unique.values()].sort((a, b) => compareStrings(a.id, b.id));
  const memo: WordMemo = new Map();
  const features = ordered.map((story) => storyFeatures(story, codebook, lexicon, memo));
  const { vectors, vocabulary } = vectorise(features, CLUSTER_DEFAULTS.maxDocumentShare);
  const documents: Document[] = [];
  ordered.forEach((story, position) => {
    const vector = vectors.get(story.id);
    const storyFeature = features[position];
    if (vector !== undefined && storyFeature !== undefined) documents.push({ features: storyFeature, story, vector });
  });
  const empty: ClusterResult = { clusters: [], stories: unique.size, featured: documents.length, clustered: 0 };
  if (documents.length < settings.minClusterSize) return empty;

  const dimension = vocabulary.length;
  const k = Math.min(settings.maxClusters, Math.ceil(Math.sqrt(documents.length)));
  const vectorList = documents.map((document) => document.vector);
  const kmeans = sphericalKMeans(vectorList, dimension, { k, seed: settings.seed, maxIterations: settings.maxIterations });
  const merged = mergeSimilar(centroidsOf(vectorList, kmeans.assignment, kmeans.k, dimension), settings.mergeSimilarity);
  const groups = Int32Array.from(kmeans.assignment, (cluster) => (cluster < 0 ? -1 : (merged[cluster] ?? cluster)));
  const { assignment, similarity } = settle(documents, groups, dimension, settings.minClusterSize, settings.minSimilarity);

  const members = new Map<number, number[]>();
  assignment.forEach((cluster, row) => {
    if (cluster < 0) return;
    const list = members.get(cluster) ?? [];
    members.set(cluster, list);
    list.push(row);
  });
  const byCloseness = (a: number, b: number) => (similarity[b] ?? 0) - (similarity[a] ?? 0) || compareStrings(documents[a]?.story.id ?? '', documents[b]?.story.id ?? '');
  const built = [...members.entries()].map(([cluster, rows]) => {
    rows.sort(byCloseness);
    const cohesion = rows.reduce((sum, row) => sum + (similarity[row] ?? 0), 0) / rows.length;
    return { cluster, rows, cohesion };
  });
  built.sort((a, b) => b.rows.length - a.rows.length || b.cohesion - a.cohesion || compareStrings(documents[a.rows[0] ?? 0]?.story.id ?? '', documents[b.rows[0] ?? 0]?.story.id ?? ''));

  const clusters = built.map(({ rows, cohesion }, position): StoryCluster => {
    const topTerms = describe(rows, documents, vocabulary, codebook?.themes, lexicon.concepts, settings.topTerms);
    return {
      id: String(position + 1),
      size: rows.length,
      cohesion: round(cohesion),
      topTerms,
      quotes: pickQuotes(rows, documents, similarity, topTerms, settings.quotes),
      storyIds: rows.map((row) => documents[row]?.story.id ?? ''),
      themeIds: topTerms.filter((term) => term.kind === 'theme').map((term) => term.key.slice('theme:'.length)),
    };
  });
  return { clusters, stories: unique.size, featured: documents.length, clustered: clusters.reduce((sum, cluster) => sum + cluster.size, 0) };
}

/** The features with the highest mean weight over the members, found in at least two of them. */
function describe(
  rows: readonly number[],
  documents: readonly Document[],
  vocabulary: readonly string[],
  themes: ReadonlyMap<string, { labels: { sv: string; en: string } }> | undefined,
  concepts: ConceptLexicon,
  limit: number,
): ClusterTerm[] {
  const sums = new Map<number, { weight: number; stories: number }>();
  for (const row of rows) {
    const vector = documents[row]?.vector;
    if (vector === undefined) continue;
    vector.indices.forEach((feature, entry) => {
      const sum = sums.get(feature) ?? { weight: 0, stories: 0 };
      sums.set(feature, sum);
      sum.weight += vector.values[entry] ?? 0;
      sum.stories += 1;
    });
  }
  const ranked = [...sums.entries()]
    .filter(([, sum]) => sum.stories >= 2)
    .map(([feature, sum]) => ({ key: vocabulary[feature] ?? '', weight: sum.weight / rows.length }))
    .sort((a, b) => b.weight - a.weight || compareStrings(a.key, b.key))
    .slice(0, limit);
  return ranked.map(({ key, weight }) => {
    const kind = kindOf(key);
    if (kind === 'theme') {
      const labels = themes?.get(key.slice('theme:'.length))?.labels ?? { sv: key, en: key };
      return { kind, key, label: { sv: labels.sv, en: labels.en }, weight: round(weight) };
    }
    if (kind === 'concept') {
      const labels = concepts.find((concept) => `concept:${concept.key}` === key)?.labels ?? { sv: key, en: key };
      return { kind, key, label: { sv: labels.sv, en: labels.en }, weight: round(weight) };
    }
    const spellings = new Map<string, number>();
    const languages = new Map<FormLocale, number>();
    for (const row of rows.slice(0, LABEL_SAMPLE)) {
      const document = documents[row];
      const surface = document?.features.surfaces.get(key);
      if (document === undefined || surface === undefined) continue;
      spellings.set(surface, (spellings.get(surface) ?? 0) + 1);
      languages.set(document.features.language, (languages.get(document.features.language) ?? 0) + 1);
    }
    const text = mostCommon(spellings) ?? key.slice('word:'.length);
    const lang = mostCommon(languages);
    return { kind, key, label: { sv: text, en: text }, ...(lang === undefined ? {} : { lang }), weight: round(weight) };
  });
}

function mostCommon<T extends string>(counts: ReadonlyMap<T, number>): T | undefined {
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** The closest members, preferring a language not yet quoted when its story is nearly as close as the best. */
function pickQuotes(rows: readonly number[], documents: readonly Document[], similarity: Float64Array, terms: readonly ClusterTerm[], limit: number): ClusterQuote[] {
  const best = similarity[rows[0] ?? 0] ?? 0;
  const chosen: number[] = [];
  const languages = new Set<FormLocale>();
  while (chosen.length < Math.min(limit, rows.length)) {
    const open = rows.filter((row) => !chosen.includes(row));
    const other = open.find((row) => {
      const language = documents[row]?.features.language;
      return language !== undefined && !languages.has(language) && (similarity[row] ?? 0) >= QUOTE_LANGUAGE_SPREAD * best;
    });
    const next = other ?? open[0];
    if (next === undefined) break;
    chosen.push(next);
    const language = documents[next]?.features.language;
    if (language !== undefined) languages.add(language);
  }
  const keys = terms.map((term) => term.key);
  return chosen.flatMap((row) => {
    const document = documents[row];
    if (document === undefined) return [];
    const field = quoteField(document, keys);
    const text = field === undefined ? '' : shortenQuote(document.story.fields[field] ?? '');
    return field === undefined || text === '' ? [] : [{ storyId: document.story.id, field, text, lang: document.features.language }];
  });
}

/** The field holding most of the cluster's top terms; the usual field order breaks ties. */
function quoteField(document: Document, keys: readonly string[]): string | undefined {
  const names = Object.keys(document.story.fields)
    .filter((name) => (document.story.fields[name] ?? '').trim() !== '')
    .sort((a, b) => rank(a) - rank(b) || compareStrings(a, b));
  let best: string | undefined;
  let bestCount = -1;
  for (const name of names) {
    const found = document.features.fields.get(name);
    const count = found === undefined ? 0 : keys.filter((key) => found.has(key)).length;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

function rank(field: string): number {
  const index = FIELD_ORDER.indexOf(field);
  return index === -1 ? FIELD_ORDER.length : index;
}
