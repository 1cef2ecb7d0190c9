/** The kinds of personal data the masker replaces; each has its own token in the masked text. */
export type RedactionKind = 'id_number' | 'phone' | 'email' | 'address';

/** Masked text plus how many spans of each kind were replaced (kinds with no replacements are absent). */
export interface MaskResult {
  text: string;
  counts: Partial<Record<RedactionKind, number>>;
}

/** A half-open range [start, end) of UTF-16 code units that must be replaced as a whole. */
export interface DetectedSpan {
  start: number;
  end: number;
  kind: RedactionKind;
}
