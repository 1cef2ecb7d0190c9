import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveReceiptCode, formatReceiptCode, hashReceiptCode, normaliseReceiptCode } from '../../api/src/receipts/receiptCode.ts';

describe('receipt codes', () => {
  const secret = randomBytes(32);

  it('are 16 Crockford base32 characters (80 bits), shown as XXXX-XXXX-XXXX-XXXX', () => {
    const code = deriveReceiptCode(secret, randomUUID());
    expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/);
    expect(formatReceiptCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it('are the same for the same idempotency key (any case) and differ between keys and secrets', () => {
    const key = randomUUID();
    expect(deriveReceiptCode(secret, key)).toBe(deriveReceiptCode(secret, key.toUpperCase()));
    expect(deriveReceiptCode(secret, key)).not.toBe(deriveReceiptCode(secret, randomUUID()));
    expect(deriveReceiptCode(secret, key)).not.toBe(deriveReceiptCode(randomBytes(32), key));
  });

  it('do not repeat across 20 000 keys and use every character position', () => {
    const codes = new Set<string>();
    const seen = Array.from({ length: 16 }, () => new Set<string>());
    for (let i = 0; i < 20_000; i += 1) {
      const code = deriveReceiptCode(secret, randomUUID());
      codes.add(code);
      [...code].forEach((char, index) => seen[index]!.add(char));
    }
    expect(codes.size).toBe(20_000);
    for (const position of seen) expect(position.size).toBe(32);
  });

  it('are read back from what people type, and anything else is refused', () => {
    const code = deriveReceiptCode(secret, randomUUID());
    expect(normaliseReceiptCode(formatReceiptCode(code).toLowerCase())).toBe(code);
    expect(normaliseReceiptCode(` ${formatReceiptCode(code).replaceAll('-', ' ')} `)).toBe(code);
    expect(normaliseReceiptCode('0O1I-L000-0000-0000')).toBe('0011100000000000');
    expect(normaliseReceiptCode('ABCD-EFGH-JKMN-PQR')).toBeUndefined();
    expect(normaliseReceiptCode('ABCD-EFGH-JKMN-PQRSU')).toBeUndefined();
    expect(normaliseReceiptCode('ABCD-EFGH-JKMN-PQR!')).toBeUndefined();
  });

  it('are stored only as a SHA-256 hash', () => {
    const code = deriveReceiptCode(secret, randomUUID());
    const hashed = hashReceiptCode(code);
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).not.toContain(code);
  });
});
