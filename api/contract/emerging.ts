import { z } from 'zod';
import { CAMPAIGN_PHASES } from './campaigns.ts';
import { CreateThemeSchema, ThemeSchema } from './codebook.ts';
import { CARE_SETTINGS, LOCALES, RESPONDENT_ROLES } from './lists.ts';
import { periodEnd, periodStart } from './summaries.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const dayOrMonth = (key: string) => z.union([z.iso.date({ error: key }), z.string({ error: key }).regex(MONTH, { error: key })], { error: key });
const flag = (key: string) => z.enum(['true', 'false'], { error: key }).transform((value) => value === 'true');

/**
 * Which untagged stories to group, as query-string parameters (all optional, combined with AND). `from`/`to` are
 * days or whole months, inclusive. Stories with a strong stored suggestion (an existing theme fits) are left out
 * unless `includeSuggested=true`.
 */
export const EmergingQuerySchema = z
  .strictObject({
    from: dayOrMonth('query.from.invalid').exactOptional(),
    to: dayOrMonth('query.to.invalid').exactOptional(),
    campaign: z.string({ error: 'query.campaign.invalid' }).min(1, { error: 'query.campaign.invalid' }).max(64, { error: 'query.campaign.invalid' }).exactOptional(),
    site: z.string({ error: 'query.site.invalid' }).trim().min(1, { error: 'query.site.invalid' }).max(120, { error: 'query.site.invalid' }).exactOptional(),
    wave: z.coerce.number({ error: 'query.wave.invalid' }).int({ error: 'query.wave.invalid' }).min(0, { error: 'query.wave.invalid' }).max(99, { error: 'query.wave.invalid' }).exactOptional(),
    phase: z.enum(CAMPAIGN_PHASES, { error: 'query.phase.invalid' }).exactOptional(),
    role: z.enum(RESPONDENT_ROLES, { error: 'query.role.invalid' }).exactOptional(),
    careSetting: z.enum(CARE_SETTINGS, { error: 'query.careSetting.invalid' }).exactOptional(),
    locale: z.enum(LOCALES, { error: 'query.locale.invalid' }).exactOptional(),
    includeSuggested: flag('query.includeSuggested.invalid').exactOptional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || periodStart(query.from) <= periodEnd(query.to), { error: 'query.to.beforeFrom', path: ['to'] })
  .meta({ id: 'EmergingQuery' });
export type EmergingQuery = z.infer<typeof EmergingQuerySchema>;

export const EMERGING_TERM_KINDS = ['theme', 'concept', 'word'] as const;

/** A top term: a codebook theme or a lexicon concept (labelled in sv and en), or a word as the stories wrote it. */
export const EmergingTermSchema = z
  .strictObject({
    kind: z.enum(EMERGING_TERM_KINDS),
    key: z.string(),
    label: z.strictObject({ sv: z.string(), en: z.string() }),
    /** For a word: the language it is written in. */
    lang: z.enum(LOCALES).optional(),
  })
  .meta({ id: 'EmergingTerm' });
export type EmergingTerm = z.infer<typeof EmergingTermSchema>;

/** A representative story: masked text, at most 280 characters, and the language it is written in. */
export const EmergingQuoteSchema = z.strictObject({ storyId: z.string(), text: z.string(), lang: z.enum(LOCALES) }).meta({ id: 'EmergingQuote' });
export type EmergingQuote = z.infer<typeof EmergingQuoteSchema>;

export const EmergingClusterSchema = z
  .strictObject({
    id: z.string(),
    size: z.int(),
    /** Mean cosine of the members to the cluster's centre (0–1). */
    cohesion: z.number(),
    topTerms: z.array(EmergingTermSchema),
    quotes: z.array(EmergingQuoteSchema),
    /** Members, closest to the centre first. */
    storyIds: z.array(z.string()),
    /** Codebook themes among the top terms: an existing theme may already cover these stories. */
    themeIds: z.array(z.string()),
    /** The theme made from this cluster, once one has been. */
    createdThemeId: z.string().optional(),
  })
  .meta({ id: 'EmergingCluster' });
export type EmergingCluster = z.infer<typeof EmergingClusterSchema>;

export const EmergingRunSchema = z
  .strictObject({
    runId: z.string(),
    generatedAt: z.string(),
    /** Untagged stories matching the filter that were grouped. */
    stories: z.int(),
    /** Of those, the stories in a cluster. */
    clustered: z.int(),
    clusters: z.array(EmergingClusterSchema),
  })
  .meta({ id: 'EmergingRun' });
export type EmergingRun = z.infer<typeof EmergingRunSchema>;

/** A new theme from a cluster: labels, and optionally where it goes and its colour (as when creating a theme). */
export const ThemeFromClusterSchema = CreateThemeSchema.pick({ labels: true, parentId: true, colour: true }).meta({ id: 'ThemeFromCluster' });
export type ThemeFromCluster = z.infer<typeof ThemeFromClusterSchema>;

export const ThemeFromClusterResultSchema = z
  .strictObject({
    theme: ThemeSchema,
    /** Member stories tagged with the new theme. */
    tagged: z.int(),
    /** Members that no longer exist (deleted since the run) and were skipped. */
    missing: z.int(),
  })
  .meta({ id: 'ThemeFromClusterResult' });
export type ThemeFromClusterResult = z.infer<typeof ThemeFromClusterResultSchema>;
