import type { RequestHandler } from 'express';
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { ErrorBodySchema, type Role } from '../../contract/index.ts';

export type { Role };
export type Access = 'public' | readonly [Role, ...Role[]];

/** One route: its access rule and its OpenAPI description travel with the handler, so the document stays true. */
export interface RouteDefinition {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express syntax (`/api/v1/receipts/:code`). */
  readonly path: string;
  readonly access: Access;
  readonly operation: ZodOpenApiOperationObject;
  readonly handlers: readonly [RequestHandler, ...RequestHandler[]];
}

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Malformed JSON or fields that are missing or not valid (`fields` maps paths to i18n message keys).',
  401: 'Not signed in, or the session has ended.',
  403: 'Signed in without the role this needs, or the CSRF token or Origin is missing or wrong.',
  404: 'Not found.',
  409: 'Conflict.',
  413: 'The body is larger than 64 KB.',
  415: 'The body is not `application/json`.',
  429: 'Too many requests; see `Retry-After`.',
  500: 'Unexpected error; the body carries only a request id.',
  503: 'The database cannot be reached; retry after `Retry-After` seconds.',
};

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

export function errorResponses(...statuses: ErrorStatus[]): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const status of [...statuses, 500] as const) {
    responses[`${status}`] = {
      description: ERROR_DESCRIPTIONS[status],
      content: { 'application/json': { schema: ErrorBodySchema } },
    };
  }
  return responses;
}
