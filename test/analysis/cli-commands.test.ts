import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileCodebook, resolveTopicThemes, suggestThemes, type Codebook } from '../../analysis/src/index.ts';
import { starterThemeId } from '../../analysis/src/ids/themeIds.ts';
import { uuidFromKey } from '../../api/src/themes/ids.ts';
import { STARTER_CODEBOOK } from '../../api/src/themes/starterCodebook.ts';

// The medskapa-analysis CLI run as a child process, as a user runs it, on NDJSON files written here.
// Each run starts Node, so tests get a generous timeout.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'analysis/src/cli/main.ts');
const idOf = (key: string): string => uuidFromKey(`starter:${key}`);

let dir: string;
const file = (name: string, content: string): string => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};
const ndjson = (rows: readonly unknown[]): string => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[], stdin?: string): Run {
  const result = spawnSync(process.execPath, [MAIN, ...args], { input: stdin ?? '', encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cliJson(args: readonly string[], stdin?: string): Record<string, unknown> {
  const run = cli(args, stdin);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** The starter codebook as GET /api/v1/themes returns it (the fields the CLI reads, plus ones it must ignore). */
const apiThemes = STARTER_CODEBOOK.map((theme) => ({
  id: idOf(theme.key),
  ...(theme.parent === undefined ? {} : { parentId: idOf(theme.parent) }),
  depth: 1,
  labels: theme.labels,
  descriptions: theme.descriptions,
  keywords: theme.keywords ?? {},
  colour: theme.colour,
  status: 'active',
  usage: { stories: 0, excerpts: 0 },
  history: [],
}));
const codebook: Codebook = apiThemes.map((theme) => ({ id: theme.id, ...(theme.parentId === undefined ? {} : { parentId: theme.parentId }), labels: theme.labels, keywords: theme.keywords, status: 'active' as const }));

const BOOKING = idOf('access-and-booking');
const PERSONNUMMER = '19811218-9876';

const suggestStories = [
  { id: 's1', locale: 'sv', story: { whatHappened: 'Jag ringde vårdcentralen i tre dagar och kom aldrig fram i telefon.', whatCouldBeBetter: `Mitt personnummer ${PERSONNUMMER} fick jag säga tre gånger.` }, topics: ['access_and_booking'] },
  { id: 's2', locale: 'en', story: { whatHappened: 'I could not get through on the phone to book an appointment for weeks.' }, topics: [] },
  { id: 's3', locale: 'ar', story: { whatHappened: 'الطعام كان جيدا' } },
];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'medskapa-cli-'));
  file('codebook.json', JSON.stringify(apiThemes));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('starter theme ids', () => {
  // Stored tags, models and exports name starter themes by these ids in every installation: they must never change.
  it('are the same UUIDs in every installation, one per starter key, and never collide with a file id', () => {
    expect(starterThemeId('waiting')).toBe('0f374498-118c-5daa-8168-f5b49c88a360');
    expect(starterThemeId('access-and-booking')).toBe('fb9020f8-bde1-5fb2-b4ef-4ab310a5f9ed');
    const ids = STARTER_CODEBOOK.map((theme) => starterThemeId(theme.key));
    expect(new Set(ids).size).toBe(STARTER_CODEBOOK.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const theme of STARTER_CODEBOOK) expect(starterThemeId(theme.key)).not.toBe(uuidFromKey(`file:${theme.key}`));
  });
});

describe('suggest', () => {
  it('prints each story with its suggestions, scores and evidence that points into the masked text', () => {
    const input = file('suggest.ndjson', ndjson(suggestStories));
    const output = cliJson(['suggest', '--codebook', 'codebook.json', input]);
    const stories = output.stories as Array<{ id: string; language: string; suggestions: Array<{ themeId: string; score: number; label: string; evidence: Array<{ field: string; start: number; end: number; text: string }> }> }>;
    expect(stories.map((story) => story.id)).toStrictEqual(['s1', 's2', 's3']);
    const compiled = compileCodebook(codebook);
    const topicThemes = resolveTopicThemes((key) => idOf(key));
    for (const [index, story] of stories.entries()) {
      const source = suggestStories[index]!;
      // The same suggestions the library gives for the same story.
      const expected = suggestThemes({ fields: source.story, locale: source.locale as 'sv', topics: source.topics ?? [] }, compiled, undefined, { topicThemes });
      expect(story.suggestions.map((suggestion) => [suggestion.themeId, suggestion.score])).toStrictEqual(expected.map((suggestion) => [suggestion.themeId, suggestion.score]));
      for (const suggestion of story.suggestions) {
        expect(suggestion.score).toBeGreaterThanOrEqual(0.5);
        for (const evidence of suggestion.evidence) {
          const text = (source.story as Record<string, string>)[evidence.field]!;
          expect(text.slice(evidence.start, evidence.end)).toBe(evidence.text);
        }
      }
    }
    expect(stories[0]!.suggestions.map((suggestion) => suggestion.themeId)).toContain(BOOKING);
    expect(stories[0]!.suggestions.find((suggestion) => suggestion.themeId === BOOKING)!.label).toBe('Access and booking / Kontakt och bokning');
    expect(stories[1]!.suggestions.map((suggestion) => suggestion.themeId)).toContain(BOOKING);
    expect(stories[1]!.language).toBe('en');
  });

  it('reads standard input, and masks personal data before anything is printed', () => {
    const run = cli(['suggest', '--codebook', 'codebook.json', '--threshold', '0', '--max-shown', '20'], ndjson(suggestStories));
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('9876');
    expect((JSON.parse(run.stdout) as { threshold: number }).threshold).toBe(0);
  });

  it('prints a Markdown table with --format markdown', () => {
    const run = cli(['suggest', '--codebook', 'codebook.json', '--format', 'markdown'], ndjson(suggestStories));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('| story | language | theme | score | evidence |');
    expect(run.stdout).toMatch(/^\| s1 \| sv \| Access and booking \/ Kontakt och bokning \| \d\.\d\d \|/m);
  });
});

/** Stories for summaries: a fixed pattern over themes, months, roles, ratings and care settings, some groups small. */
function summaryStories(): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  const roles = ['patient', 'relative', 'patient_and_relative'];
  for (let index = 0; index < 47; index += 1) {
    const themes = [index % 3 === 0 ? 'access-and-booking' : 'waiting', ...(index % 13 === 0 ? ['safety'] : [])];
    rows.push({
      // The export has no id; every other story here has one.
      ...(index % 2 === 0 ? { id: `sum-${index}` } : {}),
      locale: 'sv',
      receivedOn: `2026-0${1 + (index % 4)}-1${index % 10}`,
      respondentRole: roles[index % 7 === 0 ? 2 : index % 2]!,
      careSettings: index % 5 === 0 ? ['primary_care', 'emergency'] : ['primary_care'],
      rating: index % 6 === 0 ? null : 1 + (index % 5),
      topics: [],
      story: { whatHappened: 'Det gick bra.', whatWorkedWell: '', whatCouldBeBetter: '', idea: '' },
      themes: themes.map((key) => ({ themeId: idOf(key), label: key })),
      excerpts: [],
    });
  }
  return rows;
}

function bruteCount(rows: ReadonlyArray<Record<string, unknown>>, of: (row: Record<string, unknown>) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) for (const value of new Set(of(row))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe('summarize', () => {
  const rows = summaryStories();
  const K = 5;

  it('counts per theme equal a brute-force count; groups below k are hidden, not printed', () => {
    const input = file('summary.ndjson', ndjson(rows));
    const output = cliJson(['summarize', '--by', 'theme', input]);
    expect(output.total).toBe(rows.length);
    expect(output.k).toBe(K);
    const brute = bruteCount(rows, (row) => (row.themes as Array<{ themeId: string }>).map((theme) => theme.themeId));
    expect(brute.get(idOf('safety'))).toBeLessThan(K);
    const shown = output.rows as Array<{ key: string; count: number | { suppressed: true }; share: unknown }>;
    expect(shown.map((row) => row.key).sort()).toStrictEqual([...brute.keys()].sort());
    for (const row of shown) {
      const truth = brute.get(row.key)!;
      if (truth < K) expect(row.count).toStrictEqual({ suppressed: true });
      if (typeof row.count === 'number') {
        expect(row.count).toBe(truth);
        expect(row.share).toBeCloseTo(truth / rows.length, 10);
      }
    }
    expect(shown.find((row) => row.key === idOf('waiting'))!.count).toBe(brute.get(idOf('waiting')));
  });

  it('by month, role and care setting: shown cells equal the brute-force count, small cells hidden', () => {
    const input = file('summary.ndjson', ndjson(rows));
    const axes: Array<[string, (row: Record<string, unknown>) => readonly string[]]> = [
      ['month', (row) => [String(row.receivedOn).slice(0, 7)]],
      ['role', (row) => [String(row.respondentRole)]],
      ['careSetting', (row) => row.careSettings as string[]],
    ];
    for (const [by, of] of axes) {
      const brute = bruteCount(rows, of);
      const output = cliJson(['summarize', '--by', by, '--k', String(K), input]);
      const shown = output.rows as Array<{ key: string; count: number | { suppressed: true } }>;
      expect(shown.map((row) => row.key).sort()).toStrictEqual([...brute.keys()].sort());
      for (const row of shown) {
        const truth = brute.get(row.key) ?? 0;
        if (truth > 0 && truth < K) expect(row.count, `${by} ${row.key}`).toStrictEqual({ suppressed: true });
        else if (typeof row.count === 'number') expect(row.count, `${by} ${row.key}`).toBe(truth);
      }
    }
    // The role patient_and_relative has 7 stories: with k = 8 it (and a complementary cell) disappears.
    const strict = cliJson(['summarize', '--by', 'role', '--k', '8', input]);
    const roleRows = strict.rows as Array<{ key: string; count: unknown }>;
    expect(roleRows.find((row) => row.key === 'patient_and_relative')!.count).toStrictEqual({ suppressed: true });
    expect(roleRows.filter((row) => typeof row.count !== 'number').length).toBeGreaterThanOrEqual(2);
  });

  it('the whole summary with theme labels from a codebook; nothing at all when fewer than k stories', () => {
    const input = file('summary.ndjson', ndjson(rows));
    const output = cliJson(['summarize', '--codebook', 'codebook.json', input]);
    expect(output.total).toBe(rows.length);
    expect((output.labels as Record<string, string>)[BOOKING]).toBe('Access and booking / Kontakt och bokning');
    const overall = output.overall as { ratings: { rated: number; unrated: number } };
    expect(overall.ratings.unrated).toBe(rows.filter((row) => row.rating === null).length);
    const few = cliJson(['summarize'], ndjson(rows.slice(0, 4)));
    expect(few.total).toStrictEqual({ suppressed: true });
    expect(few.themes).toStrictEqual([]);
    expect(few.overall).toBeUndefined();
  });

  it('prints Markdown tables with hidden cells as a dash', () => {
    const run = cli(['summarize', '--codebook', 'codebook.json', '--format', 'markdown'], ndjson(rows));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('| theme | stories | share |');
    expect(run.stdout).toContain('| Safety / Patientsäkerhet | – |');
    expect(run.stdout).toContain(`| Waiting / Väntan | ${rows.filter((row) => (row.themes as Array<{ label: string }>).some((theme) => theme.label === 'waiting')).length} |`);
  });
});

describe('cluster', () => {
  const parking = ['Det fanns ingen parkering vid sjukhuset och parkeringen kostade mycket.', 'Parkeringen var full, jag fick parkera långt bort.', 'Svårt att hitta parkering, parkeringsautomaten fungerade inte.', 'Parkering saknades helt för besökare.', 'Parkeringsavgiften är för hög vid sjukhuset.'];
  const food = ['Maten på avdelningen var kall och smakade inget.', 'Maten var kall varje dag.', 'Jag fick ingen mat som passade min diet, maten var dålig.', 'Kall mat till frukost och middag.', `Maten kom sent och var kall. Mitt personnummer är ${PERSONNUMMER}.`];
  const stories = [...parking.map((text, index) => ({ id: `p${index}`, text })), ...food.map((text, index) => ({ id: `f${index}`, text }))].map(({ id, text }) => ({ id, locale: 'sv', story: { whatHappened: text } }));

  it('groups similar stories with sizes, top terms and masked quotes; the same output every run', () => {
    const input = file('cluster.ndjson', ndjson(stories));
    const first = cli(['cluster', '--codebook', 'codebook.json', input]);
    expect(first.status).toBe(0);
    const output = JSON.parse(first.stdout) as { stories: number; clustered: number; clusters: Array<{ size: number; storyIds: string[]; topTerms: Array<{ key: string }>; quotes: Array<{ storyId: string; text: string }> }> };
    expect(output.stories).toBe(10);
    expect(output.clusters.length).toBeGreaterThanOrEqual(2);
    expect(output.clusters.reduce((sum, cluster) => sum + cluster.size, 0)).toBe(output.clustered);
    for (const cluster of output.clusters) {
      expect(cluster.storyIds).toHaveLength(cluster.size);
      expect(cluster.topTerms.length).toBeGreaterThan(0);
      expect(cluster.quotes.length).toBeLessThanOrEqual(3);
      for (const quote of cluster.quotes) expect(cluster.storyIds).toContain(quote.storyId);
      // A cluster is one subject: all parking or all food.
      expect(new Set(cluster.storyIds.map((id) => id[0])).size).toBe(1);
    }
    expect(first.stdout).not.toContain('9876');
    expect(cli(['cluster', '--codebook', 'codebook.json', input]).stdout).toBe(first.stdout);
  });

  it('--untagged leaves tagged stories out; Markdown has an overview table', () => {
    const tagged = stories.map((story, index) => (index < 5 ? { ...story, themes: [{ themeId: BOOKING, label: 'x' }] } : story));
    const output = cliJson(['cluster', '--untagged'], ndjson(tagged));
    expect(output.stories).toBe(5);
    const run = cli(['cluster', '--format', 'markdown'], ndjson(stories));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('| cluster | stories | cohesion | top terms |');
    expect(run.stdout).toMatch(/^## Cluster 1: \d+ stories$/m);
  });
});

describe('eval', () => {
  const labelled = [
    { id: 'e1', locale: 'sv', story: { whatHappened: 'Jag ringde vårdcentralen i tre dagar och kom aldrig fram i telefon.' }, topics: ['access_and_booking'], gold: ['access-and-booking'] },
    { id: 'e2', locale: 'en', story: { whatHappened: 'I could not get through on the phone to book an appointment for weeks.' }, gold: [BOOKING] },
    { id: 'e3', locale: 'en', story: { whatHappened: 'I waited six hours in the emergency room before anyone saw me.' }, topics: ['waiting_times'], gold: ['waiting', 'safety'] },
    { id: 'e4', locale: 'sv', written: 'en', story: { whatHappened: 'The nurse was kind and explained everything about my medicine.' }, gold: ['medication-and-prescriptions'] },
  ];

  it('precision, recall, F1 and recall@3 per language equal a count over the library suggestions', () => {
    const output = cliJson(['eval', '--codebook', 'codebook.json'], ndjson(labelled));
    const compiled = compileCodebook(codebook);
    const topicThemes = resolveTopicThemes((key) => idOf(key));
    const tally = new Map<string, { tp: number; fp: number; fn: number }>();
    for (const story of labelled) {
      const gold = new Set(story.gold.map((reference) => (reference.includes('-') && reference.length === 36 ? reference : idOf(reference))));
      const shown = new Set(suggestThemes({ fields: story.story, locale: story.locale as 'sv', topics: story.topics ?? [], language: (story.written ?? story.locale) as 'sv' }, compiled, undefined, { topicThemes }).map((suggestion) => suggestion.themeId));
      for (const language of [story.written ?? story.locale, 'all']) {
        const counts = tally.get(language) ?? { tp: 0, fp: 0, fn: 0 };
        tally.set(language, counts);
        for (const themeId of shown) if (gold.has(themeId)) counts.tp += 1; else counts.fp += 1;
        for (const themeId of gold) if (!shown.has(themeId)) counts.fn += 1;
      }
    }
    const rows = [output.overall, ...(output.byLanguage as unknown[])] as Array<{ language: string; stories: number; precision: number; recall: number; f1: number; recallAt3: number }>;
    expect(rows.map((row) => row.language)).toStrictEqual(['all', 'en', 'sv']);
    expect(rows.map((row) => row.stories)).toStrictEqual([4, 3, 1]);
    for (const row of rows) {
      const { tp, fp, fn } = tally.get(row.language)!;
      const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
      const recall = tp / (tp + fn);
      expect(row.precision).toBeCloseTo(precision, 4);
      expect(row.recall).toBeCloseTo(recall, 4);
      expect(row.f1).toBeCloseTo(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), 4);
      expect(row.recallAt3).toBeGreaterThanOrEqual(row.recall);
    }
    expect(rows.find((row) => row.language === 'sv')!.recall).toBe(1);
  });

  it('prints a Markdown table; a story without gold or with an unknown gold theme is an error naming its line', () => {
    const run = cli(['eval', '--codebook', 'codebook.json', '--format', 'markdown'], ndjson(labelled));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('| language | stories | precision | recall | F1 | recall@3 |');
    expect(run.stdout).toMatch(/^\| \*\*all\*\* \| 4 \|/m);
    const noGold = cli(['eval', '--codebook', 'codebook.json'], ndjson([labelled[0], { ...labelled[1], gold: undefined }]));
    expect(noGold.status).toBe(1);
    expect(noGold.stderr).toContain('stdin line 2: no "gold"');
    const unknown = cli(['eval', '--codebook', 'codebook.json'], ndjson([{ ...labelled[0], gold: ['no-such-theme'] }]));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('line 1: gold theme no-such-theme is not in the codebook');
  });
});

describe('errors and help', () => {
  it('a malformed line exits 1 naming the file and line, without echoing its text', () => {
    const input = file('broken.ndjson', `${JSON.stringify(suggestStories[0])}\n\n{"id": "x", "locale": "sv", "story": {"whatHappened": "hemligt ${PERSONNUMMER}"\n`);
    const run = cli(['summarize', input]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${input} line 3: not valid JSON`);
    expect(run.stderr).not.toContain('hemligt');
    expect(run.stdout).toBe('');
    const notObject = cli(['suggest', '--codebook', 'codebook.json'], '[1, 2]\n');
    expect(notObject.status).toBe(1);
    expect(notObject.stderr).toContain('stdin line 1: expected a JSON object');
    const badLocale = cli(['cluster'], ndjson([{ id: 'a', locale: 'xx', story: { whatHappened: 'x' } }]));
    expect(badLocale.status).toBe(1);
    expect(badLocale.stderr).toContain('line 1: "locale" must be a form language code');
    const duplicate = cli(['cluster'], ndjson([suggestStories[0], suggestStories[0]]));
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('line 2: id s1 already on line 1');
    const noMonth = cli(['summarize'], ndjson([suggestStories[0]]));
    expect(noMonth.status).toBe(1);
    expect(noMonth.stderr).toContain('line 1: no "receivedOn"');
  });

  it('a missing or broken file exits 1', () => {
    expect(cli(['summarize', 'no-such-file.ndjson']).stderr).toContain('cannot read no-such-file.ndjson: ENOENT');
    file('bad-codebook.json', '{"themes": [{"id": "a"}]}');
    const run = cli(['suggest', '--codebook', 'bad-codebook.json'], ndjson(suggestStories));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('theme 1: "labels" must have "sv" and "en"');
  });

  it.each([
    [['suggest'], '--codebook is required'],
    [['suggest', '--codebook', 'codebook.json', '--threshold', '2'], '--threshold must be a number from 0 to 1, not 2'],
    [['summarize', '--k', '2'], '--k must be a whole number from 3'],
    [['summarize', '--by', 'ward'], '--by must be one of theme, month, role, careSetting, not ward'],
    [['summarize', '--format', 'xml'], '--format must be json or markdown, not xml'],
    [['cluster', '--colour', 'red'], "Unknown option '--colour'"],
    [['cluster', 'a.ndjson', 'b.ndjson'], 'cluster takes one input file; got 2'],
    [['forecast'], 'unknown command "forecast"'],
    [[], 'usage: medskapa-analysis <command>'],
  ])('usage error %j exits 2 with a clear message', (args, message) => {
    const run = cli(args, '');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it.each(['suggest', 'cluster', 'summarize', 'eval'])('%s --help prints its usage and exits 0', (command) => {
    const run = cli([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`medskapa-analysis ${command}`);
    expect(run.stdout).toContain('--format json|markdown');
  });

  it('the workspace bin runs under the project Node (node_modules/.bin on PATH, as npm puts it)', () => {
    const bin = path.join(ROOT, 'node_modules/.bin/medskapa-analysis');
    const run = spawnSync(bin, ['--help'], { encoding: 'utf8', env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Commands:');
  });
});
