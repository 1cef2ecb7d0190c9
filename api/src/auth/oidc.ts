import type { RequestHandler, Response as ExpressResponse } from 'express';
import * as client from 'openid-client';
import { z } from 'zod';
import { SignInMethodsSchema, type Role } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import type { OidcConfig } from '../config.ts';
import { NotFoundError } from '../http/errors.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { requestIdOf } from '../http/security.ts';
import type { Logger } from '../logger.ts';
import { activeSession, sessionToken } from './middleware.ts';
import { OIDC_PROBLEM_STATUS, oidcProblemPage, type OidcProblem } from './oidcPage.ts';
import { OIDC_TRANSACTION_MS, openTransaction, sealTransaction } from './oidcTransaction.ts';
import type { OidcUsers } from './oidcUsers.ts';
import { SESSION_ABSOLUTE_MS, type SessionStore } from './sessions.ts';

export const OIDC_START_PATH = '/api/v1/session/oidc/start';
export const OIDC_CALLBACK_PATH = '/api/v1/session/oidc/callback';
export const OIDC_LOGOUT_PATH = '/api/v1/session/oidc/logout';

/** The provider's metadata, discovered at the first sign-in and kept; a failed discovery is retried next time. */
export interface OidcClient {
  readonly settings: OidcConfig;
  configuration(): Promise<client.Configuration>;
}

export function createOidcClient(settings: OidcConfig): OidcClient {
  let pending: Promise<client.Configuration> | undefined;
  const discover = async () => {
    const issuer = new URL(settings.issuer);
    // Plain http only ever reaches config validation outside production (local providers in tests and development).
    const execute = issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [];
    return client.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret === undefined ? undefined : { client_secret: settings.clientSecret },
      settings.clientSecret === undefined ? client.None() : client.ClientSecretPost(settings.clientSecret),
      { execute, timeout: 5 },
    );
  };
  return {
    settings,
    configuration() {
      pending ??= discover().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
  };
}

export function oidcCookieName(secure: boolean): string {
  return secure ? '__Host-medskapa.oidc' : 'medskapa.oidc';
}

/** A claim by name; dots reach into nested objects (`realm_access.roles`) unless the name itself has the dot. */
function claimValue(claims: Readonly<Record<string, unknown>>, name: string): unknown {
  if (name in claims) return claims[name];
  let current: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = Object.getOwnPropertyDescriptor(current, part)?.value;
  }
  return current;
}

/** Every Medskapa role the claim's values map to (a string, or an array of strings), in a stable order. */
export function mapRoles(claims: Readonly<Record<string, unknown>>, rolesClaim: string, roleMap: ReadonlyMap<string, Role>): Role[] {
  const raw = claimValue(claims, rolesClaim);
  const values = typeof raw === 'string' ? raw.split(/\s+/) : Array.isArray(raw) ? raw.filter((value) => typeof value === 'string') : [];
  const roles = new Set<Role>();
  for (const value of values) {
    const role = roleMap.get(value);
    if (role !== undefined) roles.add(role);
  }
  return (['facilitator', 'staff', 'admin'] as const).filter((role) => roles.has(role));
}

const Email = z.email().max(254);

function identityFrom(claims: Readonly<Record<string, unknown>>): { email: string; displayName: string } | undefined {
  const sub = claims['sub'];
  if (typeof sub !== 'string' || sub === '') return undefined;
  const candidates = [claims['email'], claims['preferred_username'], claims['upn']];
  const email = candidates.map((value) => (typeof value === 'string' ? value.trim().toLowerCase() : '')).find((value) => Email.safeParse(value).success);
  const names = [claims['name'], [claims['given_name'], claims['family_name']].filter((part) => typeof part === 'string').join(' ')];
  const name = names.find((value): value is string => typeof value === 'string' && value.trim() !== '');
  // Without an address the account still needs a unique, clearly synthetic one for the users list.
  const fallback = `${sub.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 60) || 'user'}@oidc.invalid`;
  return { email: email ?? fallback, displayName: (name ?? email ?? fallback).trim().slice(0, 120) };
}

function problemOf(error: unknown): { problem: OidcProblem; reason: string } {
  if (error instanceof client.AuthorizationResponseError) {
    return { problem: error.error === 'access_denied' ? 'cancelled' : 'failed', reason: error.error.slice(0, 60) };
  }
  if (error instanceof client.ResponseBodyError) {
    return { problem: error.status >= 500 ? 'unavailable' : 'failed', reason: error.error.slice(0, 60) };
  }
  if (error instanceof client.ClientError) {
    const status = error.cause instanceof Response ? error.cause.status : 0;
    return { problem: status >= 500 ? 'unavailable' : 'failed', reason: (error.code ?? 'client_error').slice(0, 60) };
  }
  // fetch failures (TypeError) and timeouts: the provider cannot be reached.
  return { problem: 'unavailable', reason: error instanceof Error ? error.name.slice(0, 60) : 'unknown' };
}

