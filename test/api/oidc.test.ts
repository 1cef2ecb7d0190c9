import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Provider, { type Configuration } from 'oidc-provider';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { mapRoles } from '../../api/src/auth/oidc.ts';
import { openTransaction, sealTransaction } from '../../api/src/auth/oidcTransaction.ts';
import { ConfigError, loadConfig, parseRoleMap, type OidcConfig } from '../../api/src/config.ts';
import { connectDatabase } from '../../api/src/db/connection.ts';
import { ensureIndexes } from '../../api/src/db/indexes.ts';
import { createLogger } from '../../api/src/logger.ts';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { freePort } from '../support/processes.ts';
import { testSecrets } from '../support/testApp.ts';
import type { Connection } from 'mongoose';
import { Writable } from 'node:stream';

// A real OpenID provider (panva's oidc-provider) runs in this process on a free port; the app runs on another and
// talks to it over HTTP exactly as it would to Entra ID or the region's SITHS-based provider. A small "browser"
// follows the redirects by hand and keeps cookies per host.

const ROLE_MAP = 'Medskapa.Facilitator=facilitator,Medskapa.Staff=staff,Medskapa.Admin=admin';
const CLIENT_ID = 'medskapa-test';
const CLIENT_SECRET = randomBytes(24).toString('base64url');
const BREAK_GLASS_PASSWORD = 'a break glass passphrase that is long';

/** Claims of the provider's accounts, by subject; tests change them between sign-ins. */
const accounts = new Map<string, Record<string, unknown>>();
/** The account the provider's (automatic) login page signs in next. */
let nextLogin = '';

let providerServer: Server;
let provider: Provider;
let issuer: string;
let appServer: Server;
let appOrigin: string;
let connection: Connection;
let app: ReturnType<typeof createApp>['app'];
const secrets = testSecrets();
const logs: string[] = [];

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return (address as AddressInfo).port;
}

function providerConfiguration(redirectUri: string, postLogout: string): Configuration {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogout],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'roles'] },
    // As Entra ID does: the requested claims (roles included) are in the ID token itself.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = `<!doctype html><title>Sign out</title>${form}<button form="op.logoutForm" name="logout" value="yes">Sign out</button>`;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const claims = accounts.get(id);
      if (claims === undefined) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
  };
}

/** A minimal browser: GETs without following redirects, a cookie jar per host:port. */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).host)?.get(name);
  }

  setCookie(origin: string, name: string, value: string | undefined): void {
    const host = new URL(origin).host;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    if (value === undefined) cookies.delete(name);
    else cookies.set(name, value);
    this.jar.set(host, cookies);
  }

  async get(url: string): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await fetch(target, { redirect: 'manual', headers: { Accept: 'text/html,application/json;q=0.9', ...(cookies === '' ? {} : { Cookie: cookies }) } });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.trim().split('=');
        return (key.toLowerCase() === 'max-age' && Number(raw) <= 0) || (key.toLowerCase() === 'expires' && Date.parse(raw) < Date.now());
      });
      this.setCookie(target.origin, name, expired || value === '' ? undefined : value);
    }
    return res;
  }

  /** Follows redirects from `url` until one points at the app's callback; returns that address (not yet opened). */
  async toCallback(url: string): Promise<string> {
    let next = url;
    for (let hop = 0; hop < 10; hop += 1) {
      if (next.startsWith(`${appOrigin}/api/v1/session/oidc/callback`)) return next;
      const res = await this.get(next);
      const location = res.headers.get('location');
      if (location === null) throw new Error(`no redirect from ${next}: ${res.status} ${await res.text()}`);
      next = new URL(location, next).href;
    }
    throw new Error('too many redirects');
  }
}

/** Starts a sign-in at the app and goes through the provider; the browser stands at the callback address. */
async function throughProvider(account: string): Promise<{ browser: Browser; callback: string }> {
  nextLogin = account;
  const browser = new Browser();
  const start = await browser.get(`${appOrigin}/api/v1/session/oidc/start`);
  expect(start.status).toBe(302);
  const callback = await browser.toCallback(new URL(start.headers.get('location') ?? '', appOrigin).href);
  return { browser, callback };
}

const sessionCookieOf = (browser: Browser) => browser.cookie(appOrigin, 'medskapa.sid');

async function signIn(account: string): Promise<{ browser: Browser; res: Response }> {
  const { browser, callback } = await throughProvider(account);
  const res = await browser.get(callback);
  return { browser, res };
}

