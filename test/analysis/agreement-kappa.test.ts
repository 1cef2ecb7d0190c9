import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementTable, AgreementInputError, cohensKappa, kappaBand, kappaFromTable, type AgreementTable, type KappaResult } from '../../analysis/src/index.ts';

const kappaOf = (result: KappaResult): number => {
  if (!result.computable) throw new Error(`not computable: ${result.reason}`);
  return result.kappa;
};

/** Expands a 2×2 table into two coders' decisions, item by item. */
function decisions(table: AgreementTable): [boolean[], boolean[]] {
  const a: boolean[] = [];
  const b: boolean[] = [];
  const add = (count: number, yesA: boolean, yesB: boolean) => {
    for (let i = 0; i < count; i += 1) {
      a.push(yesA);
      b.push(yesB);
    }
  };
  add(table.both, true, true);
  add(table.onlyA, true, false);
  add(table.onlyB, false, true);
  add(table.neither, false, false);
  return [a, b];
}

describe("Cohen's kappa against textbook tables", () => {
  it.each([
    // Cohen's kappa, Wikipedia "simple example": 50 proposals, po = 0.7, pe = 0.5.
    ['50 grant proposals', { both: 20, onlyA: 5, onlyB: 10, neither: 15 }, 0.4, 0.7, 0.5],
    // Wikipedia "same percentages but different numbers": equal po = 0.60, different kappa.
    ['the first table with po = 0.60', { both: 45, onlyA: 15, onlyB: 25, neither: 15 }, 0.06 / 0.46, 0.6, 0.54],
    ['the second table with po = 0.60', { both: 25, onlyA: 35, onlyB: 5, neither: 35 }, 0.14 / 0.54, 0.6, 0.46],
    // Independent coders with equal margins: agreement exactly at chance.
    ['chance agreement', { both: 25, onlyA: 25, onlyB: 25, neither: 25 }, 0, 0.5, 0.5],
    ['perfect agreement', { both: 7, onlyA: 0, onlyB: 0, neither: 13 }, 1, 1, (7 * 7 + 13 * 13) / 400],
    ['complete, systematic disagreement', { both: 0, onlyA: 10, onlyB: 10, neither: 0 }, -1, 0, 0.5],
  ])('%s', (_name, table, kappa, observed, expected) => {
    const result = kappaFromTable(table);
    expect(result.computable).toBe(true);
    expect(kappaOf(result)).toBeCloseTo(kappa, 12);
    expect(result.observed).toBeCloseTo(observed, 12);
    expect(result.expected).toBeCloseTo(expected, 12);
    expect(result.items).toBe(table.both + table.onlyA + table.onlyB + table.neither);
  });

  it('rounds the textbook tables to the published figures', () => {
    expect(kappaOf(kappaFromTable({ both: 45, onlyA: 15, onlyB: 25, neither: 15 })).toFixed(4)).toBe('0.1304');
    expect(kappaOf(kappaFromTable({ both: 25, onlyA: 35, onlyB: 5, neither: 35 })).toFixed(4)).toBe('0.2593');
  });

  it('gives the same answer from decisions as from the table they make', () => {
    const table = { both: 20, onlyA: 5, onlyB: 10, neither: 15 };
    const [a, b] = decisions(table);
    expect(agreementTable(a, b)).toEqual(table);
    expect(cohensKappa(a, b)).toEqual(kappaFromTable(table));
  });

  it('is below zero when the coders disagree more often than chance would make them', () => {
    const kappa = kappaOf(kappaFromTable({ both: 2, onlyA: 8, onlyB: 7, neither: 3 }));
    expect(kappa).toBeLessThan(0);
    expect(kappa).toBeGreaterThanOrEqual(-1);
  });

  it('is close to zero for two coders who decide independently at random', () => {
    // A fixed linear congruential generator: the same "random" coders in every run.
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const a = Array.from({ length: 20_000 }, () => next() < 0.3);
    const b = Array.from({ length: 20_000 }, () => next() < 0.4);
    expect(Math.abs(kappaOf(cohensKappa(a, b)))).toBeLessThan(0.03);
  });
});

