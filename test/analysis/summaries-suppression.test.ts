import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertSuppressionK,
  protectionIssues,
  suppressCells,
  SuppressionInputError,
  type SuppressionCell,
  type SuppressionLine,
  type SuppressionProblem,
} from '../../analysis/src/index.ts';
import { auditTable, determinedHidden } from './support/summariesAudit.ts';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** A 1-D distribution with a known total (cells a0…, total T). */
function oneWay(values: readonly number[], k: number): SuppressionProblem {
  const cells: SuppressionCell[] = values.map((value, i) => ({ key: `a${i}`, value }));
  cells.push({ key: 'T', value: sum(values) });
  return { k, cells, lines: [{ total: 'T', members: values.map((_, i) => `a${i}`) }] };
}

/** A 2-D table with row and column margins and a grand total. */
function twoWay(table: readonly (readonly number[])[], k: number): SuppressionProblem {
  const cells: SuppressionCell[] = [];
  const lines: SuppressionLine[] = [];
  const columns = table[0]?.length ?? 0;
  table.forEach((row, r) => {
    row.forEach((value, c) => cells.push({ key: `c${r}.${c}`, value }));
    cells.push({ key: `r${r}`, value: sum(row) });
    lines.push({ total: `r${r}`, members: row.map((_, c) => `c${r}.${c}`) });
  });
  for (let c = 0; c < columns; c += 1) {
    cells.push({ key: `k${c}`, value: sum(table.map((row) => row[c] ?? 0)) });
    lines.push({ total: `k${c}`, members: table.map((_, r) => `c${r}.${c}`) });
  }
  cells.push({ key: 'G', value: sum(table.map(sum)) });
  lines.push({ total: 'G', members: table.map((_, r) => `r${r}`) });
  lines.push({ total: 'G', members: Array.from({ length: columns }, (_, c) => `k${c}`) });
  return { k, cells, lines };
}

/** Nested lines as a rating summary has them: N = rated + unrated, rated = Σ ratings, N = Σ roles, N = Σ months. */
function nested(ratings: readonly number[], unrated: number, roleSplit: readonly number[], k: number): SuppressionProblem {
  const rated = sum(ratings);
  const n = rated + unrated;
  // Split the same N over three roles by proportions, so the lines stay consistent.
  const weights = roleSplit.map((w) => w + 1);
  const roles = weights.map((w) => Math.floor((n * w) / sum(weights)));
  roles[0] = (roles[0] ?? 0) + n - sum(roles);
  const cells: SuppressionCell[] = [
    { key: 'N', value: n },
    { key: 'rated', value: rated },
    { key: 'unrated', value: unrated },
    ...ratings.map((value, i) => ({ key: `rating${i + 1}`, value })),
    ...roles.map((value, i) => ({ key: `role${i}`, value })),
  ];
  return {
    k,
    cells,
    lines: [
      { total: 'N', members: ['rated', 'unrated'] },
      { total: 'rated', members: ratings.map((_, i) => `rating${i + 1}`) },
      { total: 'N', members: roles.map((_, i) => `role${i}`) },
    ],
  };
}

function audit(problem: SuppressionProblem, hidden: ReadonlySet<string>) {
  return auditTable({ k: problem.k, values: new Map(problem.cells.map((cell) => [cell.key, cell.value])), hidden, relations: problem.lines });
}

// Counts skewed towards small numbers, where suppression matters.
const count = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }) });
const kArb = fc.integer({ min: 3, max: 8 });

