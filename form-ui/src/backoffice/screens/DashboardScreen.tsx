import {
  isSuppressed,
  SummarySchema,
  ThemeSchema,
  type Summary,
  type SummaryBreakdown,
  type SummaryQuote,
  type SummaryTheme,
  type SuppressibleCount,
  type SuppressibleRatio,
  type Theme,
} from '@medskapa/api/contract';
import { barChart, columnChart, formatShare, ratingChart } from '@medskapa/analysis/charts';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { storyLang } from '../format.ts';
import { navigate, Link, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { orderThemes, useLanguage, type ThemeOption } from '../themes.tsx';
import { ChartBlock, type TableRow } from './dashboard/ChartBlock.tsx';
import { PeriodFilterFields, SummaryFilterFields, filtersFromForm } from './dashboard/FilterFields.tsx';
import { dashboardFiltersFromSearch, inboxDrillDown, previousPeriod, searchFromDashboardFilters, type DashboardFilters } from './dashboard/filters.ts';
import { Status, useFailureText } from './ui.tsx';
import './dashboard/dashboard.css';

const ThemeListSchema = z.array(ThemeSchema);
const DASHBOARD_PATH = '/backoffice/dashboard';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly current: Summary; readonly previous: Summary | undefined };

function summaryPath(filters: DashboardFilters): string {
  return `/api/v1/summaries${searchFromDashboardFilters(filters)}`;
}

/** Numbers and words for one language: counts, shares, months, hidden values. */
function useNumbers() {
  const { t } = useTranslation('reports');
  const language = useLanguage();
  return useMemo(() => {
    const integer = new Intl.NumberFormat(language);
    const decimal = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const monthFormat = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return {
      language,
      count: (value: SuppressibleCount, k: number) => (isSuppressed(value) ? t('dashboard.suppressed', { k }) : integer.format(value)),
      share: (value: SuppressibleRatio, k: number) => (value === null ? '–' : isSuppressed(value) ? t('dashboard.suppressed', { k }) : formatShare(value, language)),
      mean: (value: SuppressibleRatio) => (value === null || isSuppressed(value) ? undefined : decimal.format(value)),
      month: (month: string) => {
        const [year, number] = month.split('-').map(Number);
        return monthFormat.format(new Date(Date.UTC(year ?? 2000, (number ?? 1) - 1, 1)));
      },
      change: (current: SuppressibleCount, previous: SuppressibleCount | undefined) => {
        if (previous === undefined || isSuppressed(previous) || isSuppressed(current)) return '–';
        const difference = current - previous;
        return difference === 0 ? '±0' : `${difference > 0 ? '+' : '−'}${integer.format(Math.abs(difference))}`;
      },
    };
  }, [language, t]);
}

/** The staff and facilitators' overview: what the stories say, with every number protected by small-number suppression. */
export function DashboardScreen() {
  const { t } = useTranslation('reports');
  const { search } = useLocation();
  const filters = useMemo(() => dashboardFiltersFromSearch(search), [search]);
  const language = useLanguage();
  const failureText = useFailureText();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [themes, setThemes] = useState<ReadonlyArray<Theme>>([]);

  useEffect(() => {
    let cancelled = false;
    setLoaded({ kind: 'loading' });
    const previousFilters = previousPeriod(filters);
    const parse = (value: unknown) => SummarySchema.parse(value);
    Promise.all([api(summaryPath(filters), { parse }), previousFilters === undefined ? Promise.resolve(undefined) : api(summaryPath(previousFilters), { parse })])
      .then(([current, previous]) => {
        if (!cancelled) setLoaded({ kind: 'ready', current, previous });
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoaded({ kind: 'failed', error });
      });
    return () => {
      cancelled = true;
    };
  }, [filters]);

  useEffect(() => {
    let cancelled = false;
    api('/api/v1/themes', { parse: (value) => ThemeListSchema.parse(value) })
      .then((list) => {
        if (!cancelled) setThemes(list);
      })
      .catch(() => {
        // The theme filter falls back to the themes in the summary.
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const themeOptions = useMemo(() => orderThemes(themes, language), [themes, language]);

  return (
    <div className="dashboard">
      <PageHeading title={t('dashboard.title')} />
      <p className="lead">{t('dashboard.lead')}</p>
      <p className="no-print">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            openAllTables();
            window.print();
          }}
        >
          {t('dashboard.print')}
        </button>
      </p>
      <FilterForm filters={filters} themeOptions={themeOptions} />
      {loaded.kind === 'loading' ? <p className="loading">{t('dashboard.loading')}</p> : null}
      {loaded.kind === 'failed' ? <Status message={failureText(loaded.error)} tone="error" /> : null}
      {loaded.kind === 'ready' ? <DashboardBody filters={filters} current={loaded.current} previous={loaded.previous} themeOptions={themeOptions} /> : null}
    </div>
  );
}

/** Print shows every table: a closed <details> would print as its summary line only. */
function openAllTables(): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('.dashboard details')) details.open = true;
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', openAllTables);

function FilterForm({ filters, themeOptions }: { filters: DashboardFilters; themeOptions: ReadonlyArray<ThemeOption> }) {
  const { t } = useTranslation('reports');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(`${DASHBOARD_PATH}${searchFromDashboardFilters(filtersFromForm(event.currentTarget))}`, { focus: false });
  };
  return (
    // The key makes the fields show the URL's filters again after back/forward.
    <form key={searchFromDashboardFilters(filters)} className="filters dashboard-filters no-print" onSubmit={onSubmit} aria-labelledby="dashboard-filters-heading">
      <h2 id="dashboard-filters-heading" className="heading-small">
        {t('dashboard.filters.heading')}
      </h2>
      <fieldset className="fieldset dashboard-filters__period">
        <legend className="label">{t('dashboard.filters.period')}</legend>
        <div className="dashboard-filters__row">
          <PeriodFilterFields idPrefix="dashboard" filters={filters} monthPlaceholder="ÅÅÅÅ-MM" />
        </div>
      </fieldset>
      <div className="dashboard-filters__grid">
        <SummaryFilterFields idPrefix="dashboard" filters={filters} themeOptions={themeOptions} />
      </div>
      <div className="button-group">
        <button type="submit" className="button">
          {t('dashboard.filters.apply')}
        </button>
        <Link className="button-link" to={DASHBOARD_PATH}>
          {t('dashboard.filters.clear')}
        </Link>
      </div>
    </form>
  );
}

