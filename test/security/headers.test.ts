import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { createLogger } from '../../api/src/logger.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { signInAs, STAFF_PASSWORD, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// The hardening headers on every kind of answer: the form's and the back office's HTML, static files, JSON, every
// error status, unknown paths. (The browser project checks the same on the production build served with NODE_ENV=production.)

let t: TestApp;
let dist: string;
let admin: StaffSession;
let staff: StaffSession;

beforeAll(async () => {
  // A stand-in for the Vite build: the server treats any folder with these files as the form.
  dist = await mkdtemp(path.join(tmpdir(), 'medskapa-security-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Medskapa</title><script type="module" src="/assets/form-abc123.js"></script>');
  await writeFile(path.join(dist, 'backoffice.html'), '<!doctype html><title>Back office</title>');
  await writeFile(path.join(dist, 'assets', 'form-abc123.js'), 'console.log("form");');
  await writeFile(path.join(dist, 'assets', 'style-abc123.css'), 'body{}');
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ formUiDist: dist });
  admin = await signInAs(t, ['admin', 'facilitator', 'staff']);
  staff = await signInAs(t, ['staff']);
});

afterAll(async () => {
  await t?.close();
  await rm(dist, { recursive: true, force: true });
});

interface Probe {
  readonly name: string;
  readonly run: () => Promise<request.Response>;
  readonly status: number;
  readonly api: boolean;
}

const probes = (): Probe[] => [
  { name: 'the form (HTML)', run: () => request(t.app).get('/').set('Accept', 'text/html'), status: 200, api: false },
  { name: 'a form page (HTML fallback)', run: () => request(t.app).get('/receipt').set('Accept', 'text/html'), status: 200, api: false },
  { name: 'the back office (HTML)', run: () => request(t.app).get('/backoffice/stories').set('Accept', 'text/html'), status: 200, api: false },
  { name: 'a fingerprinted script', run: () => request(t.app).get('/assets/form-abc123.js'), status: 200, api: false },
  { name: 'a stylesheet', run: () => request(t.app).get('/assets/style-abc123.css'), status: 200, api: false },
  { name: 'an SVG at the root', run: () => request(t.app).get('/favicon.svg'), status: 200, api: false },
  { name: 'a missing asset', run: () => request(t.app).get('/assets/nothing.js').set('Accept', 'text/javascript'), status: 404, api: false },
  { name: 'a missing non-HTML path', run: () => request(t.app).get('/nothing.png').set('Accept', 'image/png'), status: 404, api: false },
  { name: 'health', run: () => request(t.app).get('/healthz'), status: 200, api: false },
  { name: 'readiness', run: () => request(t.app).get('/readyz'), status: 200, api: false },
  { name: 'the OpenAPI document', run: () => request(t.app).get('/api/v1/openapi.json'), status: 200, api: true },
  { name: 'a signed-in JSON answer', run: () => request(t.app).get('/api/v1/session').set(admin.headers), status: 200, api: true },
  { name: 'a CSV export', run: () => request(t.app).get('/api/v1/codebook.csv').set(admin.headers), status: 200, api: true },
  { name: 'an SVG from the API', run: () => request(t.app).get('/api/v1/campaigns/nope/qr.svg').set(admin.headers), status: 404, api: true },
  { name: 'a new story (201)', run: () => request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission()), status: 201, api: true },
  { name: 'a sign-in (201, sets the cookie)', run: () => request(t.app).post('/api/v1/session').send({ email: admin.email, password: STAFF_PASSWORD }), status: 201, api: true },
  { name: 'a sign-out (204)', run: async () => request(t.app).delete('/api/v1/session').set((await signInAs(t, ['staff'])).headers), status: 204, api: true },
  { name: '400', run: () => request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send({}), status: 400, api: true },
  { name: '401', run: () => request(t.app).get('/api/v1/stories'), status: 401, api: true },
  { name: '403 (role)', run: () => request(t.app).get('/api/v1/users').set(staff.headers), status: 403, api: true },
  { name: '403 (CSRF)', run: () => request(t.app).post('/api/v1/themes').set({ Cookie: admin.headers.Cookie }).send({}), status: 403, api: true },
  { name: '404 (API)', run: () => request(t.app).get('/api/v1/nothing'), status: 404, api: true },
  { name: '404 (API, HTML accepted)', run: () => request(t.app).get('/api/v1/nothing').set('Accept', 'text/html'), status: 404, api: true },
  { name: '413', run: () => request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).set('Content-Type', 'application/json').send(JSON.stringify({ a: 'x'.repeat(70_000) })), status: 413, api: true },
  { name: '415', run: () => request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).set('Content-Type', 'text/plain').send('hej'), status: 415, api: true },
  { name: 'HEAD on the API', run: () => request(t.app).head('/api/v1/openapi.json'), status: 200, api: true },
  { name: 'OPTIONS on the API', run: () => request(t.app).options('/api/v1/submissions'), status: 404, api: true },
];

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') map.set(name.toLowerCase(), values);
  }
  return map;
}

