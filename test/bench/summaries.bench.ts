// Summary time against a raw `$match` + `$unwind` + `$group` count by theme over the same stories, in the same
// FerretDB, in the same run (issue 5: target ≤ 1.5 × raw). Sizes from BENCH_SUMMARY_SIZES (default 10000,100000).
// Appends a table to test/bench/RESULTS.md.
import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import type { SummaryQuery } from '../../api/contract/index.ts';
import { loadConfig } from '../../api/src/config.ts';
import { driverCollection } from '../../api/src/db/collections.ts';
import { connectDatabase } from '../../api/src/db/connection.ts';
import { FERRETDB_VERSION, ensureFerretdbBinary, removeDirectory, startFerretdb } from '../../api/src/db/embeddedFerretdb.ts';
import { ensureIndexes } from '../../api/src/db/indexes.ts';
import { tagRefsOf } from '../../api/src/tagging/repository.ts';
import { createSummaryRepository, summaryFilter } from '../../api/src/summaries/repository.ts';
import { createSummaryService } from '../../api/src/summaries/service.ts';

/** A tag as the tag repository stores it. */
type TagSeed = Parameters<typeof tagRefsOf>[0][number] & { readonly key: string; readonly storyId: string };

const SIZES = (process.env['BENCH_SUMMARY_SIZES'] ?? '10000,100000').split(',').map(Number);
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 3);
const RESULTS = new URL('./RESULTS.md', import.meta.url);
const THEMES = Array.from({ length: 20 }, (_, i) => `bench-theme-${String(i).padStart(2, '0')}`);
const LOCALES = ['sv', 'sv', 'sv', 'sv', 'en', 'ar', 'fa', 'so', 'ti', 'fi', 'uk'] as const;
const ROLES = ['patient', 'patient', 'relative', 'patient_and_relative'] as const;
const SETTINGS = ['primary_care', 'emergency', 'hospital_inpatient', 'specialist_outpatient', 'psychiatry', 'dental'] as const;
const WORDS = 'väntan telefon bemötande tolk remiss svar parkering mat läkare sköterska tid besked akuten vårdcentral journal'.split(' ');

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Stories as the API stores them (derived fields included), with story and excerpt tags. */
async function seed(uri: string, dbName: string, size: number) {
  const connection = await connectDatabase({ uri, dbName, serverSelectionTimeoutMs: 5000 });
  await ensureIndexes(connection);
  const next = random(size);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const stories = driverCollection<{ _id: string }>(connection, 'submissions');
  const tags = driverCollection<{ _id: string }>(connection, 'tags');
  await driverCollection<{ _id: string }>(connection, 'themes').insertMany(
    THEMES.map((id, i) => ({ _id: id, labels: { sv: `Tema ${i}`, en: `Theme ${i}` }, status: 'active', depth: 1, siblingKey: id })),
  );
  const BATCH = 1000;
  for (let offset = 0; offset < size; offset += BATCH) {
    const storyBatch: Array<{ _id: string; [field: string]: unknown }> = [];
    const tagBatch: TagSeed[] = [];
    for (let i = offset; i < Math.min(size, offset + BATCH); i += 1) {
      const id = randomUUID();
      const month = `${2025 + Math.floor(next() * 2)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`;
      // A few themes are common, most are rare (Zipf-like), 0–3 per story.
      const themes = [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => THEMES[Math.floor(THEMES.length * next() ** 2)] ?? 'x'))].sort();
      const whatHappened = Array.from({ length: 40 }, () => pick(WORDS)).join(' ');
      const rating = next() < 0.2 ? undefined : 1 + Math.floor(next() * 5);
      const storyTags: TagSeed[] = [];
      for (const themeId of themes) {
        const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
        storyTags.push({ _id: randomUUID(), key: `${id}|${themeId}`, storyId: id, themeId, kind: 'story', createdAt });
        if (next() < 0.05) storyTags.push({ _id: randomUUID(), key: `${id}|${themeId}|whatHappened|0|20`, storyId: id, themeId, kind: 'excerpt', field: 'whatHappened', start: 0, end: 20, createdAt });
      }
      tagBatch.push(...storyTags);
      storyBatch.push({
        _id: id,
        idempotencyKeyHash: randomUUID(),
        requestHash: randomUUID(),
        receiptHash: randomUUID(),
        status: 'new',
        locale: pick(LOCALES),
        channel: 'web',
        respondent: { role: pick(ROLES) },
        care: { settings: [...new Set([pick(SETTINGS), ...(next() < 0.3 ? [pick(SETTINGS)] : [])])], when: 'last_month' },
        topics: [],
        story: { whatHappened, whatCouldBeBetter: Array.from({ length: 20 }, () => pick(WORDS)).join(' ') },
        ...(rating === undefined ? {} : { rating }),
        hasFollowUp: false,
        consent: { storyProcessing: true, version: '2026-11' },
        redactions: [],
        maskVersion: 1,
        receivedOn: `${month}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
        month,
        schemaVersion: 1,
        tokens: [...new Set(whatHappened.split(' '))],
        themes,
        themeCount: themes.length,
        tagRefs: tagRefsOf(storyTags),
        needsAttention: false,
      });
    }
    await stories.insertMany(storyBatch, { ordered: false });
    if (tagBatch.length > 0) await tags.insertMany(tagBatch, { ordered: false });
  }
  return connection;
}

interface Row {
  readonly size: number;
  readonly filter: string;
  readonly raw: number;
  readonly summary: number;
  readonly groups: number;
  readonly numbers: number;
}

async function bench(uri: string, size: number): Promise<Row[]> {
  const started = performance.now();
  const connection = await seed(uri, `bench_summaries_${size}`, size);
  process.stderr.write(`seeded ${size} stories in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  const repository = createSummaryRepository(connection);
  const service = createSummaryService({ repository, k: 5 });
  const stories = driverCollection<{ _id: string }>(connection, 'submissions');
  const raw = (query: SummaryQuery) =>
    stories.aggregate([{ $match: summaryFilter(query) }, { $unwind: '$themes' }, { $group: { _id: '$themes', count: { $sum: 1 } } }, { $sort: { count: -1, _id: 1 } }]).toArray();
  const rows: Row[] = [];
  const filters: Array<[string, SummaryQuery]> = [
    ['none', {}],
    ['locale = ar', { locale: 'ar' }],
    ['theme, 2025', { theme: 'bench-theme-03', from: '2025-01', to: '2025-12' }],
  ];
  try {
    for (const [name, query] of filters) {
      await raw(query);
      await service.summarize(query, { storyIds: false });
      const rawTimes: number[] = [];
      const summaryTimes: number[] = [];
      const groupTimes: number[] = [];
      const numberTimes: number[] = [];
      for (let i = 0; i < REPEATS; i += 1) {
        let t0 = performance.now();
        await raw(query);
        rawTimes.push(performance.now() - t0);
        t0 = performance.now();
        await service.summarize(query, { storyIds: false });
        summaryTimes.push(performance.now() - t0);
        t0 = performance.now();
        await repository.groups(query);
        groupTimes.push(performance.now() - t0);
        t0 = performance.now();
        await service.summarize(query, { storyIds: false, quotes: false });
        numberTimes.push(performance.now() - t0);
      }
      const row = { size, filter: name, raw: median(rawTimes), summary: median(summaryTimes), groups: median(groupTimes), numbers: median(numberTimes) };
      rows.push(row);
      process.stdout.write(`${format(row)}\n`);
    }
  } finally {
    await connection.dropDatabase();
    await connection.close();
  }
  return rows;
}

const format = (row: Row): string => {
  const ratio = row.summary / row.raw;
  const numbers = row.numbers / row.raw;
  const verdict = (value: number) => (value <= 1.5 ? 'pass' : 'FAIL');
  return `| ${row.size.toLocaleString('en').replaceAll(',', ' ')} | ${row.filter} | ${row.raw.toFixed(0)} | ${row.groups.toFixed(0)} | ${row.numbers.toFixed(0)} | **${numbers.toFixed(2)}** ${verdict(numbers)} | ${row.summary.toFixed(0)} | **${ratio.toFixed(2)}** ${verdict(ratio)} |`;
};

const binary = await ensureFerretdbBinary(loadConfig({}).ferretdbCacheDir, (line) => process.stderr.write(`${line}\n`));
const directory = await mkdtemp(path.join(tmpdir(), 'medskapa-bench-summaries-'));
const ferretdb = await startFerretdb(binary, { handler: 'sqlite', directory });
const header = ['| stories | filter | raw ms | grouping ms | numbers only ms | ÷ raw (≤ 1.5) | with quotes ms | ÷ raw (≤ 1.5) |', '|---|---|---|---|---|---|---|---|'];
process.stdout.write(`${header.join('\n')}\n`);
const rows: Row[] = [];
try {
  for (const size of SIZES) rows.push(...(await bench(ferretdb.uri, size)));
} finally {
  await ferretdb.stop();
  await removeDirectory(directory);
}

const cpu = cpus();
await appendFile(
  RESULTS,
  [
    '',
    `## Summaries, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB. FerretDB ${FERRETDB_VERSION} on SQLite, Node ${process.versions.node}.`,
    `Method: 20 themes (Zipf-like, 0–3 per story), 24 months, story and excerpt tags; a warm-up each, then raw and summary alternated ${REPEATS} times, medians shown. Raw = \`$match\` (the same filter) + \`$unwind: "$themes"\` + \`$group\` count by theme + \`$sort\`; grouping = the repository's pass (on FerretDB \`$match\` + \`$project\`, grouped in the app); numbers only = the service without quotes (what a table export needs); with quotes = the service behind GET /api/v1/summaries (the grouping pass also reads each story's tag references and keeps the text of the newest quote candidates per theme; suppression, labels), without HTTP.`,
    '',
    ...header,
    ...rows.map(format),
    '',
  ].join('\n'),
);
process.stdout.write(`\nAppended to ${RESULTS.pathname}\n`);
