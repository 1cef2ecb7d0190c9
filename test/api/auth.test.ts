import { spawn } from 'node:child_process';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../../api/contract/index.ts';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let clock = new Date('2026-11-26T08:00:00Z');
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};
let t: TestApp;
const PASSWORD = 'a long passphrase about lingonberries';
const emails: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock, trustProxy: true });
  const users = createUserRepository(t.connection);
  const hash = await hashPassword(PASSWORD);
  for (const role of ['facilitator', 'staff', 'admin'] as const) {
    emails[role] = `${role}@vgregion.se`;
    await users.create({ email: emails[role]!, displayName: role, roles: [role], passwordHash: hash }, clock);
  }
});
afterAll(async () => {
  await t.close();
});

let client = 0;
/** Each sign-in comes from its own client address unless a test says otherwise. */
async function signIn(email: string, password = PASSWORD, from = `10.0.0.${++client % 250}`) {
  const res = await request(t.app).post('/api/v1/session').set('X-Forwarded-For', from).send({ email, password });
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  return { res, cookie, csrf: String(res.body?.csrfToken ?? '') };
}

describe('sign-in and sessions', () => {
  it('signs in with the right password: an HttpOnly, SameSite=Strict session cookie and a CSRF token', async () => {
    const { res, cookie } = await signIn(emails['facilitator']!);
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: 'facilitator@vgregion.se', roles: ['facilitator'], disabled: false });
    expect(res.body.user.passwordHash).toBeUndefined();
    const setCookie = String(res.headers['set-cookie']?.[0]);
    expect(setCookie).toMatch(/^medskapa\.sid=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    const current = await request(t.app).get('/api/v1/session').set('Cookie', cookie);
    expect(current.status).toBe(200);
    expect(current.body.user.email).toBe('facilitator@vgregion.se');
  });

  it('answers a wrong password and an unknown account the same way, and audits both without the password', async () => {
    const wrong = await signIn(emails['staff']!, 'not the password at all');
    const unknown = await signIn('nobody@vgregion.se', 'not the password at all');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.body).toEqual(unknown.res.body);
    const events = await t.connection.db!.collection('auditEvents').find({ action: 'session.sign_in', outcome: 'failure' }).toArray();
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(events)).not.toContain('not the password');
  });

  it('gives a new session id at every sign-in and ends the one the browser brought (no fixation)', async () => {
    const first = await signIn(emails['admin']!);
    const second = await request(t.app).post('/api/v1/session').set('Cookie', first.cookie).send({ email: emails['admin'], password: PASSWORD });
    const secondCookie = String(second.headers['set-cookie']?.[0]).split(';')[0];
    expect(secondCookie).not.toBe(first.cookie);
    expect((await request(t.app).get('/api/v1/session').set('Cookie', first.cookie)).status).toBe(401);
    expect((await request(t.app).get('/api/v1/session').set('Cookie', secondCookie!)).status).toBe(200);
  });

  it('signs out on the server: the old cookie stops working', async () => {
    const { cookie, csrf } = await signIn(emails['staff']!);
    const out = await request(t.app).delete('/api/v1/session').set('Cookie', cookie).set('X-CSRF-Token', csrf);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie']?.[0])).toMatch(/medskapa\.sid=;/);
    expect((await request(t.app).get('/api/v1/session').set('Cookie', cookie)).status).toBe(401);
  });

  it('ends a session after 30 minutes idle', async () => {
    const { cookie } = await signIn(emails['staff']!);
    advance(29);
    expect((await request(t.app).get('/api/v1/session').set('Cookie', cookie)).status).toBe(200);
    advance(31);
    expect((await request(t.app).get('/api/v1/session').set('Cookie', cookie)).status).toBe(401);
  });

  it('ends a session after 8 hours however active it is', async () => {
    const { cookie } = await signIn(emails['staff']!);
    for (let minutes = 0; minutes < 8 * 60 - 20; minutes += 20) {
      advance(20);
      expect((await request(t.app).get('/api/v1/session').set('Cookie', cookie)).status).toBe(200);
    }
    advance(25);
    expect((await request(t.app).get('/api/v1/session').set('Cookie', cookie)).status).toBe(401);
  });

  it('ends every session of a user at once when an admin disables them or changes their roles', async () => {
    const users = createUserRepository(t.connection);
    const target = await users.create({ email: 'temp@vgregion.se', displayName: 'Temp', roles: ['facilitator'], passwordHash: await hashPassword(PASSWORD) }, clock);
    const admin = await signIn(emails['admin']!);
    const victim = await signIn('temp@vgregion.se');
    const change = await request(t.app).patch(`/api/v1/users/${target.id}`).set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).send({ roles: ['staff'] });
    expect(change.status).toBe(200);
    expect(change.body.roles).toEqual(['staff']);
    expect((await request(t.app).get('/api/v1/session').set('Cookie', victim.cookie)).status).toBe(401);

    const again = await signIn('temp@vgregion.se');
    await request(t.app).patch(`/api/v1/users/${target.id}`).set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).send({ disabled: true }).expect(200);
    expect((await request(t.app).get('/api/v1/session').set('Cookie', again.cookie)).status).toBe(401);
    expect((await signIn('temp@vgregion.se')).res.status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a change without the token, with a wrong token, or from a foreign Origin', async () => {
    const { cookie, csrf } = await signIn(emails['admin']!);
    const change = () => request(t.app).post('/api/v1/users').set('Cookie', cookie).send({ email: 'x@vgregion.se', displayName: 'X', roles: ['staff'], password: 'another long passphrase here' });
    expect((await change()).status).toBe(403);
    expect((await change().set('X-CSRF-Token', 'wrong')).status).toBe(403);
    expect((await change().set('X-CSRF-Token', csrf).set('Origin', 'https://evil.example')).status).toBe(403);
    expect((await change().set('X-CSRF-Token', csrf)).status).toBe(201);
  });

  it('refuses a sign-in posted from a foreign site', async () => {
    const res = await request(t.app).post('/api/v1/session').set('Origin', 'https://evil.example').send({ email: emails['admin'], password: PASSWORD });
    expect(res.status).toBe(403);
  });
});

