import { z } from 'zod';
import { periodEnd, periodStart, SummaryQuerySchema } from './summaries.ts';

/** The languages a report and a quote bank are written in (the quotes stay in the language they were told in). */
export const REPORT_LANGUAGES = ['sv', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The dashboard's filters (SummaryQuery) plus the language of the document. */
export const ReportQuerySchema = z
  .strictObject({
    ...SummaryQuerySchema.shape,
    lang: z.enum(REPORT_LANGUAGES, { error: 'query.lang.invalid' }).default('sv'),
  })
  .refine((query) => query.from === undefined || query.to === undefined || periodStart(query.from) <= periodEnd(query.to), { error: 'query.to.beforeFrom', path: ['to'] })
  .meta({ id: 'ReportQuery' });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** Where the two documents are downloaded (the back office links to them with the dashboard's filters). */
export const REPORT_PATHS = { summaryHtml: '/api/v1/reports/summary.html', quotesDocx: '/api/v1/reports/quotes.docx' } as const;
