// `npm run contacts:rotate`: re-encrypts every contact under the first key of CONTACT_KEY (see docs/operations.md,
// "Rotating the contact-detail key"). Uses MONGODB_URI, or the embedded database in DATA_DIR (stop `npm start` first).
import path from 'node:path';
import { createAuditLog } from '../audit/repository.ts';
import { loadConfig } from '../config.ts';
import { connectDatabase } from '../db/connection.ts';
import { ensureFerretdbBinary, startFerretdb, type RunningFerretdb } from '../db/embeddedFerretdb.ts';
import { createLogger } from '../logger.ts';
import { loadSecrets } from '../secrets.ts';
import { rotateContactKeys } from './rotateKeys.ts';

async function main(): Promise<number> {
  const config = loadConfig();
  const secrets = await loadSecrets(config, createLogger('warn'));
  let embedded: RunningFerretdb | undefined;
  let uri = config.mongodbUri;
  if (uri === undefined) {
    const binary = await ensureFerretdbBinary(config.ferretdbCacheDir, (line) => process.stderr.write(`${line}\n`));
    embedded = await startFerretdb(binary, { handler: 'sqlite', directory: path.join(config.dataDir, 'ferretdb') });
    uri = `${embedded.uri}medskapa`;
  }
  const connection = await connectDatabase({ uri, serverSelectionTimeoutMs: Math.max(config.serverSelectionTimeoutMs, 5000), ...(embedded === undefined ? {} : { dbName: 'medskapa' }) });
  try {
    const result = await rotateContactKeys(connection, secrets.contactKeyring, createAuditLog(connection));
    process.stdout.write(`Active key: ${secrets.contactKeyring.activeKeyId}. Re-encrypted ${result.reencrypted} of ${result.examined} contacts under older keys.\n`);
    process.stdout.write(`Contacts per key now: ${JSON.stringify(result.byKey)}\n`);
    const unreadable = Object.entries(result.unreadable);
    if (unreadable.length > 0) {
      process.stderr.write(`Could not read ${JSON.stringify(result.unreadable)}: add those keys to CONTACT_KEY (after the active one) and run again.\n`);
      return 1;
    }
    return 0;
  } finally {
    await connection.close();
    await embedded?.stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
