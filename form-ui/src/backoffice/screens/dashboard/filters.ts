/** The dashboard's filters as they appear in the URL: the same names as the summaries API's query. */
export const DASHBOARD_FILTER_KEYS = ['from', 'to', 'campaign', 'site', 'wave', 'phase', 'role', 'careSetting', 'locale', 'theme'] as const;
export type DashboardFilterKey = (typeof DASHBOARD_FILTER_KEYS)[number];
export type DashboardFilters = Readonly<Partial<Record<DashboardFilterKey, string>>>;

export function isDashboardFilterKey(value: string): value is DashboardFilterKey {
  return DASHBOARD_FILTER_KEYS.some((key) => key === value);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function dashboardFiltersFromSearch(search: string): DashboardFilters {
  const params = new URLSearchParams(search);
  const filters: Partial<Record<DashboardFilterKey, string>> = {};
  for (const key of DASHBOARD_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value !== undefined && value !== '') filters[key] = value;
  }
  return filters;
}

/** `?from=…&careSetting=…` with the keys in a stable order, or '' when no filter is set. */
export function searchFromDashboardFilters(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const key of DASHBOARD_FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

function monthIndex(month: string): number | undefined {
  const match = MONTH.exec(month);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthOf(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The period of the same length just before the chosen one (Apr–Jun → Jan–Mar), with every other filter the same.
 * Undefined unless both ends are whole months in order: only then is "the same length" clear.
 */
export function previousPeriod(filters: DashboardFilters): DashboardFilters | undefined {
  const from = filters.from === undefined ? undefined : monthIndex(filters.from);
  const to = filters.to === undefined ? undefined : monthIndex(filters.to);
  if (from === undefined || to === undefined || to < from) return undefined;
  const length = to - from + 1;
  return { ...filters, from: monthOf(from - length), to: monthOf(from - 1) };
}

/** The inbox with the same filters and one theme: the stories behind a theme's numbers. */
export function inboxDrillDown(filters: DashboardFilters, themeId: string): string {
  const params = new URLSearchParams();
  // The inbox has no `theme` + period by month: its `from`/`to` take days, so a month becomes its first and last day.
  if (filters.from !== undefined) params.set('from', MONTH.test(filters.from) ? `${filters.from}-01` : filters.from);
  if (filters.to !== undefined) params.set('to', MONTH.test(filters.to) ? lastDayOf(filters.to) : filters.to);
  for (const key of ['campaign', 'site', 'wave', 'phase', 'careSetting', 'role', 'locale'] as const) {
    const value = filters[key];
    if (value !== undefined) params.set(key, value);
  }
  params.set('theme', themeId);
  return `/backoffice/inbox?${params.toString()}`;
}

function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year ?? 2000, monthNumber ?? 1, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}
