import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import type { Role, User } from '../../contract/index.ts';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';

interface UserDocument {
  _id: string;
  email: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  passwordHash: string;
  /** Bumped on every role or status change, so existing sessions notice at once. */
  securityVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredUser extends User {
  readonly passwordHash: string;
  readonly securityVersion: number;
}

export class DuplicateEmailError extends Error {
  constructor() {
    super('a user with this e-mail address exists');
    this.name = 'DuplicateEmailError';
  }
}

export interface UserRepository {
  create(user: { email: string; displayName: string; roles: Role[]; passwordHash: string }, now: Date): Promise<StoredUser>;
  findByEmail(email: string): Promise<StoredUser | undefined>;
  findById(id: string): Promise<StoredUser | undefined>;
  list(): Promise<StoredUser[]>;
  update(id: string, change: { roles?: Role[]; disabled?: boolean }, now: Date): Promise<StoredUser | undefined>;
  ensureIndexes(): Promise<void>;
}

function toUser(document: UserDocument | null): StoredUser | undefined {
  return document === null ? undefined : toStoredUser(document);
}

function toStoredUser(document: UserDocument): StoredUser {
  return {
    id: document._id,
    email: document.email,
    displayName: document.displayName,
    roles: document.roles,
    disabled: document.disabled,
    passwordHash: document.passwordHash,
    securityVersion: document.securityVersion,
  };
}

export function createUserRepository(connection: Connection): UserRepository {
  const collection = () => driverCollection<UserDocument>(connection, 'users');
  return {
    async create(user, now) {
      const document: UserDocument = { _id: randomUUID(), ...user, disabled: false, securityVersion: 1, createdAt: now, updatedAt: now };
      try {
        await collection().insertOne(document);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateEmailError();
        throw error;
      }
      return toStoredUser(document);
    },
    async findByEmail(email) {
      return toUser(await collection().findOne({ email: email.toLowerCase() }));
    },
    async findById(id) {
      return toUser(await collection().findOne({ _id: id }));
    },
    async list() {
      return (await collection().find({}).sort({ email: 1, _id: 1 }).toArray()).map(toStoredUser);
    },
    async update(id, change, now) {
      const set: Partial<UserDocument> = { updatedAt: now };
      if (change.roles !== undefined) set.roles = change.roles;
      if (change.disabled !== undefined) set.disabled = change.disabled;
      await collection().updateOne({ _id: id }, { $set: set, $inc: { securityVersion: 1 } });
      return toUser(await collection().findOne({ _id: id }));
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'users');
      await collection().createIndex({ email: 1 }, { unique: true });
    },
  };
}
