import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUPPRESSION_K_DEFAULT, SUPPRESSION_K_MIN } from '@medskapa/analysis';
import { z } from 'zod';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const perMinute = z.coerce.number().int().min(0).max(100_000);

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  CONTACT_KEY: z.string().min(1).optional(),
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SUBMISSION_RATE_LIMIT: perMinute.default(10),
  RECEIPT_RATE_LIMIT: perMinute.default(20),
  RATE_LIMIT_STORE: z.enum(['memory', 'mongodb']).default('memory'),
  TRUST_PROXY: z
    .string()
    .regex(/^(false|true|\d+)$/, 'must be false, true or a number of proxy hops')
    .default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FORM_UI_DIST: z.string().min(1).optional(),
  FERRETDB_CACHE_DIR: z.string().min(1).optional(),
  DB_SERVER_SELECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  SUPPRESSION_K: z.coerce
    .number()
    .int()
    .min(SUPPRESSION_K_MIN, `must be at least ${SUPPRESSION_K_MIN}: smaller groups could point at a person`)
    .max(1000)
    .default(SUPPRESSION_K_DEFAULT),
});

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly mongodbUri: string | undefined;
  readonly dataDir: string;
  readonly contactKey: string | undefined;
  readonly appSecret: string | undefined;
  readonly submissionRateLimit: number;
  readonly receiptRateLimit: number;
  readonly rateLimitStore: 'memory' | 'mongodb';
  readonly trustProxy: boolean | number;
  readonly logLevel: string;
  readonly formUiDist: string;
  readonly ferretdbCacheDir: string;
  readonly serverSelectionTimeoutMs: number;
  /** Contact details are deleted this many days after the story. */
  readonly contactRetentionDays: number;
  readonly retentionIntervalMinutes: number;
  /** Summaries hide every group smaller than this (and the cells that would reveal it). */
  readonly suppressionK: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function parseTrustProxy(value: string): boolean | number {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return Number(value);
}

function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env['XDG_CACHE_HOME'] ?? path.join(env['HOME'] ?? homedir(), '.cache');
  return path.join(base, 'medskapa');
}

/** The only reader of process.env: parses it once, fails fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && (e.CONTACT_KEY === undefined || e.APP_SECRET === undefined)) {
    throw new ConfigError('Invalid configuration:\n  CONTACT_KEY and APP_SECRET are required when NODE_ENV=production');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    mongodbUri: e.MONGODB_URI,
    dataDir: path.resolve(e.DATA_DIR),
    contactKey: e.CONTACT_KEY,
    appSecret: e.APP_SECRET,
    submissionRateLimit: e.SUBMISSION_RATE_LIMIT,
    receiptRateLimit: e.RECEIPT_RATE_LIMIT,
    rateLimitStore: e.RATE_LIMIT_STORE,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    formUiDist: path.resolve(e.FORM_UI_DIST ?? path.join(REPO_ROOT, 'form-ui', 'dist')),
    ferretdbCacheDir: path.resolve(e.FERRETDB_CACHE_DIR ?? defaultCacheDir(env)),
    serverSelectionTimeoutMs: e.DB_SERVER_SELECTION_TIMEOUT_MS,
    contactRetentionDays: e.CONTACT_RETENTION_DAYS,
    retentionIntervalMinutes: e.RETENTION_INTERVAL_MINUTES,
    suppressionK: e.SUPPRESSION_K,
  };
}