describe('sign-in throttling', () => {
  it('makes a client wait after five wrong passwords for an account, without locking the account for anyone else', async () => {
    const from = '192.0.2.77';
    for (let i = 0; i < 5; i += 1) expect((await signIn(emails['facilitator']!, `wrong password number ${i}`, from)).res.status).toBe(401);
    const blocked = await signIn(emails['facilitator']!, PASSWORD, from);
    expect(blocked.res.status).toBe(429);
    expect(Number(blocked.res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn(emails['facilitator']!, PASSWORD, '192.0.2.78')).res.status).toBe(201);
  });
});

describe('users', () => {
  it('admins create users; passwords must be long and uncommon; e-mail addresses are unique', async () => {
    const { cookie, csrf } = await signIn(emails['admin']!);
    const create = (body: object) => request(t.app).post('/api/v1/users').set('Cookie', cookie).set('X-CSRF-Token', csrf).send(body);
    const short = await create({ email: 'new@vgregion.se', displayName: 'New', roles: ['staff'], password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields).toEqual({ password: 'user.password.tooShort' });
    const common = await create({ email: 'new@vgregion.se', displayName: 'New', roles: ['staff'], password: 'passwordpassword' });
    expect(common.body.error.fields).toEqual({ password: 'user.password.common' });
    const ok = await create({ email: 'New@VGRegion.se', displayName: 'New', roles: ['staff', 'facilitator'], password: 'rain on the roof of the old barn' });
    expect(ok.status).toBe(201);
    expect(ok.body.email).toBe('new@vgregion.se');
    expect((await create({ email: 'new@vgregion.se', displayName: 'Dup', roles: ['staff'], password: 'rain on the roof of the old barn' })).status).toBe(409);
    const audit = await request(t.app).get('/api/v1/audit?action=user.created').set('Cookie', cookie);
    expect(audit.status).toBe(200);
    expect(audit.body.some((event: { targetId?: string }) => event.targetId === ok.body.id)).toBe(true);
    expect(JSON.stringify(audit.body)).not.toContain('rain on the roof');
  });

  it('the users command creates a user with the password from standard input', async () => {
    const dbName = t.connection.name;
    const child = spawn(process.execPath, ['api/src/users/cli.ts', 'add', '--email', 'cli@vgregion.se', '--name', 'Cli User', '--role', 'facilitator'], {
      env: { ...process.env, MONGODB_URI: `${inject('mongodbUri')}${dbName}` },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.end('the cli passphrase is long enough\n');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, output).toBe(0);
    expect(output).toContain('Created cli@vgregion.se');
    expect((await signIn('cli@vgregion.se', 'the cli passphrase is long enough')).res.status).toBe(201);
  }, 30_000);
});

describe('authorization matrix, generated from the OpenAPI document', () => {
  it('answers every route × {anonymous, each role, disabled user, expired session} exactly as its access says', async () => {
    const doc = (await request(t.app).get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { 'x-access': 'public' | Role[] }>> };
    const sessions: Record<string, { cookie: string; csrf: string }> = {};
    for (const role of ['facilitator', 'staff', 'admin'] as const) sessions[role] = await signIn(emails[role]!);
    const users = createUserRepository(t.connection);
    const disabled = await users.create({ email: 'disabled@vgregion.se', displayName: 'D', roles: ['admin'], passwordHash: await hashPassword(PASSWORD) }, clock);
    const disabledSession = await signIn('disabled@vgregion.se');
    await users.update(disabled.id, { disabled: true }, clock);
    const expiring = await signIn(emails['admin']!);
    advance(31);
    for (const role of ['facilitator', 'staff', 'admin'] as const) {
      const signedIn = await signIn(emails[role]!);
      expect(signedIn.res.status, `${role} signs in`).toBe(201);
      sessions[role] = signedIn;
    }

    let checked = 0;
    for (const [pathName, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const access = operation['x-access'];
        const url = pathName.replace(/\{[^}]+\}/g, 'does-not-exist');
        const call = (who?: { cookie: string; csrf: string }) => {
          const req = request(t.app)[method as 'get' | 'post' | 'patch' | 'delete'](url);
          if (who !== undefined) req.set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf);
          return method === 'get' ? req : req.send({});
        };
        if (access === 'public') {
          expect([401, 403], `${method} ${pathName} anonymous`).not.toContain((await call()).status);
          continue;
        }
        expect((await call()).status, `${method} ${pathName} anonymous`).toBe(401);
        expect((await call(disabledSession)).status, `${method} ${pathName} disabled`).toBe(401);
        expect((await call(expiring)).status, `${method} ${pathName} expired`).toBe(401);
        for (const role of ['facilitator', 'staff', 'admin'] as const) {
          // A fresh session per call, since one of the routes is sign-out.
          sessions[role] = await signIn(emails[role]!);
          const status = (await call(sessions[role])).status;
          if (access.includes(role)) expect([401, 403], `${method} ${pathName} ${role}`).not.toContain(status);
          else expect(status, `${method} ${pathName} ${role}`).toBe(403);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
    const denials = await t.connection.db!.collection('auditEvents').countDocuments({ action: 'access.denied' });
    expect(denials).toBeGreaterThan(10);
  });
});
