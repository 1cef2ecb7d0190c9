import { timingSafeEqual } from 'node:crypto';
import { parseCookie } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import type { AuditLog } from '../audit/repository.ts';
import { AppError } from '../http/errors.ts';
import type { RouteDefinition } from '../http/route.ts';
import { requestIdOf } from '../http/security.ts';
import type { ActiveSession, SessionStore } from './sessions.ts';

export const SESSION_COOKIE_DEV = 'medskapa.sid';
export const SESSION_COOKIE_PRODUCTION = '__Host-medskapa.sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(secure: boolean): string {
  return secure ? SESSION_COOKIE_PRODUCTION : SESSION_COOKIE_DEV;
}

export function sessionToken(req: Request, cookieName: string): string | undefined {
  const header = req.get('Cookie');
  if (header === undefined) return undefined;
  const value = parseCookie(header)[cookieName];
  return value === undefined || value === '' ? undefined : value;
}

const sessionsByResponse = new WeakMap<Response, ActiveSession>();

export function activeSession(res: Response): ActiveSession | undefined {
  return sessionsByResponse.get(res);
}

/** The signed-in user's id for audit events; routes behind the access guard always have one. */
export function actorIdOf(res: Response): string {
  const session = sessionsByResponse.get(res);
  if (session === undefined) throw new AppError(401, 'unauthorized', 'Sign in to continue.');
  return session.user.id;
}

/** Reads the session cookie, if any, for every API request; access is decided per route. */
export function authenticate(sessions: SessionStore, cookieName: string): RequestHandler {
  return async (req, res, next) => {
    const token = sessionToken(req, cookieName);
    if (token !== undefined) {
      const session = await sessions.resolve(token);
      if (session !== undefined) sessionsByResponse.set(res, session);
    }
    next();
  };
}

/** A cross-site page may not make a signed-in browser change anything: its Origin, when sent, must be ours. */
export function isForeignOrigin(req: Request): boolean {
  const origin = req.get('Origin');
  if (origin === undefined) return req.get('Sec-Fetch-Site') === 'cross-site';
  return origin !== `${req.protocol}://${req.get('Host') ?? ''}`;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Deny by default: every route passes here with its declared access; denials are audited. */
export function accessGuard(route: RouteDefinition, audit: AuditLog): RequestHandler {
  return async (req, res, next) => {
    if (route.access === 'public') {
      next();
      return;
    }
    const session = activeSession(res);
    const requestId = requestIdOf(res);
    const deny = async (status: 401 | 403, reason: string) => {
      await audit.record({
        action: 'access.denied',
        outcome: 'denied',
        ...(session === undefined ? {} : { actorId: session.user.id }),
        ...(requestId === undefined ? {} : { requestId }),
        detail: { route: `${route.method.toUpperCase()} ${route.path}`, reason },
      });
      throw status === 401
        ? new AppError(401, 'unauthorized', 'Sign in to continue.')
        : new AppError(403, 'forbidden', reason === 'role' ? 'Your account does not have access to this.' : 'The request was refused. Reload the page and try again.');
    };
    if (session === undefined) return deny(401, 'no_session');
    if (!route.access.some((role) => session.user.roles.includes(role))) return deny(403, 'role');
    if (!SAFE_METHODS.has(req.method)) {
      const token = req.get('X-CSRF-Token');
      if (isForeignOrigin(req)) return deny(403, 'origin');
      if (token === undefined || !sameToken(token, session.csrfToken)) return deny(403, 'csrf');
    }
    next();
  };
}
