import { createHmac, hash } from 'node:crypto';

// Crockford base32: no I, L, O or U, so codes survive being read aloud or copied by hand.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16; // 16 × 5 bits = 80 bits

/**
 * The receipt code for a submission, derived from its idempotency key with a server secret so that a
 * replayed request gets the same code while the database keeps only a hash of it.
 */
export function deriveReceiptCode(appSecret: Buffer, idempotencyKey: string): string {
  const digest = createHmac('sha256', appSecret).update(`receipt-code:${idempotencyKey.toLowerCase()}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let index = CODE_LENGTH - 1; index >= 0; index -= 1) {
    code += ALPHABET[Number((bits >> BigInt(index * 5)) & 31n)];
  }
  return code;
}

/** `XXXX-XXXX-XXXX-XXXX`, as shown to the respondent. */
export function formatReceiptCode(code: string): string {
  return code.match(/.{4}/g)?.join('-') ?? code;
}

/** Accepts what people type: any case, spaces or dashes, and the letters Crockford reads as digits. */
export function normaliseReceiptCode(input: string): string | undefined {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH) return undefined;
  for (const char of code) if (!ALPHABET.includes(char)) return undefined;
  return code;
}

export function hashReceiptCode(code: string): string {
  return hash('sha256', `receipt:${code}`);
}
