import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { ErrorBody } from '../../contract/index.ts';
import { isDatabaseUnavailable } from '../db/isDatabaseUnavailable.ts';
import type { Logger } from '../logger.ts';
import { AppError, NotFoundError, ServiceUnavailableError } from './errors.ts';
import { requestIdOf } from './security.ts';

const BODY_PARSER_ERRORS: Record<string, () => AppError> = {
  'entity.parse.failed': () => new AppError(400, 'invalid_json', 'The body is not valid JSON.'),
  'entity.too.large': () => new AppError(413, 'payload_too_large', 'The body is larger than 64 KB.'),
  'encoding.unsupported': () => new AppError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.'),
  'charset.unsupported': () => new AppError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.'),
  'request.aborted': () => new AppError(400, 'invalid_json', 'The request body was not received completely.'),
  'request.size.invalid': () => new AppError(400, 'invalid_json', 'The request body does not match its length.'),
  'stream.encoding.set': () => new AppError(400, 'invalid_json', 'The request body could not be read.'),
};

function bodyParserErrorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  return typeof error.type === 'string' ? error.type : undefined;
}

/** Express could not percent-decode a path parameter (`/stories/%E0%A4%A`): no such thing can exist here. */
function isUndecodablePath(error: unknown): boolean {
  return error instanceof URIError && 'status' in error && error.status === 400;
}

/** A route's path-parameter schema refused the value (`/stories/<5000 characters>`): no such thing exists. */
function isRejectedPathParameter(error: unknown, req: Request): boolean {
  if (!(error instanceof ZodError) || error.issues.length === 0) return false;
  // The error handler sees the app's params, not the route's; the matched route's pattern still names them.
  const routePath: unknown = req.route?.path;
  const names = typeof routePath === 'string' ? [...routePath.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]) : [];
  return error.issues.every((issue) => typeof issue.path[0] === 'string' && names.includes(issue.path[0]));
}

function toAppError(error: unknown, req: Request): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isUndecodablePath(error) || isRejectedPathParameter(error, req)) return new NotFoundError();
  const parserType = bodyParserErrorType(error);
  const fromParser = parserType === undefined ? undefined : BODY_PARSER_ERRORS[parserType];
  if (fromParser !== undefined) return fromParser();
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError(5, error);
  return undefined;
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new NotFoundError());
};

/** The one error handler: known errors become `{error:{code,message,fields?}}`; anything else a bare 500. */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = requestIdOf(res);
    const known = toAppError(error, req);
    let body: ErrorBody;
    if (known === undefined) {
      logger.error({ err: error, requestId, route: req.route?.path, method: req.method }, 'unhandled error');
      body = { error: { code: 'internal_error', message: 'Something went wrong on our side.', ...(requestId === undefined ? {} : { requestId }) } };
      res.status(500);
    } else {
      if (known.status === 503) logger.warn({ requestId, cause: known.cause instanceof Error ? known.cause.name : undefined }, 'database unavailable');
      body = {
        error: {
          code: known.code,
          message: known.message,
          ...(known.fields === undefined ? {} : { fields: { ...known.fields } }),
        },
      };
      res.status(known.status).set(known.headers);
    }
    res.json(body);
  };
}
