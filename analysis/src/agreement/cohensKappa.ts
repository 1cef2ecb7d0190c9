/**
 * Cohen's kappa for two coders who each decide yes or no for the same items (one theme, many stories).
 * Counts stay integers until the last division, so the result is exactly symmetric in the two coders.
 */

/** The 2×2 table of two coders' yes/no decisions on the same items. */
export interface AgreementTable {
  /** Both said yes. */
  readonly both: number;
  /** Only the first coder said yes. */
  readonly onlyA: number;
  /** Only the second coder said yes. */
  readonly onlyB: number;
  /** Both said no. */
  readonly neither: number;
}

/**
 * Why kappa has no value: no items at all, or both coders gave the same answer to every item (both never or both
 * always used the theme), so chance agreement is already 1 and kappa would be 0 ÷ 0.
 */
export type NotComputableReason = 'noItems' | 'bothNever' | 'bothAlways';

export type KappaResult =
  | {
      readonly computable: true;
      readonly kappa: number;
      readonly observed: number;
      readonly expected: number;
      readonly items: number;
      readonly table: AgreementTable;
    }
  | {
      readonly computable: false;
      readonly reason: NotComputableReason;
      /** Observed agreement when there are items (then always 1), else null. */
      readonly observed: number | null;
      readonly expected: number | null;
      readonly items: number;
      readonly table: AgreementTable;
    };

export class AgreementInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgreementInputError';
  }
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Kappa from a 2×2 table: (pₒ − pₑ) ÷ (1 − pₑ), computed as (n·agree − chance) ÷ (n² − chance) on integers. */
export function kappaFromTable(table: AgreementTable): KappaResult {
  const { both, onlyA, onlyB, neither } = table;
  if (![both, onlyA, onlyB, neither].every(isCount)) throw new AgreementInputError('table cells must be non-negative integers');
  const items = both + onlyA + onlyB + neither;
  const copy = { both, onlyA, onlyB, neither };
  if (items === 0) return { computable: false, reason: 'noItems', observed: null, expected: null, items, table: copy };
  const agree = both + neither;
  const yesA = both + onlyA;
  const yesB = both + onlyB;
  // n² · pₑ: the agreement two coders with these yes-rates would reach by chance.
  const chance = yesA * yesB + (items - yesA) * (items - yesB);
  const square = items * items;
  if (chance === square) {
    return { computable: false, reason: yesA === 0 ? 'bothNever' : 'bothAlways', observed: 1, expected: 1, items, table: copy };
  }
  return {
    computable: true,
    kappa: (items * agree - chance) / (square - chance),
    observed: agree / items,
    expected: chance / square,
    items,
    table: copy,
  };
}

/** The 2×2 table of two coders' decisions, item by item (the arrays must be the same length). */
export function agreementTable(a: ReadonlyArray<boolean>, b: ReadonlyArray<boolean>): AgreementTable {
  if (a.length !== b.length) throw new AgreementInputError('both coders must decide on the same items');
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  let neither = 0;
  for (let i = 0; i < a.length; i += 1) {
    const yesA = a[i] === true;
    const yesB = b[i] === true;
    if (yesA && yesB) both += 1;
    else if (yesA) onlyA += 1;
    else if (yesB) onlyB += 1;
    else neither += 1;
  }
  return { both, onlyA, onlyB, neither };
}

/** Cohen's kappa of two coders' yes/no decisions on the same items. */
export function cohensKappa(a: ReadonlyArray<boolean>, b: ReadonlyArray<boolean>): KappaResult {
  return kappaFromTable(agreementTable(a, b));
}

export const KAPPA_BANDS = ['poor', 'slight', 'fair', 'moderate', 'substantial', 'almostPerfect'] as const;
export type KappaBand = (typeof KAPPA_BANDS)[number];

/** Landis & Koch (1977): the customary words for a kappa value; a guide for readers, not a pass mark. */
export function kappaBand(kappa: number): KappaBand {
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almostPerfect';
}