async function whoAmI(browser: Browser) {
  return request(app).get('/api/v1/session').set('Cookie', `medskapa.sid=${sessionCookieOf(browser) ?? ''}`);
}

async function auditEvents(filter: Record<string, unknown>) {
  return connection.db!.collection('auditEvents').find(filter).sort({ at: -1 }).toArray();
}

function oidcSettings(): OidcConfig {
  const config = loadConfig({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_REDIRECT_URI: `${appOrigin}/api/v1/session/oidc/callback`,
    OIDC_ROLE_MAP: ROLE_MAP,
    OIDC_PROVIDER_NAME: 'VGR-id',
  });
  if (config.oidc === undefined) throw new Error('OIDC not configured');
  return config.oidc;
}

beforeAll(async () => {
  // The app's server is listening before the app exists, so its address can go into the configuration.
  appServer = createServer((req, res) => app(req, res));
  appOrigin = `http://127.0.0.1:${await listen(appServer)}`;

  providerServer = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      // The provider's login and consent pages: the test signs in `nextLogin` and grants the requested scopes.
      void (async () => {
        const details = await provider.interactionDetails(req, res);
        const grant = new provider.Grant({ accountId: nextLogin, clientId: String(details.params['client_id']) });
        grant.addOIDCScope(String(details.params['scope']));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: nextLogin }, consent: { grantId } }, { mergeWithLastSubmission: false });
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    void provider.callback()(req, res);
  });
  issuer = `http://127.0.0.1:${await listen(providerServer)}`;
  provider = new Provider(issuer, providerConfiguration(`${appOrigin}/api/v1/session/oidc/callback`, `${appOrigin}/backoffice/`));

  connection = await connectDatabase({ uri: inject('mongodbUri'), dbName: `t_oidc_${randomUUID().slice(0, 8)}`, serverSelectionTimeoutMs: 2000 });
  await ensureIndexes(connection);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  app = createApp({
    connection,
    logger: createLogger('debug', sink),
    secrets,
    options: { submissionRateLimit: 0, receiptRateLimit: 0, rateLimitStore: 'memory', trustProxy: false, oidc: oidcSettings() },
  }).app;
});

afterAll(async () => {
  await new Promise((resolve) => appServer?.close(resolve));
  await new Promise((resolve) => providerServer?.close(resolve));
  await connection?.dropDatabase().catch(() => {});
  await connection?.close();
});

