import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { parseKeyring, type Keyring } from './contacts/contactCipher.ts';

export interface Secrets {
  readonly contactKeyring: Keyring;
  /** Derives receipt codes and rate-limit keys; never stored with the data. */
  readonly appSecret: Buffer;
}

const DevSecretsSchema = z.object({ contactKey: z.string(), appSecret: z.string() });

/** In development a key file is generated in DATA_DIR so `npm start` needs no setup; production must configure both. */
export async function loadSecrets(config: Config, logger: Logger): Promise<Secrets> {
  if (config.contactKey !== undefined && config.appSecret !== undefined) {
    return { contactKeyring: parseKeyring(config.contactKey), appSecret: Buffer.from(config.appSecret, 'utf8') };
  }
  const file = path.join(config.dataDir, 'dev-secrets.json');
  let dev: z.infer<typeof DevSecretsSchema>;
  try {
    dev = DevSecretsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    dev = {
      contactKey: `dev-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}:${randomBytes(32).toString('base64')}`,
      appSecret: randomBytes(32).toString('base64'),
    };
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(dev, null, 2), { mode: 0o600, flag: 'wx' });
  }
  logger.warn(
    { file },
    'Using development secrets from DATA_DIR; set CONTACT_KEY and APP_SECRET in any real deployment',
  );
  return {
    contactKeyring: parseKeyring(config.contactKey ?? dev.contactKey),
    appSecret: Buffer.from(config.appSecret ?? dev.appSecret, 'utf8'),
  };
}
