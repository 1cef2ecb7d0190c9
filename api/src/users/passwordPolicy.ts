import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '../../contract/index.ts';

const COMMON = new Set((dictionary['passwords-common'] ?? []).map((word: string) => word.toLowerCase()));

/** NIST/ASVS style: a minimum length and no common passwords; no composition rules. Returns an i18n key or undefined. */
export function passwordProblem(password: string, email: string): string | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'user.password.tooShort';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/\d+$/, ''))) return 'user.password.common';
  const local = email.split('@')[0]?.toLowerCase();
  if (local !== undefined && local.length >= 4 && lower.includes(local)) return 'user.password.containsEmail';
  if (new Set(lower).size <= 2) return 'user.password.common';
  return undefined;
}
