// `npm run eval:themes`: how well the theme suggestions agree with the gold themes of the labelled multilingual
// fixtures (test/fixtures/themes/stories.ndjson), per language and overall. Appends a section to RESULTS.md
// (`--no-append` only prints). Deterministic: the same fixtures and code give the same figures.
// `--fixtures <path>` scores another file of the same format instead and only prints, such as the development set
// (test/fixtures/themes/dev-stories.ndjson) that engine changes are judged on, so the evaluation set is not tuned on.
import { appendFile, readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compileCodebook,
  countStory,
  DEFAULT_MAX_SHOWN,
  DEFAULT_THRESHOLD,
  FORM_LOCALES,
  grammarOf,
  isFormLocale,
  rankThemes,
  resolveTopicThemes,
  selectShown,
  suggestionFigures,
  trainModel,
  type Codebook,
  type FormLocale,
  type StoryForSuggestion,
  type SuggestionCounts,
  type ThemeModel,
  type TrainingExample,
} from '../../analysis/src/index.ts';
import { uuidFromKey } from '../../api/src/themes/ids.ts';
import { STARTER_CODEBOOK } from '../../api/src/themes/starterCodebook.ts';

const fixturesArgument = process.argv.indexOf('--fixtures');
const fixturesPath = fixturesArgument === -1 ? undefined : process.argv[fixturesArgument + 1];
if (fixturesArgument !== -1 && fixturesPath === undefined) throw new Error('--fixtures needs a path');
const FIXTURES = fixturesPath === undefined ? fileURLToPath(new URL('../fixtures/themes/stories.ndjson', import.meta.url)) : resolve(fixturesPath);
const FIXTURES_NAME = relative(fileURLToPath(new URL('../..', import.meta.url)), FIXTURES);
const RESULTS = new URL('./RESULTS.md', import.meta.url);
const FOLDS = 5;
const TARGET_F1 = 0.75;
const TARGET_RECALL_AT_3 = 0.9;
const MAX_GAP_TO_SWEDISH = 0.1;

interface FixtureStory {
  readonly id: string;
  readonly locale: FormLocale;
  readonly written: FormLocale;
  readonly story: StoryForSuggestion;
  readonly gold: readonly string[];
}

const idOf = (key: string): string => uuidFromKey(`starter:${key}`);
const starterKeys = new Set(STARTER_CODEBOOK.map((theme) => theme.key));
const codebook: Codebook = STARTER_CODEBOOK.map((theme) => ({
  id: idOf(theme.key),
  ...(theme.parent === undefined ? {} : { parentId: idOf(theme.parent) }),
  labels: theme.labels,
  keywords: theme.keywords ?? {},
  status: 'active',
}));
const compiled = compileCodebook(codebook);
const topicThemes = resolveTopicThemes((key) => (starterKeys.has(key) ? idOf(key) : undefined));

function parseLine(line: string, lineNumber: number): FixtureStory {
  const row: unknown = JSON.parse(line);
  if (typeof row !== 'object' || row === null) throw new Error(`line ${lineNumber}: not an object`);
  const record = row as Record<string, unknown>;
  const { id, locale, written, story, topics, gold } = record;
  if (typeof id !== 'string' || typeof locale !== 'string' || !isFormLocale(locale)) throw new Error(`line ${lineNumber}: id or locale`);
  const writtenLocale = typeof written === 'string' && isFormLocale(written) ? written : locale;
  if (typeof story !== 'object' || story === null) throw new Error(`line ${lineNumber}: story`);
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(story)) if (typeof value === 'string') fields[field] = value;
  if (!Array.isArray(gold) || gold.some((key) => typeof key !== 'string' || !starterKeys.has(key))) throw new Error(`line ${lineNumber}: gold must be starter keys`);
  const topicList = Array.isArray(topics) ? topics.filter((topic): topic is string => typeof topic === 'string') : [];
  return { id, locale, written: writtenLocale, story: { fields, locale, topics: topicList }, gold: gold.map((key: string) => idOf(key)) };
}

interface Counts extends SuggestionCounts {
  detected: number;
  goldWithKeyword: number;
}

const emptyCounts = (): Counts => ({ stories: 0, tp: 0, fp: 0, fn: 0, goldTotal: 0, goldInTop: 0, detected: 0, goldWithKeyword: 0 });

// Precision, recall, F1 and recall@3: the same functions `medskapa-analysis eval` uses (analysis/src/suggest/evaluate.ts).
const figures = suggestionFigures;

function evaluate(stories: readonly FixtureStory[], modelFor: (story: FixtureStory) => ThemeModel | undefined): Map<string, Counts> {
  const byLanguage = new Map<string, Counts>([['all', emptyCounts()]]);
  for (const fixture of stories) {
    const ranked = rankThemes(fixture.story, compiled, modelFor(fixture), { topicThemes });
    const shown = selectShown(ranked.ranking, compiled, { topicThemes }).map((suggestion) => suggestion.themeId);
    const ranking = ranked.ranking.map((suggestion) => suggestion.themeId);
    const gold = new Set(fixture.gold);
    for (const key of [fixture.written, 'all']) {
      const counts = byLanguage.get(key) ?? emptyCounts();
      byLanguage.set(key, counts);
      countStory(counts, shown, ranking, gold);
      for (const themeId of gold) {
        if ((ranked.ranking.find((suggestion) => suggestion.themeId === themeId)?.signals.keywords ?? 0) > 0) counts.goldWithKeyword += 1;
      }
      if (grammarOf(ranked.language) === grammarOf(fixture.written)) counts.detected += 1;
    }
  }
  return byLanguage;
}

