import type { Connection } from 'mongoose';
import { driverCollection } from '../db/collections.ts';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';

const WINDOW_MS = 15 * 60_000;
/** Wrong passwords for one account from one client before that pair must wait. */
export const PAIR_LIMIT = 5;
/** Wrong passwords from one client, any account. */
export const CLIENT_LIMIT = 30;

interface CounterDocument {
  _id: string;
  failures: number;
  expiresAt: Date;
}

/**
 * Counts failed sign-ins per (account, client) and per client in fixed 15-minute windows. An attacker
 * elsewhere cannot lock a real user out: the account itself is never locked, only the pair or the client.
 */
export interface SignInThrottle {
  /** Seconds to wait, or 0 when this attempt may proceed. */
  retryAfter(accountKey: string, clientKey: string): Promise<number>;
  recordFailure(accountKey: string, clientKey: string): Promise<void>;
  clear(accountKey: string, clientKey: string): Promise<void>;
}

export function createSignInThrottle(connection: Connection, now: () => Date): SignInThrottle {
  const collection = () => driverCollection<CounterDocument>(connection, 'signInFailures');
  const window = () => {
    const at = now().getTime();
    const start = at - (at % WINDOW_MS);
    return { start, resetsIn: Math.ceil((start + WINDOW_MS - at) / 1000), expiresAt: new Date(start + WINDOW_MS) };
  };
  const ids = (accountKey: string, clientKey: string, start: number) => ({
    pair: `pair:${accountKey}:${clientKey}:${start}`,
    client: `client:${clientKey}:${start}`,
  });
  const bump = async (id: string, expiresAt: Date) => {
    const update = () => collection().updateOne({ _id: id }, { $inc: { failures: 1 }, $setOnInsert: { expiresAt } }, { upsert: true });
    try {
      await update();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await update();
    }
  };
  return {
    async retryAfter(accountKey, clientKey) {
      const { start, resetsIn } = window();
      const { pair, client } = ids(accountKey, clientKey, start);
      const counters = await collection().find({ _id: { $in: [pair, client] } }).toArray();
      const failures = (id: string) => counters.find((counter) => counter._id === id)?.failures ?? 0;
      return failures(pair) >= PAIR_LIMIT || failures(client) >= CLIENT_LIMIT ? resetsIn : 0;
    },
    async recordFailure(accountKey, clientKey) {
      const { start, expiresAt } = window();
      const { pair, client } = ids(accountKey, clientKey, start);
      await bump(pair, expiresAt);
      await bump(client, expiresAt);
      void collection().deleteMany({ expiresAt: { $lt: now() } }).catch(() => {});
    },
    async clear(accountKey, clientKey) {
      const { start } = window();
      await collection().deleteOne({ _id: ids(accountKey, clientKey, start).pair });
    },
  };
}
