// `npm run bench:exports`: story exports (CSV, NDJSON, XLSX) over HTTP from the real app, each in a fresh server
// process (peak RSS = its VmHWM), against draining a raw driver cursor with the same filter and projection in the same
// run; and the p99 of POST /api/v1/submissions with and without an export running. Sizes from BENCH_EXPORT_SIZES
// (default 10000,100000). Appends a table to test/bench/RESULTS.md.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appendFile, mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { createApp } from '../../api/src/app.ts';
import { loadConfig } from '../../api/src/config.ts';
import { parseKeyring } from '../../api/src/contacts/contactCipher.ts';
import { driverCollection } from '../../api/src/db/collections.ts';
import { connectDatabase } from '../../api/src/db/connection.ts';
import { FERRETDB_VERSION, ensureFerretdbBinary, removeDirectory, startFerretdb } from '../../api/src/db/embeddedFerretdb.ts';
import { ensureIndexes } from '../../api/src/db/indexes.ts';
import { createLogger } from '../../api/src/logger.ts';
import { STORY_PROJECTION } from '../../api/src/exports/repository.ts';
import { tagRefsOf } from '../../api/src/tagging/repository.ts';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { buildSubmission } from '../support/builders.ts';

/** Submissions timed for the p99, idle and during an export (200 made the p99 the second-slowest request). */
const P99_REQUESTS = 1000;

/** A tag as the tag repository stores it. */
type TagSeed = Parameters<typeof tagRefsOf>[0][number] & { readonly key: string; readonly storyId: string };

const RESULTS = new URL('./RESULTS.md', import.meta.url);
const PASSWORD = 'a long passphrase for the export benchmark';

const WORDS = 'väntan telefon bemötande tolk remiss svar parkering mat läkare sköterska tid besked akuten vårdcentral journal'.split(' ');
const THEMES = Array.from({ length: 20 }, (_, i) => `bench-theme-${String(i).padStart(2, '0')}`);

async function seed(uri: string, dbName: string, size: number): Promise<void> {
  const connection = await connectDatabase({ uri, dbName, serverSelectionTimeoutMs: 5000 });
  await ensureIndexes(connection);
  await driverCollection<{ _id: string }>(connection, 'themes').insertMany(THEMES.map((id, i) => ({ _id: id, labels: { sv: `Tema ${i}`, en: `Theme ${i}` }, status: 'active', depth: 1, siblingKey: id })));
  let state = size;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  for (let offset = 0; offset < size; offset += 2000) {
    const stories: Array<{ _id: string; [field: string]: unknown }> = [];
    const tags: TagSeed[] = [];
    for (let i = offset; i < Math.min(size, offset + 2000); i += 1) {
      const id = randomUUID();
      const month = `2026-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`;
      const themes = [...new Set(Array.from({ length: Math.floor(next() * 3) }, () => pick(THEMES)))].sort();
      const storyTags: TagSeed[] = [];
      for (const themeId of themes) {
        if (next() < 0.3) storyTags.push({ _id: randomUUID(), key: `${id}|${themeId}|whatHappened|0|20`, storyId: id, themeId, kind: 'excerpt', field: 'whatHappened', start: 0, end: 20, createdAt: new Date() });
      }
      tags.push(...storyTags);
      const whatHappened = Array.from({ length: 60 }, () => pick(WORDS)).join(' ');
      stories.push({
        _id: id,
        idempotencyKeyHash: randomUUID(),
        requestHash: randomUUID(),
        receiptHash: randomUUID(),
        status: 'new',
        locale: 'sv',
        channel: 'web',
        respondent: { role: 'patient' },
        care: { settings: ['primary_care'], when: 'last_month' },
        topics: ['access_and_booking'],
        story: { whatHappened, whatCouldBeBetter: Array.from({ length: 20 }, () => pick(WORDS)).join(' ') },
        rating: 1 + Math.floor(next() * 5),
        hasFollowUp: false,
        consent: { storyProcessing: true, version: '2026-11' },
        redactions: [],
        maskVersion: 1,
        receivedOn: `${month}-10`,
        month,
        schemaVersion: 1,
        tokens: [],
        themes,
        themeCount: themes.length,
        tagRefs: tagRefsOf(storyTags),
        needsAttention: false,
      });
    }
    await driverCollection<{ _id: string }>(connection, 'submissions').insertMany(stories, { ordered: false });
    if (tags.length > 0) await driverCollection<{ _id: string }>(connection, 'tags').insertMany(tags, { ordered: false });
  }
  const email = 'bench-staff@vgregion.se';
  await createUserRepository(connection).create({ email, displayName: 'Bench', roles: ['staff'], passwordHash: await hashPassword(PASSWORD) }, new Date());
  await connection.close();
}

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  readonly cookie: string;
}

