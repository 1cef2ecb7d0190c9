import { createHash } from 'node:crypto';

/** Every theme id is a UUID, so it is also the theme's REFI-QDA `guid`; one identifier, no mapping table. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A name-based UUID (RFC 9562 version 5) needs a namespace of its own; this one is Medskapa's themes. */
const NAMESPACE = Buffer.from('6d2f6c0e8a4b4e0f9a3d2b7c5e1f0a94', 'hex');

export function isThemeId(value: string): boolean {
  return UUID.test(value);
}

/** The same key always gives the same UUID: the starter codebook and hand-written CSV ids stay stable across imports. */
export function uuidFromKey(key: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(key, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes.writeUInt8(((bytes.readUInt8(6) & 0x0f) | 0x50) & 0xff, 6);
  bytes.writeUInt8(((bytes.readUInt8(8) & 0x3f) | 0x80) & 0xff, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The theme id for an id written in an imported file: a UUID (with or without braces, any case) is kept;
 * anything else is a reference local to the file and becomes a name-based UUID.
 */
export function themeIdFromFile(raw: string): string {
  const bare = raw.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return isThemeId(bare) ? bare : uuidFromKey(`file:${raw.trim()}`);
}