function DashboardBody({ filters, current, previous, themeOptions }: { filters: DashboardFilters; current: Summary; previous: Summary | undefined; themeOptions: ReadonlyArray<ThemeOption> }) {
  const { t } = useTranslation('reports');
  const { t: core } = useTranslation('core');
  const session = useSession();
  const numbers = useNumbers();
  const { language } = numbers;
  const k = current.k;
  const suppressedLabel = t('dashboard.suppressed', { k });
  const suppressedShortLabel = t('dashboard.suppressedShort', { k });
  const emptyLabel = t('dashboard.noStories');
  const common = { lang: language, locale: language, emptyLabel };
  // Only those who may open stories get the way to them: staff are refused the stories API.
  const canOpenStories = session.hasRole('facilitator', 'admin');

  const labelOf = (themeId: string, theme?: SummaryTheme) => {
    const fromSummary = theme?.labels?.[language];
    if (fromSummary !== undefined) return fromSummary;
    const option = themeOptions.find((entry) => entry.theme.id === themeId);
    return option?.label ?? current.themes.find((entry) => entry.themeId === themeId)?.labels?.[language] ?? t('dashboard.unknownTheme');
  };
  const previousCount = (themeId: string): SuppressibleCount | undefined => {
    if (previous === undefined || isSuppressed(previous.total)) return undefined;
    return previous.themes.find((theme) => theme.themeId === themeId)?.count ?? 0;
  };
  const periodText = filters.from !== undefined || filters.to !== undefined ? t('dashboard.period', { from: filters.from === undefined ? '…' : numbers.month(filters.from), to: filters.to === undefined ? '…' : numbers.month(filters.to) }) : t('dashboard.allTime');
  const previousText = previous?.filter.from !== undefined && previous.filter.to !== undefined ? t('dashboard.previousPeriod', { from: numbers.month(previous.filter.from), to: numbers.month(previous.filter.to) }) : t('dashboard.noPreviousPeriod');

  const ranked = current.themes;
  const overall = current.overall;
  const countHeading = t('dashboard.table.stories');

  return (
    <>
      <section className="dashboard-section dashboard-overview" aria-labelledby="dashboard-total-heading">
        <h2 id="dashboard-total-heading" className="heading-medium">
          {t('dashboard.totalHeading')}
        </h2>
        <p className="dashboard-total">
          <strong>{isSuppressed(current.total) ? t('dashboard.totalSuppressed', { k }) : t('dashboard.total', { count: current.total, formatted: numbers.count(current.total, k) })}</strong> {periodText}
        </p>
        <div className="notice dashboard-note" id="suppression-note">
          <h3 className="heading-small">{t('dashboard.suppressionHeading')}</h3>
          <p>{t('dashboard.suppressionNote', { k })}</p>
          <p>{t('dashboard.suppressionMore')}</p>
        </div>
      </section>

      {overall === undefined ? (
        <p className="dashboard-section">{isSuppressed(current.total) ? t('dashboard.tooFew', { k }) : t('dashboard.noStoriesFiltered')}</p>
      ) : (
        <>
          <section className="dashboard-section" aria-labelledby="dashboard-themes-heading">
            <h2 id="dashboard-themes-heading" className="heading-medium">
              {t('dashboard.themes.heading')}
            </h2>
            <p>{previousText}</p>
            <ChartBlock
              heading={t('dashboard.themes.chart')}
              level={3}
              svg={barChart({
                ...common,
                id: 'dashboard-themes',
                title: t('dashboard.themes.chart'),
                description: t('dashboard.themes.description'),
                suppressedLabel,
                bars: ranked.map((theme) => ({ label: labelOf(theme.themeId, theme), value: theme.count, ...(isSuppressed(theme.share) || theme.share === null ? {} : { note: formatShare(theme.share, language) }) })),
              })}
              table={{
                caption: t('dashboard.themes.chart'),
                columns: [t('dashboard.table.theme'), countHeading, t('dashboard.table.share'), t('dashboard.table.change')],
                rows: ranked.map((theme) => ({ key: theme.themeId, header: labelOf(theme.themeId, theme), cells: [numbers.count(theme.count, k), numbers.share(theme.share, k), numbers.change(theme.count, previousCount(theme.themeId))] })),
              }}
            />
          </section>

          <section className="dashboard-section" aria-labelledby="dashboard-trend-heading">
            <h2 id="dashboard-trend-heading" className="heading-medium">
              {t('dashboard.trend.heading')}
            </h2>
            <TrendChart id="dashboard-trend" heading={t('dashboard.trend.chart')} breakdown={overall} k={k} common={common} suppressedShortLabel={suppressedShortLabel} />
          </section>

          <section className="dashboard-section" aria-labelledby="dashboard-breakdown-heading">
            <h2 id="dashboard-breakdown-heading" className="heading-medium">
              {t('dashboard.breakdown.heading')}
            </h2>
            <ChartBlock
              heading={t('dashboard.breakdown.role')}
              level={3}
              svg={barChart({ ...common, id: 'dashboard-role', title: t('dashboard.breakdown.role'), description: t('dashboard.breakdown.roleDescription'), suppressedLabel, bars: overall.byRole.map((entry) => ({ label: core(`lists.role.${entry.role}`), value: entry.count })) })}
              table={{ caption: t('dashboard.breakdown.role'), columns: [t('dashboard.table.role'), countHeading], rows: overall.byRole.map((entry) => ({ key: entry.role, header: core(`lists.role.${entry.role}`), cells: [numbers.count(entry.count, k)] })) }}
            />
            <ChartBlock
              heading={t('dashboard.breakdown.careSetting')}
              level={3}
              svg={barChart({ ...common, id: 'dashboard-care-setting', title: t('dashboard.breakdown.careSetting'), description: t('dashboard.breakdown.careSettingDescription'), suppressedLabel, bars: overall.byCareSetting.map((entry) => ({ label: core(`lists.careSetting.${entry.careSetting}`), value: entry.count })) })}
              table={{ caption: t('dashboard.breakdown.careSetting'), columns: [t('dashboard.table.careSetting'), countHeading], rows: overall.byCareSetting.map((entry) => ({ key: entry.careSetting, header: core(`lists.careSetting.${entry.careSetting}`), cells: [numbers.count(entry.count, k)] })) }}
            >
              <p>{t('dashboard.breakdown.careSettingNote')}</p>
            </ChartBlock>
          </section>

          <section className="dashboard-section" aria-labelledby="dashboard-ratings-heading">
            <h2 id="dashboard-ratings-heading" className="heading-medium">
              {t('dashboard.ratings.heading')}
            </h2>
            <RatingsChart id="dashboard-ratings" heading={t('dashboard.ratings.chart')} breakdown={overall} k={k} common={common} suppressedShortLabel={suppressedShortLabel} />
          </section>

          <section className="dashboard-section" aria-labelledby="dashboard-theme-details-heading">
            <h2 id="dashboard-theme-details-heading" className="heading-medium">
              {t('dashboard.details.heading')}
            </h2>
            <p>{t('dashboard.details.lead', { k })}</p>
            {ranked.map((theme) =>
              theme.detail === undefined ? null : (
                <article key={theme.themeId} className="dashboard-theme" aria-labelledby={`dashboard-theme-${theme.themeId}`}>
                  <h3 id={`dashboard-theme-${theme.themeId}`} className="heading-small">
                    {labelOf(theme.themeId, theme)}{' '}
                    <span className="dashboard-theme__count">({t('dashboard.total', { count: isSuppressed(theme.count) ? 0 : theme.count, formatted: numbers.count(theme.count, k) })})</span>
                  </h3>
                  {theme.detail.coOccurring.length === 0 ? (
                    <p>{t('dashboard.details.noCoOccurring')}</p>
                  ) : (
                    <ChartBlock
                      heading={t('dashboard.details.coOccurring', { theme: labelOf(theme.themeId, theme) })}
                      level={4}
                      svg={barChart({
                        ...common,
                        id: `dashboard-co-${theme.themeId}`,
                        title: t('dashboard.details.coOccurring', { theme: labelOf(theme.themeId, theme) }),
                        description: t('dashboard.details.coOccurringDescription'),
                        suppressedLabel,
                        bars: theme.detail.coOccurring.map((entry) => ({ label: labelOf(entry.themeId), value: entry.count })),
                      })}
                      table={{
                        caption: t('dashboard.details.coOccurring', { theme: labelOf(theme.themeId, theme) }),
                        columns: [t('dashboard.table.theme'), countHeading],
                        rows: theme.detail.coOccurring.map((entry) => ({ key: entry.themeId, header: labelOf(entry.themeId), cells: [numbers.count(entry.count, k)] })),
                      }}
                    />
                  )}
                  <QuoteList quotes={theme.detail.quotes} />
                  {canOpenStories ? (
                    <p className="no-print">
                      <Link to={inboxDrillDown(filters, theme.themeId)}>{t('dashboard.details.drillDown', { theme: labelOf(theme.themeId, theme) })}</Link>
                    </p>
                  ) : null}
                </article>
              ),
            )}
          </section>
        </>
      )}
    </>
  );
}