describe('suppressing a 1-D distribution with a known total', () => {
  it('follows the privacy reference: [3, 12] of 15 hides 3 and one more; [3, 4, 20] hides exactly 3 and 4', () => {
    const first = suppressCells(oneWay([3, 12], 5));
    expect(first.has('a0')).toBe(true);
    expect(first.has('a1') || first.has('T')).toBe(true);
    expect([...suppressCells(oneWay([3, 4, 20], 5))].sort()).toEqual(['a0', 'a1']);
  });

  it('hides a large cell too when the small ones together are fewer than k ([1, 1, 30])', () => {
    expect([...suppressCells(oneWay([1, 1, 30], 5))].sort()).toEqual(['a0', 'a1', 'a2']);
  });

  it('never leaves hidden cells that must all be 1 (five 1s and a 20 of 25: the 20 goes too)', () => {
    const hidden = suppressCells(oneWay([1, 1, 1, 1, 1, 20], 5));
    expect(hidden.has('a5')).toBe(true);
    expect(audit(oneWay([1, 1, 1, 1, 1, 20], 5), hidden)).toEqual([]);
  });

  it('shows zeros and counts of at least k, and hides nothing when nothing is small', () => {
    expect(suppressCells(oneWay([0, 5, 9, 0], 5)).size).toBe(0);
  });

  it('picks the smallest other cell as the complement, the same one every time', () => {
    const problem = oneWay([2, 30, 7, 7, 12], 5);
    expect([...suppressCells(problem)].sort()).toEqual(['a0', 'a2']);
    expect([...suppressCells(problem)].sort()).toEqual(['a0', 'a2']);
  });

  it('property: whatever the counts and k, nothing below k is shown and no hidden cell can be worked out', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), kArb, (values, k) => {
        const problem = oneWay(values, k);
        const hidden = suppressCells(problem);
        expect(audit(problem, hidden)).toEqual([]);
        expect(protectionIssues(problem, hidden)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('suppressing a 2-D table with margins', () => {
  it('hides a rectangle, not a lone cell: one small cell in a 3×3 table takes three more with it', () => {
    const problem = twoWay(
      [
        [2, 20, 30],
        [15, 25, 35],
        [40, 45, 50],
      ],
      5,
    );
    const hidden = suppressCells(problem);
    expect(hidden.has('c0.0')).toBe(true);
    expect([...hidden].filter((key) => key.startsWith('c')).length).toBeGreaterThanOrEqual(4);
    expect(audit(problem, hidden)).toEqual([]);
  });

  it('sees through a pattern where every row and column hides two or more, yet one cell follows from the margins', () => {
    // Two 2×2 blocks of small cells joined by one small cell (1,2): rows 0+1 minus columns 0+1 give it exactly.
    const S = 3;
    const problem = twoWay(
      [
        [S, S, 20, 20],
        [S, S, S, 20],
        [20, 20, S, S],
        [20, 20, S, S],
      ],
      5,
    );
    const smallOnly = new Set(problem.cells.filter((cell) => cell.value === S).map((cell) => cell.key));
    expect(determinedHidden(problem.lines, smallOnly)).toContain('c1.2');
    const hidden = suppressCells(problem);
    expect(hidden.size).toBeGreaterThan(smallOnly.size);
    expect(audit(problem, hidden)).toEqual([]);
  });

  it('property: whatever the table, every row and column hides none or at least two, and no hidden cell follows from the margins', () => {
    const table = fc.integer({ min: 1, max: 5 }).chain((columns) => fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 5 }));
    fc.assert(
      fc.property(table, kArb, (rows, k) => {
        const problem = twoWay(rows, k);
        const hidden = suppressCells(problem);
        expect(audit(problem, hidden)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('suppressing nested lines (a rating distribution inside a total with a role breakdown)', () => {
  it('property: nothing below k shown, nothing derivable across the nested lines', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 5, maxLength: 5 }), count, fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }), kArb, (ratings, unrated, roles, k) => {
        const problem = nested(ratings, unrated, roles, k);
        const hidden = suppressCells(problem);
        expect(audit(problem, hidden)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('hides a cell’s dependants with it', () => {
    const problem: SuppressionProblem = {
      k: 5,
      cells: [
        { key: 'theme', value: 3 },
        { key: 'jan', value: 3 },
        { key: 'feb', value: 0 },
      ],
      lines: [{ total: 'theme', members: ['jan', 'feb'] }],
      dependants: new Map([['theme', ['jan', 'feb']]]),
    };
    expect([...suppressCells(problem)].sort()).toEqual(['feb', 'jan', 'theme']);
  });

  it('keeps cells that are equal by construction together (a one-member line)', () => {
    const problem: SuppressionProblem = {
      k: 5,
      cells: [
        { key: 'N', value: 9 },
        { key: 'a', value: 1 },
        { key: 'b', value: 8 },
        { key: 'twinOfB', value: 8 },
      ],
      lines: [
        { total: 'N', members: ['a', 'b'] },
        { total: 'twinOfB', members: ['b'] },
      ],
    };
    const hidden = suppressCells(problem);
    expect(hidden.has('twinOfB')).toBe(true);
    expect(audit(problem, hidden)).toEqual([]);
  });
});

describe('the independent auditor', () => {
  it('catches what a careless suppression would leak (so the properties above can fail)', () => {
    const problem = oneWay([3, 12], 5);
    expect(audit(problem, new Set(['a0'])).map((finding) => finding.problem)).toContain('exactly one hidden cell in a line');
    expect(audit(problem, new Set()).map((finding) => finding.problem)).toContain('shows 3 < k');
    const table = twoWay(
      [
        [2, 20],
        [15, 25],
      ],
      5,
    );
    // Hiding a whole row pair but not its margins lets a reader solve it.
    expect(determinedHidden(table.lines, new Set(['c0.0', 'c0.1', 'c1.0'])).size).toBeGreaterThan(0);
  });
});

describe('k', () => {
  it('is never below 3', () => {
    expect(() => assertSuppressionK(2)).toThrow(SuppressionInputError);
    expect(() => assertSuppressionK(3.5)).toThrow(SuppressionInputError);
    expect(() => suppressCells({ k: 1, cells: [], lines: [] })).toThrow(SuppressionInputError);
    expect(() => assertSuppressionK(3)).not.toThrow();
  });

  it('rejects tables that are not counts', () => {
    expect(() => suppressCells({ k: 5, cells: [{ key: 'a', value: -1 }], lines: [] })).toThrow(SuppressionInputError);
    expect(() => suppressCells({ k: 5, cells: [{ key: 'a', value: 1 }], lines: [{ total: 'a', members: ['x'] }] })).toThrow(SuppressionInputError);
  });
});
