import { z } from 'zod';
import { periodEnd, periodStart, SummaryQuerySchema } from './summaries.ts';

/**
 * The two CSV dialects: Swedish Excel (BOM, `;`, CRLF, decimal comma) and plain RFC 4180 (no BOM, `,`, CRLF, decimal
 * point). Stories keep only the day they arrived (a Swedish calendar day, data minimisation), so both write dates as
 * ISO 8601 days (`2027-03-14`): there is no time of day to show in local time or convert to UTC.
 */
export const CSV_PROFILES = ['sv-excel', 'rfc4180'] as const;
export type CsvProfile = (typeof CSV_PROFILES)[number];
export const THEME_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const STORY_EXPORT_FORMATS = ['csv', 'xlsx', 'ndjson'] as const;
export type ExportFormat = (typeof STORY_EXPORT_FORMATS)[number];
/** Language of theme labels and of the "fewer than k" text in the file. */
export const EXPORT_LANGUAGES = ['sv', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** The response header with the number of data rows the file will have (for progress). */
export const EXPORT_ROWS_HEADER = 'X-Export-Rows';

const exportOptions = <F extends readonly [string, ...string[]]>(formats: F) => ({
  format: z.enum(formats, { error: 'query.format.invalid' }),
  profile: z.enum(CSV_PROFILES, { error: 'query.profile.invalid' }).default('sv-excel'),
  lang: z.enum(EXPORT_LANGUAGES, { error: 'query.lang.invalid' }).default('sv'),
});

const withPeriodCheck = <T extends { from?: string; to?: string }>(query: T): boolean =>
  query.from === undefined || query.to === undefined || periodStart(query.from) <= periodEnd(query.to);

/** The dashboard's filters (SummaryQuery) plus the file's format; `profile` only matters for CSV. */
export const ThemeExportQuerySchema = z
  .strictObject({ ...SummaryQuerySchema.shape, ...exportOptions(THEME_EXPORT_FORMATS) })
  .refine(withPeriodCheck, { error: 'query.to.beforeFrom', path: ['to'] })
  .meta({ id: 'ThemeExportQuery' });
export type ThemeExportQuery = z.infer<typeof ThemeExportQuerySchema>;

export const StoryExportQuerySchema = z
  .strictObject({ ...SummaryQuerySchema.shape, ...exportOptions(STORY_EXPORT_FORMATS) })
  .refine(withPeriodCheck, { error: 'query.to.beforeFrom', path: ['to'] })
  .meta({ id: 'StoryExportQuery' });
export type StoryExportQuery = z.infer<typeof StoryExportQuerySchema>;

/** One line of the NDJSON story export: masked text only; never contact details, hashes or receipt data. */
export const StoryExportRecordSchema = z
  .strictObject({
    receivedOn: z.string(),
    locale: z.string(),
    channel: z.string(),
    status: z.string(),
    respondentRole: z.string(),
    careSettings: z.array(z.string()),
    topics: z.array(z.string()),
    rating: z.int().nullable(),
    campaign: z.string().nullable(),
    site: z.string().nullable(),
    wave: z.int().nullable(),
    phase: z.string().nullable(),
    story: z.strictObject({ whatHappened: z.string(), whatWorkedWell: z.string(), whatCouldBeBetter: z.string(), idea: z.string() }),
    themes: z.array(z.strictObject({ themeId: z.string(), label: z.string() })),
    excerpts: z.array(z.strictObject({ themeId: z.string(), label: z.string(), field: z.string(), text: z.string() })),
  })
  .meta({ id: 'StoryExportRecord' });
export type StoryExportRecord = z.infer<typeof StoryExportRecordSchema>;
