import {
  CARE_SETTINGS,
  isSuppressed,
  RESPONDENT_ROLES,
  type ExportLanguage,
  type Summary,
  type SummaryBreakdown,
  type SuppressibleCount,
  type SuppressibleRatio,
} from '../../contract/index.ts';
import type { Cell } from './cells.ts';

export const THEME_COLUMNS = [
  'theme_id',
  'parent_id',
  'label',
  'stories',
  'share_percent',
  'rated',
  'rating_mean',
  ...RESPONDENT_ROLES.map((role) => `role_${role}`),
  ...CARE_SETTINGS.map((setting) => `care_${setting}`),
] as const;

const ALL_STORIES: Record<ExportLanguage, string> = { sv: 'Alla berättelser', en: 'All stories' };

/**
 * The text written instead of a hidden number; never the number itself. Not "fewer than k": a number hidden so
 * that a small neighbour cannot be worked out may itself be k or more.
 */
export function suppressedText(lang: ExportLanguage): string {
  return lang === 'sv' ? 'visas inte' : 'not shown';
}

/**
 * The summary as a table: one row for all matching stories, then one per theme (largest first), with the counts
 * the summaries service gives. A hidden count or a share or mean made from one is the suppression text; a theme
 * whose count is hidden has every breakdown cell hidden too.
 */
export function themeTableRows(summary: Summary, lang: ExportLanguage): Cell[][] {
  const hidden = suppressedText(lang);
  const count = (value: SuppressibleCount): Cell => (isSuppressed(value) ? hidden : value);
  const percent = (value: SuppressibleRatio): Cell => (value === null ? null : isSuppressed(value) ? hidden : Math.round(value * 1000) / 10);
  const mean = (value: SuppressibleRatio): Cell => (value === null ? null : isSuppressed(value) ? hidden : Math.round(value * 100) / 100);
  const breakdown = (detail: SummaryBreakdown | undefined, empty: Cell = hidden): Cell[] => {
    if (detail === undefined) return [empty, empty === hidden ? hidden : null, ...RESPONDENT_ROLES.map(() => empty), ...CARE_SETTINGS.map(() => empty)];
    return [
      count(detail.ratings.rated),
      mean(detail.ratings.mean),
      ...RESPONDENT_ROLES.map((role) => {
        const row = detail.byRole.find((entry) => entry.role === role);
        return row === undefined ? 0 : count(row.count);
      }),
      ...CARE_SETTINGS.map((setting) => {
        const row = detail.byCareSetting.find((entry) => entry.careSetting === setting);
        return row === undefined ? 0 : count(row.count);
      }),
    ];
  };
  // No stories at all is a true zero, not a hidden number.
  const none = summary.total === 0;
  const total: Cell[] = [
    '',
    '',
    ALL_STORIES[lang],
    count(summary.total),
    isSuppressed(summary.total) ? hidden : none ? null : 100,
    ...breakdown(summary.overall, none ? 0 : hidden),
  ];
  return [
    total,
    ...summary.themes.map((theme) => [
      theme.themeId,
      theme.parentId ?? '',
      theme.labels?.[lang] ?? theme.themeId,
      count(theme.count),
      percent(theme.share),
      ...breakdown(theme.detail),
    ]),
  ];
}
