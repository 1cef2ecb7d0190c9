import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubmission, newKey } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('security headers', () => {
  it('sends a strict CSP for a single-page app and the other hardening headers', async () => {
    const res = await request(t.app).get('/healthz');
    const csp = String(res.headers['content-security-policy']);
    for (const directive of ["default-src 'none'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('marks every API response Cache-Control: no-store, errors included', async () => {
    expect((await request(t.app).get('/api/v1/openapi.json')).headers['cache-control']).toBe('no-store');
    expect((await request(t.app).get('/api/v1/receipts/nope')).headers['cache-control']).toBe('no-store');
  });

  it('puts a distinct request id on every response', async () => {
    const a = await request(t.app).get('/healthz');
    const b = await request(t.app).get('/api/v1/unknown');
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});

describe('health', () => {
  it('says alive on /healthz and ready on /readyz while the database answers', async () => {
    expect((await request(t.app).get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(t.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok' });
  });
});

describe('logs', () => {
  it('write one JSON line per request with the route pattern, never the receipt code, the body, or the client address', async () => {
    const posted = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).set('X-Forwarded-For', '198.51.100.23').send(buildSubmission());
    const code = String(posted.body.receiptCode);
    await request(t.app).get(`/api/v1/receipts/${code}`).expect(200);
    const lines = t.logs.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ route: '/api/v1/receipts/:code', method: 'GET', status: 200, requestId: expect.any(String) }),
    );
    const all = t.logs.join('');
    expect(all).not.toContain(code);
    expect(all).not.toContain(code.replaceAll('-', ''));
    expect(all).not.toContain('198.51.100.23');
    expect(all).not.toContain('127.0.0.1');
    expect(all).not.toContain('Min mamma fick vänta');
  });
});
