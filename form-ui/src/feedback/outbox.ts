import type { SubmissionAccepted, SubmissionInput } from '@medskapa/api/contract';
import { openDB, type IDBPDatabase } from 'idb';

/** A story waiting on this device, with the idempotency key that makes resending safe. */
export interface OutboxEntry {
  readonly key: string;
  readonly body: SubmissionInput;
  readonly createdAt: number;
}

export type SendResult =
  | { readonly kind: 'accepted'; readonly receipt: SubmissionAccepted }
  | { readonly kind: 'rejected'; readonly fields: Record<string, string> };

const STORE = 'outbox';
let database: Promise<IDBPDatabase> | undefined;
const memory = new Map<string, OutboxEntry>();

function open(): Promise<IDBPDatabase> | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  database ??= openDB('medskapa', 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: 'key' });
    },
  });
  return database;
}

// Private browsing can refuse IndexedDB; the story then waits in memory for as long as the page is open.
async function withStore<T>(useDb: (db: IDBPDatabase) => Promise<T>, fallback: () => T): Promise<T> {
  try {
    const db = await open();
    return db === undefined ? fallback() : await useDb(db);
  } catch {
    return fallback();
  }
}

export function saveToOutbox(entry: OutboxEntry): Promise<void> {
  return withStore(
    async (db) => {
      await db.put(STORE, entry);
    },
    () => {
      memory.set(entry.key, entry);
    },
  );
}

export function removeFromOutbox(key: string): Promise<void> {
  memory.delete(key);
  return withStore(
    async (db) => {
      await db.delete(STORE, key);
    },
    () => undefined,
  );
}

export function pendingEntries(): Promise<OutboxEntry[]> {
  return withStore(
    async (db) => {
      const entries: unknown[] = await db.getAll(STORE);
      return entries.filter(isOutboxEntry);
    },
    () => [...memory.values()],
  );
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  return typeof value === 'object' && value !== null && 'key' in value && 'body' in value && 'createdAt' in value;
}

function isAccepted(value: unknown): value is SubmissionAccepted {
  return typeof value === 'object' && value !== null && 'id' in value && 'receiptCode' in value && 'redactions' in value;
}

function fieldsOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || !('error' in value)) return {};
  const error = value.error;
  if (typeof error !== 'object' || error === null || !('fields' in error)) return {};
  const fields = error.fields;
  if (typeof fields !== 'object' || fields === null) return {};
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

const sleep = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

/** Waits the given time, or less if the browser comes back online. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('online', done);
      window.clearTimeout(timer);
      resolve();
    };
    const timer = window.setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}

/**
 * Sends until the server answers: retries network errors, 5xx, 429 and 503 (after `Retry-After`), with
 * exponential backoff and full jitter capped at 30 s. The entry leaves the outbox once acknowledged.
 */
export async function sendFromOutbox(entry: OutboxEntry, onWaiting: (waiting: boolean) => void): Promise<SendResult> {
  for (let attempt = 0; ; attempt += 1) {
    let waitMs = Math.max(500, Math.random() * Math.min(30_000, 1000 * 2 ** attempt));
    try {
      const controller = new AbortController();
      const timeout = window.setTimeout(() => controller.abort(), 15_000);
      const response = await fetch('/api/v1/submissions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.key },
        body: JSON.stringify(entry.body),
        signal: controller.signal,
      }).finally(() => window.clearTimeout(timeout));
      const body: unknown = await response.json().catch(() => undefined);
      if ((response.status === 200 || response.status === 201) && isAccepted(body)) {
        await removeFromOutbox(entry.key);
        onWaiting(false);
        return { kind: 'accepted', receipt: body };
      }
      if (response.status === 400 || response.status === 409 || response.status === 413 || response.status === 415) {
        await removeFromOutbox(entry.key);
        onWaiting(false);
        return { kind: 'rejected', fields: fieldsOf(body) };
      }
      const retryAfter = Number(response.headers.get('Retry-After'));
      if (Number.isFinite(retryAfter) && retryAfter > 0) waitMs = Math.min(60, retryAfter) * 1000;
    } catch {
      // Offline, timed out or refused: the story stays in the outbox and is tried again.
    }
    onWaiting(true);
    await (attempt === 0 ? sleep(Math.min(waitMs, 1000)) : pause(waitMs));
  }
}