export interface OidcRouteDeps {
  readonly oidc: OidcClient | undefined;
  readonly users: OidcUsers;
  readonly sessions: SessionStore;
  readonly audit: AuditLog;
  readonly logger: Logger;
  readonly appSecret: Buffer;
  readonly cookieName: string;
  readonly secureCookies: boolean;
  readonly now: () => Date;
}

const html = { 'text/html': { schema: { type: 'string' as const } } };

export function oidcRoutes(deps: OidcRouteDeps): RouteDefinition[] {
  const transactionCookie = oidcCookieName(deps.secureCookies);
  // Lax, not Strict: the browser comes back from the provider's site with a top-level GET and must bring it.
  const transactionOptions = { httpOnly: true, secure: deps.secureCookies, sameSite: 'lax' as const, path: '/' };
  const sessionOptions = { httpOnly: true, secure: deps.secureCookies, sameSite: 'strict' as const, path: '/' };

  const configured = (): OidcClient => {
    if (deps.oidc === undefined) throw new NotFoundError('Sign-in with an identity provider is not configured here.');
    return deps.oidc;
  };
  const showProblem = (res: ExpressResponse, problem: OidcProblem) => {
    res.status(OIDC_PROBLEM_STATUS[problem]).type('html');
    if (problem === 'unavailable') res.set('Retry-After', '30');
    res.send(oidcProblemPage(problem, requestIdOf(res)));
  };
  const fail = async (res: ExpressResponse, problem: OidcProblem, reason: string, target?: string) => {
    const requestId = requestIdOf(res);
    await deps.audit.record({
      action: 'session.sign_in',
      outcome: problem === 'noRole' || problem === 'disabled' ? 'denied' : 'failure',
      ...(requestId === undefined ? {} : { requestId }),
      ...(target === undefined ? {} : { targetType: 'user', targetId: target }),
      detail: { method: 'oidc', reason },
    });
    showProblem(res, problem);
  };

  const methods: RequestHandler = (_req, res) => {
    const oidc = deps.oidc;
    res.json(
      oidc === undefined
        ? {}
        : { oidc: { startUrl: OIDC_START_PATH, ...(oidc.settings.providerName === undefined ? {} : { providerName: oidc.settings.providerName }) } },
    );
  };

  const start: RequestHandler = async (_req, res) => {
    const oidc = configured();
    let configuration: client.Configuration;
    try {
      configuration = await oidc.configuration();
    } catch (error) {
      deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'identity provider discovery failed');
      showProblem(res, 'unavailable');
      return;
    }
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidc.settings.redirectUri,
      scope: oidc.settings.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const sealed = sealTransaction(deps.appSecret, { state, nonce, codeVerifier, expiresAt: deps.now().getTime() + OIDC_TRANSACTION_MS });
    res.cookie(transactionCookie, sealed, { ...transactionOptions, maxAge: OIDC_TRANSACTION_MS });
    res.redirect(302, url.href);
  };

  const callback: RequestHandler = async (req, res) => {
    const oidc = configured();
    const sealed = sessionToken(req, transactionCookie);
    // One transaction, one attempt: the cookie goes whatever happens next.
    res.clearCookie(transactionCookie, transactionOptions);
    const transaction = sealed === undefined ? undefined : openTransaction(deps.appSecret, sealed, deps.now().getTime());
    if (transaction === undefined) {
      await fail(res, 'expired', sealed === undefined ? 'no_transaction' : 'bad_transaction');
      return;
    }
    let claims: Record<string, unknown>;
    let configuration: client.Configuration;
    try {
      configuration = await oidc.configuration();
      // The address the provider redirected to is the configured one (a proxy may change what Express sees).
      const current = new URL(oidc.settings.redirectUri);
      current.search = new URL(req.originalUrl, 'http://localhost').search;
      const tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (idToken === undefined) throw new client.ClientError('no ID token');
      claims = { ...idToken };
      // Some providers put roles or the address only in the userinfo answer.
      const needsUserInfo = claimValue(claims, oidc.settings.rolesClaim) === undefined || claims['email'] === undefined;
      if (needsUserInfo && configuration.serverMetadata().userinfo_endpoint !== undefined) {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        claims = { ...info, ...claims };
      }
    } catch (error) {
      const { problem, reason } = problemOf(error);
      if (problem === 'unavailable') deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'identity provider not reachable');
      await fail(res, problem, reason);
      return;
    }

    const identity = identityFrom(claims);
    const issuer = configuration.serverMetadata().issuer;
    if (identity === undefined) {
      await fail(res, 'failed', 'no_subject');
      return;
    }
    const roles = mapRoles(claims, oidc.settings.rolesClaim, oidc.settings.roleMap);
    const subject = String(claims['sub']);
    const result = await deps.users.provision({ issuer, subject, ...identity, roles }, deps.now());
    if (result.kind === 'noRole') {
      await fail(res, 'noRole', 'no_mapped_role', result.userId);
      return;
    }
    if (result.kind === 'disabled') {
      await fail(res, 'disabled', 'disabled', result.userId);
      return;
    }
    if (result.kind === 'emailTaken') {
      await fail(res, 'emailTaken', 'email_taken');
      return;
    }
    const { user } = result;
    const requestId = requestIdOf(res);
    const withRequest = requestId === undefined ? {} : { requestId };
    if (result.created || result.rolesChanged) {
      await deps.audit.record({
        action: result.created ? 'user.created' : 'user.updated',
        outcome: 'success',
        actorId: user.id,
        targetType: 'user',
        targetId: user.id,
        ...withRequest,
        detail: { roles: user.roles.join(','), source: 'oidc' },
      });
    }
    const previous = sessionToken(req, deps.cookieName);
    if (previous !== undefined) await deps.sessions.destroy(previous);
    const { token } = await deps.sessions.create(user);
    await deps.audit.record({ action: 'session.sign_in', outcome: 'success', actorId: user.id, ...withRequest, detail: { method: 'oidc' } });
    res.cookie(deps.cookieName, token, { ...sessionOptions, maxAge: SESSION_ABSOLUTE_MS });
    res.redirect(302, '/backoffice/');
  };

  const logout: RequestHandler = async (req, res) => {
    const token = sessionToken(req, deps.cookieName);
    const session = activeSession(res);
    if (token !== undefined) await deps.sessions.destroy(token);
    if (session !== undefined) {
      await deps.audit.record({ action: 'session.sign_out', outcome: 'success', actorId: session.user.id, detail: { method: 'oidc' } });
    }
    res.clearCookie(deps.cookieName, sessionOptions);
    let target = '/backoffice/';
    if (deps.oidc !== undefined) {
      try {
        const configuration = await deps.oidc.configuration();
        if (configuration.serverMetadata().end_session_endpoint !== undefined) {
          target = client.buildEndSessionUrl(configuration, {
            client_id: deps.oidc.settings.clientId,
            post_logout_redirect_uri: deps.oidc.settings.postLogoutRedirectUri,
          }).href;
        }
      } catch (error) {
        // Signed out here in any case; the provider's session simply stays.
        deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'identity provider sign-out address unknown');
      }
    }
    res.redirect(302, target);
  };

  return [
    {
      method: 'get',
      path: '/api/v1/session/methods',
      access: 'public',
      handlers: [methods],
      operation: {
        operationId: 'signInMethods',
        summary: 'How staff can sign in: the identity provider when it is configured (passwords always work for break-glass accounts)',
        responses: { '200': { description: 'The sign-in methods.', content: { 'application/json': { schema: SignInMethodsSchema } } }, ...errorResponses(503) },
      },
    },
    {
      method: 'get',
      path: OIDC_START_PATH,
      access: 'public',
      handlers: [start],
      operation: {
        operationId: 'oidcStart',
        summary: 'Start signing in with the identity provider (authorization code flow with PKCE, state and nonce): a page load, not a fetch',
        responses: {
          '302': { description: 'To the identity provider; a short-lived, sealed, SameSite=Lax cookie holds the state, nonce and PKCE verifier.' },
          '503': { description: 'The identity provider cannot be reached (an HTML page; see `Retry-After`).', content: html },
          ...errorResponses(404),
        },
      },
    },
    {
      method: 'get',
      path: OIDC_CALLBACK_PATH,
      access: 'public',
      handlers: [callback],
      operation: {
        operationId: 'oidcCallback',
        summary: 'Where the identity provider sends the browser back: checks state, nonce and PKCE, maps roles from the claim, starts the session',
        responses: {
          '302': { description: 'Signed in: to /backoffice/ with the session cookie.' },
          '400': { description: 'The answer failed a check (state, nonce, PKCE, a replayed or unknown code) or the sign-in expired (an HTML page).', content: html },
          '403': { description: 'No mapped role in the claim, or the account is disabled (an HTML page).', content: html },
          '409': { description: 'A local account already has this e-mail address (an HTML page).', content: html },
          '503': { description: 'The identity provider cannot be reached (an HTML page).', content: html },
          ...errorResponses(404),
        },
      },
    },
    {
      method: 'get',
      path: OIDC_LOGOUT_PATH,
      access: 'public',
      handlers: [logout],
      operation: {
        operationId: 'oidcLogout',
        summary:
          'Sign out a user who signed in with the identity provider: the session ends here, then the provider signs out too when it offers an end-session endpoint (the session cookie is SameSite=Strict, so another site cannot trigger this)',
        responses: { '302': { description: 'To the provider’s end-session endpoint, or to /backoffice/.' }, ...errorResponses(503) },
      },
    },
  ];
}

/** For GET /api/v1/session: the sign-out address for users without a password, when the provider is configured. */
export function oidcSignOutUrl(oidc: OidcClient | undefined, user: { readonly passwordHash: string }): string | undefined {
  return oidc !== undefined && user.passwordHash === '' ? OIDC_LOGOUT_PATH : undefined;
}
