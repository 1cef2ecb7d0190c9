import { createHmac } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { ROLES, SessionSchema, SignInSchema } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { AppError } from '../http/errors.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { jsonBody, requestIdOf } from '../http/security.ts';
import type { UserRepository } from '../users/repository.ts';
import { presentUser } from '../users/presenter.ts';
import { verifyPassword } from '../users/service.ts';
import { activeSession, isForeignOrigin, sessionToken } from './middleware.ts';
import { oidcSignOutUrl, type OidcClient } from './oidc.ts';
import { SESSION_ABSOLUTE_MS, type SessionStore } from './sessions.ts';
import type { SignInThrottle } from './signInThrottle.ts';

export interface AuthRouteDeps {
  readonly users: UserRepository;
  readonly sessions: SessionStore;
  readonly throttle: SignInThrottle;
  readonly audit: AuditLog;
  readonly appSecret: Buffer;
  readonly cookieName: string;
  readonly secureCookies: boolean;
  /** When set, users of the identity provider get its sign-out address with their session. */
  readonly oidc?: OidcClient | undefined;
}

const SIGNED_IN = ROLES;

export function authRoutes(deps: AuthRouteDeps): RouteDefinition[] {
  const hmacKey = (label: string, value: string) => createHmac('sha256', deps.appSecret).update(`${label}:${value}`).digest('base64url');
  const cookieOptions = {
    httpOnly: true,
    secure: deps.secureCookies,
    sameSite: 'strict' as const,
    path: '/',
  };

  const signIn: RequestHandler = async (req, res) => {
    if (isForeignOrigin(req)) throw new AppError(403, 'forbidden', 'The request was refused. Reload the page and try again.');
    const { email, password } = parseBody(SignInSchema, req.body);
    const accountKey = hmacKey('account', email);
    const clientKey = hmacKey('client', ipKeyGenerator(req.ip ?? 'unknown'));
    const requestId = requestIdOf(res) ?? 'unknown';
    const wait = await deps.throttle.retryAfter(accountKey, clientKey);
    if (wait > 0) {
      await deps.audit.record({ action: 'session.sign_in', outcome: 'denied', requestId, detail: { reason: 'throttled' } });
      throw new AppError(429, 'rate_limited', 'Too many attempts. Please wait and try again.', { headers: { 'Retry-After': String(wait) } });
    }
    const user = await deps.users.findByEmail(email);
    if (!(await verifyPassword(user, password)) || user === undefined) {
      await deps.throttle.recordFailure(accountKey, clientKey);
      await deps.audit.record({
        action: 'session.sign_in',
        outcome: 'failure',
        requestId,
        ...(user === undefined ? {} : { targetType: 'user', targetId: user.id }),
      });
      throw new AppError(401, 'unauthorized', 'The e-mail address or password is wrong.');
    }
    await deps.throttle.clear(accountKey, clientKey);
    // A new session id at every sign-in (no fixation); any session the browser brought along ends.
    const previous = sessionToken(req, deps.cookieName);
    if (previous !== undefined) await deps.sessions.destroy(previous);
    const { token, csrfToken } = await deps.sessions.create(user);
    await deps.audit.record({ action: 'session.sign_in', outcome: 'success', actorId: user.id, requestId });
    res.cookie(deps.cookieName, token, { ...cookieOptions, maxAge: SESSION_ABSOLUTE_MS });
    res.status(201).json({ user: presentUser(user), csrfToken });
  };

  const current: RequestHandler = (_req, res) => {
    const session = activeSession(res);
    if (session === undefined) throw new AppError(401, 'unauthorized', 'Sign in to continue.');
    const signOutUrl = oidcSignOutUrl(deps.oidc, session.user);
    res.json({ user: presentUser(session.user), csrfToken: session.csrfToken, ...(signOutUrl === undefined ? {} : { signOutUrl }) });
  };

  const signOut: RequestHandler = async (req, res) => {
    const token = sessionToken(req, deps.cookieName);
    const session = activeSession(res);
    if (token !== undefined) await deps.sessions.destroy(token);
    await deps.audit.record({ action: 'session.sign_out', outcome: 'success', ...(session === undefined ? {} : { actorId: session.user.id }) });
    res.clearCookie(deps.cookieName, cookieOptions);
    res.set('Clear-Site-Data', '"cache", "cookies", "storage"');
    res.status(204).end();
  };

  const json = { 'application/json': { schema: SessionSchema } };
  return [
    {
      method: 'post',
      path: '/api/v1/session',
      access: 'public',
      handlers: [jsonBody, signIn],
      operation: {
        operationId: 'signIn',
        summary: 'Sign in to the back office (sets an HttpOnly, SameSite=Strict session cookie)',
        requestBody: { required: true, content: { 'application/json': { schema: SignInSchema } } },
        responses: { '201': { description: 'Signed in.', content: json }, ...errorResponses(400, 401, 403, 415, 429, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/session',
      access: SIGNED_IN,
      handlers: [current],
      operation: { operationId: 'currentSession', summary: 'Who is signed in, and the CSRF token for changes', responses: { '200': { description: 'Signed in.', content: json }, ...errorResponses(401, 503) } },
    },
    {
      method: 'delete',
      path: '/api/v1/session',
      access: SIGNED_IN,
      handlers: [signOut],
      operation: { operationId: 'signOut', summary: 'Sign out: the session ends on the server', responses: { '204': { description: 'Signed out.' }, ...errorResponses(401, 403, 503) } },
    },
  ];
}
