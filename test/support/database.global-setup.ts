import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../api/src/config.ts';
import { ensureFerretdbBinary, removeDirectory, startFerretdb, type FerretdbBackend } from '../../api/src/db/embeddedFerretdb.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
    ferretdbBinary: string;
    databaseBackend: 'sqlite' | 'postgresql';
  }
}

/**
 * One throwaway FerretDB for the whole API suite (never the user's ./data): SQLite by default,
 * PostgreSQL when TEST_DB_BACKEND=postgresql and TEST_POSTGRESQL_URL name a fresh database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const binary = await ensureFerretdbBinary(loadConfig({}).ferretdbCacheDir, (line) => process.stderr.write(`${line}\n`));
  const directory = await mkdtemp(path.join(tmpdir(), 'medskapa-test-db-'));
  const postgresqlUrl = process.env['TEST_POSTGRESQL_URL'];
  const backendName = process.env['TEST_DB_BACKEND'] === 'postgresql' ? 'postgresql' : 'sqlite';
  if (backendName === 'postgresql' && postgresqlUrl === undefined) {
    throw new Error('TEST_DB_BACKEND=postgresql needs TEST_POSTGRESQL_URL');
  }
  const backend: FerretdbBackend =
    backendName === 'postgresql' && postgresqlUrl !== undefined ? { handler: 'postgresql', url: postgresqlUrl } : { handler: 'sqlite', directory };
  const ferretdb = await startFerretdb(binary, backend);
  process.stderr.write(`API tests use FerretDB on ${backendName} at ${ferretdb.uri}\n`);
  project.provide('mongodbUri', ferretdb.uri);
  project.provide('ferretdbBinary', binary);
  project.provide('databaseBackend', backendName);
  return async () => {
    await ferretdb.stop();
    await removeDirectory(directory);
  };
}