interface CommonChart {
  readonly lang: string;
  readonly locale: string;
  readonly emptyLabel: string;
}

function TrendChart({ id, heading, breakdown, k, common, suppressedShortLabel }: { id: string; heading: string; breakdown: SummaryBreakdown; k: number; common: CommonChart; suppressedShortLabel: string }) {
  const { t } = useTranslation('reports');
  const numbers = useNumbers();
  const rows: TableRow[] = breakdown.trend.map((entry) => ({ key: entry.month, header: numbers.month(entry.month), cells: [numbers.count(entry.count, k)] }));
  return (
    <ChartBlock
      heading={heading}
      level={3}
      svg={columnChart({ ...common, id, title: heading, description: t('dashboard.trend.description'), suppressedShortLabel, columns: breakdown.trend.map((entry) => ({ label: numbers.month(entry.month), value: entry.count })) })}
      table={{ caption: heading, columns: [t('dashboard.table.month'), t('dashboard.table.stories')], rows }}
    />
  );
}

function RatingsChart({ id, heading, breakdown, k, common, suppressedShortLabel }: { id: string; heading: string; breakdown: SummaryBreakdown; k: number; common: CommonChart; suppressedShortLabel: string }) {
  const { t } = useTranslation('reports');
  const numbers = useNumbers();
  const { ratings } = breakdown;
  const mean = numbers.mean(ratings.mean);
  return (
    <ChartBlock
      heading={heading}
      level={3}
      svg={ratingChart({ ...common, id, title: heading, description: t('dashboard.ratings.description'), suppressedShortLabel, ratingLabel: (rating) => t('dashboard.ratings.label', { rating }), distribution: ratings.distribution })}
      table={{
        caption: heading,
        columns: [t('dashboard.table.rating'), t('dashboard.table.stories')],
        rows: [
          ...ratings.distribution.map((entry) => ({ key: String(entry.rating), header: t('dashboard.ratings.label', { rating: entry.rating }), cells: [numbers.count(entry.count, k)] })),
          { key: 'unrated', header: t('dashboard.ratings.unrated'), cells: [numbers.count(ratings.unrated, k)] },
        ],
      }}
    >
      <p className="dashboard-mean">{mean === undefined ? (ratings.mean === null ? t('dashboard.ratings.noMean') : t('dashboard.ratings.meanSuppressed')) : t('dashboard.ratings.mean', { mean, rated: numbers.count(ratings.rated, k) })}</p>
    </ChartBlock>
  );
}

function QuoteList({ quotes }: { quotes: ReadonlyArray<SummaryQuote> }) {
  const { t } = useTranslation('reports');
  const { t: core } = useTranslation('core');
  if (quotes.length === 0) return <p>{t('dashboard.details.noQuotes')}</p>;
  return (
    <>
      <h4 className="heading-small">{t('dashboard.details.quotes')}</h4>
      <ul className="dashboard-quotes">
        {quotes.map((quote, index) => (
          <li key={index}>
            <blockquote className="dashboard-quote">
              <p lang={storyLang(quote.lang)} dir="auto">
                {quote.text}
              </p>
            </blockquote>
            <p className="dashboard-quote__meta">{t('dashboard.details.quoteLanguage', { language: core(`lists.locale.${quote.lang}`) })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
