import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../api/src/app.ts';
import type { RouteDefinition } from '../../api/src/http/route.ts';
import { openApiPath } from '../../api/src/openapi/document.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let routes: ReadonlyArray<RouteDefinition>;
beforeAll(async () => {
  t = await createTestApp();
  routes = createApp({
    connection: t.connection,
    logger: (await import('../../api/src/logger.ts')).createLogger('silent'),
    secrets: t.secrets,
    options: { submissionRateLimit: 0, receiptRateLimit: 0, rateLimitStore: 'memory', trustProxy: false },
  }).routes;
});
afterAll(async () => {
  await t.close();
});

/** The routes Express actually serves, read from its router (not from our table). */
function mountedRoutes(app: Express): string[] {
  const stack: unknown = Reflect.get(Reflect.get(app, 'router') ?? {}, 'stack');
  const found: string[] = [];
  for (const layer of Array.isArray(stack) ? stack : []) {
    const route: unknown = Reflect.get(layer, 'route');
    if (typeof route !== 'object' || route === null) continue;
    const methods: unknown = Reflect.get(route, 'methods');
    for (const method of Object.keys(typeof methods === 'object' && methods !== null ? methods : {})) {
      found.push(`${method} ${String(Reflect.get(route, 'path'))}`);
    }
  }
  return found.sort();
}

describe('GET /api/v1/openapi.json', () => {
  it('is OpenAPI 3.1 and describes every route Express serves, each with its access', async () => {
    const res = await request(t.app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const described: string[] = [];
    for (const [pathName, item] of Object.entries(res.body.paths as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const [method, operation] of Object.entries(item)) {
        described.push(`${method} ${pathName}`);
        expect(operation['x-access'], `${method} ${pathName}`).toBeDefined();
      }
    }
    const served = mountedRoutes(t.app).map((entry) => {
      const [method, routePath] = entry.split(' ');
      return `${method} ${openApiPath(routePath!)}`;
    }).sort();
    expect(served.length).toBeGreaterThanOrEqual(6);
    expect(described.sort()).toEqual(served);
    expect(routes.map((route) => `${route.method} ${openApiPath(route.path)}`).sort()).toEqual(served);
  });

  it('describes the submission contract exactly: required fields, enums, limits, no extra keys', async () => {
    const doc = (await request(t.app).get('/api/v1/openapi.json')).body;
    const operation = doc.paths['/api/v1/submissions'].post;
    expect(operation['x-access']).toBe('public');
    expect(operation.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'Idempotency-Key', required: true })]));
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '201', '400', '403', '409', '413', '415', '429', '500', '503']);
    const submission = doc.components.schemas.Submission;
    expect(submission.additionalProperties).toBe(false);
    expect(submission.required.sort()).toEqual(['care', 'channel', 'consent', 'locale', 'respondent', 'story']);
    expect(submission.properties.locale.enum).toEqual(['sv', 'sv-x-lattlast', 'en', 'ar', 'fa', 'prs', 'so', 'ti', 'fi', 'uk']);
    expect(submission.properties.story.properties.whatHappened).toMatchObject({ type: 'string', maxLength: 5000 });
    expect(submission.properties.care.properties.settings).toMatchObject({ minItems: 1, maxItems: 5 });
    expect(submission.properties.rating).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect(doc.paths['/api/v1/receipts/{code}'].get['x-access']).toBe('public');
    expect(doc.paths['/api/v1/receipts/{code}'].delete.responses['204']).toBeDefined();
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain('idempotency_conflict');
  });
});
