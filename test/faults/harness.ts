import { randomBytes } from 'node:crypto';
import { writeFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../api/src/config.ts';
import { ensureFerretdbBinary, startFerretdb, type RunningFerretdb } from '../../api/src/db/embeddedFerretdb.ts';
import { freePort } from '../support/processes.ts';
import { LoadClient, type Attempt } from './loadClient.ts';
import { checkStored, countStatuses, HealthProbe, RssSampler, type FaultResult } from './measure.ts';
import { TestPostgres } from './postgres.ts';
import { ReverseProxy } from './proxy.ts';
import { ApiSupervisor } from './supervisor.ts';

export type FaultMode = 'short' | 'full';

export interface Timings {
  readonly ratePerSecond: number;
  /** Load before the fault. */
  readonly warmupMs: number;
  /** How long the fault lasts (database down, frozen, instance gone). */
  readonly outageMs: number;
  /** Load after the fault ends. */
  readonly afterMs: number;
  readonly drainMs: number;
}

export const TIMINGS: Record<FaultMode, Timings> = {
  // Each fault ~15 s of load; all five and the several-instances test in about 2–3 minutes.
  short: { ratePerSecond: 20, warmupMs: 4000, outageMs: 6000, afterMs: 6000, drainMs: 60_000 },
  // Each fault 70 s of load; the freeze lasts 20 s as the issue asks.
  full: { ratePerSecond: 25, warmupMs: 20_000, outageMs: 20_000, afterMs: 30_000, drainMs: 90_000 },
};

export function faultMode(): FaultMode {
  return process.env['MEDSKAPA_FAULTS'] === 'full' ? 'full' : 'short';
}

/** Every 503 must come within this (the API's 2.5 s submission deadline plus a margin), plus any stall of the whole process. */
export const OUTAGE_ANSWER_MS = 3500;
/** The first 2xx must come within this after the database (or the process) is back. */
export const RECOVERY_MS = 5000;
/** The supervisor must have a killed API listening again within this (start-up includes index checks). */
export const API_RESTART_MS = 30_000;
/** API memory during the outage may grow at most this much over its peak before the fault. */
export const RSS_GROWTH_MB = 100;

export type FaultKind = 'ferretdb-kill' | 'postgres-stop' | 'ferretdb-freeze' | 'api-kill' | 'instance-kill';

export const FAULT_LABELS: Record<FaultKind, string> = {
  'ferretdb-kill': '1 FerretDB kill -9 + restart',
  'postgres-stop': '2 PostgreSQL stop -m immediate + start',
  'ferretdb-freeze': '3 FerretDB SIGSTOP + SIGCONT',
  'api-kill': '4 API kill -9 under supervisor',
  'instance-kill': '5 1 of 2 API instances kill -9 behind proxy',
};

/** What every fault run shares: the FerretDB binary, one PostgreSQL cluster, secrets, a directory for logs. */
export class FaultBed {
  readonly binary: string;
  readonly postgres: TestPostgres;
  readonly runDir: string;
  readonly appSecret = randomBytes(32).toString('base64');
  readonly contactKey = `faults1:${randomBytes(32).toString('base64')}`;
  #databases = 0;

  private constructor(binary: string, postgres: TestPostgres, runDir: string) {
    this.binary = binary;
    this.postgres = postgres;
    this.runDir = runDir;
  }

  static async create(): Promise<FaultBed> {
    const binary = await ensureFerretdbBinary(loadConfig({}).ferretdbCacheDir, (line) => process.stderr.write(`${line}\n`));
    const postgres = await TestPostgres.create();
    await postgres.start();
    process.once('exit', () => postgres.stopSync());
    const runDir = await mkdtemp(path.join(tmpdir(), 'medskapa-faults-run-'));
    return new FaultBed(binary, postgres, runDir);
  }

  async destroy(): Promise<void> {
    await this.postgres.destroy();
  }

  /** A fresh PostgreSQL database and a FerretDB on a fixed port over it (restartable on the same address). */
  async database(): Promise<DatabaseHandle> {
    this.#databases += 1;
    const pgDatabase = `faults_${process.pid}_${this.#databases}`;
    await this.postgres.createDatabase(pgDatabase);
    const listenAddr = `127.0.0.1:${await freePort()}`;
    const start = () => startFerretdb(this.binary, { handler: 'postgresql', url: this.postgres.url(pgDatabase) }, { listenAddr });
    return new DatabaseHandle(await start(), start);
  }

  apiEnv(port: number, mongodbUri: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      MONGODB_URI: mongodbUri,
      APP_SECRET: this.appSecret,
      CONTACT_KEY: this.contactKey,
      DATA_DIR: path.join(this.runDir, 'data'),
      LOG_LEVEL: 'warn',
      SUBMISSION_RATE_LIMIT: '0',
      RECEIPT_RATE_LIMIT: '0',
      ...(process.env['FERRETDB_CACHE_DIR'] === undefined ? {} : { FERRETDB_CACHE_DIR: process.env['FERRETDB_CACHE_DIR'] }),
      ...extra,
    };
  }

  async api(name: string, mongodbUri: string, options: { restart: boolean; env?: NodeJS.ProcessEnv }): Promise<ApiSupervisor> {
    const port = await freePort();
    const supervisor = new ApiSupervisor({
      name,
      port,
      env: this.apiEnv(port, mongodbUri, options.env),
      logFile: path.join(this.runDir, `${name}.log`),
      restart: options.restart,
    });
    await supervisor.start();
    return supervisor;
  }
}