describe('staff sign-in with OpenID Connect', () => {
  it('tells the sign-in page about the provider', async () => {
    const res = await request(app).get('/api/v1/session/methods');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ oidc: { providerName: 'VGR-id', startUrl: '/api/v1/session/oidc/start' } });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, and seals them in a Lax cookie', async () => {
    const browser = new Browser();
    const res = await browser.get(`${appOrigin}/api/v1/session/oidc/start`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin).toBe(issuer);
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(location.searchParams.get('redirect_uri')).toBe(`${appOrigin}/api/v1/session/oidc/callback`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('scope')).toBe('openid profile email');
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/medskapa\.oidc=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const sealed = browser.cookie(appOrigin, 'medskapa.oidc') ?? '';
    const transaction = openTransaction(secrets.appSecret, sealed, Date.now());
    expect(transaction?.state).toBe(location.searchParams.get('state'));
    expect(transaction?.nonce).toBe(location.searchParams.get('nonce'));
    // Nothing of it is readable without APP_SECRET.
    expect(sealed).not.toContain(transaction?.state);
    expect(openTransaction(randomBytes(32), sealed, Date.now())).toBeUndefined();
  });

  it('signs in through the code flow, creates the user with roles from the claim, and the session works like a password session', async () => {
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'Anna.Andersson@VGRegion.se', name: 'Anna Andersson', roles: ['Medskapa.Facilitator', 'Medskapa.Staff', 'Some.Other.App'] });
    const { browser, res } = await signIn(subject);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/backoffice/');
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/medskapa\.sid=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    // The one-time transaction cookie is gone.
    expect(browser.cookie(appOrigin, 'medskapa.oidc')).toBeUndefined();

    const me = await whoAmI(browser);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'anna.andersson@vgregion.se', displayName: 'Anna Andersson', roles: ['facilitator', 'staff'], disabled: false });
    expect(me.body.signOutUrl).toBe('/api/v1/session/oidc/logout');
    const stories = await request(app).get('/api/v1/stories').set('Cookie', `medskapa.sid=${sessionCookieOf(browser)}`);
    expect(stories.status).toBe(200);
    expect((await request(app).get('/api/v1/users').set('Cookie', `medskapa.sid=${sessionCookieOf(browser)}`)).status).toBe(403);

    // Keyed by issuer + subject, with no password.
    const stored = await connection.db!.collection('users').findOne({ 'oidc.subject': subject });
    expect(stored).toMatchObject({ oidc: { issuer, subject }, passwordHash: '' });
    const signIns = await auditEvents({ action: 'session.sign_in', actorId: me.body.user.id });
    expect(signIns[0]).toMatchObject({ outcome: 'success', detail: { method: 'oidc' } });
    expect(await auditEvents({ action: 'user.created', targetId: me.body.user.id })).toHaveLength(1);
    // No token or code in the logs.
    expect(logs.join('')).not.toMatch(/code=|id_token|access_token/);
  });

  it('takes the roles from the claim at every sign-in; a change ends the earlier sessions', async () => {
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'bo@vgregion.se', name: 'Bo', roles: ['Medskapa.Staff'] });
    const first = await signIn(subject);
    expect((await whoAmI(first.browser)).body.user.roles).toEqual(['staff']);

    accounts.set(subject, { email: 'bo@vgregion.se', name: 'Bo Berg', roles: ['Medskapa.Admin'] });
    const second = await signIn(subject);
    const me = await whoAmI(second.browser);
    expect(me.body.user).toMatchObject({ roles: ['admin'], displayName: 'Bo Berg' });
    expect((await whoAmI(first.browser)).status).toBe(401);
    expect(await connection.db!.collection('users').countDocuments({ 'oidc.subject': subject })).toBe(1);
    const updates = await auditEvents({ action: 'user.updated', targetId: me.body.user.id });
    expect(updates[0]).toMatchObject({ detail: { roles: 'admin', source: 'oidc' } });
  });

  it('reads roles from a group claim as well, including nested claims', () => {
    const map = parseRoleMap('a1b2-group=facilitator, Medskapa.Admin=admin');
    expect(mapRoles({ groups: ['x', 'a1b2-group'] }, 'groups', map)).toEqual(['facilitator']);
    expect(mapRoles({ realm_access: { roles: ['Medskapa.Admin'] } }, 'realm_access.roles', map)).toEqual(['admin']);
    expect(mapRoles({ roles: 'Medskapa.Admin a1b2-group' }, 'roles', map)).toEqual(['facilitator', 'admin']);
    expect(mapRoles({ roles: [{ $ne: null }, 7] }, 'roles', map)).toEqual([]);
    expect(mapRoles({}, 'roles', map)).toEqual([]);
  });

  it('signs out: the session ends here and the browser goes to the provider’s end-session endpoint', async () => {
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'cia@vgregion.se', name: 'Cia', roles: ['Medskapa.Facilitator'] });
    const { browser } = await signIn(subject);
    const userId = (await whoAmI(browser)).body.user.id;
    const cookie = sessionCookieOf(browser);
    const res = await browser.get(`${appOrigin}/api/v1/session/oidc/logout`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${issuer}/session/end`);
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${appOrigin}/backoffice/`);
    expect((await request(app).get('/api/v1/session').set('Cookie', `medskapa.sid=${cookie}`)).status).toBe(401);
    expect(await auditEvents({ action: 'session.sign_out', actorId: userId })).toHaveLength(1);
    // The provider accepts the request and asks the user to confirm signing out there.
    const confirm = await browser.get(location.href);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('logout');
  });

  it('keeps passwords for the break-glass admin; its session has no provider sign-out', async () => {
    const users = createUserRepository(connection);
    await users.create({ email: 'break-glass@vgregion.se', displayName: 'Break glass', roles: ['admin'], passwordHash: await hashPassword(BREAK_GLASS_PASSWORD) }, new Date());
    const res = await request(app).post('/api/v1/session').send({ email: 'break-glass@vgregion.se', password: BREAK_GLASS_PASSWORD });
    expect(res.status).toBe(201);
    const cookie = String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '';
    const me = await request(app).get('/api/v1/session').set('Cookie', cookie);
    expect(me.body.signOutUrl).toBeUndefined();
    // An account made by the provider has no password to guess.
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'dan@vgregion.se', name: 'Dan', roles: ['Medskapa.Admin'] });
    await signIn(subject);
    for (const password of ['', 'anything at all here']) {
      expect((await request(app).post('/api/v1/session').send({ email: 'dan@vgregion.se', password })).status).toBe(401);
    }
  });
});