async function startServer(uri: string, dbName: string): Promise<Server> {
  const child = fork(new URL(import.meta.url).pathname, ['--serve', uri, dbName], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'bench-staff@vgregion.se', password: PASSWORD }) });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { child, port, cookie };
}

function peakRssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * Downloads and drains the export as fast as the client can read. Rows: the X-Export-Rows header when the server
 * counted them in time, otherwise the record ends seen as the exports screen counts them (CR in CSV: records end
 * in CRLF, line breaks inside cells are LF; LF in NDJSON).
 */
function download(server: Server, query: string): Promise<{ ms: number; rows: number | undefined; counted: boolean; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let bytes = 0;
    http
      .get({ host: '127.0.0.1', port: server.port, path: `/api/v1/exports/stories?${query}`, headers: { Cookie: server.cookie } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`export answered ${res.statusCode}`));
        let lines = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          const end = query.startsWith('format=csv') ? 13 : 10;
          for (let index = chunk.indexOf(end); index !== -1; index = chunk.indexOf(end, index + 1)) lines += 1;
        });
        res.on('end', () => {
          const header = res.headers['x-export-rows'];
          const seen = query.startsWith('format=xlsx') ? undefined : query.startsWith('format=csv') ? lines - 1 : lines;
          resolve({ ms: performance.now() - started, rows: header === undefined ? seen : Number(header), counted: header !== undefined, bytes });
        });
      })
      .on('error', reject);
  });
}

async function rawDrain(uri: string, dbName: string): Promise<number> {
  const connection = await connectDatabase({ uri, dbName, serverSelectionTimeoutMs: 5000 });
  const started = performance.now();
  let rows = 0;
  const projection = STORY_PROJECTION;
  for await (const story of driverCollection<{ _id: string }>(connection, 'submissions').find({}, { projection, batchSize: 1000 })) if (story._id !== '') rows += 1;
  const ms = performance.now() - started;
  await connection.close();
  if (rows === 0) throw new Error('nothing seeded');
  return ms;
}

/** p99 of sequential-pair submissions (2 at a time) for `count` requests. */
async function ingestionP99(server: Server, count: number): Promise<number> {
  const times: number[] = [];
  const one = async () => {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(buildSubmission()) });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`submission answered ${res.status}`);
    times.push(performance.now() - started);
  };
  for (let i = 0; i < count; i += 2) await Promise.all([one(), one()]);
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0;
}

interface Row {
  readonly size: number;
  readonly format: string;
  readonly rowsPerSecond: number;
  readonly ratio: number;
  readonly peakMb: number;
  readonly megabytes: number;
}

