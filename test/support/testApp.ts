import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import type { Connection } from 'mongoose';
import { inject } from 'vitest';
import { createApp, type AppOptions } from '../../api/src/app.ts';
import { parseKeyring } from '../../api/src/contacts/contactCipher.ts';
import { connectDatabase } from '../../api/src/db/connection.ts';
import { ensureIndexes } from '../../api/src/db/indexes.ts';
import { createLogger } from '../../api/src/logger.ts';
import type { Secrets } from '../../api/src/secrets.ts';

export interface TestApp {
  readonly app: Express;
  readonly connection: Connection;
  readonly secrets: Secrets;
  /** Every log line the app wrote, as raw JSON text. */
  readonly logs: string[];
  close(): Promise<void>;
}

export function testSecrets(): Secrets {
  return {
    contactKeyring: parseKeyring(`test1:${randomBytes(32).toString('base64')}`),
    appSecret: randomBytes(32),
  };
}

/** The real app on its own database in the suite's FerretDB; rate limits off unless a test sets them. */
export async function createTestApp(
  options: Partial<AppOptions> & { uri?: string; dbName?: string; secrets?: Secrets; today?: () => string; now?: () => Date } = {},
): Promise<TestApp> {
  const dbName = options.dbName ?? `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const connection = await connectDatabase({ uri: options.uri ?? inject('mongodbUri'), dbName, serverSelectionTimeoutMs: 2000 });
  await ensureIndexes(connection);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const secrets = options.secrets ?? testSecrets();
  const { app } = createApp({
    connection,
    logger: createLogger('debug', sink),
    secrets,
    ...(options.today === undefined ? {} : { today: options.today }),
    ...(options.now === undefined ? {} : { now: options.now }),
    options: {
      submissionRateLimit: options.submissionRateLimit ?? 0,
      receiptRateLimit: options.receiptRateLimit ?? 0,
      rateLimitStore: options.rateLimitStore ?? 'memory',
      trustProxy: options.trustProxy ?? false,
      formUiDist: options.formUiDist,
    },
  });
  return {
    app,
    connection,
    secrets,
    logs,
    async close() {
      if (options.dbName === undefined) await connection.dropDatabase().catch(() => {});
      await connection.close();
    },
  };
}
