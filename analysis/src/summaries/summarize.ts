import { assertSuppressionK, suppressCells, type SuppressionCell, type SuppressionLine } from './suppression.ts';

/**
 * Stories that share every attribute a summary looks at, and how many they are: what one `$group` over the stored,
 * write-time-derived fields returns. Every number in a summary is computed exactly from these.
 */
export interface StoryGroup {
  /** Distinct theme ids of the stories' tags. */
  readonly themes: readonly string[];
  /** "YYYY-MM". */
  readonly month: string;
  /** 1–5; absent when the respondent gave none. */
  readonly rating?: number | undefined;
  readonly role: string;
  /** Several may be chosen, so these are not additive. */
  readonly careSettings: readonly string[];
  readonly count: number;
}

export interface SummaryOptions {
  readonly k: number;
  /** Every respondent role, in display order (a story has exactly one). */
  readonly roles: readonly string[];
  /** Every care setting, in display order (a story has one or more). */
  readonly careSettings: readonly string[];
  /**
   * The filter's theme, care setting and role: they make cells equal by construction (with a theme filter the
   * overall numbers are that theme's numbers), and suppression must hide such cells together.
   */
  readonly filter?: { readonly theme?: string | undefined; readonly careSetting?: string | undefined; readonly role?: string | undefined };
}

export interface Suppressed {
  readonly suppressed: true;
}
/** A count that is shown (0, or at least k) or hidden. */
export type Count = number | Suppressed;
/** A share or mean: shown only when every count it comes from is shown; null when there is nothing to divide. */
export type Ratio = number | Suppressed | null;

export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true });
export const RATINGS = [1, 2, 3, 4, 5] as const;

export interface Breakdown {
  readonly trend: ReadonlyArray<{ readonly month: string; readonly count: Count }>;
  readonly ratings: {
    readonly distribution: ReadonlyArray<{ readonly rating: number; readonly count: Count }>;
    readonly rated: Count;
    readonly unrated: Count;
    /** Sum of ratings ÷ number rated. */
    readonly mean: Ratio;
  };
  readonly byRole: ReadonlyArray<{ readonly role: string; readonly count: Count }>;
  readonly byCareSetting: ReadonlyArray<{ readonly careSetting: string; readonly count: Count }>;
}

export interface ThemeDetail extends Breakdown {
  /** Other themes on the same stories (only those that occur), largest shown first. */
  readonly coOccurring: ReadonlyArray<{ readonly themeId: string; readonly count: Count }>;
}

export interface ThemeSummary {
  readonly themeId: string;
  readonly count: Count;
  /** count ÷ total. */
  readonly share: Ratio;
  /** Present only when the theme's count is shown. */
  readonly detail?: ThemeDetail;
}

export interface SummaryTables {
  readonly k: number;
  readonly total: Count;
  /** The months of every trend: from the first to the last month with a story, gaps filled. */
  readonly months: readonly string[];
  /** Present only when the total is shown. */
  readonly overall?: Breakdown;
  /** Themes with at least one story; shown counts largest first, then hidden ones by id. Empty when the total is hidden. */
  readonly themes: readonly ThemeSummary[];
}

interface Tally {
  count: number;
  trend: Map<string, number>;
  ratings: Map<number, number>;
  ratingSum: number;
  roles: Map<string, number>;
  care: Map<string, number>;
}

const newTally = (): Tally => ({ count: 0, trend: new Map(), ratings: new Map(), ratingSum: 0, roles: new Map(), care: new Map() });
const bump = <K>(map: Map<K, number>, key: K, by: number): void => {
  map.set(key, (map.get(key) ?? 0) + by);
};

function addTo(tally: Tally, group: StoryGroup): void {
  tally.count += group.count;
  bump(tally.trend, group.month, group.count);
  if (group.rating !== undefined && RATINGS.some((rating) => rating === group.rating)) {
    bump(tally.ratings, group.rating, group.count);
    tally.ratingSum += group.rating * group.count;
  }
  bump(tally.roles, group.role, group.count);
  for (const setting of new Set(group.careSettings)) bump(tally.care, setting, group.count);
}