export class DatabaseHandle {
  ferretdb: RunningFerretdb;
  readonly #start: () => Promise<RunningFerretdb>;

  constructor(ferretdb: RunningFerretdb, start: () => Promise<RunningFerretdb>) {
    this.ferretdb = ferretdb;
    this.#start = start;
  }

  /** mongodb://127.0.0.1:PORT/medskapa */
  get uri(): string {
    return `${this.ferretdb.uri}medskapa`;
  }

  get pid(): number {
    const pid = this.ferretdb.process.pid;
    if (pid === undefined) throw new Error('FerretDB has no pid');
    return pid;
  }

  async restart(): Promise<void> {
    this.ferretdb = await this.#start();
  }

  async stop(): Promise<void> {
    if (this.ferretdb.process.signalCode === null && this.ferretdb.process.exitCode === null) {
      try {
        process.kill(this.pid, 'SIGCONT');
      } catch {
        // Not stopped.
      }
    }
    await this.ferretdb.stop();
  }
}

/** One fault: when it began and when what it took away was back. */
interface Outage {
  readonly faultAt: number;
  readonly backAt: number;
}

export interface FaultRun {
  readonly result: FaultResult;
  /** Every pass criterion that failed, in words; empty when the run passed. */
  readonly failures: string[];
  readonly notes: string[];
}

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** Runs the load with one fault injected and checks every pass criterion once the load has drained. */
export async function runFault(bed: FaultBed, kind: FaultKind, timings: Timings): Promise<FaultRun> {
  const database = await bed.database();
  const twoInstances = kind === 'instance-kill';
  const sharedLimits = { RATE_LIMIT_STORE: 'mongodb', SUBMISSION_RATE_LIMIT: '100000', TRUST_PROXY: '1' };
  const apis: ApiSupervisor[] = [];
  let proxy: ReverseProxy | undefined;
  const rss = new RssSampler();
  const probe = new HealthProbe();
  const notes: string[] = [];
  const failures: string[] = [];
  try {
    if (twoInstances) {
      apis.push(await bed.api('f5-api-a', database.uri, { restart: false, env: sharedLimits }));
      apis.push(await bed.api('f5-api-b', database.uri, { restart: false, env: sharedLimits }));
      proxy = new ReverseProxy(apis.map((api) => ({ name: api.options.name, port: api.options.port })));
    } else {
      apis.push(await bed.api(`f-${kind}`, database.uri, { restart: true }));
    }
    const baseUrl = proxy === undefined ? apis[0]!.url : `http://127.0.0.1:${await proxy.listen()}`;
    const client = new LoadClient({ baseUrl, ratePerSecond: timings.ratePerSecond, appSecret: bed.appSecret });
    rss.start(() => apis.map((api) => api.pid));
    probe.start(() => apis.map((api) => api.url));

    // Cold pools answer slowly: a few stories first (checked like the rest), then the fixed-rate load.
    await client.warmUp(20);
    const loadStartedAt = Date.now();
    client.start();
    await sleep(timings.warmupMs);
    const outages: Outage[] = [];

    switch (kind) {
      case 'ferretdb-kill': {
        const faultAt = Date.now();
        process.kill(database.pid, 'SIGKILL');
        await database.ferretdb.stop();
        await sleep(timings.outageMs);
        await database.restart();
        outages.push({ faultAt, backAt: Date.now() });
        break;
      }
      case 'postgres-stop': {
        const faultAt = Date.now();
        await bed.postgres.stopImmediately();
        await sleep(timings.outageMs);
        await bed.postgres.start();
        outages.push({ faultAt, backAt: Date.now() });
        break;
      }
      case 'ferretdb-freeze': {
        const faultAt = Date.now();
        process.kill(database.pid, 'SIGSTOP');
        await sleep(timings.outageMs);
        process.kill(database.pid, 'SIGCONT');
        outages.push({ faultAt, backAt: Date.now() });
        break;
      }
      case 'api-kill': {
        // Killed mid-load more than once: some requests die after their write committed, so retries replay.
        const api = apis[0]!;
        const kills = timings.outageMs >= 20_000 ? 3 : 2;
        for (let i = 0; i < kills; i += 1) {
          const faultAt = Date.now();
          const pid = api.kill('SIGKILL');
          const { spawnedAt, readyAt } = await api.nextReady(pid);
          // What the kill took away is back once the new process listens; until then: connection refused.
          outages.push({ faultAt, backAt: readyAt });
          if (readyAt - faultAt > API_RESTART_MS) failures.push(`kill ${i + 1}: API ready again only ${readyAt - faultAt} ms after the kill`);
          notes.push(`kill ${i + 1}: restarted ${spawnedAt - faultAt} ms after the kill, ready ${readyAt - spawnedAt} ms after spawning`);
          await sleep(Math.max(1000, timings.outageMs / kills - (Date.now() - faultAt)));
        }
        break;
      }
      case 'instance-kill': {
        const victim = apis[0]!;
        const faultAt = Date.now();
        victim.kill('SIGKILL');
        outages.push({ faultAt, backAt: faultAt });
        await sleep(timings.outageMs);
        await victim.start();
        notes.push(`${victim.options.name} restarted ${Date.now() - faultAt} ms after the kill`);
        break;
      }
    }
    const lastBack = Math.max(...outages.map((o) => o.backAt));
    await sleep(timings.afterMs);
    const loadStoppedAt = Date.now();
    const drained = await client.drain(timings.drainMs);
    rss.stop();
    probe.stop();
    if (!drained) failures.push(`not drained within ${timings.drainMs} ms`);

    const check = await checkStored(database.uri, 'medskapa', client.stories);
    const attempts = client.attempts;
    const stories = [...client.stories.values()];
    const counts = countStatuses(attempts);
    // An attempt belongs to an outage when it was still waiting at the fault or began before 5 s after its end.
    const inWindow = (a: Attempt) => outages.some((o) => a.at >= o.faultAt && a.startedAt <= o.backAt + RECOVERY_MS);
    const networkAllowed = kind === 'api-kill';

    // Only 200, 201 and 503 (with Retry-After) as answers; network errors only while the API process is down.
    for (const [status, count] of counts) {
      if (typeof status === 'number' && ![200, 201, 503].includes(status)) failures.push(`${count} × HTTP ${status}`);
      if (typeof status === 'string' && (!networkAllowed || status === 'TIMEOUT')) failures.push(`${count} × ${status}`);
    }
    const networkOutside = attempts.filter((a) => typeof a.status === 'string' && !inWindow(a));
    if (networkAllowed && networkOutside.length > 0) failures.push(`${networkOutside.length} network errors outside the outage`);
    const unavailable = attempts.filter((a) => a.status === 503);
    const noRetryAfter = unavailable.filter((a) => a.retryAfter === undefined || !(Number(a.retryAfter) > 0));
    if (noRetryAfter.length > 0) failures.push(`${noRetryAfter.length} × 503 without Retry-After`);
    const outside503 = unavailable.filter((a) => !inWindow(a) && a.startedAt >= loadStartedAt);
    if (outside503.length > 0) failures.push(`${outside503.length} × 503 outside the outage`);
    // The outage's answers (503) come quickly; nothing is held until the client gives up. A stall of the whole
    // process — seen as a slow /healthz, which does no database work — is the machine's, not a database wait.
    const firstFault = Math.min(...outages.map((o) => o.faultAt));
    const stallMs = probe.max(firstFault - 5000, lastBack + RECOVERY_MS);
    const unavailableMs = unavailable.map((a) => a.at - a.startedAt);
    const slowest503 = Math.max(0, ...unavailableMs);
    if (slowest503 > OUTAGE_ANSWER_MS + stallMs) {
      failures.push(`slowest 503 took ${slowest503} ms (limit ${OUTAGE_ANSWER_MS} ms + ${stallMs} ms process stall)`);
    }
    const timeouts = attempts.filter((a) => a.status === 'TIMEOUT').length;
    if (timeouts > 0) failures.push(`${timeouts} requests unanswered after the client's 15 s timeout`);
    const windowAnswers = attempts.filter((a) => typeof a.status === 'number' && inWindow(a)).map((a) => a.at - a.startedAt);
    notes.push(
      `503: ${unavailableMs.length}, p50 ${percentile(unavailableMs, 50)} ms, p99 ${percentile(unavailableMs, 99)} ms, max ${slowest503} ms; ` +
        `all answers from the fault to 5 s after it ended: p99 ${percentile(windowAnswers, 99)} ms, max ${Math.max(0, ...windowAnswers)} ms`,
    );

    // Recovery: the first 2xx to a request sent after the fault ended.
    let recoveryMs = 0;
    for (const outage of outages) {
      const first = attempts
        .filter((a) => (a.status === 200 || a.status === 201) && a.startedAt >= outage.backAt)
        .reduce<number | undefined>((min, a) => (min === undefined || a.at < min ? a.at : min), undefined);
      const took = first === undefined ? Number.POSITIVE_INFINITY : first - outage.backAt;
      recoveryMs = Math.max(recoveryMs, took);
    }
    if (!(recoveryMs <= RECOVERY_MS)) failures.push(`first 2xx ${recoveryMs} ms after the fault ended (limit ${RECOVERY_MS})`);

    // Memory: peak during the outage against the peak before it.
    const before = rss.max(loadStartedAt, firstFault);
    const during = rss.max(firstFault, lastBack + RECOVERY_MS);
    if (during > before + RSS_GROWTH_MB) failures.push(`API RSS grew from ${before.toFixed(0)} MB to ${during.toFixed(0)} MB during the outage`);
    notes.push(`API RSS: peak ${before.toFixed(0)} MB before the fault, ${during.toFixed(0)} MB during it`);
    notes.push(
      `GET /healthz (event loop): slowest ${probe.max(loadStartedAt, firstFault)} ms before the fault, ${probe.max(firstFault, lastBack + RECOVERY_MS)} ms during it, ${probe.max(lastBack + RECOVERY_MS)} ms after`,
    );

    // Stored exactly once, same content, nothing lost.
    const acknowledged = stories.filter((s) => s.ackId !== undefined).length;
    const rejected = stories.filter((s) => s.rejected !== undefined);
    if (rejected.length > 0) failures.push(`${rejected.length} stories rejected (${[...new Set(rejected.map((s) => s.rejected))].join(', ')})`);
    failures.push(...check.problems.slice(0, 10));
    if (check.problems.length > 10) failures.push(`…and ${check.problems.length - 10} more stored-story problems`);
    if (check.lost > 0) failures.push(`${check.lost} stories lost`);
    if (check.duplicates > 0) failures.push(`${check.duplicates} duplicates stored`);
    if (check.storedCount !== stories.length) failures.push(`${check.storedCount} stories stored for ${stories.length} sent`);
    if (acknowledged !== stories.length) failures.push(`${stories.length - acknowledged} stories never acknowledged`);

    if (proxy !== undefined) {
      const restartedAt = Math.max(...outages.map((o) => o.faultAt)) + timings.outageMs;
      const victimAfter = attempts.filter((a) => a.upstream === apis[0]!.options.name && a.startedAt > restartedAt).length;
      if (victimAfter === 0) failures.push('the restarted instance got no requests through the proxy');
      notes.push(`proxy: ${proxy.upstreams.map((u) => `${u.name} answered ${u.answered}`).join(', ')}; ${proxy.rerouted} requests rerouted`);
    }
    notes.push(
      `statuses: ${[...counts].map(([status, count]) => `${status}×${count}`).join(', ')}; load ${((loadStoppedAt - loadStartedAt) / 1000).toFixed(0)} s at ${timings.ratePerSecond}/s`,
    );

    await mkdir(bed.runDir, { recursive: true });
    await writeFile(path.join(bed.runDir, `${kind}.attempts.ndjson`), attempts.map((a) => JSON.stringify(a)).join('\n'));

    return {
      result: {
        fault: FAULT_LABELS[kind],
        sent: stories.length,
        acknowledged,
        retried: attempts.length - stories.length,
        replayed: counts.get(200) ?? 0,
        conflicts: counts.get(409) ?? 0,
        unavailable: counts.get(503) ?? 0,
        lost: check.lost,
        duplicates: check.duplicates,
        recoverySeconds: recoveryMs / 1000,
        maxRssMb: rss.max(),
      },
      failures,
      notes,
    };
  } finally {
    rss.stop();
    probe.stop();
    await proxy?.close().catch(() => {});
    for (const api of apis) await api.stop().catch(() => {});
    await database.stop().catch(() => {});
    if (kind === 'postgres-stop') await bed.postgres.start().catch(() => {});
  }
}
