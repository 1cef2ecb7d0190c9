import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** How long a sign-in at the identity provider may take, from the start route to the callback. */
export const OIDC_TRANSACTION_MS = 10 * 60_000;

const AAD = Buffer.from('medskapa.oidc-transaction.v1', 'utf8');

/**
 * What the callback must check against: the state, the nonce and the PKCE verifier of one sign-in. It travels in a
 * short-lived, HttpOnly, SameSite=Lax cookie, sealed with AES-256-GCM under a key derived from APP_SECRET, so the
 * public start route writes nothing to the database and any app instance can finish the sign-in.
 */
export interface OidcTransaction {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

const TransactionSchema = z.strictObject({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  codeVerifier: z.string().min(43).max(128),
  expiresAt: z.number().int(),
});

function transactionKey(appSecret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret, Buffer.alloc(0), 'medskapa oidc transaction cookie', 32));
}

export function sealTransaction(appSecret: Buffer, transaction: OidcTransaction): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', transactionKey(appSecret), iv);
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(transaction), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
}

/** The transaction in a cookie value, or undefined when it was tampered with, sealed with another key, or expired. */
export function openTransaction(appSecret: Buffer, sealed: string, now: number): OidcTransaction | undefined {
  const [iv, tag, ciphertext, extra] = sealed.split('.');
  if (iv === undefined || tag === undefined || ciphertext === undefined || extra !== undefined || sealed.length > 2000) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', transactionKey(appSecret), Buffer.from(iv, 'base64url'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    const parsed = TransactionSchema.safeParse(JSON.parse(plain));
    if (!parsed.success || parsed.data.expiresAt < now) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}
