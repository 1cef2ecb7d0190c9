/**
 * Small-number suppression for tables of counts.
 *
 * A table is a set of cells (non-negative integer counts, each with a stable key) and a set of lines: exact linear
 * relations `total = member₁ + member₂ + …` that a reader knows hold (a row and its margin, a distribution and its
 * total, or two cells that are equal by construction: a line with one member).
 *
 * Rules (see README, "Summaries and small numbers"):
 * - Primary: a cell with 1 ≤ value < k is hidden. Zero is shown: "nobody" identifies nobody, and showing it keeps
 *   the table useful. Because zeros are shown, a reader knows every hidden cell is ≥ 1, which the line rule uses.
 * - Complementary: in every line, the hidden cells (members and total) are none or at least two; when the total is
 *   shown, the hidden members together hold at least k stories (a union of small groups is itself a group) and
 *   not exactly one story each (otherwise, knowing hidden cells are ≥ 1, each would be 1). The cells chosen are the
 *   smallest non-zero shown members first, then zero members, then the total: the cheapest information to give up.
 * - Finally no hidden cell may follow from all the lines together (exact linear algebra over the hidden cells);
 *   where one does, another cell of one of its lines is hidden and the rules run again.
 * - Dependants: hiding a cell hides its dependants (a theme's breakdowns go with the theme's count).
 */

export const SUPPRESSION_K_MIN = 3;
export const SUPPRESSION_K_DEFAULT = 5;

export interface SuppressionCell {
  readonly key: string;
  /** A count: an integer ≥ 0. */
  readonly value: number;
}

export interface SuppressionLine {
  readonly total: string;
  readonly members: readonly string[];
}

export interface SuppressionProblem {
  readonly k: number;
  readonly cells: readonly SuppressionCell[];
  readonly lines: readonly SuppressionLine[];
  /** When a key is hidden, these are hidden too. */
  readonly dependants?: ReadonlyMap<string, readonly string[]>;
}

export type ProtectionIssue =
  | { readonly kind: 'small_cell_shown'; readonly key: string }
  | { readonly kind: 'single_hidden_in_line'; readonly line: number }
  | { readonly kind: 'hidden_sum_too_small'; readonly line: number }
  | { readonly kind: 'hidden_cells_all_one'; readonly line: number }
  | { readonly kind: 'derivable'; readonly key: string };

export class SuppressionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressionInputError';
  }
}

/** k must be a whole number of at least SUPPRESSION_K_MIN; anything lower would publish groups small enough to point at a person. */
export function assertSuppressionK(k: number): void {
  if (!Number.isInteger(k) || k < SUPPRESSION_K_MIN) throw new SuppressionInputError(`k must be an integer ≥ ${SUPPRESSION_K_MIN}, got ${k}`);
}

/** A count that must not be shown on its own: more than nobody, fewer than k. */
export function isSmallCount(value: number, k: number): boolean {
  return value >= 1 && value < k;
}

