import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Role } from '../../contract/index.ts';
import { driverCollection } from '../db/collections.ts';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';
import type { StoredUser, UserRepository } from '../users/repository.ts';

/** The fields this module adds to a user document; the rest is the users repository's. */
interface OidcUserDocument {
  _id: string;
  email: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  /** Empty: the account has no password and can only sign in through the identity provider. */
  passwordHash: string;
  securityVersion: number;
  oidc?: { issuer: string; subject: string };
  createdAt: Date;
  updatedAt: Date;
}

export interface OidcIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string;
  readonly displayName: string;
  /** From the roles claim at this sign-in; empty when no claim value is mapped. */
  readonly roles: Role[];
}

export type ProvisionResult =
  | { readonly kind: 'signedIn'; readonly user: StoredUser; readonly created: boolean; readonly rolesChanged: boolean }
  | { readonly kind: 'disabled'; readonly userId: string }
  | { readonly kind: 'noRole'; readonly userId: string | undefined }
  | { readonly kind: 'emailTaken' };

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/**
 * Users who sign in through the identity provider: matched by issuer + subject (never by e-mail, which the provider
 * may reuse or let the user change), created at their first sign-in, their roles taken from the claim at every sign-in.
 */
export function createOidcUsers(connection: Connection, users: UserRepository) {
  const collection = () => driverCollection<OidcUserDocument>(connection, 'users');
  return {
    async provision(identity: OidcIdentity, now: Date): Promise<ProvisionResult> {
      const existing = await collection().findOne({ 'oidc.issuer': identity.issuer, 'oidc.subject': identity.subject });
      if (existing === null) {
        if (identity.roles.length === 0) return { kind: 'noRole', userId: undefined };
        const document: OidcUserDocument = {
          _id: randomUUID(),
          email: identity.email,
          displayName: identity.displayName,
          roles: identity.roles,
          disabled: false,
          passwordHash: '',
          securityVersion: 1,
          oidc: { issuer: identity.issuer, subject: identity.subject },
          createdAt: now,
          updatedAt: now,
        };
        try {
          await collection().insertOne(document);
        } catch (error) {
          // A local (break-glass) account has this address, or the same person's first two sign-ins raced.
          if (isDuplicateKeyError(error)) return { kind: 'emailTaken' };
          throw error;
        }
        const user = await users.findById(document._id);
        return user === undefined ? { kind: 'emailTaken' } : { kind: 'signedIn', user, created: true, rolesChanged: false };
      }
      if (existing.disabled) return { kind: 'disabled', userId: existing._id };
      const rolesChanged = !sameRoles(existing.roles, identity.roles);
      const set: Partial<OidcUserDocument> = { displayName: identity.displayName, updatedAt: now };
      if (rolesChanged) set.roles = identity.roles;
      // A changed address is taken over only when no other account has it (FerretDB reports such a unique
      // conflict on update as an internal error, not as a duplicate key, so it is checked first).
      if (identity.email !== existing.email && (await collection().findOne({ email: identity.email })) === null) set.email = identity.email;
      // New roles end the user's other sessions at once, as a change in the back office does.
      await collection().updateOne({ _id: existing._id }, rolesChanged ? { $set: set, $inc: { securityVersion: 1 } } : { $set: set });
      if (identity.roles.length === 0) return { kind: 'noRole', userId: existing._id };
      const user = await users.findById(existing._id);
      return user === undefined ? { kind: 'noRole', userId: existing._id } : { kind: 'signedIn', user, created: false, rolesChanged };
    },

    async ensureIndexes(): Promise<void> {
      await collection().createIndex({ 'oidc.issuer': 1, 'oidc.subject': 1 });
    },
  };
}

export type OidcUsers = ReturnType<typeof createOidcUsers>;
