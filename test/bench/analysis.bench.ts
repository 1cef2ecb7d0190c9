// `npm run bench:analysis`: emerging-theme clustering time for 10 000 and 50 000 synthetic multilingual stories, and
// theme suggestions per second on one core, each against the text pipeline alone over the same stories in the same
// run (the raw baseline: what any analysis of these stories costs at least). Prints a table and appends it to
// test/bench/RESULTS.md. BENCH_REPEATS sets the repeats (median shown).
import { readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import {
  analyseText,
  clusterStories,
  compileCodebook,
  resolveTopicThemes,
  suggestThemes,
  type ClusterStory,
  type Codebook,
  type FormLocale,
  type StoryForSuggestion,
} from '../../analysis/src/index.ts';
import { uuidFromKey } from '../../api/src/themes/ids.ts';
import { STARTER_CODEBOOK } from '../../api/src/themes/starterCodebook.ts';
import { SUBJECTS, syntheticStories } from './syntheticStories.ts';

const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 3);
const RESULTS = new URL('./RESULTS.md', import.meta.url);
const SUGGESTION_STORIES = 10_000;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

const idOf = (key: string): string => uuidFromKey(`starter:${key}`);
const starter: Codebook = STARTER_CODEBOOK.map((theme) => ({
  id: idOf(theme.key),
  ...(theme.parent === undefined ? {} : { parentId: idOf(theme.parent) }),
  labels: theme.labels,
  keywords: theme.keywords ?? {},
  status: 'active',
}));
const topicThemes = resolveTopicThemes((key) => (STARTER_CODEBOOK.some((theme) => theme.key === key) ? idOf(key) : undefined));

/** The pipeline alone: every field of every story analysed once (language detected unless stored). */
function analyseAll(stories: readonly ClusterStory[]): void {
  for (const story of stories) {
    for (const text of Object.values(story.fields)) if (text !== undefined) analyseText(text, story.locale, story.language === undefined ? {} : { language: story.language });
  }
}

interface Row {
  readonly what: string;
  readonly n: number;
  readonly ms: number;
  readonly baselineMs: number;
  readonly note: string;
}

/** Share of a subject's stories in its best cluster, the worst subject: how well the run recovered the subjects. */
function worstRecall(stories: ReturnType<typeof syntheticStories>, clusters: ReturnType<typeof clusterStories>['clusters']): number {
  const subjectOf = new Map(stories.map((story) => [story.id, story.subject]));
  let worst = 1;
  for (const subject of Object.keys(SUBJECTS)) {
    const total = stories.filter((story) => story.subject === subject).length;
    const best = Math.max(0, ...clusters.map((cluster) => cluster.storyIds.filter((id) => subjectOf.get(id) === subject).length));
    worst = Math.min(worst, total === 0 ? 1 : best / total);
  }
  return worst;
}

const rows: Row[] = [];
const startLoad = loadavg()[0]?.toFixed(1) ?? '?';

for (const [n, storeLanguage, repeats] of [
  [10_000, true, REPEATS],
  [50_000, true, REPEATS],
  [50_000, false, 1],
] as const) {
  const stories = syntheticStories(n, { seed: 2027, storeLanguage });
  const baseline = median(Array.from({ length: repeats }, () => time(() => analyseAll(stories))));
  let result: ReturnType<typeof clusterStories> | undefined;
  const ms = median(Array.from({ length: repeats }, () => time(() => (result = clusterStories(stories, { codebook: starter })))));
  const clusters = result?.clusters ?? [];
  rows.push({
    what: `clustering, ${storeLanguage ? 'stored language' : 'language detected'}`,
    n,
    ms,
    baselineMs: baseline,
    note: `${clusters.length} clusters, ${result?.clustered ?? 0} stories in them; worst subject recall ${worstRecall(stories, clusters).toFixed(2)}`,
  });
  process.stdout.write(`clustered ${n} (${storeLanguage ? 'stored' : 'detected'}): ${Math.round(ms)} ms\n`);
}

// Suggestions: the labelled fixture stories, repeated to SUGGESTION_STORIES, on one core (this thread).
interface FixtureStory {
  readonly locale: FormLocale;
  readonly story: Record<string, string>;
  readonly topics?: string[];
}
const fixtures = readFileSync(new URL('../fixtures/themes/stories.ndjson', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line): FixtureStory => JSON.parse(line));
const suggestionInput: StoryForSuggestion[] = Array.from({ length: SUGGESTION_STORIES }, (_, index) => {
  const fixture = fixtures[index % fixtures.length]!;
  return { fields: fixture.story, locale: fixture.locale, topics: fixture.topics ?? [] };
});
compileCodebook(starter);
const suggestAll = () => {
  for (const story of suggestionInput) suggestThemes(story, starter, undefined, { topicThemes });
};
const analyseSuggestionInput = () => {
  for (const story of suggestionInput) for (const text of Object.values(story.fields)) if (text !== undefined) analyseText(text, story.locale);
};
const suggestMs = median(Array.from({ length: REPEATS }, () => time(suggestAll)));
const analyseMs = median(Array.from({ length: REPEATS }, () => time(analyseSuggestionInput)));
rows.push({
  what: 'suggestThemes, starter codebook, no model',
  n: SUGGESTION_STORIES,
  ms: suggestMs,
  baselineMs: analyseMs,
  note: `${Math.round(SUGGESTION_STORIES / (suggestMs / 1000))} suggestions/s per core (text pipeline alone: ${Math.round(SUGGESTION_STORIES / (analyseMs / 1000))}/s)`,
});

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const header = [
  `## Analysis, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Machine: ${availableParallelism()} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB; one thread (per core); load average at the start ${startLoad} (other work shares the machine). Node ${process.version}.`,
  `Method: median of ${REPEATS} runs (1 for detection at 50 000). Synthetic stories (test/bench/syntheticStories.ts): six subjects in sv, en, ar, so, fi, uk, 70 % about a subject, the rest everyday filler; codebook = starter codebook. Baseline = the text pipeline alone (analyseText on every field) over the same stories in the same run.`,
  '',
  '| what | stories | time ms | baseline ms | ratio | notes |',
  '|---|---|---|---|---|---|',
];
const lines = rows.map((row) => `| ${row.what} | ${row.n} | ${Math.round(row.ms)} | ${Math.round(row.baselineMs)} | **${(row.ms / row.baselineMs).toFixed(2)}** | ${row.note} |`);
const table = [...header, ...lines, ''].join('\n');
process.stdout.write(`\n${table}\n`);
await appendFile(RESULTS, `\n${table}`);
