// `npm run db:build`: builds (or finds) the embedded FerretDB in the cache, so the first start or test run need not.
import { loadConfig } from '../config.ts';
import { EmbeddedDatabaseUnavailableError, ensureFerretdbBinary } from './embeddedFerretdb.ts';

try {
  const binary = await ensureFerretdbBinary(loadConfig().ferretdbCacheDir, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`FerretDB ready: ${binary}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof EmbeddedDatabaseUnavailableError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