describe('OpenID Connect failures are rejected', () => {
  const expectProblem = async (res: Response, status: number, text: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.getSetCookie().join('\n')).not.toMatch(/medskapa\.sid=[^;]/);
    expect(await res.text()).toMatch(text);
  };

  it('a wrong or missing state', async () => {
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'eva@vgregion.se', roles: ['Medskapa.Staff'] });
    const wrong = await throughProvider(subject);
    const tampered = new URL(wrong.callback);
    tampered.searchParams.set('state', 'x'.repeat(43));
    await expectProblem(await wrong.browser.get(tampered.href), 400, /Inloggningen gick inte att slutföra/);

    const missing = await throughProvider(subject);
    const withoutState = new URL(missing.callback);
    withoutState.searchParams.delete('state');
    await expectProblem(await missing.browser.get(withoutState.href), 400, /could not be completed/);
    const failures = await auditEvents({ action: 'session.sign_in', outcome: 'failure', 'detail.method': 'oidc' });
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(await connection.db!.collection('users').countDocuments({ 'oidc.subject': subject })).toBe(0);
  });

  it('a replayed code: the provider redeems a code once', async () => {
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'fia@vgregion.se', roles: ['Medskapa.Staff'] });
    const { browser, callback } = await throughProvider(subject);
    const transaction = browser.cookie(appOrigin, 'medskapa.oidc') ?? '';
    expect((await browser.get(callback)).status).toBe(302);
    // An attacker with the callback address and the transaction cookie tries again.
    const attacker = new Browser();
    attacker.setCookie(appOrigin, 'medskapa.oidc', transaction);
    await expectProblem(await attacker.get(callback), 400, /Signing in could not be completed/);
    const failures = await auditEvents({ action: 'session.sign_in', outcome: 'failure', 'detail.reason': 'invalid_grant' });
    expect(failures.length).toBeGreaterThanOrEqual(1);
  });

  it('a tampered nonce: the ID token was issued for another one', async () => {
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'gun@vgregion.se', roles: ['Medskapa.Staff'] });
    const { browser, callback } = await throughProvider(subject);
    const transaction = openTransaction(secrets.appSecret, browser.cookie(appOrigin, 'medskapa.oidc') ?? '', Date.now());
    expect(transaction).toBeDefined();
    browser.setCookie(appOrigin, 'medskapa.oidc', sealTransaction(secrets.appSecret, { ...transaction!, nonce: 'n'.repeat(43) }));
    await expectProblem(await browser.get(callback), 400, /could not be completed/);
    expect(await connection.db!.collection('users').countDocuments({ 'oidc.subject': subject })).toBe(0);
  });

  it('a missing or wrong PKCE verifier: no transaction cookie, another verifier, or the code alone at the token endpoint', async () => {
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'hans@vgregion.se', roles: ['Medskapa.Staff'] });

    const lost = await throughProvider(subject);
    lost.browser.setCookie(appOrigin, 'medskapa.oidc', undefined);
    await expectProblem(await lost.browser.get(lost.callback), 400, /påbörjades i en annan flik/);

    const other = await throughProvider(subject);
    const transaction = openTransaction(secrets.appSecret, other.browser.cookie(appOrigin, 'medskapa.oidc') ?? '', Date.now());
    other.browser.setCookie(appOrigin, 'medskapa.oidc', sealTransaction(secrets.appSecret, { ...transaction!, codeVerifier: 'v'.repeat(64) }));
    await expectProblem(await other.browser.get(other.callback), 400, /could not be completed/);

    // The code is bound to the challenge: without the verifier the provider refuses it.
    const stolen = await throughProvider(subject);
    const code = new URL(stolen.callback).searchParams.get('code') ?? '';
    const token = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: `${appOrigin}/api/v1/session/oidc/callback`, client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
    });
    expect(token.status).toBe(400);
    expect(((await token.json()) as { error: string }).error).toBe('invalid_grant');
    expect(await connection.db!.collection('users').countDocuments({ 'oidc.subject': subject })).toBe(0);
  });

  it('an expired transaction', async () => {
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'ida@vgregion.se', roles: ['Medskapa.Staff'] });
    const { browser, callback } = await throughProvider(subject);
    const transaction = openTransaction(secrets.appSecret, browser.cookie(appOrigin, 'medskapa.oidc') ?? '', Date.now());
    browser.setCookie(appOrigin, 'medskapa.oidc', sealTransaction(secrets.appSecret, { ...transaction!, expiresAt: Date.now() - 1 }));
    await expectProblem(await browser.get(callback), 400, /took too long/);
  });

  it('a user whose claim has no mapped role gets 403 with a clear page, and no account', async () => {
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'jan@vgregion.se', name: 'Jan', roles: ['Some.Other.App'] });
    const { res } = await signIn(subject);
    await expectProblem(res, 403, /ingen roll i Medskapa[\s\S]*has no role in Medskapa/);
    expect(await connection.db!.collection('users').countDocuments({ 'oidc.subject': subject })).toBe(0);
    const denied = await auditEvents({ action: 'session.sign_in', outcome: 'denied', 'detail.reason': 'no_mapped_role' });
    expect(denied.length).toBeGreaterThanOrEqual(1);

    // A user who had a role and lost it at the provider: refused, and the earlier sessions end.
    const former = `sub-${randomUUID()}`;
    accounts.set(former, { email: 'kim@vgregion.se', roles: ['Medskapa.Facilitator'] });
    const earlier = await signIn(former);
    expect((await whoAmI(earlier.browser)).status).toBe(200);
    accounts.set(former, { email: 'kim@vgregion.se', roles: [] });
    await expectProblem((await signIn(former)).res, 403, /no role in Medskapa/);
    expect((await whoAmI(earlier.browser)).status).toBe(401);
  });

  it('a user disabled in the back office gets 403, whatever the claim says', async () => {
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'lo@vgregion.se', roles: ['Medskapa.Admin'] });
    const first = await signIn(subject);
    const userId = (await whoAmI(first.browser)).body.user.id;

    const users = createUserRepository(connection);
    await users.create({ email: 'admin-for-disable@vgregion.se', displayName: 'Admin', roles: ['admin'], passwordHash: await hashPassword(BREAK_GLASS_PASSWORD) }, new Date());
    const admin = await request(app).post('/api/v1/session').send({ email: 'admin-for-disable@vgregion.se', password: BREAK_GLASS_PASSWORD });
    const disable = await request(app)
      .patch(`/api/v1/users/${userId}`)
      .set('Cookie', String(admin.headers['set-cookie']?.[0]).split(';')[0] ?? '')
      .set('X-CSRF-Token', String(admin.body.csrfToken))
      .send({ disabled: true });
    expect(disable.status).toBe(200);
    expect((await whoAmI(first.browser)).status).toBe(401);

    await expectProblem((await signIn(subject)).res, 403, /avstängt[\s\S]*disabled/);
    expect((await connection.db!.collection('users').findOne({ _id: userId as never }))?.['disabled']).toBe(true);
  });

  it('a local account with the same e-mail address is not taken over', async () => {
    const users = createUserRepository(connection);
    await users.create({ email: 'mia@vgregion.se', displayName: 'Mia (local)', roles: ['staff'], passwordHash: await hashPassword(BREAK_GLASS_PASSWORD) }, new Date());
    const subject = `sub-${randomUUID()}`;
    accounts.set(subject, { email: 'mia@vgregion.se', roles: ['Medskapa.Admin'] });
    await expectProblem((await signIn(subject)).res, 409, /Ett konto med lösenord använder redan/);
    expect((await users.findByEmail('mia@vgregion.se'))?.roles).toEqual(['staff']);
  });

  it('the provider cannot be reached: 503 with Retry-After, not 500', async () => {
    const deadPort = await freePort();
    const settings = { ...oidcSettings(), issuer: `http://127.0.0.1:${deadPort}/nowhere` };
    const offline = createApp({
      connection,
      logger: createLogger('silent'),
      secrets,
      options: { submissionRateLimit: 0, receiptRateLimit: 0, rateLimitStore: 'memory', trustProxy: false, oidc: settings },
    }).app;
    const res = await request(offline).get('/api/v1/session/oidc/start');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.text).toContain('Inloggningstjänsten går inte att nå just nu');
  });

  it('without OIDC configured the routes answer 404 and the sign-in page offers passwords only', async () => {
    const plain = createApp({
      connection,
      logger: createLogger('silent'),
      secrets,
      options: { submissionRateLimit: 0, receiptRateLimit: 0, rateLimitStore: 'memory', trustProxy: false },
    }).app;
    expect((await request(plain).get('/api/v1/session/methods')).body).toEqual({});
    const start = await request(plain).get('/api/v1/session/oidc/start');
    expect(start.status).toBe(404);
    expect(start.body.error.code).toBe('not_found');
    expect((await request(plain).get('/api/v1/session/oidc/callback?code=x&state=y')).status).toBe(404);
    expect((await request(plain).get('/api/v1/session/oidc/logout')).status).toBe(302);
  });
});

