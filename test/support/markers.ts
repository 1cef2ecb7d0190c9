import { randomBytes } from 'node:crypto';

/**
 * A unique phrase to find a story by. Letters only: a UUID's digit groups can look like a personal identity
 * or phone number and would be masked away before the story is stored.
 */
export function uniquePhrase(prefix: string): string {
  const letters = [...randomBytes(16)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
  return `${prefix} ${letters}`;
}
