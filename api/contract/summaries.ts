import { z } from 'zod';
import { CAMPAIGN_PHASES } from './campaigns.ts';
import { CARE_SETTINGS, LOCALES, RESPONDENT_ROLES } from './lists.ts';

const id = (key: string) => z.string({ error: `${key}.invalid` }).min(1, { error: `${key}.invalid` }).max(64, { error: `${key}.invalid` });
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A day ("2027-03-15") or a whole month ("2027-03"). */
const dayOrMonth = (key: string) => z.union([z.iso.date({ error: key }), z.string({ error: key }).regex(MONTH, { error: key })], { error: key });

/** The first and the last day a `from`/`to` value stands for (a month covers all its days). */
export function periodStart(value: string): string {
  return MONTH.test(value) ? `${value}-01` : value;
}
export function periodEnd(value: string): string {
  return MONTH.test(value) ? `${value}-31` : value;
}

/**
 * The summary's filters, as query-string parameters; every one is optional and they combine with AND.
 * `from`/`to` are days or months, inclusive (`from=2027-01&to=2027-03` is the first quarter).
 */
export const SummaryQuerySchema = z
  .strictObject({
    from: dayOrMonth('query.from.invalid').exactOptional(),
    to: dayOrMonth('query.to.invalid').exactOptional(),
    campaign: id('query.campaign').exactOptional(),
    site: z.string({ error: 'query.site.invalid' }).trim().min(1, { error: 'query.site.invalid' }).max(120, { error: 'query.site.invalid' }).exactOptional(),
    wave: z.coerce.number({ error: 'query.wave.invalid' }).int({ error: 'query.wave.invalid' }).min(0, { error: 'query.wave.invalid' }).max(99, { error: 'query.wave.invalid' }).exactOptional(),
    phase: z.enum(CAMPAIGN_PHASES, { error: 'query.phase.invalid' }).exactOptional(),
    role: z.enum(RESPONDENT_ROLES, { error: 'query.role.invalid' }).exactOptional(),
    careSetting: z.enum(CARE_SETTINGS, { error: 'query.careSetting.invalid' }).exactOptional(),
    locale: z.enum(LOCALES, { error: 'query.locale.invalid' }).exactOptional(),
    theme: id('query.theme').exactOptional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || periodStart(query.from) <= periodEnd(query.to), { error: 'query.to.beforeFrom', path: ['to'] })
  .meta({ id: 'SummaryQuery' });
export type SummaryQuery = z.infer<typeof SummaryQuerySchema>;

/** The filters as applied, echoed in the answer (for a report's heading). */
export const SummaryFilterSchema = z
  .strictObject({
    from: z.string().optional(),
    to: z.string().optional(),
    campaign: z.string().optional(),
    site: z.string().optional(),
    wave: z.int().optional(),
    phase: z.enum(CAMPAIGN_PHASES).optional(),
    role: z.enum(RESPONDENT_ROLES).optional(),
    careSetting: z.enum(CARE_SETTINGS).optional(),
    locale: z.enum(LOCALES).optional(),
    theme: z.string().optional(),
  })
  .meta({ id: 'SummaryFilter' });
export type SummaryFilter = z.infer<typeof SummaryFilterSchema>;

/**
 * A number that is not shown. Either fewer than k stories (but more than none), or hidden so that such a number
 * cannot be worked out from the totals and the numbers next to it. The two are deliberately not told apart.
 */
export const SuppressedSchema = z.strictObject({ suppressed: z.literal(true) }).meta({ id: 'Suppressed' });
export type Suppressed = z.infer<typeof SuppressedSchema>;

/** A count of stories: 0, at least k, or hidden. Never 1 … k-1. */
export const SuppressibleCountSchema = z.union([z.int().min(0), SuppressedSchema]).meta({ id: 'SuppressibleCount' });
export type SuppressibleCount = z.infer<typeof SuppressibleCountSchema>;

/** A share (0–1) or a mean: shown only when every count it is made of is shown; null when there is nothing to divide. */
export const SuppressibleRatioSchema = z.union([z.number(), SuppressedSchema, z.null()]).meta({ id: 'SuppressibleRatio' });
export type SuppressibleRatio = z.infer<typeof SuppressibleRatioSchema>;

/** Narrows a count or ratio to "hidden". */
export function isSuppressed(value: SuppressibleCount | SuppressibleRatio): value is Suppressed {
  return typeof value === 'object' && value !== null;
}

export const SummaryBreakdownSchema = z
  .strictObject({
    /** One entry per month of `months`. */
    trend: z.array(z.strictObject({ month: z.string(), count: SuppressibleCountSchema })),
    ratings: z.strictObject({
      distribution: z.array(z.strictObject({ rating: z.int().min(1).max(5), count: SuppressibleCountSchema })),
      rated: SuppressibleCountSchema,
      unrated: SuppressibleCountSchema,
      /** Sum of ratings ÷ number rated; hidden whenever any rating count is hidden. */
      mean: SuppressibleRatioSchema,
    }),
    /** Every story has one role: these add up to the count. */
    byRole: z.array(z.strictObject({ role: z.enum(RESPONDENT_ROLES), count: SuppressibleCountSchema })),
    /** A story may name several care settings: these need not add up. */
    byCareSetting: z.array(z.strictObject({ careSetting: z.enum(CARE_SETTINGS), count: SuppressibleCountSchema })),
  })
  .meta({ id: 'SummaryBreakdown' });
export type SummaryBreakdown = z.infer<typeof SummaryBreakdownSchema>;

/**
 * A short passage from a story with this theme (a tagged excerpt first, else the start of "what happened"); masked
 * text only, and only from themes with at least k stories. `storyId` is given to facilitators only, who may open
 * the story; staff get none, so a quote cannot be followed across differently filtered summaries by its id.
 */
export const SummaryQuoteSchema = z
  .strictObject({
    text: z.string(),
    /** The language the story was told in. */
    lang: z.enum(LOCALES),
    source: z.enum(['excerpt', 'story']),
    storyId: z.string().optional(),
  })
  .meta({ id: 'SummaryQuote' });
export type SummaryQuote = z.infer<typeof SummaryQuoteSchema>;

export const SummaryThemeDetailSchema = SummaryBreakdownSchema.extend({
  /** Other themes on the same stories (those that occur at all), largest shown count first. */
  coOccurring: z.array(z.strictObject({ themeId: z.string(), count: SuppressibleCountSchema })),
  quotes: z.array(SummaryQuoteSchema),
}).meta({ id: 'SummaryThemeDetail' });
export type SummaryThemeDetail = z.infer<typeof SummaryThemeDetailSchema>;

export const SummaryThemeSchema = z
  .strictObject({
    themeId: z.string(),
    /** Absent when the theme is no longer in the codebook. */
    labels: z.strictObject({ sv: z.string(), en: z.string() }).optional(),
    parentId: z.string().optional(),
    count: SuppressibleCountSchema,
    /** count ÷ total. */
    share: SuppressibleRatioSchema,
    /** Only when the count is shown. */
    detail: SummaryThemeDetailSchema.optional(),
  })
  .meta({ id: 'SummaryTheme' });
export type SummaryTheme = z.infer<typeof SummaryThemeSchema>;

export const SummarySchema = z
  .strictObject({
    /** The smallest group shown (SUPPRESSION_K). */
    k: z.int().min(3),
    filter: SummaryFilterSchema,
    /** Stories matching the filter. */
    total: SuppressibleCountSchema,
    /** The months of every trend: the first to the last month with a story, gaps filled. */
    months: z.array(z.string()),
    /** All matching stories; absent when the total is hidden. */
    overall: SummaryBreakdownSchema.optional(),
    /** Themes with at least one story: shown counts largest first, then hidden ones. Empty when the total is hidden. */
    themes: z.array(SummaryThemeSchema),
  })
  .meta({ id: 'Summary' });
export type Summary = z.infer<typeof SummarySchema>;
