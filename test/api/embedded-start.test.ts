import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDirectory } from '../../api/src/db/embeddedFerretdb.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { freePort, startServerProcess, waitFor, type ServerProcess } from '../support/processes.ts';

let dataDir: string;
let formDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'medskapa-start-'));
  formDir = path.join(dataDir, 'form');
  await mkdir(path.join(formDir, 'assets'), { recursive: true });
  await writeFile(path.join(formDir, 'index.html'), '<!doctype html><html lang="sv"><title>Medskapa</title><div id="root"></div></html>');
  await writeFile(path.join(formDir, 'assets', 'app-abc123.js'), `console.info(${JSON.stringify('form '.repeat(400))});`);
});
afterAll(async () => {
  await removeDirectory(dataDir);
});

async function startServer(port: number): Promise<{ server: ServerProcess; base: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, FORM_UI_DIST: formDir, LOG_LEVEL: 'warn' };
  delete env['MONGODB_URI'];
  delete env['CONTACT_KEY'];
  delete env['APP_SECRET'];
  const server = startServerProcess(env);
  const base = `http://127.0.0.1:${port}`;
  const ready = await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000);
  expect(ready, server.output()).toBe(true);
  return { server, base };
}

async function stop(server: ServerProcess): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

describe('npm start on a fresh machine (embedded FerretDB on SQLite in DATA_DIR)', () => {
  it('serves the app and the API, and a story posted before a restart is still there after it', async () => {
    const port = await freePort();
    const first = await startServer(port);
    const page = await request(first.base).get('/').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await request(first.base).get('/assets/app-abc123.js').set('Accept-Encoding', 'gzip');
    expect(asset.headers['cache-control']).toContain('immutable');
    const apiAnswer = await request(first.base).get('/api/v1/openapi.json').set('Accept-Encoding', 'gzip');
    expect(apiAnswer.headers['content-encoding']).toBeUndefined();

    const posted = await request(first.base).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission());
    expect(posted.status).toBe(201);
    expect(await stop(first.server)).toBe(0);
    await expect(fetch(`${first.base}/healthz`)).rejects.toThrow();

    const second = await startServer(port);
    try {
      const receipt = await request(second.base).get(`/api/v1/receipts/${posted.body.receiptCode}`);
      expect(receipt.status).toBe(200);
      expect(receipt.body.status).toBe('new');
    } finally {
      expect(await stop(second.server)).toBe(0);
    }
  }, 150_000);

  it('without Go and without a built database, exits with one clear message naming the ways out', async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: '/nonexistent',
      HOME: dataDir,
      DATA_DIR: path.join(dataDir, 'no-go'),
      FERRETDB_CACHE_DIR: path.join(dataDir, 'empty-cache'),
      PORT: String(await freePort()),
    };
    const server = startServerProcess(env);
    expect(await server.exited).toBe(1);
    const output = server.output();
    expect(output).toContain('MONGODB_URI=');
    expect(output).toContain('docker compose up');
    expect(output).toContain('Install Go');
    expect(output).not.toContain('    at ');
  }, 30_000);

  it('refuses to start with invalid configuration and lists what is wrong', async () => {
    const server = startServerProcess({ ...process.env, PORT: 'eighty', SUBMISSION_RATE_LIMIT: '-1', MONGODB_URI: 'http://wrong' });
    expect(await server.exited).toBe(1);
    const output = server.output();
    expect(output).toContain('PORT');
    expect(output).toContain('SUBMISSION_RATE_LIMIT');
    expect(output).toContain('MONGODB_URI');
  }, 30_000);
});
