/** The inbox's filters as they appear in the URL (the same names as the API's StoryQuery). */
export const FILTER_KEYS = ['q', 'status', 'theme', 'untagged', 'campaign', 'site', 'wave', 'phase', 'careSetting', 'role', 'locale', 'rating', 'from', 'to', 'attention'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Readonly<Partial<Record<FilterKey, string>>>;

export function filtersFromSearch(search: string): Filters {
  const params = new URLSearchParams(search);
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value !== undefined && value !== '') filters[key] = value;
  }
  return filters;
}

/** `?status=new&q=…` with the keys in a stable order, or '' when no filter is set. */
export function searchFromFilters(filters: Filters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

export function hasFilters(filters: Filters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}

/** The inbox as the facilitator last left it, so "back to the inbox" keeps the filters. */
let lastInboxSearch = '';

export function rememberInboxSearch(search: string): void {
  lastInboxSearch = search;
}

export function inboxHref(): string {
  return `/backoffice/inbox${lastInboxSearch}`;
}
