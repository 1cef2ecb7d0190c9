import { randomUUID } from 'node:crypto';
import express, { type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { LIMITS } from '../../contract/index.ts';
import type { Logger } from '../logger.ts';
import { AppError } from './errors.ts';

/** A strict CSP for a single-page app built by Vite: no inline script, no framing, no plugins. */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
});

export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

/** The id `requestId` gave this response, for logs and audit events. */
export function requestIdOf(res: Response): string | undefined {
  const id: unknown = res.locals['requestId'];
  return typeof id === 'string' ? id : undefined;
}

/** Every response carries a request id; it is the only handle support needs, and it identifies no one. */
export const requestId: RequestHandler = (_req, res, next) => {
  const id = randomUUID();
  res.locals['requestId'] = id;
  res.set('X-Request-Id', id);
  next();
};

/** One line per request: method, route pattern (never the raw URL, which may hold a receipt code), status, time. */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const routePath: unknown = req.route?.path;
      logger.info(
        {
          requestId: requestIdOf(res),
          method: req.method,
          route: typeof routePath === 'string' ? `${req.baseUrl}${routePath}` : undefined,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        'request',
      );
    });
    next();
  };
}

const parseJson = express.json({ limit: LIMITS.bodyBytesMax, strict: true, type: 'application/json' });

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/** UTF-8 JSON only: other content types and charsets get 415 before any parsing. */
export const jsonBody: RequestHandler = (req, res, next) => {
  const charset = CHARSET.exec(req.get('Content-Type') ?? '')?.[1]?.toLowerCase();
  if (!req.is('application/json') || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    next(new AppError(415, 'unsupported_media_type', 'Send the body as UTF-8 application/json.'));
    return;
  }
  parseJson(req, res, next);
};
