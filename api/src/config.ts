import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUPPRESSION_K_DEFAULT, SUPPRESSION_K_MIN } from '@medskapa/analysis';
import { z } from 'zod';
import { ROLES, type Role } from '../contract/index.ts';

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
  // Secrets may come from files (Docker/Kubernetes secrets): NAME_FILE holds the path, never both.
  CONTACT_KEY_FILE: z.string().min(1).optional(),
  APP_SECRET_FILE: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET_FILE: z.string().min(1).optional(),
  // Staff sign-in with OpenID Connect (Microsoft Entra ID, the region's SITHS-based identity provider); off when unset.
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OIDC_POST_LOGOUT_REDIRECT_URI: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OIDC_SCOPES: z.string().regex(/(^|\s)openid(\s|$)/, 'must include openid').default('openid profile email'),
  OIDC_ROLES_CLAIM: z.string().regex(/^[A-Za-z0-9_:/.-]{1,200}$/, 'must be a claim name (dots for nested claims)').default('roles'),
  OIDC_ROLE_MAP: z.string().min(1).optional(),
  OIDC_PROVIDER_NAME: z.string().trim().min(1).max(60).optional(),
});

const FILE_SECRETS = ['CONTACT_KEY', 'APP_SECRET', 'OIDC_CLIENT_SECRET'] as const;

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  /** Undefined: a public client (PKCE only, no client authentication). */
  readonly clientSecret: string | undefined;
  readonly redirectUri: string;
  /** Where the provider sends the browser after signing out there; default: the back office. */
  readonly postLogoutRedirectUri: string;
  readonly scopes: string;
  /** The claim that carries the roles or groups; dots reach into nested objects (`realm_access.roles`). */
  readonly rolesClaim: string;
  /** Claim value → Medskapa role; values not in the map give no role. */
  readonly roleMap: ReadonlyMap<string, Role>;
  /** Shown on the sign-in button ("Sign in with …"); undefined: a neutral text. */
  readonly providerName: string | undefined;
}

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
  /** Staff sign-in with OpenID Connect; undefined when OIDC_ISSUER is unset (passwords only). */
  readonly oidc: OidcConfig | undefined;
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

/**
 * Empty values count as unset (Compose passes `${NAME:-}` as ""), and NAME_FILE → NAME: the file's content
 * without its final line break (an empty file is unset too).
 */
function readFileSecrets(env: NodeJS.ProcessEnv, problems: string[]): NodeJS.ProcessEnv {
  const resolved: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  for (const name of FILE_SECRETS) {
    const file = env[`${name}_FILE`];
    if (file === undefined || file === '') continue;
    if (env[name] !== undefined && env[name] !== '') {
      problems.push(`  ${name}_FILE: set either ${name} or ${name}_FILE, not both`);
      continue;
    }
    try {
      const value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
      if (value !== '') resolved[name] = value;
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
      problems.push(`  ${name}_FILE: cannot read ${file} (${code})`);
    }
  }
  return resolved;
}

/** `Group.A=facilitator,Group.B=staff`: the last `=` splits, so claim values may contain `=`. */
export function parseRoleMap(spec: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const part of spec.split(',')) {
    const entry = part.trim();
    if (entry === '') continue;
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = ROLES.find((candidate) => candidate === entry.slice(at + 1).trim());
    if (at <= 0 || value === '' || role === undefined) {
      throw new ConfigError(`OIDC_ROLE_MAP: "${entry}" must look like "claim value=${ROLES.join('|')}"`);
    }
    if (map.has(value) && map.get(value) !== role) throw new ConfigError(`OIDC_ROLE_MAP: "${value}" maps to two roles`);
    map.set(value, role);
  }
  if (map.size === 0) throw new ConfigError('OIDC_ROLE_MAP: at least one "claim value=role" pair is needed');
  return map;
}

function oidcConfig(e: z.infer<typeof EnvSchema>, problems: string[]): OidcConfig | undefined {
  const related = [e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET, e.OIDC_REDIRECT_URI, e.OIDC_ROLE_MAP, e.OIDC_POST_LOGOUT_REDIRECT_URI];
  if (e.OIDC_ISSUER === undefined) {
    if (related.some((value) => value !== undefined)) problems.push('  OIDC_ISSUER: required when any other OIDC_ variable is set');
    return undefined;
  }
  const missing = (['OIDC_CLIENT_ID', 'OIDC_REDIRECT_URI', 'OIDC_ROLE_MAP'] as const).filter((name) => e[name] === undefined);
  for (const name of missing) problems.push(`  ${name}: required when OIDC_ISSUER is set`);
  if (e.OIDC_CLIENT_ID === undefined || e.OIDC_REDIRECT_URI === undefined || e.OIDC_ROLE_MAP === undefined) return undefined;
  if (e.NODE_ENV === 'production') {
    for (const [name, value] of [['OIDC_ISSUER', e.OIDC_ISSUER], ['OIDC_REDIRECT_URI', e.OIDC_REDIRECT_URI]] as const) {
      if (!value.startsWith('https://')) problems.push(`  ${name}: must be https:// when NODE_ENV=production`);
    }
  }
  if (new URL(e.OIDC_REDIRECT_URI).pathname !== '/api/v1/session/oidc/callback') {
    problems.push('  OIDC_REDIRECT_URI: must end in /api/v1/session/oidc/callback (the address registered with the provider)');
  }
  let roleMap: Map<string, Role>;
  try {
    roleMap = parseRoleMap(e.OIDC_ROLE_MAP);
  } catch (error) {
    problems.push(`  ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    redirectUri: e.OIDC_REDIRECT_URI,
    postLogoutRedirectUri: e.OIDC_POST_LOGOUT_REDIRECT_URI ?? new URL('/backoffice/', e.OIDC_REDIRECT_URI).href,
    scopes: e.OIDC_SCOPES,
    rolesClaim: e.OIDC_ROLES_CLAIM,
    roleMap,
    providerName: e.OIDC_PROVIDER_NAME,
  };
}

/** The only reader of process.env: parses it once, fails fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const parsed = EnvSchema.safeParse(readFileSecrets(env, problems));
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`));
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const oidc = oidcConfig(e, problems);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
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
    oidc,
  };
}