function valuesOf(problem: SuppressionProblem): Map<string, number> {
  assertSuppressionK(problem.k);
  const values = new Map<string, number>();
  for (const cell of problem.cells) {
    if (!Number.isInteger(cell.value) || cell.value < 0) throw new SuppressionInputError(`cell ${cell.key} is not a count: ${cell.value}`);
    if (values.has(cell.key)) throw new SuppressionInputError(`cell ${cell.key} appears twice`);
    values.set(cell.key, cell.value);
  }
  for (const line of problem.lines) {
    for (const key of [line.total, ...line.members]) {
      if (!values.has(key)) throw new SuppressionInputError(`line refers to unknown cell ${key}`);
    }
    if (line.members.includes(line.total) || new Set(line.members).size !== line.members.length) {
      throw new SuppressionInputError(`line ${line.total} repeats a cell`);
    }
  }
  return values;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface LineState {
  readonly hiddenCount: number;
  readonly hiddenMembers: number;
  readonly hiddenSum: number;
  readonly totalHidden: boolean;
}

function lineState(line: SuppressionLine, values: ReadonlyMap<string, number>, hidden: ReadonlySet<string>): LineState {
  let hiddenMembers = 0;
  let hiddenSum = 0;
  for (const member of line.members) {
    if (!hidden.has(member)) continue;
    hiddenMembers += 1;
    hiddenSum += values.get(member) ?? 0;
  }
  const totalHidden = hidden.has(line.total);
  return { hiddenCount: hiddenMembers + (totalHidden ? 1 : 0), hiddenMembers, hiddenSum, totalHidden };
}

function lineIssue(state: LineState, k: number): 'single_hidden_in_line' | 'hidden_sum_too_small' | 'hidden_cells_all_one' | undefined {
  if (state.hiddenCount === 0) return undefined;
  if (state.hiddenCount === 1) return 'single_hidden_in_line';
  if (!state.totalHidden) {
    if (state.hiddenSum < k) return 'hidden_sum_too_small';
    if (state.hiddenSum === state.hiddenMembers) return 'hidden_cells_all_one';
  }
  return undefined;
}

/** The next cell to hide in a line: the smallest non-zero shown member, else a zero member, else the total. */
function complementFor(line: SuppressionLine, values: ReadonlyMap<string, number>, hidden: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestValue = Infinity;
  let zero: string | undefined;
  for (const member of line.members) {
    if (hidden.has(member)) continue;
    const value = values.get(member) ?? 0;
    if (value === 0) {
      if (zero === undefined || byKey(member, zero) < 0) zero = member;
      continue;
    }
    if (value < bestValue || (value === bestValue && best !== undefined && byKey(member, best) < 0)) {
      best = member;
      bestValue = value;
    }
  }
  if (best !== undefined) return best;
  if (zero !== undefined) return zero;
  return hidden.has(line.total) ? undefined : line.total;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * Hidden cells whose value follows exactly from the lines: e_i lies in the row space of the lines restricted to
 * the hidden cells. Solved per connected group of hidden cells, with integer (fraction-free) elimination.
 */
export function derivableCells(lines: readonly SuppressionLine[], hidden: ReadonlySet<string>): Set<string> {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    for (;;) {
      const up = parent.get(root);
      if (up === undefined || up === root) return root;
      root = up;
    }
  };
  const rows: Array<Map<string, number>> = [];
  for (const line of lines) {
    const row = new Map<string, number>();
    if (hidden.has(line.total)) row.set(line.total, -1);
    for (const member of line.members) if (hidden.has(member)) row.set(member, 1);
    if (row.size === 0) continue;
    rows.push(row);
    const keys = [...row.keys()];
    for (const key of keys) if (!parent.has(key)) parent.set(key, key);
    const first = find(keys[0] ?? '');
    for (const key of keys.slice(1)) parent.set(find(key), first);
  }
  const groups = new Map<string, Array<Map<string, number>>>();
  for (const row of rows) {
    const root = find(row.keys().next().value ?? '');
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [row]);
    else group.push(row);
  }
  const derivable = new Set<string>();
  for (const group of groups.values()) {
    const columns = [...new Set(group.flatMap((row) => [...row.keys()]))].sort(byKey);
    const index = new Map(columns.map((key, i) => [key, i]));
    const matrix = group.map((row) => {
      const dense = new Array<number>(columns.length).fill(0);
      for (const [key, coefficient] of row) dense[index.get(key) ?? 0] = coefficient;
      return dense;
    });
    let pivotRow = 0;
    for (let column = 0; column < columns.length && pivotRow < matrix.length; column += 1) {
      const found = matrix.findIndex((row, r) => r >= pivotRow && (row[column] ?? 0) !== 0);
      if (found < 0) continue;
      const pivot = matrix[found] ?? [];
      matrix[found] = matrix[pivotRow] ?? [];
      matrix[pivotRow] = pivot;
      const p = pivot[column] ?? 0;
      for (let r = 0; r < matrix.length; r += 1) {
        const row = matrix[r] ?? [];
        const factor = row[column] ?? 0;
        if (r === pivotRow || factor === 0) continue;
        let divisor = 0;
        for (let c = 0; c < row.length; c += 1) {
          row[c] = (row[c] ?? 0) * p - (pivot[c] ?? 0) * factor;
          divisor = gcd(divisor, row[c] ?? 0);
        }
        if (divisor > 1) for (let c = 0; c < row.length; c += 1) row[c] = (row[c] ?? 0) / divisor;
      }
      pivotRow += 1;
    }
    for (const row of matrix) {
      const nonZero = row.flatMap((value, c) => (value === 0 ? [] : [c]));
      if (nonZero.length === 1) derivable.add(columns[nonZero[0] ?? 0] ?? '');
    }
  }
  return derivable;
}

/** Everything wrong with a choice of hidden cells; empty when the table is safe to show. */
export function protectionIssues(problem: SuppressionProblem, hidden: ReadonlySet<string>): ProtectionIssue[] {
  const values = valuesOf(problem);
  const issues: ProtectionIssue[] = [];
  for (const [key, value] of values) if (isSmallCount(value, problem.k) && !hidden.has(key)) issues.push({ kind: 'small_cell_shown', key });
  problem.lines.forEach((line, index) => {
    const kind = lineIssue(lineState(line, values, hidden), problem.k);
    if (kind !== undefined) issues.push({ kind, line: index });
  });
  for (const key of [...derivableCells(problem.lines, hidden)].sort(byKey)) {
    // A hidden zero that follows from the structure tells nothing about anyone.
    if ((values.get(key) ?? 0) > 0) issues.push({ kind: 'derivable', key });
  }
  return issues;
}

/** The cells to hide so that no small count is shown or can be worked out from what is shown. Deterministic. */
export function suppressCells(problem: SuppressionProblem): Set<string> {
  const values = valuesOf(problem);
  const hidden = new Set<string>();
  const hide = (key: string): void => {
    const stack = [key];
    while (stack.length > 0) {
      const next = stack.pop();
      if (next === undefined || hidden.has(next)) continue;
      hidden.add(next);
      stack.push(...(problem.dependants?.get(next) ?? []));
    }
  };
  for (const [key, value] of values) if (isSmallCount(value, problem.k)) hide(key);

  const linesOf = new Map<string, number[]>();
  problem.lines.forEach((line, index) => {
    for (const key of [line.total, ...line.members]) {
      const list = linesOf.get(key);
      if (list === undefined) linesOf.set(key, [index]);
      else list.push(index);
    }
  });

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of problem.lines) {
        while (lineIssue(lineState(line, values, hidden), problem.k) !== undefined) {
          const complement = complementFor(line, values, hidden);
          if (complement === undefined) break;
          hide(complement);
          changed = true;
        }
      }
    }
    const derivable = [...derivableCells(problem.lines, hidden)].filter((key) => (values.get(key) ?? 0) > 0).sort(byKey);
    const first = derivable[0];
    if (first === undefined) return hidden;
    // One of its own lines if any has a cell left to hide; else any line that already hides something.
    const own = (linesOf.get(first) ?? []).map((index) => problem.lines[index]);
    const touching = problem.lines.filter((line) => lineState(line, values, hidden).hiddenCount > 0);
    const complement = [...own, ...touching].map((line) => (line === undefined ? undefined : complementFor(line, values, hidden))).find((key) => key !== undefined);
    if (complement === undefined) return hidden;
    hide(complement);
  }
}
