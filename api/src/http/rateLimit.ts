import { createHmac } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options, type Store } from 'express-rate-limit';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';
import { AppError } from './errors.ts';
import { withDeadline } from '../db/deadline.ts';

const WINDOW_MS = 60_000;

export type RateLimitStoreKind = 'memory' | 'mongodb';

/** How long a hit may wait for the database before the request gets 503 + Retry-After. */
const RATE_LIMIT_DEADLINE_MS = 2500;

interface RateLimitDocument {
  _id: string;
  hits: number;
  expiresAt: Date;
}

/**
 * Fixed one-minute windows counted in MongoDB, so several API instances share one limit.
 * Uses only `$inc` + upsert and a periodic purge (FerretDB has no TTL indexes).
 */
export class MongoRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  #windowMs = WINDOW_MS;
  readonly #connection: Connection;
  #increments = 0;

  constructor(connection: Connection, prefix: string) {
    this.#connection = connection;
    this.prefix = prefix;
  }

  init(options: Options): void {
    this.#windowMs = options.windowMs;
  }

  #collection() {
    const db = this.#connection.db;
    if (db === undefined) throw new AppError(503, 'service_unavailable', 'The database is not connected.', { headers: { 'Retry-After': '5' } });
    return db.collection<RateLimitDocument>('rateLimits');
  }

  #window(now: number): { start: number; resetTime: Date } {
    const start = now - (now % this.#windowMs);
    return { start, resetTime: new Date(start + this.#windowMs) };
  }

  async increment(key: string) {
    const { start, resetTime } = this.#window(Date.now());
    const id = `${this.prefix}${key}:${start}`;
    const collection = this.#collection();
    const bump = () =>
      collection.findOneAndUpdate(
        { _id: id },
        { $inc: { hits: 1 }, $setOnInsert: { expiresAt: resetTime } },
        { upsert: true, returnDocument: 'after' },
      );
    let document: RateLimitDocument | null;
    try {
      // A frozen database must not hold the request here either: 503 after the same wait as a submission.
      document = await withDeadline(bump(), RATE_LIMIT_DEADLINE_MS);
    } catch (error) {
      // Two first hits raced to create the window; the loser increments the winner's document.
      if (!isDuplicateKeyError(error)) throw error;
      document = await withDeadline(bump(), RATE_LIMIT_DEADLINE_MS);
    }
    this.#increments += 1;
    if (this.#increments % 500 === 0) void collection.deleteMany({ expiresAt: { $lt: new Date() } }).catch(() => {});
    return { totalHits: document?.hits ?? 1, resetTime };
  }

  async decrement(key: string): Promise<void> {
    const { start } = this.#window(Date.now());
    await this.#collection().updateOne({ _id: `${this.prefix}${key}:${start}` }, { $inc: { hits: -1 } });
  }

  async resetKey(key: string): Promise<void> {
    const { start } = this.#window(Date.now());
    await this.#collection().deleteOne({ _id: `${this.prefix}${key}:${start}` });
  }
}

/**
 * Per-client limit per minute; `limit` 0 turns it off. The client key is a keyed hash of the address that
 * changes daily and is kept only in the limiter store, so no IP address is ever stored.
 */
export function createRateLimiter(options: {
  readonly name: string;
  readonly limit: number;
  readonly store: RateLimitStoreKind;
  readonly connection: Connection;
  readonly appSecret: Buffer;
}): RequestHandler {
  if (options.limit === 0) return (_req, _res, next) => next();
  const prefix = `${options.name}:`;
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(options.store === 'mongodb' ? { store: new MongoRateLimitStore(options.connection, prefix) } : {}),
    keyGenerator: (req) => {
      const day = new Date().toISOString().slice(0, 10);
      return createHmac('sha256', options.appSecret)
        .update(`rate-limit:${day}:${ipKeyGenerator(req.ip ?? 'unknown')}`)
        .digest('base64url');
    },
    handler: (req, _res, next) => {
      const info: unknown = Reflect.get(req, 'rateLimit');
      const resetTime = typeof info === 'object' && info !== null && 'resetTime' in info ? info.resetTime : undefined;
      const seconds = resetTime instanceof Date ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 60;
      next(
        new AppError(429, 'rate_limited', 'Too many requests. Please wait a moment and try again.', {
          headers: { 'Retry-After': String(seconds) },
        }),
      );
    },
  });
}
