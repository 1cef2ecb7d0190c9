import { expect } from 'vitest';

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

type Shown = number | { readonly suppressed: true };
interface BreakdownLike {
  readonly trend: ReadonlyArray<{ readonly count: Shown }>;
  readonly ratings: {
    readonly distribution: ReadonlyArray<{ readonly count: Shown }>;
    readonly rated: Shown;
    readonly unrated: Shown;
    readonly mean: number | { readonly suppressed: true } | null;
  };
  readonly byRole: ReadonlyArray<{ readonly count: Shown }>;
  readonly byCareSetting: ReadonlyArray<{ readonly count: Shown }>;
}
/** The shape both the pure tables and the API answer have. */
export interface TablesLike {
  readonly total: Shown;
  readonly months: readonly string[];
  readonly overall?: BreakdownLike | undefined;
  readonly themes: ReadonlyArray<{
    readonly themeId: string;
    readonly count: Shown;
    readonly share: number | { readonly suppressed: true } | null;
    readonly detail?: (BreakdownLike & { readonly coOccurring: ReadonlyArray<{ readonly themeId: string; readonly count: Shown }> }) | undefined;
  }>;
}
export interface StoryLike {
  readonly themes: readonly string[];
  readonly month: string;
  readonly rating?: number | undefined;
  readonly role: string;
  readonly careSettings: readonly string[];
}
export interface FilterLike {
  readonly theme?: string | undefined;
  readonly careSetting?: string | undefined;
  readonly role?: string | undefined;
}

/**
 * Every cell a reader sees (shown or hidden), its true value by brute force over `stories` (the stories that match
 * the filter), and the relations a reader knows hold. Asserts on the way that every shown number is the true one,
 * that shares and means are shown only from shown counts, and that hidden themes show no detail.
 */
export function readerView(
  tables: TablesLike,
  stories: readonly StoryLike[],
  filter: FilterLike,
  axes: { readonly roles: readonly string[]; readonly careSettings: readonly string[]; readonly themes: readonly string[] },
) {
  const values = new Map<string, number>();
  const hidden = new Set<string>();
  const relations: Relation[] = [];
  const cell = (key: string, count: Shown | undefined, truth: number): string => {
    values.set(key, truth);
    if (count === undefined || typeof count !== 'number') hidden.add(key);
    else expect(count, key).toBe(truth);
    return key;
  };
  const tally = (prefix: string, group: readonly StoryLike[], detail: BreakdownLike | undefined, total: string) => {
    const months = tables.months.map((month, i) => cell(`${prefix}.trend.${month}`, detail?.trend[i]?.count, group.filter((s) => s.month === month).length));
    relations.push({ total, members: months });
    const rated = cell(`${prefix}.rated`, detail?.ratings.rated, group.filter((s) => s.rating !== undefined).length);
    const unrated = cell(`${prefix}.unrated`, detail?.ratings.unrated, group.filter((s) => s.rating === undefined).length);
    relations.push({ total, members: [rated, unrated] });
    const ratings = [1, 2, 3, 4, 5].map((r, i) => cell(`${prefix}.rating.${r}`, detail?.ratings.distribution[i]?.count, group.filter((s) => s.rating === r).length));
    relations.push({ total: rated, members: ratings });
    const roles = axes.roles.map((role, i) => cell(`${prefix}.role.${role}`, detail?.byRole[i]?.count, group.filter((s) => s.role === role).length));
    relations.push({ total, members: roles });
    axes.careSettings.forEach((setting, i) => cell(`${prefix}.care.${setting}`, detail?.byCareSetting[i]?.count, group.filter((s) => s.careSettings.includes(setting)).length));
    if (detail !== undefined) {
      const ratedStories = group.filter((s) => s.rating !== undefined);
      const mean = detail.ratings.mean;
      if (typeof mean === 'number') {
        expect(detail.ratings.distribution.every((entry) => typeof entry.count === 'number'), `${prefix} mean with a hidden rating cell`).toBe(true);
        expect(mean).toBeCloseTo(ratedStories.reduce((acc, s) => acc + (s.rating ?? 0), 0) / ratedStories.length, 10);
      }
      if (mean === null) expect(ratedStories.length).toBe(0);
    }
  };
  cell('total', tables.total, stories.length);
  tally('overall', stories, tables.overall, 'total');
  const listed = new Set(tables.themes.map((theme) => theme.themeId));
  for (const themeId of axes.themes) {
    const group = stories.filter((s) => s.themes.includes(themeId));
    if (!listed.has(themeId)) {
      // A theme missing from the list has no stories here (unless the whole total is hidden).
      if (typeof tables.total === 'number') expect(group.length, `unlisted ${themeId}`).toBe(0);
      continue;
    }
    const theme = tables.themes.find((item) => item.themeId === themeId)!;
    cell(`theme.${themeId}`, theme.count, group.length);
    if (typeof theme.share === 'number') {
      expect(typeof theme.count === 'number' && typeof tables.total === 'number').toBe(true);
      expect(theme.share).toBeCloseTo(group.length / stories.length, 10);
    }
    expect(theme.detail === undefined, `${themeId} detail only with a shown count`).toBe(typeof theme.count !== 'number');
    tally(`theme.${themeId}`, group, theme.detail, `theme.${themeId}`);
    for (const other of axes.themes) {
      if (other <= themeId) continue;
      const both = group.filter((s) => s.themes.includes(other)).length;
      const pair = `pair.${themeId}.${other}`;
      const seen = [theme, tables.themes.find((item) => item.themeId === other)].flatMap((row) => {
        if (row?.detail === undefined) return [];
        const entry = row.detail.coOccurring.find((item) => item.themeId === (row.themeId === themeId ? other : themeId));
        return [entry?.count ?? 0];
      });
      // Both rows show the pair the same way: shown, hidden or absent (= 0).
      expect(new Set(seen.map((count) => JSON.stringify(count))).size, pair).toBeLessThanOrEqual(1);
      cell(pair, seen.length === 0 ? undefined : seen[0], both);
    }
  }
  const same = (a: string, b: string) => relations.push({ total: a, members: [b] });
  if (filter.theme !== undefined && listed.has(filter.theme)) {
    same('total', `theme.${filter.theme}`);
    for (const key of [...values.keys()].filter((key) => key.startsWith('overall.'))) same(key, key.replace('overall.', `theme.${filter.theme}.`));
    for (const other of listed) if (other !== filter.theme) same(`theme.${other}`, other < filter.theme ? `pair.${other}.${filter.theme}` : `pair.${filter.theme}.${other}`);
  }
  for (const [axis, value] of [['care', filter.careSetting], ['role', filter.role]] as const) {
    if (value === undefined) continue;
    same('total', `overall.${axis}.${value}`);
    for (const themeId of listed) same(`theme.${themeId}`, `theme.${themeId}.${axis}.${value}`);
  }
  return { values, hidden, relations };
}
