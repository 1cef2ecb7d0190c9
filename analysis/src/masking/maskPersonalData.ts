import { findAddresses } from './addresses.ts';
import { findEmails } from './emails.ts';
import { foldForDetection } from './foldForDetection.ts';
import { findIdNumbers } from './idNumbers.ts';
import { findPhoneNumbers } from './phoneNumbers.ts';
import { resolveSpans } from './resolveSpans.ts';
import type { MaskResult, RedactionKind } from './types.ts';

/** Version of the masking rules; stored with each story so older stories can be re-masked when rules improve. */
export const MASK_VERSION = 1;

const TOKENS: Readonly<Record<RedactionKind, string>> = {
  id_number: '[ID-NUMBER]',
  phone: '[PHONE]',
  email: '[EMAIL]',
  address: '[ADDRESS]',
};

/**
 * Replaces identity numbers, phone numbers, e-mail addresses and street addresses/postcodes in free
 * text with typed tokens. Pure and deterministic; every pattern runs in linear time.
 */
export function maskPersonalData(text: string): MaskResult {
  const working = foldForDetection(text);
  const detected = [
    ...findEmails(working),
    ...findIdNumbers(working),
    ...findPhoneNumbers(working),
    ...findAddresses(working),
  ];
  const counts: Partial<Record<RedactionKind, number>> = {};
  let masked = '';
  let cursor = 0;
  for (const span of resolveSpans(detected, working)) {
    masked += text.slice(cursor, span.start) + TOKENS[span.kind];
    cursor = span.end;
    counts[span.kind] = (counts[span.kind] ?? 0) + 1;
  }
  return { text: masked + text.slice(cursor), counts };
}
