import { createHash, randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import type { StoredUser, UserRepository } from '../users/repository.ts';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60_000;
const TOUCH_EVERY_MS = 60_000;

interface SessionDocument {
  /** SHA-256 of the cookie value: a stolen database gives no usable session. */
  _id: string;
  userId: string;
  securityVersion: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface ActiveSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly user: StoredUser;
}

export interface SessionStore {
  create(user: StoredUser): Promise<{ token: string; csrfToken: string }>;
  /** The session behind a cookie, or undefined when it is unknown, expired, or its user changed or was disabled. */
  resolve(token: string): Promise<ActiveSession | undefined>;
  destroy(token: string): Promise<void>;
  destroyForUser(userId: string): Promise<void>;
  purgeExpired(): Promise<number>;
  ensureIndexes(): Promise<void>;
}

const hashToken = (token: string) => createHash('sha256').update(`session:${token}`).digest('hex');

export function createSessionStore(connection: Connection, users: UserRepository, now: () => Date): SessionStore {
  const collection = () => driverCollection<SessionDocument>(connection, 'sessions');
  const isExpired = (session: SessionDocument, at: number) =>
    at - session.lastSeenAt.getTime() > SESSION_IDLE_MS || at - session.createdAt.getTime() > SESSION_ABSOLUTE_MS;
  return {
    async create(user) {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const at = now();
      await collection().insertOne({ _id: hashToken(token), userId: user.id, securityVersion: user.securityVersion, csrfToken, createdAt: at, lastSeenAt: at });
      return { token, csrfToken };
    },
    async resolve(token) {
      const id = hashToken(token);
      const session = await collection().findOne({ _id: id });
      if (session === null) return undefined;
      const at = now().getTime();
      const user = await users.findById(session.userId);
      if (isExpired(session, at) || user === undefined || user.disabled || user.securityVersion !== session.securityVersion) {
        await collection().deleteOne({ _id: id });
        return undefined;
      }
      if (at - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await collection().updateOne({ _id: id }, { $set: { lastSeenAt: new Date(at) } });
      return { id, csrfToken: session.csrfToken, user };
    },
    async destroy(token) {
      await collection().deleteOne({ _id: hashToken(token) });
    },
    async destroyForUser(userId) {
      await collection().deleteMany({ userId });
    },
    async purgeExpired() {
      const at = now().getTime();
      const result = await collection().deleteMany({
        $or: [{ lastSeenAt: { $lt: new Date(at - SESSION_IDLE_MS) } }, { createdAt: { $lt: new Date(at - SESSION_ABSOLUTE_MS) } }],
      });
      return result.deletedCount;
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'sessions');
      await collection().createIndex({ userId: 1 });
      await collection().createIndex({ lastSeenAt: 1 });
    },
  };
}