describe('OIDC and secret-file configuration', () => {
  const base = {
    OIDC_ISSUER: 'https://login.example.org/tenant/v2.0',
    OIDC_CLIENT_ID: 'medskapa',
    OIDC_REDIRECT_URI: 'https://medskapa.example.org/api/v1/session/oidc/callback',
    OIDC_ROLE_MAP: ROLE_MAP,
  };

  it('reads the OIDC settings with defaults', () => {
    const oidc = loadConfig(base).oidc;
    expect(oidc).toMatchObject({
      issuer: base.OIDC_ISSUER,
      clientId: 'medskapa',
      clientSecret: undefined,
      rolesClaim: 'roles',
      scopes: 'openid profile email',
      postLogoutRedirectUri: 'https://medskapa.example.org/backoffice/',
      providerName: undefined,
    });
    expect([...(oidc?.roleMap ?? [])]).toEqual([
      ['Medskapa.Facilitator', 'facilitator'],
      ['Medskapa.Staff', 'staff'],
      ['Medskapa.Admin', 'admin'],
    ]);
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it.each([
    ['a client id without an issuer', { OIDC_CLIENT_ID: 'x' }, /OIDC_ISSUER/],
    ['an issuer without the rest', { OIDC_ISSUER: base.OIDC_ISSUER }, /OIDC_CLIENT_ID[\s\S]*OIDC_REDIRECT_URI[\s\S]*OIDC_ROLE_MAP/],
    ['an unknown role', { ...base, OIDC_ROLE_MAP: 'X=superuser' }, /OIDC_ROLE_MAP/],
    ['a pair without =', { ...base, OIDC_ROLE_MAP: 'X' }, /OIDC_ROLE_MAP/],
    ['one value mapped to two roles', { ...base, OIDC_ROLE_MAP: 'X=staff,X=admin' }, /two roles/],
    ['another callback path', { ...base, OIDC_REDIRECT_URI: 'https://medskapa.example.org/callback' }, /OIDC_REDIRECT_URI/],
    ['scopes without openid', { ...base, OIDC_SCOPES: 'profile email' }, /OIDC_SCOPES/],
    ['http in production', { ...base, NODE_ENV: 'production', OIDC_ISSUER: 'http://idp.example.org', CONTACT_KEY: 'k1:AAAA', APP_SECRET: 'x'.repeat(32) }, /https/],
  ])('refuses %s', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads CONTACT_KEY, APP_SECRET and OIDC_CLIENT_SECRET from *_FILE, without the final line break', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'medskapa-secrets-'));
    try {
      const key = `k1:${randomBytes(32).toString('base64')}`;
      await writeFile(path.join(dir, 'contact_key'), `${key}\n`);
      await writeFile(path.join(dir, 'app_secret'), `${'s'.repeat(40)}\n`);
      await writeFile(path.join(dir, 'oidc'), 'client-secret-value');
      const config = loadConfig({
        ...base,
        NODE_ENV: 'production',
        CONTACT_KEY_FILE: path.join(dir, 'contact_key'),
        APP_SECRET_FILE: path.join(dir, 'app_secret'),
        OIDC_CLIENT_SECRET_FILE: path.join(dir, 'oidc'),
      });
      expect(config.contactKey).toBe(key);
      expect(config.appSecret).toBe('s'.repeat(40));
      expect(config.oidc?.clientSecret).toBe('client-secret-value');
      expect(() => loadConfig({ APP_SECRET: 'x'.repeat(32), APP_SECRET_FILE: path.join(dir, 'app_secret') })).toThrow(/not both/);
      expect(() => loadConfig({ CONTACT_KEY_FILE: path.join(dir, 'missing') })).toThrow(/CONTACT_KEY_FILE: cannot read .*ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
