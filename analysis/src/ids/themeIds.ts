import { createHash } from 'node:crypto';

/** A name-based UUID (RFC 9562 version 5) needs a namespace of its own; this one is Medskapa's themes. */
const NAMESPACE = Buffer.from('6d2f6c0e8a4b4e0f9a3d2b7c5e1f0a94', 'hex');

/** The same key always gives the same UUID: the starter codebook and hand-written CSV ids stay stable across imports. */
export function uuidFromKey(key: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(key, 'utf8').digest().subarray(0, 16);
  bytes.writeUInt8(((bytes.readUInt8(6) & 0x0f) | 0x50) & 0xff, 6);
  bytes.writeUInt8(((bytes.readUInt8(8) & 0x3f) | 0x80) & 0xff, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id a starter theme has in every installation (the API seeds it; the CLI finds starter keys by it). */
export function starterThemeId(key: string): string {
  return uuidFromKey(`starter:${key}`);
}
