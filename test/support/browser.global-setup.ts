import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../api/src/config.ts';
import { ensureFerretdbBinary, removeDirectory, startFerretdb } from '../../api/src/db/embeddedFerretdb.ts';
import { freePort, startServerProcess, waitFor } from './processes.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    browserMongodbUri: string;
    browserDbName: string;
    formDist: string;
    serverEnv: Record<string, string>;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

/** Builds the form, starts a throwaway FerretDB and the real app serving it, as `npm start` does. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Each run builds into its own folder, so two runs at once (or a developer's `npm start`) do not clash.
  const formDist = await mkdtemp(path.join(tmpdir(), 'medskapa-form-dist-'));
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', formDist, '--emptyOutDir'], {
    cwd: path.join(root, 'form-ui'),
    encoding: 'utf8',
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`form build failed:\n${build.stdout}\n${build.stderr}`);

  const binary = await ensureFerretdbBinary(loadConfig({}).ferretdbCacheDir);
  const directory = await mkdtemp(path.join(tmpdir(), 'medskapa-browser-db-'));
  const ferretdb = await startFerretdb(binary, { handler: 'sqlite', directory });
  const dbName = 'browser';
  const port = await freePort();
  const serverEnv: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    MONGODB_URI: `${ferretdb.uri}${dbName}`,
    CONTACT_KEY: `browser:${randomBytes(32).toString('base64')}`,
    APP_SECRET: randomBytes(32).toString('hex'),
    SUBMISSION_RATE_LIMIT: '0',
    RECEIPT_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
    FORM_UI_DIST: formDist,
  };
  const server = startServerProcess(serverEnv);
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!(await waitFor(async () => (await fetch(`${baseUrl}/readyz`)).ok, 30_000))) {
    throw new Error(`the app did not start:\n${server.output()}`);
  }
  project.provide('baseUrl', baseUrl);
  project.provide('browserMongodbUri', ferretdb.uri);
  project.provide('browserDbName', dbName);
  project.provide('formDist', formDist);
  project.provide('serverEnv', serverEnv);
  return async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await ferretdb.stop();
    await removeDirectory(directory);
    await removeDirectory(formDist);
  };
}
