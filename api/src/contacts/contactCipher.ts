import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ENVELOPE_VERSION = 'v1';
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export interface Keyring {
  readonly activeKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** Parses `kid:base64key[,kid:base64key…]`; the first key encrypts, all of them decrypt (rotation). */
export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let activeKeyId: string | undefined;
  for (const part of spec.split(',')) {
    const [keyId, encoded, extra] = part.trim().split(':');
    if (keyId === undefined || encoded === undefined || extra !== undefined || !KEY_ID_PATTERN.test(keyId)) {
      throw new Error('CONTACT_KEY must look like "kid:base64key[,kid:base64key]"');
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) throw new Error(`CONTACT_KEY "${keyId}" must be 32 bytes (base64), got ${key.length}`);
    if (keys.has(keyId)) throw new Error(`CONTACT_KEY "${keyId}" appears twice`);
    keys.set(keyId, key);
    activeKeyId ??= keyId;
  }
  if (activeKeyId === undefined) throw new Error('CONTACT_KEY is empty');
  return { activeKeyId, keys };
}

/** AES-256-GCM with a random 96-bit IV; the AAD binds the ciphertext to its record. */
export function encryptJson(keyring: Keyring, value: unknown, aad: string): string {
  const key = keyring.keys.get(keyring.activeKeyId);
  if (key === undefined) throw new Error('active contact key is missing');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [ENVELOPE_VERSION, keyring.activeKeyId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function decryptJson(keyring: Keyring, envelope: string, aad: string): unknown {
  const [version, keyId, iv, tag, ciphertext, extra] = envelope.split('.');
  if (version !== ENVELOPE_VERSION || keyId === undefined || iv === undefined || tag === undefined || ciphertext === undefined || extra !== undefined) {
    throw new Error('not a contact envelope');
  }
  const key = keyring.keys.get(keyId);
  if (key === undefined) throw new Error(`contact key "${keyId}" is not in the keyring`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}

export function keyIdOf(envelope: string): string | undefined {
  return envelope.split('.')[1];
}
