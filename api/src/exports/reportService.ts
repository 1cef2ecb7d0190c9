import { isSuppressed, type ReportQuery, type Summary, type SummaryQuery } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import type { CampaignRepository } from '../campaigns/repository.ts';
import type { SummaryRepository } from '../summaries/repository.ts';
import type { SummaryService } from '../summaries/service.ts';
import { quoteBankDocx, type QuoteBankQuote, type QuoteBankTheme } from './quoteBankDocx.ts';
import { describeFilter, type ThemeLabels } from './reportFilter.ts';
import { renderReport } from './reportHtml.ts';
import { REPORT_TEXTS } from './reportTexts.ts';

/** Quotes per theme in the quote bank. */
export const QUOTE_BANK_PER_THEME = 10;

export interface ReportActor {
  readonly actorId: string;
  readonly requestId?: string | undefined;
}

export interface ReportFile<Body> {
  readonly fileName: string;
  readonly body: Body;
}

export interface ReportService {
  /** The report as chunks of HTML, written as they are made; audited before the first byte. */
  summaryReport(query: ReportQuery, actor: ReportActor): Promise<ReportFile<Iterable<string>>>;
  /** The quote bank as a DOCX; audited. */
  quoteBank(query: ReportQuery, actor: ReportActor): Promise<ReportFile<Buffer>>;
}

/** The filters alone, without the document's language: what the summary is asked for. */
function filtersOf(query: ReportQuery): SummaryQuery {
  const filters: SummaryQuery & { lang?: unknown } = { ...query };
  delete filters.lang;
  return filters;
}

/** The filter as it goes into the audit log: ids, days and list values only, never text from a story. */
function auditFilter(filters: SummaryQuery): string {
  return JSON.stringify(filters);
}

function themesToSection(summary: Summary): Summary['themes'] {
  return summary.themes.filter((theme) => theme.detail !== undefined && !isSuppressed(theme.count) && theme.count > 0);
}

export function createReportService(deps: {
  summaries: SummaryService;
  repository: SummaryRepository;
  campaigns: Pick<CampaignRepository, 'findByCode'>;
  audit: AuditLog;
  now: () => Date;
  today: () => string;
}): ReportService {
  /** Labels for every theme a document names: the summary's own, then co-occurring, parents and the filter's. */
  async function labelsFor(summary: Summary): Promise<ThemeLabels> {
    const labels = new Map<string, { labels: { sv: string; en: string }; parentId?: string }>();
    for (const theme of summary.themes) {
      if (theme.labels !== undefined) labels.set(theme.themeId, { labels: theme.labels, ...(theme.parentId === undefined ? {} : { parentId: theme.parentId }) });
    }
    const wanted = new Set<string>();
    for (const theme of summary.themes) {
      if (theme.parentId !== undefined) wanted.add(theme.parentId);
      for (const entry of theme.detail?.coOccurring ?? []) wanted.add(entry.themeId);
    }
    if (summary.filter.theme !== undefined) wanted.add(summary.filter.theme);
    const missing = [...wanted].filter((id) => !labels.has(id));
    if (missing.length > 0) for (const [id, info] of await deps.repository.themes(missing)) labels.set(id, info);
    return labels;
  }

  async function campaignName(summary: Summary): Promise<string | undefined> {
    return summary.filter.campaign === undefined ? undefined : (await deps.campaigns.findByCode(summary.filter.campaign))?.name;
  }

  return {
    async summaryReport(query, actor) {
      const filters = filtersOf(query);
      const summary = await deps.summaries.summarize(filters, { storyIds: false });
      const [themes, campaign] = await Promise.all([labelsFor(summary), campaignName(summary)]);
      const sections = themesToSection(summary);
      await deps.audit.record({
        action: 'export.report',
        outcome: 'success',
        actorId: actor.actorId,
        ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
        targetType: 'summary',
        detail: { format: 'html', lang: query.lang, filter: auditFilter(filters), themes: sections.length, k: summary.k },
      });
      return {
        fileName: `${REPORT_TEXTS[query.lang].fileName}-${deps.today()}.html`,
        body: renderReport({ summary, lang: query.lang, generatedAt: deps.now(), themes, campaignName: campaign }),
      };
    },

    async quoteBank(query, actor) {
      const filters = filtersOf(query);
      // The numbers decide which themes may be quoted (a shown count, so at least k stories); the quotes are read here.
      const summary = await deps.summaries.summarize(filters, { storyIds: false, quotes: false });
      const sections = themesToSection(summary);
      const [labels, campaign, quotes] = await Promise.all([
        labelsFor(summary),
        campaignName(summary),
        deps.summaries.quotes(
          filters,
          sections.map((theme) => theme.themeId),
          QUOTE_BANK_PER_THEME,
        ),
      ]);
      const texts = REPORT_TEXTS[query.lang];
      const themes: QuoteBankTheme[] = sections.flatMap((theme) =>
        isSuppressed(theme.count)
          ? []
          : [
              {
                label: labels.get(theme.themeId)?.labels[query.lang] ?? texts.removedTheme(theme.themeId),
                count: theme.count,
                quotes: (quotes.get(theme.themeId) ?? []).map(({ text, lang, month, source }): QuoteBankQuote => ({ text, lang, month, source })),
              },
            ],
      );
      const body = await quoteBankDocx({
        lang: query.lang,
        k: summary.k,
        generatedAt: deps.now(),
        filter: describeFilter(summary.filter, { lang: query.lang, themes: labels, campaignName: campaign }),
        themes,
      });
      await deps.audit.record({
        action: 'export.quotes',
        outcome: 'success',
        actorId: actor.actorId,
        ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
        targetType: 'summary',
        detail: {
          format: 'docx',
          lang: query.lang,
          filter: auditFilter(filters),
          themes: themes.length,
          quotes: themes.reduce((sum, theme) => sum + theme.quotes.length, 0),
          k: summary.k,
        },
      });
      return { fileName: `${texts.quoteBankFileName}-${deps.today()}.docx`, body };
    },
  };
}