describe('security headers on every response', () => {
  it('are on each kind of answer, HTML, static, JSON, errors and unknown paths alike', async () => {
    const problems: string[] = [];
    for (const probe of probes()) {
      const res = await probe.run();
      const where = `${probe.name} (${res.status})`;
      if (res.status !== probe.status) problems.push(`${where}: expected ${probe.status}`);
      const csp = directives(String(res.headers['content-security-policy'] ?? ''));
      const scripts = csp.get('script-src') ?? csp.get('default-src');
      if (scripts === undefined) problems.push(`${where}: no script-src`);
      else if (scripts.some((value) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(value))) problems.push(`${where}: script-src ${scripts.join(' ')}`);
      if (csp.get('default-src')?.join(' ') !== "'none'") problems.push(`${where}: default-src is not 'none'`);
      if (csp.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`${where}: frame-ancestors is not 'none'`);
      if (csp.get('object-src')?.join(' ') !== "'none'") problems.push(`${where}: object-src is not 'none'`);
      if (csp.get('base-uri')?.join(' ') !== "'none'") problems.push(`${where}: base-uri is not 'none'`);
      if ((csp.get('style-src') ?? []).includes("'unsafe-inline'")) problems.push(`${where}: inline styles allowed`);
      if (res.headers['x-content-type-options'] !== 'nosniff') problems.push(`${where}: no nosniff`);
      if (res.headers['referrer-policy'] !== 'no-referrer') problems.push(`${where}: referrer policy ${String(res.headers['referrer-policy'])}`);
      const hsts = /max-age=(\d+)/.exec(String(res.headers['strict-transport-security'] ?? ''));
      if (hsts === null || Number(hsts[1]) < 31_536_000) problems.push(`${where}: HSTS missing or shorter than a year`);
      if (res.headers['x-powered-by'] !== undefined) problems.push(`${where}: X-Powered-By`);
      if (res.headers['server'] !== undefined) problems.push(`${where}: Server header ${String(res.headers['server'])}`);
      if (res.headers['cross-origin-opener-policy'] !== 'same-origin') problems.push(`${where}: COOP ${String(res.headers['cross-origin-opener-policy'])}`);
      if (res.headers['access-control-allow-origin'] !== undefined) problems.push(`${where}: CORS allowed for ${String(res.headers['access-control-allow-origin'])}`);
      if (probe.api && res.headers['cache-control'] !== 'no-store') problems.push(`${where}: Cache-Control ${String(res.headers['cache-control'])} on an API answer`);
      if (!probe.api && String(res.headers['content-type'] ?? '').startsWith('text/html') && !/no-cache|no-store/.test(String(res.headers['cache-control']))) {
        problems.push(`${where}: HTML may be cached without revalidation`);
      }
      if (probe.api && res.status >= 400 && !String(res.headers['content-type']).startsWith('application/json')) problems.push(`${where}: an error that is not JSON`);
    }
    expect(problems).toEqual([]);
  });

  it('serves the API errors as JSON, never HTML a browser could render', async () => {
    const res = await request(t.app).get('/api/v1/<script>alert(1)</script>').set('Accept', 'text/html');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text).not.toContain('<script>');
  });

  it('gives the session cookie HttpOnly and SameSite, and in production the __Host- prefix and Secure', async () => {
    const res = await request(t.app).post('/api/v1/session').send({ email: admin.email, password: STAFF_PASSWORD });
    const cookie = String(res.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=(Strict|Lax)/i);
    expect(cookie).toMatch(/Path=\//);
    const { app } = createApp({
      connection: t.connection,
      logger: createLogger('silent'),
      secrets: t.secrets,
      options: { submissionRateLimit: 0, receiptRateLimit: 0, rateLimitStore: 'memory', trustProxy: false, secureCookies: true },
    });
    const production = await request(app as Express).post('/api/v1/session').send({ email: admin.email, password: STAFF_PASSWORD });
    expect(production.status).toBe(201);
    const secure = String(production.headers['set-cookie']?.[0]);
    expect(secure).toMatch(/^__Host-/);
    expect(secure).toMatch(/;\s*Secure/i);
    expect(secure).not.toMatch(/Domain=/i);
  });
});
