import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgreementInputError, cohensKappa, compareCoders, type CodedItem } from '../../analysis/src/index.ts';

const SCOPE = ['waiting', 'staff', 'food'];

describe('compareCoders', () => {
  const items: CodedItem[] = [
    { id: 's1', a: ['waiting'], b: ['waiting'] },
    { id: 's2', a: ['waiting', 'staff'], b: ['staff'] },
    { id: 's3', a: [], b: ['staff'] },
    { id: 's4', a: ['staff'], b: ['staff', 'outside-scope'] },
  ];

  it('gives kappa per theme in the order of the scope, from the same decisions cohensKappa sees', () => {
    const report = compareCoders(SCOPE, items);
    expect(report.items).toBe(4);
    expect(report.themes.map(({ themeId }) => themeId)).toEqual(SCOPE);
    const waiting = report.themes[0]!.result;
    expect(waiting).toEqual(cohensKappa([true, true, false, false], [true, false, false, false]));
    expect(waiting.computable && waiting.kappa).toBeCloseTo(0.5, 12);
    expect(report.themes[1]!.result).toEqual(cohensKappa([false, true, false, true], [false, true, true, true]));
    expect(report.themes[2]!.result).toMatchObject({ computable: false, reason: 'bothNever' });
  });

  it('lists the stories they disagree on with both coders’ choices, and ignores themes outside the scope', () => {
    const report = compareCoders(SCOPE, items);
    expect(report.disagreements).toEqual([
      { id: 's2', both: ['staff'], onlyA: ['waiting'], onlyB: [] },
      { id: 's3', both: [], onlyA: [], onlyB: ['staff'] },
    ]);
    expect(report.overall.exactMatch).toBe(0.5);
  });

  it('averages only the kappas that can be computed, and pools every decision into one table', () => {
    const report = compareCoders(SCOPE, items);
    const kappas = report.themes.flatMap(({ result }) => (result.computable ? [result.kappa] : []));
    expect(report.overall.computableThemes).toBe(2);
    expect(report.overall.meanKappa).toBeCloseTo((kappas[0]! + kappas[1]!) / 2, 12);
    expect(report.overall.pooled.table).toEqual({ both: 3, onlyA: 1, onlyB: 1, neither: 7 });
  });

  it('has no mean kappa (null, not NaN) when no theme has a computable kappa', () => {
    const report = compareCoders(SCOPE, [{ id: 's1', a: [], b: [] }]);
    expect(report.overall.meanKappa).toBeNull();
    expect(report.overall.computableThemes).toBe(0);
    expect(JSON.stringify(report)).not.toContain('NaN');
    expect(compareCoders(SCOPE, []).overall).toMatchObject({ meanKappa: null, exactMatch: null, pooled: { computable: false, reason: 'noItems' } });
  });

  it('refuses a story listed twice', () => {
    expect(() => compareCoders(SCOPE, [{ id: 's1', a: [], b: [] }, { id: 's1', a: [], b: [] }])).toThrow(AgreementInputError);
  });

  it('properties: symmetric in the coders, counts add up, the mean lies between the themes’ kappas', () => {
    const scope = ['t1', 't2', 't3', 't4'];
    const choice = fc.subarray(scope);
    const codings = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), a: choice, b: choice }), { selector: (item) => item.id, maxLength: 40 });
    fc.assert(
      fc.property(codings, (coded) => {
        const report = compareCoders(scope, coded);
        const swapped = compareCoders(scope, coded.map(({ id, a, b }) => ({ id, a: b, b: a })));
        expect(swapped.themes.map(({ result }) => (result.computable ? result.kappa : result.reason))).toEqual(
          report.themes.map(({ result }) => (result.computable ? result.kappa : result.reason)),
        );
        expect(swapped.overall.meanKappa).toBe(report.overall.meanKappa);
        expect(swapped.disagreements.map(({ id }) => id)).toEqual(report.disagreements.map(({ id }) => id));
        const pooled = report.overall.pooled.table;
        expect(pooled.both + pooled.onlyA + pooled.onlyB + pooled.neither).toBe(coded.length * scope.length);
        expect(report.disagreements.length).toBe(coded.filter(({ a, b }) => a.length !== b.length || a.some((theme) => !b.includes(theme))).length);
        const kappas = report.themes.flatMap(({ result }) => (result.computable ? [result.kappa] : []));
        if (report.overall.meanKappa !== null) {
          expect(report.overall.meanKappa).toBeGreaterThanOrEqual(Math.min(...kappas) - 1e-12);
          expect(report.overall.meanKappa).toBeLessThanOrEqual(Math.max(...kappas) + 1e-12);
          expect(report.overall.meanKappa).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
