import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../api/contract/index.ts';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import type { TestApp } from './testApp.ts';

export const STAFF_PASSWORD = 'a long passphrase for the api tests';

export interface StaffSession {
  readonly userId: string;
  readonly email: string;
  /** Headers for a signed-in call: the session cookie and the CSRF token. */
  readonly headers: { Cookie: string; 'X-CSRF-Token': string };
}

/** Creates a user with these roles (as the users command would) and signs in through the API. */
export async function signInAs(t: TestApp, roles: Role[], displayName = 'Test User'): Promise<StaffSession> {
  const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@vgregion.se`;
  const user = await createUserRepository(t.connection).create({ email, displayName, roles, passwordHash: await hashPassword(STAFF_PASSWORD) }, new Date());
  const res = await request(t.app).post('/api/v1/session').send({ email, password: STAFF_PASSWORD });
  if (res.status !== 200 && res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '';
  return { userId: user.id, email, headers: { Cookie: cookie, 'X-CSRF-Token': String(res.body.csrfToken) } };
}
