// Portable backup and restore through the driver (MongoDB and FerretDB alike); see docs/operations.md.
//   npm run backup -- --out /backups [--keep 14]      → /backups/medskapa-YYYYMMDDTHHMMSSZ/
//   npm run restore -- --from /backups/medskapa-…  [--drop]
// Uses MONGODB_URI (with the database name), or the embedded database in DATA_DIR (stop `npm start` first).
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Connection } from 'mongoose';
import { loadConfig } from '../config.ts';
import { connectDatabase } from '../db/connection.ts';
import { ensureFerretdbBinary, startFerretdb, type RunningFerretdb } from '../db/embeddedFerretdb.ts';
import { BackupError, backupDatabase, backupName, pruneBackups, restoreDatabase } from './backup.ts';

const USAGE = 'usage: npm run backup -- --out DIR [--keep N]\n       npm run restore -- --from DIR [--drop]\n';

async function withDatabase<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let embedded: RunningFerretdb | undefined;
  let uri = config.mongodbUri;
  if (uri === undefined) {
    const binary = await ensureFerretdbBinary(config.ferretdbCacheDir, (line) => process.stderr.write(`${line}\n`));
    embedded = await startFerretdb(binary, { handler: 'sqlite', directory: path.join(config.dataDir, 'ferretdb') });
    uri = `${embedded.uri}medskapa`;
  }
  const connection = await connectDatabase({ uri, serverSelectionTimeoutMs: Math.max(config.serverSelectionTimeoutMs, 5000), ...(embedded === undefined ? {} : { dbName: 'medskapa' }) });
  try {
    return await work(connection);
  } finally {
    await connection.close();
    await embedded?.stop();
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, keep: { type: 'string' }, from: { type: 'string' }, drop: { type: 'boolean', default: false } },
  });
  const command = positionals[0];
  if (command === 'backup' && values.out !== undefined) {
    const keep = values.keep === undefined ? undefined : Number(values.keep);
    if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1)) {
      process.stderr.write('--keep must be a whole number, at least 1\n');
      return 2;
    }
    const parent = path.resolve(values.out);
    const directory = path.join(parent, backupName(new Date()));
    const started = performance.now();
    const manifest = await withDatabase((connection) => backupDatabase(connection, directory));
    const documents = manifest.collections.reduce((sum, entry) => sum + entry.documents, 0);
    process.stdout.write(`Backed up ${documents} documents in ${manifest.collections.length} collections to ${directory} (${Math.round(performance.now() - started)} ms)\n`);
    if (keep !== undefined) {
      for (const removed of await pruneBackups(parent, keep)) process.stdout.write(`Removed old backup ${removed}\n`);
    }
    return 0;
  }
  if (command === 'restore' && values.from !== undefined) {
    const from = path.resolve(values.from);
    const started = performance.now();
    const result = await withDatabase((connection) => restoreDatabase(connection, from, { drop: values.drop }));
    process.stdout.write(`Restored ${result.documents} documents in ${result.collections} collections from ${from} (${Math.round(performance.now() - started)} ms)\n`);
    return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`${error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
