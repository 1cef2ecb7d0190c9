import type { Server } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from 'mongoose';
import { createApp, todayInSweden } from './app.ts';
import { createAuditLog } from './audit/repository.ts';
import { runRetention } from './retention/service.ts';
import { ConfigError, loadConfig } from './config.ts';
import { connectDatabase } from './db/connection.ts';
import { EmbeddedDatabaseUnavailableError, ensureFerretdbBinary, startFerretdb, type RunningFerretdb } from './db/embeddedFerretdb.ts';
import { ensureIndexes } from './db/indexes.ts';
import { seedStarterCodebook } from './themes/seed.ts';
import { createSessionStore } from './auth/sessions.ts';
import { createUserRepository } from './users/repository.ts';
import { createLogger, type Logger } from './logger.ts';
import { loadSecrets } from './secrets.ts';

const DEFAULT_DB_NAME = 'medskapa';

function databaseNameIn(uri: string): string | undefined {
  return /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1];
}

async function connectWithRetry(uri: string, timeoutMs: number, logger: Logger): Promise<Connection> {
  const dbName = databaseNameIn(uri) ?? DEFAULT_DB_NAME;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connectDatabase({ uri, dbName, serverSelectionTimeoutMs: timeoutMs });
    } catch (error) {
      if (attempt >= 15) throw error;
      logger.warn({ attempt, err: error instanceof Error ? error.message : String(error) }, 'database not reachable yet; retrying');
      await sleep(2000);
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  let embedded: RunningFerretdb | undefined;
  let uri = config.mongodbUri;
  if (uri === undefined) {
    const binary = await ensureFerretdbBinary(config.ferretdbCacheDir, (line) => process.stderr.write(`${line}\n`));
    embedded = await startFerretdb(binary, { handler: 'sqlite', directory: path.join(config.dataDir, 'ferretdb') });
    uri = `${embedded.uri}${DEFAULT_DB_NAME}`;
    logger.info({ dataDir: config.dataDir }, 'embedded FerretDB (SQLite) started; set MONGODB_URI to use another server');
  }

  const connection = await connectWithRetry(uri, config.serverSelectionTimeoutMs, logger);
  await ensureIndexes(connection);
  // First start only: an empty codebook gets the starter themes (idempotent; see themes/seed.ts).
  await seedStarterCodebook(connection);
  const secrets = await loadSecrets(config, logger);
  const { app, suggestions } = createApp({
    connection,
    logger,
    secrets,
    options: {
      submissionRateLimit: config.submissionRateLimit,
      receiptRateLimit: config.receiptRateLimit,
      rateLimitStore: config.rateLimitStore,
      trustProxy: config.trustProxy,
      formUiDist: config.formUiDist,
      secureCookies: config.env === 'production',
      contactRetentionDays: config.contactRetentionDays,
      suppressionK: config.suppressionK,
      oidc: config.oidc,
    },
  });
  // No TTL indexes on FerretDB: ended sessions are purged by the app.
  const sessions = createSessionStore(connection, createUserRepository(connection), () => new Date());
  const purge = setInterval(() => void sessions.purgeExpired().catch(() => {}), 10 * 60_000);
  purge.unref();
  // No TTL indexes either for contact details: the retention job deletes them at start and then on a timer.
  const audit = createAuditLog(connection);
  const retention = async (): Promise<void> => {
    try {
      const result = await runRetention({ connection, audit, today: todayInSweden(new Date()), days: config.contactRetentionDays });
      logger.info({ deleted: result.deleted, oldestKept: result.oldestKept }, 'contact retention run');
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'contact retention run failed');
    }
  };
  void retention();
  const retentionTimer = setInterval(() => void retention(), config.retentionIntervalMinutes * 60_000);
  retentionTimer.unref();

  // Theme suggestions: computed soon after a story arrives or the codebook or model changes, and on a timer.
  suggestions.start();

  const server: Server = app.listen(config.port, config.host, () => {
    logger.info({ url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}` }, 'Medskapa is listening');
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await suggestions.stop();
    await connection.close();
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseUnavailableError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(`Medskapa could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
