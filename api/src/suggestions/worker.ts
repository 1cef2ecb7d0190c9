import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import { isThemeModel, type ThemeModel } from '@medskapa/analysis';
import type { Connection } from 'mongoose';
import type { Logger } from '../logger.ts';
import { createThemeRepository } from '../themes/repository.ts';
import { createContext, suggestFor, type SuggestionContext } from './engine.ts';
import { createSuggestionRepository, type StorySuggestionDocument, type SuggestionRepository } from './repository.ts';

export interface SuggestionWorkerOptions {
  /** Stories read and computed per round trip. */
  readonly batchSize?: number;
  /** The periodic check for stale stories (another process's inserts, codebook edits elsewhere). */
  readonly intervalMs?: number;
  /** After a poke, wait this long without new pokes, so a burst of arriving stories is computed together. */
  readonly quietMs?: number;
  /** While stories keep arriving, wait at most this long before computing the next batch anyway. */
  readonly maxDeferMs?: number;
  /**
   * How often the tick looks through every story even when nothing seems to have changed (stories stored by
   * another server process). On FerretDB/SQLite that look is a full scan, so it is not done every tick.
   */
  readonly fullScanMs?: number;
}

export interface SuggestionRunResult {
  readonly version: string;
  /** Stories whose suggestions this run wrote. */
  readonly computed: number;
}

export interface SuggestionWorker {
  /** Computes every stale story now (tests and the periodic tick call this); runs in this process never overlap. */
  runOnce(): Promise<SuggestionRunResult>;
  /** Computes one story now, with the current decisions and tags (after an accept or a reject). */
  refreshStory(storyId: string): Promise<void>;
  /** The current codebook + model, and its version. */
  context(): Promise<SuggestionContext>;
  /**
   * Something changed: a story arrived (its id), or the codebook or the model changed (no id). Computed soon,
   * without a scan for a new story. No-op until started.
   */
  poke(storyId?: string): void;
  start(): void;
  stop(): Promise<void>;
}

const DEFAULTS = { batchSize: 100, intervalMs: 30_000, quietMs: 1_000, maxDeferMs: 10_000, fullScanMs: 10 * 60_000 };
/** Beyond this many waiting story ids, a full scan finds them instead. */
const QUEUE_MAX = 10_000;
/** Computing a story takes about a millisecond: give waiting requests a turn this often. */
const YIELD_EVERY = 10;

/**
 * Keeps every story's stored suggestions (and detected language) in step with the codebook and the model.
 * Stories are stamped with the version they were computed with; a run computes the stories whose stamp differs.
 * Never inside the submission request: ingestion speed must not depend on the analysis.
 */
