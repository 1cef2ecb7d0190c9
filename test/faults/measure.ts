import { readFileSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import { hashIdempotencyKey } from '../../api/src/feedback/service.ts';
import type { Attempt, Story } from './loadClient.ts';

/** Samples VmRSS of the given processes every `intervalMs`. */
export class RssSampler {
  readonly samples: Array<{ at: number; pid: number; mb: number }> = [];
  #timer: NodeJS.Timeout | undefined;

  start(pids: () => ReadonlyArray<number | undefined>, intervalMs = 200): void {
    this.#timer = setInterval(() => {
      for (const pid of pids()) {
        if (pid === undefined) continue;
        try {
          const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
          if (match?.[1] !== undefined) this.samples.push({ at: Date.now(), pid, mb: Number(match[1]) / 1024 });
        } catch {
          // The process just exited.
        }
      }
    }, intervalMs);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  max(from = 0, to = Number.POSITIVE_INFINITY): number {
    let max = 0;
    for (const sample of this.samples) if (sample.at >= from && sample.at <= to) max = Math.max(max, sample.mb);
    return max;
  }
}

/**
 * Asks each API's /healthz (no database) every `intervalMs`: its answer time shows how long the API's event loop
 * was busy, apart from any database wait.
 */
export class HealthProbe {
  readonly samples: Array<{ at: number; url: string; ms: number }> = [];
  #stopped = false;

  start(urls: () => ReadonlyArray<string>, intervalMs = 250): void {
    const loop = async (url: string) => {
      while (!this.#stopped) {
        const started = Date.now();
        try {
          await (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) })).arrayBuffer();
          this.samples.push({ at: started, url, ms: Date.now() - started });
        } catch {
          // Down (killed) or timed out: not a measure of the event loop.
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    };
    for (const url of urls()) void loop(url);
  }

  stop(): void {
    this.#stopped = true;
  }

  max(from = 0, to = Number.POSITIVE_INFINITY): number {
    let max = 0;
    for (const sample of this.samples) if (sample.at >= from && sample.at <= to) max = Math.max(max, sample.ms);
    return max;
  }
}

export interface StoredCheck {
  readonly storedCount: number;
  /** Acknowledged stories not found, stored under another id, or with different content. */
  readonly problems: string[];
  /** Stories the client made that are not stored (after the drain). */
  readonly lost: number;
  /** Extra copies: an idempotency key stored more than once, or a story's marker under more than one key. */
  readonly duplicates: number;
}

interface StoredDocument {
  _id: string;
  idempotencyKeyHash: string;
  requestHash: string;
  story: { whatHappened: string; whatWorkedWell?: string; whatCouldBeBetter?: string; idea?: string };
  respondent: unknown;
  care: unknown;
  topics: unknown;
  rating?: number;
  redactions: unknown[];
}

/** Reads every stored story back and compares it with what the client sent and was told. */
export async function checkStored(uri: string, dbName: string, stories: ReadonlyMap<string, Story>): Promise<StoredCheck> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    const documents = await client
      .db(dbName)
      .collection<StoredDocument>('submissions')
      .find({}, { projection: { _id: 1, idempotencyKeyHash: 1, requestHash: 1, story: 1, respondent: 1, care: 1, topics: 1, rating: 1, redactions: 1 } })
      .toArray();
    const byKeyHash = new Map<string, StoredDocument[]>();
    const byMarker = new Map<string, number>();
    for (const document of documents) {
      byKeyHash.set(document.idempotencyKeyHash, [...(byKeyHash.get(document.idempotencyKeyHash) ?? []), document]);
      const marker = /Lasttest [a-z]+/.exec(document.story.whatHappened)?.[0];
      if (marker !== undefined) byMarker.set(marker, (byMarker.get(marker) ?? 0) + 1);
    }
    const problems: string[] = [];
    let lost = 0;
    let duplicates = 0;
    for (const copies of byKeyHash.values()) if (copies.length > 1) duplicates += copies.length - 1;
    for (const count of byMarker.values()) if (count > 1) duplicates += count - 1;
    for (const story of stories.values()) {
      const copies = byKeyHash.get(hashIdempotencyKey(story.id)) ?? [];
      const stored = copies[0];
      if (stored === undefined) {
        lost += 1;
        if (story.ackId !== undefined) problems.push(`${story.id}: acknowledged (${story.ackStatus}) but not stored`);
        continue;
      }
      if (story.ackId !== undefined && story.ackId !== stored._id) problems.push(`${story.id}: acknowledged as ${story.ackId}, stored as ${stored._id}`);
      if (stored.requestHash !== story.requestHash) problems.push(`${story.id}: stored content hash differs from what was sent`);
      const sent = story.body;
      const same =
        stored.story.whatHappened === sent.story.whatHappened &&
        stored.story.whatWorkedWell === sent.story.whatWorkedWell &&
        stored.story.whatCouldBeBetter === sent.story.whatCouldBeBetter &&
        stored.story.idea === sent.story.idea &&
        JSON.stringify(stored.respondent) === JSON.stringify(sent.respondent) &&
        JSON.stringify(stored.topics) === JSON.stringify(sent.topics) &&
        stored.rating === sent.rating &&
        stored.redactions.length === 0;
      if (!same) problems.push(`${story.id}: stored fields differ from what was sent`);
    }
    return { storedCount: documents.length, problems, lost, duplicates };
  } finally {
    await client.close();
  }
}

export interface FaultResult {
  readonly fault: string;
  readonly sent: number;
  readonly acknowledged: number;
  /** Attempts after the first. */
  readonly retried: number;
  /** 200 replays (`Idempotent-Replayed`). */
  readonly replayed: number;
  readonly conflicts: number;
  readonly unavailable: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly recoverySeconds: number;
  readonly maxRssMb: number;
}

export function countStatuses(attempts: ReadonlyArray<Attempt>): Map<number | string, number> {
  const counts = new Map<number | string, number>();
  for (const attempt of attempts) counts.set(attempt.status, (counts.get(attempt.status) ?? 0) + 1);
  return counts;
}

/** The report table (Markdown, readable as plain text too). */
export function formatTable(results: ReadonlyArray<FaultResult>): string {
  const header = ['fault', 'sent', 'acknowledged', 'retried', 'replayed', '409', '503', 'lost', 'duplicates', 'recovery (s)', 'max RSS (MB)'];
  const rows = results.map((r) => [
    r.fault,
    String(r.sent),
    String(r.acknowledged),
    String(r.retried),
    String(r.replayed),
    String(r.conflicts),
    String(r.unavailable),
    String(r.lost),
    String(r.duplicates),
    r.recoverySeconds.toFixed(2),
    r.maxRssMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
