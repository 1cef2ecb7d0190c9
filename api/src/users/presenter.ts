import type { User } from '../../contract/index.ts';
import type { StoredUser } from './repository.ts';

export function presentUser(user: StoredUser): User {
  return { id: user.id, email: user.email, displayName: user.displayName, roles: [...user.roles], disabled: user.disabled };
}