export function createSuggestionWorker(deps: { connection: Connection; logger?: Logger; options?: SuggestionWorkerOptions }): SuggestionWorker {
  const settings = { ...DEFAULTS, ...deps.options };
  const repository: SuggestionRepository = createSuggestionRepository(deps.connection);
  const themes = createThemeRepository(deps.connection);
  let cached: SuggestionContext | undefined;
  let cachedModel: { id: string; version: string; model: ThemeModel } | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let pokeTimer: NodeJS.Timeout | undefined;
  let lastPoke = 0;
  /** Stories that arrived since the last run: computed by id, no scan. */
  const arrived = new Set<string>();
  let scanWanted = true;
  let cleanVersion: string | undefined;
  let lastScan = 0;

  async function context(): Promise<SuggestionContext> {
    const [allThemes, info] = await Promise.all([themes.all(), repository.latestModelInfo()]);
    if (info !== undefined && cachedModel?.id !== info.id) {
      const stored = await repository.model(info.id);
      const parsed: unknown = stored === undefined ? undefined : JSON.parse(stored.model);
      cachedModel = stored !== undefined && isThemeModel(parsed) ? { id: info.id, version: info.version, model: parsed } : undefined;
    }
    const next = createContext(allThemes, info === undefined ? undefined : cachedModel);
    // The same version keeps the same compiled codebook (compiling every keyword is the costly part).
    if (cached?.version !== next.version) cached = next;
    return cached;
  }

  async function compute(batch: readonly StorySuggestionDocument[], current: SuggestionContext): Promise<number> {
    const rejected = await repository.rejectedFor(batch.map((story) => story._id));
    let written = 0;
    for (const [index, story] of batch.entries()) {
      if (index > 0 && index % YIELD_EVERY === 0) await yieldToEventLoop();
      const result = suggestFor(story, current, { tagged: story.themes ?? [], rejected: rejected.get(story._id) ?? [] });
      if (await repository.writeSuggestions(story, { ...result, version: current.version })) written += 1;
    }
    return written;
  }

  /** While stories keep arriving, ingestion goes first: a batch waits for a quiet moment, or at most maxDeferMs. */
  async function waitForQuiet(): Promise<void> {
    const since = Date.now();
    while (Date.now() - lastPoke < settings.quietMs && Date.now() - since < settings.maxDeferMs) await sleep(settings.quietMs);
  }

  /** Every stale story, found by scanning for another version. */
  async function scan(current: SuggestionContext, yieldToIngestion: boolean): Promise<number> {
    let computed = 0;
    for (;;) {
      if (yieldToIngestion) {
        await waitForQuiet();
        // Stopped (shutting down): the next start, or another process, carries on.
        if (!started) return computed;
      }
      const batch = await repository.stale(current.version, settings.batchSize);
      if (batch.length === 0) {
        cleanVersion = current.version;
        lastScan = Date.now();
        return computed;
      }
      const written = await compute(batch, current);
      computed += written;
      // Nothing written: another worker is on these stories (or they changed under us); the next run sees the rest.
      if (written === 0) return computed;
    }
  }

  /** The stories that arrived, by id (a lookup by _id is the one query FerretDB/SQLite serves without a scan). */
  async function computeArrived(current: SuggestionContext): Promise<number> {
    let computed = 0;
    while (arrived.size > 0 && started) {
      await waitForQuiet();
      const ids = [...arrived].slice(0, settings.batchSize);
      for (const id of ids) arrived.delete(id);
      const batch: StorySuggestionDocument[] = [];
      for (const id of ids) {
        const story = await repository.story(id);
        if (story !== undefined && story.suggestionVersion !== current.version) batch.push(story);
      }
      computed += await compute(batch, current);
    }
    return computed;
  }

  async function run(yieldToIngestion: boolean): Promise<SuggestionRunResult> {
    const current = await context();
    if (!yieldToIngestion || scanWanted || current.version !== cleanVersion || Date.now() - lastScan >= settings.fullScanMs) {
      scanWanted = false;
      arrived.clear();
      return { version: current.version, computed: await scan(current, yieldToIngestion) };
    }
    return { version: current.version, computed: await computeArrived(current) };
  }

  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const next = chain.then(task, task);
    chain = next.catch(() => undefined);
    return next;
  }

  function background(): void {
    void serialised(() => run(true)).then(
      (result) => {
        if (result.computed > 0) deps.logger?.info({ computed: result.computed, version: result.version }, 'theme suggestions computed');
      },
      (error: unknown) => deps.logger?.error({ err: error instanceof Error ? error.message : String(error) }, 'theme suggestions run failed'),
    );
  }

  return {
    runOnce: () => serialised(() => run(false)),
    async refreshStory(storyId) {
      const current = await context();
      // A concurrent write (the worker, another decision) moves the revision on: read again and recompute.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const story = await repository.story(storyId);
        if (story === undefined) return;
        const rejected = await repository.rejectedFor([storyId]);
        const result = suggestFor(story, current, { tagged: story.themes ?? [], rejected: rejected.get(storyId) ?? [] });
        if (await repository.writeSuggestions(story, { ...result, version: current.version })) return;
      }
    },
    context,
    poke(storyId) {
      if (!started) return;
      lastPoke = Date.now();
      if (storyId === undefined || arrived.size >= QUEUE_MAX) scanWanted = true;
      else arrived.add(storyId);
      if (pokeTimer !== undefined) return;
      pokeTimer = setTimeout(() => {
        pokeTimer = undefined;
        background();
      }, settings.quietMs);
      pokeTimer.unref();
    },
    start() {
      if (started) return;
      started = true;
      background();
      timer = setInterval(background, settings.intervalMs);
      timer.unref();
    },
    async stop() {
      started = false;
      if (timer !== undefined) clearInterval(timer);
      if (pokeTimer !== undefined) clearTimeout(pokeTimer);
      timer = undefined;
      pokeTimer = undefined;
      await chain;
    },
  };
}