/** Every month from the first to the last, "YYYY-MM". */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
  while (year * 12 + month <= end) {
    months.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

const SEP = '\u001f';
const key = (...parts: ReadonlyArray<string | number>): string => parts.join(SEP);
const pairKey = (a: string, b: string): string => (a < b ? key('pair', a, b) : key('pair', b, a));

/** The cells and lines of one breakdown (overall, or one theme's), under `prefix`, whose total is `totalKey`. */
function breakdownCells(
  prefix: string,
  totalKey: string,
  tally: Tally,
  axes: { months: readonly string[]; roles: readonly string[]; careSettings: readonly string[] },
  cells: SuppressionCell[],
  lines: SuppressionLine[],
): string[] {
  const own: string[] = [];
  const cell = (cellKey: string, value: number): string => {
    cells.push({ key: cellKey, value });
    own.push(cellKey);
    return cellKey;
  };
  lines.push({ total: totalKey, members: axes.months.map((month) => cell(key(prefix, 'trend', month), tally.trend.get(month) ?? 0)) });
  let rated = 0;
  for (const rating of RATINGS) rated += tally.ratings.get(rating) ?? 0;
  const ratedKey = cell(key(prefix, 'rated'), rated);
  const unratedKey = cell(key(prefix, 'unrated'), tally.count - rated);
  lines.push({ total: totalKey, members: [ratedKey, unratedKey] });
  lines.push({ total: ratedKey, members: RATINGS.map((rating) => cell(key(prefix, 'rating', rating), tally.ratings.get(rating) ?? 0)) });
  lines.push({ total: totalKey, members: axes.roles.map((role) => cell(key(prefix, 'role', role), tally.roles.get(role) ?? 0)) });
  // Care settings are multi-choice: their counts do not add up to the total, so they form no line.
  for (const setting of axes.careSettings) cell(key(prefix, 'care', setting), tally.care.get(setting) ?? 0);
  return own;
}

function present(prefix: string, tally: Tally, axes: { months: readonly string[]; roles: readonly string[]; careSettings: readonly string[] }, shown: (cellKey: string) => Count): Breakdown {
  const distribution = RATINGS.map((rating) => ({ rating, count: shown(key(prefix, 'rating', rating)) }));
  const rated = shown(key(prefix, 'rated'));
  // A mean with any rating cell hidden would, with the total, let someone solve for the hidden cells.
  let mean: Ratio = SUPPRESSED;
  if (rated === 0) mean = null;
  else if (typeof rated === 'number' && distribution.every((entry) => typeof entry.count === 'number')) mean = tally.ratingSum / rated;
  return {
    trend: axes.months.map((month) => ({ month, count: shown(key(prefix, 'trend', month)) })),
    ratings: { distribution, rated, unrated: shown(key(prefix, 'unrated')), mean },
    byRole: axes.roles.map((role) => ({ role, count: shown(key(prefix, 'role', role)) })),
    byCareSetting: axes.careSettings.map((careSetting) => ({ careSetting, count: shown(key(prefix, 'care', careSetting)) })),
  };
}

const rank = <T extends { readonly count: Count }>(items: T[], id: (item: T) => string): T[] =>
  items.sort((a, b) => {
    if (typeof a.count === 'number' && typeof b.count === 'number') return b.count - a.count || (id(a) < id(b) ? -1 : 1);
    if (typeof a.count === 'number') return -1;
    if (typeof b.count === 'number') return 1;
    // Hidden counts are ordered by id, never by their value.
    return id(a) < id(b) ? -1 : 1;
  });

/**
 * Counts, shares, trends, rating distributions and means, breakdowns and co-occurrence for the stories in `groups`,
 * with small-number suppression applied to every number. Pure and deterministic.
 */
export function summarizeStories(groups: readonly StoryGroup[], options: SummaryOptions): SummaryTables {
  const { k } = options;
  assertSuppressionK(k);
  const overall = newTally();
  const byTheme = new Map<string, Tally>();
  const pairs = new Map<string, number>();
  const seenMonths: string[] = [];
  const roles = [...options.roles];
  const careSettings = [...options.careSettings];
  for (const group of groups) {
    if (group.count <= 0) continue;
    addTo(overall, group);
    seenMonths.push(group.month);
    if (!roles.includes(group.role)) roles.push(group.role);
    for (const setting of group.careSettings) if (!careSettings.includes(setting)) careSettings.push(setting);
    const themes = [...new Set(group.themes)].sort();
    for (const [index, theme] of themes.entries()) {
      let tally = byTheme.get(theme);
      if (tally === undefined) byTheme.set(theme, (tally = newTally()));
      addTo(tally, group);
      for (const other of themes.slice(index + 1)) bump(pairs, pairKey(theme, other), group.count);
    }
  }
  seenMonths.sort();
  const first = seenMonths[0];
  const last = seenMonths[seenMonths.length - 1];
  const months = first === undefined || last === undefined ? [] : monthsBetween(first, last);
  const axes = { months, roles, careSettings };
  const themeIds = [...byTheme.keys()].sort();

  const cells: SuppressionCell[] = [{ key: 'total', value: overall.count }];
  const lines: SuppressionLine[] = [];
  const dependants = new Map<string, string[]>();
  dependants.set('total', breakdownCells('overall', 'total', overall, axes, cells, lines));
  for (const themeId of themeIds) {
    const themeKey = key('theme', themeId);
    cells.push({ key: themeKey, value: byTheme.get(themeId)?.count ?? 0 });
    dependants.set(themeKey, breakdownCells(themeKey, themeKey, byTheme.get(themeId) ?? newTally(), axes, cells, lines));
  }
  for (const [pair, value] of [...pairs].sort(([a], [b]) => (a < b ? -1 : 1))) cells.push({ key: pair, value });

  // Cells equal by construction, as one-member lines, so one is never shown while its twin is hidden.
  const filter = options.filter ?? {};
  const same = (a: string, b: string): void => {
    lines.push({ total: a, members: [b] });
  };
  const filterTheme = filter.theme;
  if (filterTheme !== undefined && byTheme.has(filterTheme)) {
    const filterKey = key('theme', filterTheme);
    same('total', filterKey);
    for (const cellKey of dependants.get('total') ?? []) same(cellKey, key(filterKey, ...cellKey.split(SEP).slice(1)));
    for (const themeId of themeIds) if (themeId !== filterTheme && pairs.has(pairKey(filterTheme, themeId))) same(key('theme', themeId), pairKey(filterTheme, themeId));
  }
  for (const [axis, value] of [['care', filter.careSetting], ['role', filter.role]] as const) {
    if (value === undefined) continue;
    same('total', key('overall', axis, value));
    for (const themeId of themeIds) same(key('theme', themeId), key('theme', themeId, axis, value));
  }

  const hidden = suppressCells({ k, cells, lines, dependants });
  const values = new Map(cells.map((cell) => [cell.key, cell.value]));
  const shown = (cellKey: string): Count => (hidden.has(cellKey) ? SUPPRESSED : (values.get(cellKey) ?? 0));

  const total = shown('total');
  if (typeof total !== 'number') return { k, total, months, themes: [] };

  const themes = themeIds.map((themeId): ThemeSummary => {
    const themeKey = key('theme', themeId);
    const count = shown(themeKey);
    const share: Ratio = typeof count === 'number' && total > 0 ? count / total : SUPPRESSED;
    if (typeof count !== 'number') return { themeId, count, share };
    const coOccurring = rank(
      themeIds.filter((other) => other !== themeId && (pairs.get(pairKey(themeId, other)) ?? 0) > 0).map((other) => ({ themeId: other, count: shown(pairKey(themeId, other)) })),
      (item) => item.themeId,
    );
    return { themeId, count, share, detail: { ...present(themeKey, byTheme.get(themeId) ?? newTally(), axes, shown), coOccurring } };
  });
  return { k, total, months, overall: present('overall', overall, axes, shown), themes: rank(themes, (item) => item.themeId) };
}

/** A short passage from a story: a tagged excerpt, or the start of "what happened". Already masked when stored. */
export interface Quote {
  readonly text: string;
  readonly lang: string;
  readonly source: 'excerpt' | 'story';
  readonly storyId?: string;
}

/** The themes quotes may come from: only groups whose count is shown, so at least k stories. */
export function quotableThemes(tables: SummaryTables): string[] {
  return tables.themes.flatMap((theme) => (theme.detail !== undefined && typeof theme.count === 'number' && theme.count >= tables.k ? [theme.themeId] : []));
}