describe('when kappa cannot be computed', () => {
  it('reports "both never used the theme", not NaN', () => {
    const result = cohensKappa([false, false, false], [false, false, false]);
    expect(result).toEqual({ computable: false, reason: 'bothNever', observed: 1, expected: 1, items: 3, table: { both: 0, onlyA: 0, onlyB: 0, neither: 3 } });
    expect(JSON.stringify(result)).not.toContain('NaN');
  });

  it('reports "both always used the theme"', () => {
    const result = cohensKappa([true, true], [true, true]);
    expect(result.computable).toBe(false);
    expect(!result.computable && result.reason).toBe('bothAlways');
  });

  it('reports "no stories" for an empty sample', () => {
    expect(cohensKappa([], [])).toEqual({ computable: false, reason: 'noItems', observed: null, expected: null, items: 0, table: { both: 0, onlyA: 0, onlyB: 0, neither: 0 } });
  });

  it('still computes kappa when only one coder is constant (it is then 0, or below)', () => {
    expect(kappaOf(cohensKappa([true, true, true, true], [true, false, true, false]))).toBe(0);
    expect(kappaOf(cohensKappa([true, true, true], [false, false, false]))).toBe(0);
  });

  it('refuses decisions of different lengths and tables that are not counts', () => {
    expect(() => cohensKappa([true], [true, false])).toThrow(AgreementInputError);
    expect(() => kappaFromTable({ both: -1, onlyA: 0, onlyB: 0, neither: 2 })).toThrow(AgreementInputError);
    expect(() => kappaFromTable({ both: 1.5, onlyA: 0, onlyB: 0, neither: 2 })).toThrow(AgreementInputError);
    expect(() => kappaFromTable({ both: Number.NaN, onlyA: 0, onlyB: 0, neither: 2 })).toThrow(AgreementInputError);
  });
});

describe('properties', () => {
  const coders = fc.integer({ min: 0, max: 60 }).chain((n) => fc.tuple(fc.array(fc.boolean(), { minLength: n, maxLength: n }), fc.array(fc.boolean(), { minLength: n, maxLength: n })));
  const tables = fc.record({ both: fc.nat(10_000), onlyA: fc.nat(10_000), onlyB: fc.nat(10_000), neither: fc.nat(10_000) });

  it('kappa is at most 1 and at least -1, and never NaN or infinite', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const result = kappaFromTable(table);
        if (!result.computable) return;
        expect(Number.isFinite(result.kappa)).toBe(true);
        expect(result.kappa).toBeLessThanOrEqual(1);
        expect(result.kappa).toBeGreaterThanOrEqual(-1);
        expect(result.expected).toBeLessThan(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('is symmetric in the two coders, exactly', () => {
    fc.assert(
      fc.property(coders, ([a, b]) => {
        const ab = cohensKappa(a, b);
        const ba = cohensKappa(b, a);
        expect(ba.computable).toBe(ab.computable);
        if (ab.computable && ba.computable) expect(ba.kappa).toBe(ab.kappa);
        expect(ba.table).toEqual({ both: ab.table.both, onlyA: ab.table.onlyB, onlyB: ab.table.onlyA, neither: ab.table.neither });
      }),
      { numRuns: 1000 },
    );
  });

  it('does not change when yes and no swap places for both coders', () => {
    fc.assert(
      fc.property(coders, ([a, b]) => {
        const flipped = cohensKappa(a.map((x) => !x), b.map((x) => !x));
        const original = cohensKappa(a, b);
        expect(flipped.computable).toBe(original.computable);
        if (flipped.computable && original.computable) expect(flipped.kappa).toBeCloseTo(original.kappa, 12);
      }),
    );
  });

  it('is 1 exactly when the coders agree on every item and the theme was used on some items but not all', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), (a) => {
        const result = cohensKappa(a, [...a]);
        const varies = a.includes(true) && a.includes(false);
        expect(result.computable).toBe(varies);
        if (result.computable) expect(result.kappa).toBe(1);
      }),
    );
  });

  it('is not computable only when there is nothing to compare or both coders answered every item alike', () => {
    fc.assert(
      fc.property(coders, ([a, b]) => {
        const result = cohensKappa(a, b);
        const constantAndEqual = a.length === 0 || (new Set([...a, ...b]).size === 1);
        expect(result.computable).toBe(!constantAndEqual);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('kappaBand (Landis & Koch)', () => {
  it.each([
    [-0.2, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.21, 'fair'],
    [0.5, 'moderate'],
    [0.61, 'substantial'],
    [0.81, 'almostPerfect'],
    [1, 'almostPerfect'],
  ] as const)('%d is %s', (kappa, band) => {
    expect(kappaBand(kappa)).toBe(band);
  });
});
