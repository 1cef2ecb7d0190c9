import type { Breakdown, SummaryTables, ThemeSummary } from '@medskapa/analysis';
import {
  CARE_SETTINGS,
  RESPONDENT_ROLES,
  type Summary,
  type SummaryBreakdown,
  type SummaryFilter,
  type SummaryQuote,
  type SummaryTheme,
} from '../../contract/index.ts';
import type { ThemeInfo } from './repository.ts';

function presentBreakdown(breakdown: Breakdown): SummaryBreakdown {
  return {
    trend: breakdown.trend.map((entry) => ({ month: entry.month, count: entry.count })),
    ratings: {
      distribution: breakdown.ratings.distribution.map((entry) => ({ rating: entry.rating, count: entry.count })),
      rated: breakdown.ratings.rated,
      unrated: breakdown.ratings.unrated,
      mean: breakdown.ratings.mean,
    },
    // Values outside the controlled lists cannot occur in validated stories; they are left out rather than guessed.
    byRole: breakdown.byRole.flatMap((entry) => {
      const role = RESPONDENT_ROLES.find((known) => known === entry.role);
      return role === undefined ? [] : [{ role, count: entry.count }];
    }),
    byCareSetting: breakdown.byCareSetting.flatMap((entry) => {
      const careSetting = CARE_SETTINGS.find((known) => known === entry.careSetting);
      return careSetting === undefined ? [] : [{ careSetting, count: entry.count }];
    }),
  };
}

function presentTheme(theme: ThemeSummary, info: ThemeInfo | undefined, quotes: ReadonlyArray<SummaryQuote>, storyIds: boolean): SummaryTheme {
  const shownQuotes = quotes.map((quote) => (storyIds ? quote : { text: quote.text, lang: quote.lang, source: quote.source }));
  return {
    themeId: theme.themeId,
    ...(info === undefined ? {} : { labels: { sv: info.labels.sv, en: info.labels.en } }),
    ...(info?.parentId === undefined ? {} : { parentId: info.parentId }),
    count: theme.count,
    share: theme.share,
    ...(theme.detail === undefined
      ? {}
      : {
          detail: {
            ...presentBreakdown(theme.detail),
            coOccurring: theme.detail.coOccurring.map((entry) => ({ themeId: entry.themeId, count: entry.count })),
            quotes: shownQuotes,
          },
        }),
  };
}

/**
 * The answer as it leaves the server: already suppressed tables, theme labels, and quotes for the themes that may
 * have them (the service asks only for those; `quotableThemes` decided). Story ids only for viewers who may open stories.
 */
export function presentSummary(
  tables: SummaryTables,
  context: {
    readonly filter: SummaryFilter;
    readonly themes: ReadonlyMap<string, ThemeInfo>;
    readonly quotes: ReadonlyMap<string, ReadonlyArray<SummaryQuote>>;
    readonly storyIds: boolean;
  },
): Summary {
  return {
    k: tables.k,
    filter: context.filter,
    total: tables.total,
    months: [...tables.months],
    ...(tables.overall === undefined ? {} : { overall: presentBreakdown(tables.overall) }),
    themes: tables.themes.map((theme) =>
      presentTheme(theme, context.themes.get(theme.themeId), theme.detail === undefined ? [] : (context.quotes.get(theme.themeId) ?? []), context.storyIds),
    ),
  };
}
