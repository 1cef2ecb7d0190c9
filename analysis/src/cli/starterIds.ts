import { createHash } from 'node:crypto';

/**
 * The id a starter theme has in every installation: the name-based UUID (RFC 9562 version 5) of `starter:<key>`
 * in Medskapa's theme namespace, derived exactly as api/src/themes/ids.ts does (a test checks they agree). The CLI
 * needs it to find the starter themes the respondent topics point at in a codebook exported from the API, and to
 * accept starter keys in `themes`/`gold`; the analysis workspace does not import server code.
 */
const NAMESPACE = Buffer.from('6d2f6c0e8a4b4e0f9a3d2b7c5e1f0a94', 'hex');

export function starterThemeId(key: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(`starter:${key}`, 'utf8').digest().subarray(0, 16);
  bytes.writeUInt8(((bytes.readUInt8(6) & 0x0f) | 0x50) & 0xff, 6);
  bytes.writeUInt8(((bytes.readUInt8(8) & 0x3f) | 0x80) & 0xff, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
