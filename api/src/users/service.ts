import { hash, verify } from '@node-rs/argon2';
import type { CreateUser, UpdateUser } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import type { SessionStore } from '../auth/sessions.ts';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors.ts';
import { passwordProblem } from './passwordPolicy.ts';
import { DuplicateEmailError, type StoredUser, type UserRepository } from './repository.ts';

// OWASP's argon2id minimum (m = 19 MiB, t = 2, p = 1): about 60 ms here, fine for sign-in.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

// Verified against when the account does not exist, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(stored: StoredUser | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('not a real password, only here to spend the same time');
  const ok = await verify(stored?.passwordHash ?? (await dummyHash), password).catch(() => false);
  return ok && stored !== undefined && !stored.disabled;
}

export interface UserService {
  createUser(input: CreateUser, actorId: string | undefined): Promise<StoredUser>;
  updateUser(id: string, change: UpdateUser, actorId: string): Promise<StoredUser>;
}

export function createUserService(deps: { users: UserRepository; sessions: SessionStore; audit: AuditLog; now: () => Date }): UserService {
  return {
    async createUser(input, actorId) {
      const problem = passwordProblem(input.password, input.email);
      if (problem !== undefined) throw new ValidationError({ password: problem }, 'Choose a longer or less common password.');
      try {
        const user = await deps.users.create(
          { email: input.email, displayName: input.displayName, roles: input.roles, passwordHash: await hashPassword(input.password) },
          deps.now(),
        );
        await deps.audit.record({
          action: 'user.created',
          outcome: 'success',
          ...(actorId === undefined ? {} : { actorId }),
          targetType: 'user',
          targetId: user.id,
          detail: { roles: user.roles.join(',') },
        });
        return user;
      } catch (error) {
        if (error instanceof DuplicateEmailError) throw new ConflictError('validation_failed', 'A user with this e-mail address already exists.');
        throw error;
      }
    },
    async updateUser(id, change, actorId) {
      const updated = await deps.users.update(id, change, deps.now());
      if (updated === undefined) throw new NotFoundError('No such user.');
      // New roles or a disabled account take effect at once: every session of that user ends.
      await deps.sessions.destroyForUser(id);
      await deps.audit.record({
        action: 'user.updated',
        outcome: 'success',
        actorId,
        targetType: 'user',
        targetId: id,
        detail: { roles: updated.roles.join(','), disabled: updated.disabled },
      });
      return updated;
    },
  };
}
