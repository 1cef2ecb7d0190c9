import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import request from 'supertest';
import type { TestApp } from '../../support/testApp.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface OpenApiResponse {
  readonly description?: string;
  readonly content?: Record<string, { schema?: unknown }>;
}

export interface OpenApiOperation {
  readonly operationId?: string;
  readonly 'x-access': 'public' | string[];
  readonly parameters?: ReadonlyArray<{ in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean }>;
  readonly requestBody?: { content: Record<string, unknown> };
  readonly responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, Partial<Record<Method, OpenApiOperation>>>;
  readonly components?: Record<string, unknown>;
}

export interface Operation {
  readonly method: Method;
  /** OpenAPI syntax: `/api/v1/stories/{id}`. */
  readonly path: string;
  readonly operation: OpenApiOperation;
  readonly key: string;
}

/** The real app's own description of itself, as any client would fetch it. */
export async function fetchDocument(t: TestApp): Promise<OpenApiDocument> {
  const res = await request(t.app).get('/api/v1/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json answered ${res.status}`);
  return res.body as OpenApiDocument;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item) as Array<[Method, OpenApiOperation]>) {
      found.push({ method, path, operation, key: `${method.toUpperCase()} ${path}` });
    }
  }
  return found;
}

/** Routes that end the session they are called with (sign-out, also as a GET for the identity provider's flow). */
export const endsSession = (op: Operation): boolean => op.key === 'DELETE /api/v1/session' || /^GET \/api\/v1\/session\/.*logout/.test(op.key);

/** The path parameters' names, in order: `/a/{id}/b/{tagId}` → ['id', 'tagId']. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

export interface CheckedResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly body: unknown;
}

const pointer = (...segments: string[]) => segments.map((segment) => segment.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * Checks answers against the document with ajv (JSON Schema 2020-12, as zod-openapi writes for OpenAPI 3.1):
 * the status must be documented for the operation, the media type must be one it lists, and a JSON body must match
 * the documented schema. Returns what is wrong, empty when the answer is as documented.
 */
export function createResponseChecker(doc: OpenApiDocument): (op: Operation, res: CheckedResponse) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  // A CommonJS module: Node hands over module.exports (the plugin), TypeScript sees its `default`.
  const addFormats = typeof ajvFormats === 'function' ? ajvFormats : ajvFormats.default;
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi.json');
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (op: Operation, status: string): ValidateFunction => {
    const ref = `openapi.json#/${pointer('paths', op.path, op.method, 'responses', status, 'content', 'application/json', 'schema')}`;
    let validate = compiled.get(ref);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    return validate;
  };
  return (op, res) => {
    const problems: string[] = [];
    const where = `${op.key} → ${res.status}`;
    if (res.status >= 500) problems.push(`${where}: a server error (${res.text.slice(0, 300)})`);
    const documented = op.operation.responses[String(res.status)] ?? op.operation.responses['default'];
    if (documented === undefined) {
      problems.push(`${where}: status not documented (documented: ${Object.keys(op.operation.responses).join(', ')})`);
      return problems;
    }
    const contentType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
    const mediaTypes = Object.keys(documented.content ?? {});
    if (mediaTypes.length === 0) {
      if (res.status === 204 && res.text !== '') problems.push(`${where}: a 204 with a body`);
      return problems;
    }
    if (!mediaTypes.includes(contentType)) {
      problems.push(`${where}: content type "${contentType}" not documented (${mediaTypes.join(', ')})`);
      return problems;
    }
    if (contentType === 'application/json' && documented.content?.['application/json']?.schema !== undefined) {
      const validate = validatorFor(op, String(res.status));
      let body: unknown;
      try {
        body = JSON.parse(res.text);
      } catch {
        problems.push(`${where}: body is not JSON`);
        return problems;
      }
      if (!validate(body)) {
        problems.push(`${where}: body does not match the schema: ${ajv.errorsText(validate.errors)} — ${res.text.slice(0, 300)}`);
      }
    }
    return problems;
  };
}
