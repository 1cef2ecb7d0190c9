// `npm run bench`: POST /api/v1/submissions against the raw driver's insertOne of the same document into
// the same FerretDB, at the same concurrency, in the same run. Appends a table to test/bench/RESULTS.md.
// BENCH_POSTGRESQL_URL (a fresh PostgreSQL database) adds the PostgreSQL backend; BENCH_SECONDS sets the duration.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { MongoClient } from 'mongodb';
import { MASK_VERSION, searchTokens } from '../../analysis/src/index.ts';
import { loadConfig } from '../../api/src/config.ts';
import { connectDatabase } from '../../api/src/db/connection.ts';
import { FERRETDB_VERSION, ensureFerretdbBinary, removeDirectory, startFerretdb, type FerretdbBackend } from '../../api/src/db/embeddedFerretdb.ts';
import { ensureIndexes } from '../../api/src/db/indexes.ts';
import { buildSubmission } from '../support/builders.ts';
import { freePort, startServerProcess, waitFor } from '../support/processes.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 8);
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 3);
const CONCURRENCIES = [10, 50];
const RESULTS = new URL('./RESULTS.md', import.meta.url);

interface Measurement {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const hex = () => createHash('sha256').update(randomBytes(16)).digest('hex');

// Derived once: the raw baseline stores what the API stores, without the API's work of deriving it.
const benchStory = buildSubmission();
const benchTokens = searchTokens([benchStory.story.whatHappened, benchStory.story.whatWorkedWell, benchStory.story.whatCouldBeBetter, benchStory.story.idea, benchStory.care.unit], benchStory.locale);

/** The document the API stores for the bench story, with fresh unique keys each time. */
function storedDocument(body: ReturnType<typeof buildSubmission>) {
  return {
    _id: randomUUID(),
    idempotencyKeyHash: hex(),
    requestHash: hex(),
    receiptHash: hex(),
    status: 'new',
    ...body,
    hasFollowUp: false,
    redactions: [],
    maskVersion: MASK_VERSION,
    receivedOn: '2026-11-26',
    month: '2026-11',
    schemaVersion: 1,
    tokens: benchTokens,
    themes: [],
    themeCount: 0,
    needsAttention: false,
  };
}

async function measureRaw(uri: string, concurrency: number): Promise<Measurement> {
  const client = await MongoClient.connect(uri, { maxPoolSize: Math.max(concurrency, 10) });
  const collection = client.db('bench_raw').collection<{ _id: string }>('submissions');
  const body = buildSubmission();
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          await collection.insertOne(storedDocument(body));
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  await client.close();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / SECONDS, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

async function measureApi(base: string, concurrency: number): Promise<Measurement> {
  const body = JSON.stringify(buildSubmission());
  const result = await autocannon({
    url: base,
    connections: concurrency,
    pipelining: 1,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/submissions',
        headers: { 'content-type': 'application/json' },
        body,
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }),
      },
    ],
  });
  const ok = result['2xx'];
  return { rps: ok / SECONDS, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function benchBackend(name: string, backend: FerretdbBackend, binary: string): Promise<string[]> {
  const ferretdb = await startFerretdb(binary, backend);
  const apiUri = `${ferretdb.uri}bench_api`;
  const rawUri = `${ferretdb.uri}`;
  for (const dbName of ['bench_api', 'bench_raw']) {
    const connection = await connectDatabase({ uri: ferretdb.uri, dbName });
    await connection.dropDatabase();
    await ensureIndexes(connection);
    await connection.close();
  }
  const port = await freePort();
  const server = startServerProcess({
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    MONGODB_URI: apiUri,
    CONTACT_KEY: `bench:${randomBytes(32).toString('base64')}`,
    APP_SECRET: randomBytes(32).toString('hex'),
    SUBMISSION_RATE_LIMIT: '0',
    RECEIPT_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
  });
  const base = `http://127.0.0.1:${port}`;
  if (!(await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 30_000))) throw new Error(`API did not start:\n${server.output()}`);

  const rows: string[] = [];
  try {
    for (const concurrency of CONCURRENCIES) {
      // Warm-up, not measured.
      await measureRaw(rawUri, concurrency);
      await measureApi(base, concurrency);
      const raw: Measurement[] = [];
      const api: Measurement[] = [];
      for (let i = 0; i < REPEATS; i += 1) {
        raw.push(await measureRaw(rawUri, concurrency));
        api.push(await measureApi(base, concurrency));
        await sleep(500);
      }
      const r = { rps: median(raw.map((m) => m.rps)), p50: median(raw.map((m) => m.p50)), p99: median(raw.map((m) => m.p99)), errors: raw.reduce((s, m) => s + m.errors, 0) };
      const a = { rps: median(api.map((m) => m.rps)), p50: median(api.map((m) => m.p50)), p99: median(api.map((m) => m.p99)), errors: api.reduce((s, m) => s + m.errors, 0) };
      const ratio = a.rps / r.rps;
      const p99Limit = 1.5 * r.p99 + 5;
      const pass = ratio >= 0.7 && a.p99 <= p99Limit && a.errors === 0;
      const spread = `${Math.min(...api.map((m) => m.rps)).toFixed(0)}–${Math.max(...api.map((m) => m.rps)).toFixed(0)}`;
      rows.push(
        `| ${name} | ${concurrency} | ${r.rps.toFixed(0)} | ${a.rps.toFixed(0)} (${spread}) | **${ratio.toFixed(2)}** | ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} | ${a.p50.toFixed(1)} / ${a.p99.toFixed(1)} | ${p99Limit.toFixed(1)} | ${a.errors} | ${pass ? 'pass' : 'FAIL'} |`,
      );
      process.stdout.write(`${rows.at(-1)}\n`);
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await ferretdb.stop();
  }
  return rows;
}

async function versionOf(pkg: string): Promise<string> {
  const json: unknown = JSON.parse(await readFile(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url), 'utf8'));
  return typeof json === 'object' && json !== null && 'version' in json ? String(json.version) : '?';
}