/** Training examples from the other folds: gold themes accepted, shown keyword suggestions outside gold rejected. */
function trainingExamples(stories: readonly FixtureStory[]): TrainingExample[] {
  return stories.map((fixture) => {
    const shown = selectShown(rankThemes(fixture.story, compiled, undefined, { topicThemes }).ranking, compiled, { topicThemes });
    return { id: fixture.id, story: fixture.story, accepted: fixture.gold, rejected: shown.map((suggestion) => suggestion.themeId).filter((themeId) => !fixture.gold.includes(themeId)) };
  });
}

const lines = (await readFile(FIXTURES, 'utf8')).split('\n').filter((line) => line.trim() !== '');
const stories = lines.map((line, index) => parseLine(line, index + 1)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const started = performance.now();
const keywordsOnly = evaluate(stories, () => undefined);
const keywordsSeconds = (performance.now() - started) / 1000;

const foldOf = new Map(stories.map((fixture, index) => [fixture.id, index % FOLDS]));
const models: ThemeModel[] = [];
const trainingStarted = performance.now();
for (let fold = 0; fold < FOLDS; fold += 1) models.push(trainModel(trainingExamples(stories.filter((fixture) => foldOf.get(fixture.id) !== fold)), codebook));
const trainingSeconds = (performance.now() - trainingStarted) / 1000;
const withModel = evaluate(stories, (fixture) => models[foldOf.get(fixture.id) ?? 0]);

const languages = ['all', ...FORM_LOCALES.filter((locale) => keywordsOnly.has(locale))];
const format = (value: number): string => value.toFixed(2);
const rows: string[] = [
  '| language | stories | method | precision | recall | F1 | recall@3 | language detected | gold with a keyword match |',
  '|---|---|---|---|---|---|---|---|---|',
];
for (const language of languages) {
  for (const [method, results] of [['keywords + topics', keywordsOnly], [`+ model (${FOLDS}-fold)`, withModel]] as const) {
    const counts = results.get(language) ?? emptyCounts();
    const result = figures(counts);
    const name = language === 'all' ? '**all**' : language;
    rows.push(`| ${name} | ${counts.stories} | ${method} | ${format(result.precision)} | ${format(result.recall)} | ${format(result.f1)} | ${format(result.recallAt3)} | ${format(counts.detected / Math.max(1, counts.stories))} | ${format(counts.goldWithKeyword / Math.max(1, counts.goldTotal))} |`);
  }
}

function verdict(results: Map<string, Counts>, label: string): string {
  const overall = figures(results.get('all') ?? emptyCounts());
  const swedish = figures(results.get('sv') ?? emptyCounts()).f1;
  const behind = languages
    .filter((language) => language !== 'all' && language !== 'sv')
    .filter((language) => swedish - figures(results.get(language) ?? emptyCounts()).f1 > MAX_GAP_TO_SWEDISH);
  const parts = [
    `micro-F1 ${format(overall.f1)} (target ≥ ${TARGET_F1}: ${overall.f1 >= TARGET_F1 ? 'met' : 'missed'})`,
    `recall@3 ${format(overall.recallAt3)} (target ≥ ${TARGET_RECALL_AT_3}: ${overall.recallAt3 >= TARGET_RECALL_AT_3 ? 'met' : 'missed'})`,
    behind.length === 0 ? `no language more than ${MAX_GAP_TO_SWEDISH} F1 below Swedish (met)` : `more than ${MAX_GAP_TO_SWEDISH} F1 below Swedish: ${behind.join(', ')} (missed)`,
  ];
  return `- ${label}: ${parts.join('; ')}.`;
}

const now = new Date();
const section = [
  `## Theme suggestions, ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}.`,
  `Data: ${stories.length} labelled stories (${FIXTURES_NAME}), gold themes from the starter codebook; per language = the language the story is written in; "language detected" = share detected as that language (Easy-to-read Swedish counts as Swedish, Dari as Persian).`,
  `Method: shown set = suggestions with score ≥ ${DEFAULT_THRESHOLD}, at most ${DEFAULT_MAX_SHOWN}, most specific theme first; precision/recall/F1 are micro-averaged over stories; recall@3 = share of gold themes among the top three of the full ranking. ` +
    `"keywords + topics" = starter keywords in every language and respondent topics, no training. "+ model" = ${FOLDS}-fold cross-validation (folds by position in id order): ` +
    `the model is trained on the other folds' gold themes (accepted) and on the keyword suggestions outside gold (rejected, as a facilitator's review would record), then scores the held-out fold. ` +
    `"Gold with a keyword match" = share of gold themes for which at least one keyword of the theme (or of an ancestor) was found in the story: the ceiling of the keyword layer's recall. ` +
    `Keyword pass ${keywordsSeconds.toFixed(1)} s for ${stories.length} stories; training ${trainingSeconds.toFixed(1)} s for ${FOLDS} models.`,
  '',
  ...rows,
  '',
  verdict(keywordsOnly, 'Keywords + topics'),
  verdict(withModel, `With the model (${FOLDS}-fold)`),
  '',
].join('\n');

process.stdout.write(`${section}\n`);
// Only the evaluation set's figures are recorded; a development run just prints.
if (fixturesPath === undefined && !process.argv.includes('--no-append')) await appendFile(RESULTS, `\n${section}`);
