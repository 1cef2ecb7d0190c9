/**
 * An auditor for suppressed tables, written independently of the engine in analysis/src/summaries: it sees only
 * what a reader sees (shown values, which cells are hidden, and the relations that are known to hold) and asks
 * whether a hidden cell can be worked out exactly.
 */

export interface Relation {
  readonly total: string;
  readonly members: readonly string[];
}

/** Rank of an integer matrix, by fraction-free elimination in BigInt (exact). */
function rank(rows: bigint[][]): number {
  const matrix = rows.map((row) => [...row]);
  const columns = matrix[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < columns && r < matrix.length; c += 1) {
    const pivotIndex = matrix.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (pivotIndex < 0) continue;
    [matrix[r], matrix[pivotIndex]] = [matrix[pivotIndex]!, matrix[r]!];
    const pivot = matrix[r]!;
    for (let i = r + 1; i < matrix.length; i += 1) {
      const row = matrix[i]!;
      const factor = row[c]!;
      if (factor === 0n) continue;
      for (let j = 0; j < columns; j += 1) row[j] = row[j]! * pivot[c]! - pivot[j]! * factor;
    }
    r += 1;
  }
  return r;
}

/**
 * Hidden cells whose value follows from the relations: the unit vector of the cell lies in the row space of the
 * relations restricted to hidden cells (adding it as a row does not raise the rank).
 */
export function determinedHidden(relations: readonly Relation[], hidden: ReadonlySet<string>): Set<string> {
  const columns = [...hidden].sort();
  const index = new Map(columns.map((key, i) => [key, i]));
  const rows: bigint[][] = [];
  for (const relation of relations) {
    const row = new Array<bigint>(columns.length).fill(0n);
    let any = false;
    if (hidden.has(relation.total)) {
      row[index.get(relation.total)!] = -1n;
      any = true;
    }
    for (const member of relation.members) {
      if (!hidden.has(member)) continue;
      row[index.get(member)!] = 1n;
      any = true;
    }
    if (any) rows.push(row);
  }
  const base = rank(rows);
  const determined = new Set<string>();
  for (const [key, i] of index) {
    const unit = new Array<bigint>(columns.length).fill(0n);
    unit[i] = 1n;
    if (rank([...rows, unit]) === base) determined.add(key);
  }
  return determined;
}

export interface AuditFinding {
  readonly problem: string;
  readonly where: string;
}

/** Everything a reader could learn that they should not: small shown counts, lines with one hidden cell, derivable cells. */
export function auditTable(input: {
  readonly k: number;
  /** True values of every cell (the auditor knows them to tell a harmless derived zero from a leak). */
  readonly values: ReadonlyMap<string, number>;
  readonly hidden: ReadonlySet<string>;
  readonly relations: readonly Relation[];
}): AuditFinding[] {
  const { k, values, hidden, relations } = input;
  const findings: AuditFinding[] = [];
  for (const [key, value] of values) {
    if (!hidden.has(key) && value > 0 && value < k) findings.push({ problem: `shows ${value} < k`, where: key });
  }
  for (const relation of relations) {
    const hiddenMembers = relation.members.filter((member) => hidden.has(member));
    const hiddenCount = hiddenMembers.length + (hidden.has(relation.total) ? 1 : 0);
    if (hiddenCount === 1) findings.push({ problem: 'exactly one hidden cell in a line', where: relation.total });
    if (hiddenMembers.length > 0 && !hidden.has(relation.total)) {
      const sum = hiddenMembers.reduce((acc, member) => acc + values.get(member)!, 0);
      if (sum < k) findings.push({ problem: `hidden cells of a shown total add up to ${sum} < k`, where: relation.total });
      if (sum === hiddenMembers.length) findings.push({ problem: 'hidden cells must all be 1', where: relation.total });
    }
  }
  for (const key of determinedHidden(relations, hidden)) {
    if (values.get(key)! > 0) findings.push({ problem: 'hidden cell can be worked out', where: key });
  }
  return findings;
}

/**
 * Every number in a JSON value that is a count (not k, a rating label, a share, a mean or a filter value), with its
 * path. Used to assert that no count below k appears anywhere in a response.
 */
export function countsIn(value: unknown, path = ''): Array<{ path: string; value: number }> {
  const NOT_COUNTS = new Set(['k', 'rating', 'share', 'mean', 'wave']);
  if (typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => countsIn(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) => (NOT_COUNTS.has(key) || (path === '' && key === 'filter') ? [] : countsIn(child, `${path}.${key}`)));
  }
  return [];
}