const binary = await ensureFerretdbBinary(loadConfig({}).ferretdbCacheDir, (line) => process.stderr.write(`${line}\n`));
const directory = await mkdtemp(path.join(tmpdir(), 'medskapa-bench-'));
const header = [
  '| backend | c | raw insertOne/s | API 201/s (min–max) | ratio API ÷ raw | raw p50 / p99 ms | API p50 / p99 ms | p99 target ms (1.5 × raw + 5) | API errors | verdict |',
  '|---|---|---|---|---|---|---|---|---|---|',
];
process.stdout.write(`${header.join('\n')}\n`);
const rows = await benchBackend('FerretDB/SQLite', { handler: 'sqlite', directory }, binary);
const pgUrl = process.env['BENCH_POSTGRESQL_URL'];
if (pgUrl !== undefined) rows.push(...(await benchBackend('FerretDB/PostgreSQL', { handler: 'postgresql', url: pgUrl }, binary)));
await removeDirectory(directory);

const cpu = cpus();
const section = [
  '',
  `## Ingestion, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load generator, API and FerretDB share the machine (no pinning).`,
  `Versions: Node ${process.versions.node}, Express ${await versionOf('express')}, Mongoose ${await versionOf('mongoose')}, mongodb ${await versionOf('mongodb')}, FerretDB ${FERRETDB_VERSION}, autocannon ${await versionOf('autocannon')}.`,
  `Method: ${SECONDS} s per run, warm-up run first, then raw and API alternated ${REPEATS} times; medians shown. Raw = driver insertOne of the stored document (same indexes) from c concurrent loops; API = autocannon, c connections, pipelining 1, a fresh Idempotency-Key per request, rate limits off.`,
  '',
  ...header,
  ...rows,
  '',
].join('\n');
await appendFile(RESULTS, section);
process.stdout.write(`\nAppended to ${RESULTS.pathname}\n`);