async function main(): Promise<void> {
  const sizes = (process.env['BENCH_EXPORT_SIZES'] ?? '10000,100000').split(',').map(Number);
  const binary = await ensureFerretdbBinary(loadConfig({}).ferretdbCacheDir, (line) => process.stderr.write(`${line}\n`));
  const directory = await mkdtemp(path.join(tmpdir(), 'medskapa-bench-exports-'));
  const ferretdb = await startFerretdb(binary, { handler: 'sqlite', directory });
  const rows: Row[] = [];
  const targets: Record<string, number> = { 'csv&profile=sv-excel': 0.5, ndjson: 0.6, xlsx: 0.2 };
  let ingestion = { without: 0, during: 0 };
  try {
    for (const size of sizes) {
      const dbName = `bench_exports_${size}`;
      const t0 = performance.now();
      await seed(ferretdb.uri, dbName, size);
      process.stderr.write(`seeded ${size} stories in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      await rawDrain(ferretdb.uri, dbName);
      const rawMs = await rawDrain(ferretdb.uri, dbName);
      const rawRate = size / (rawMs / 1000);
      rows.push({ size, format: 'raw cursor', rowsPerSecond: rawRate, ratio: 1, peakMb: 0, megabytes: 0 });
      const only = process.env['BENCH_EXPORT_FORMATS']?.split(',');
      for (const format of Object.keys(targets).filter((name) => only === undefined || only.includes(name.split('&')[0] ?? name))) {
        const server = await startServer(ferretdb.uri, dbName);
        const result = await download(server, `format=${format}`);
        if (result.rows !== undefined && result.rows !== size) throw new Error(`expected ${size} rows, got ${result.rows}`);
        if (!result.counted) process.stderr.write(`${size} ${format}: no X-Export-Rows (the count took longer than its budget)\n`);
        const rate = size / (result.ms / 1000);
        const row = { size, format, rowsPerSecond: rate, ratio: rate / rawRate, peakMb: peakRssMb(server.child.pid), megabytes: result.bytes / 2 ** 20 };
        rows.push(row);
        process.stdout.write(`${JSON.stringify(row)}\n`);
        server.child.kill();
      }
      if (size === sizes[sizes.length - 1]) {
        const server = await startServer(ferretdb.uri, dbName);
        await ingestionP99(server, 20);
        const without = await ingestionP99(server, P99_REQUESTS);
        const exporting = download(server, 'format=csv&profile=sv-excel');
        const during = await ingestionP99(server, P99_REQUESTS);
        await exporting;
        ingestion = { without, during };
        server.child.kill();
      }
    }
  } finally {
    await ferretdb.stop();
    await removeDirectory(directory);
  }
  const [small, large] = [sizes[0], sizes[sizes.length - 1]];
  const lines = rows.map((row) => {
    const target = targets[row.format];
    const smaller = rows.find((other) => other.size === small && other.format === row.format);
    const memory = row.size === large && smaller !== undefined && row.peakMb > 0 ? `${(row.peakMb / smaller.peakMb).toFixed(2)} ${row.peakMb <= 1.1 * smaller.peakMb ? 'pass' : 'FAIL'}` : '';
    const verdict = target === undefined ? '' : `**${row.ratio.toFixed(2)}** ${row.ratio >= target ? 'pass' : 'FAIL'} (≥ ${target})`;
    return `| ${row.size.toLocaleString('en').replaceAll(',', ' ')} | ${row.format} | ${row.rowsPerSecond.toFixed(0)} | ${verdict} | ${row.peakMb > 0 ? row.peakMb.toFixed(0) : ''} | ${memory} | ${row.megabytes > 0 ? row.megabytes.toFixed(1) : ''} |`;
  });
  const ratio = ingestion.during / ingestion.without;
  const cpu = cpus();
  const text = [
    '',
    `## Exports, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB. FerretDB ${FERRETDB_VERSION} on SQLite, Node ${process.versions.node}.`,
    `Method: stories seeded with insertMany (2 000 a batch; ~80 words of text, 0–2 themes, excerpts on 30 % of tags). Raw = draining a driver cursor with the export's filter, projection and batch size (no tags, no formatting), in this process. Each export is GET /api/v1/exports/stories over HTTP from the real app in a fresh server process, read by a client that drains as fast as it can; peak memory = that process's VmHWM (whole process, incl. the app's baseline). Ingestion p99 = ${P99_REQUESTS} POST /api/v1/submissions, two at a time, at the largest size, idle vs while a sv-excel CSV export runs.`,
    '',
    '| stories | format | rows/s | ÷ raw | peak RSS MB | larger ÷ smaller (≤ 1.1) | file MB |',
    '|---|---|---|---|---|---|---|',
    ...lines,
    '',
    `Ingestion p99: ${ingestion.without.toFixed(1)} ms idle, ${ingestion.during.toFixed(1)} ms during an export: **${ratio.toFixed(2)}×** ${ratio <= 2 ? 'pass' : 'FAIL'} (≤ 2).`,
    '',
  ].join('\n');
  process.stdout.write(text);
  await appendFile(RESULTS, text);
  process.exit(0);
}

if (process.argv[2] === '--serve') {
  // The child: the real app on the seeded database; reports its port to the parent.
  const [uri = '', dbName = ''] = process.argv.slice(3);
  const connection = await connectDatabase({ uri, dbName, serverSelectionTimeoutMs: 5000 });
  const { app } = createApp({
    connection,
    logger: createLogger('silent'),
    secrets: { contactKeyring: parseKeyring(`bench:${randomBytes(32).toString('base64')}`), appSecret: randomBytes(32) },
    options: { submissionRateLimit: 0, receiptRateLimit: 0, rateLimitStore: 'memory', trustProxy: false },
  });
  if (process.env['BENCH_EXPORT_TRACE'] === '1') {
    // Where the memory goes, once a second: V8 heap, memory outside it (buffers) and the whole process.
    setInterval(() => {
      const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
      const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
      process.stderr.write(`rss ${mb(rss)} heapTotal ${mb(heapTotal)} heapUsed ${mb(heapUsed)} external ${mb(external)} arrayBuffers ${mb(arrayBuffers)}\n`);
    }, 1000).unref();
  }
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.({ port: typeof address === 'object' && address !== null ? address.port : 0 });
  });
} else {
  await main();
}
