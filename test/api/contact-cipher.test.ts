import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptJson, encryptJson, keyIdOf, parseKeyring } from '../../api/src/contacts/contactCipher.ts';

const key = () => randomBytes(32).toString('base64');
const contact = { name: 'Kim Andersson', email: 'kim@exempel.se' };

describe('contact encryption (AES-256-GCM)', () => {
  it('round-trips with the same associated data and uses a fresh IV every time', () => {
    const keyring = parseKeyring(`k1:${key()}`);
    const a = encryptJson(keyring, contact, 'contacts.followUp.s1');
    const b = encryptJson(keyring, contact, 'contacts.followUp.s1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('Kim');
    expect(decryptJson(keyring, a, 'contacts.followUp.s1')).toEqual(contact);
  });

  it('refuses ciphertext moved to another story, tampered with, or under an unknown key', () => {
    const keyring = parseKeyring(`k1:${key()}`);
    const envelope = encryptJson(keyring, contact, 'contacts.followUp.s1');
    expect(() => decryptJson(keyring, envelope, 'contacts.followUp.s2')).toThrow();
    const parts = envelope.split('.');
    const ciphertext = Buffer.from(parts[4]!, 'base64url');
    ciphertext[0] = ciphertext[0]! ^ 1;
    parts[4] = ciphertext.toString('base64url');
    expect(() => decryptJson(keyring, parts.join('.'), 'contacts.followUp.s1')).toThrow();
    expect(() => decryptJson(parseKeyring(`k2:${key()}`), envelope, 'contacts.followUp.s1')).toThrow(/not in the keyring/);
  });

  it('rotates: new data uses the first key, old data still decrypts with a retired key', () => {
    const oldKey = key();
    const before = parseKeyring(`k2025:${oldKey}`);
    const oldEnvelope = encryptJson(before, contact, 'aad');
    const after = parseKeyring(`k2026:${key()},k2025:${oldKey}`);
    const newEnvelope = encryptJson(after, contact, 'aad');
    expect(keyIdOf(oldEnvelope)).toBe('k2025');
    expect(keyIdOf(newEnvelope)).toBe('k2026');
    expect(decryptJson(after, oldEnvelope, 'aad')).toEqual(contact);
    expect(decryptJson(after, newEnvelope, 'aad')).toEqual(contact);
  });

  it.each([
    ['no key id', key()],
    ['a short key', `k1:${randomBytes(16).toString('base64')}`],
    ['a bad key id', `k 1:${key()}`],
    ['a repeated key id', `k1:${key()},k1:${key()}`],
    ['an empty spec', ''],
  ])('rejects a keyring spec with %s', (_name, spec) => {
    expect(() => parseKeyring(spec)).toThrow();
  });
});
