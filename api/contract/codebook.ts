import { z } from 'zod';
import { LOCALES } from './lists.ts';

/** Themes nest at most this deep: theme, sub-theme, sub-sub-theme. */
export const THEME_MAX_DEPTH = 3;
export const THEME_STATUSES = ['active', 'archived'] as const;
export type ThemeStatus = (typeof THEME_STATUSES)[number];

const label = z
  .string({ error: 'theme.label.required' })
  .trim()
  .min(1, { error: 'theme.label.required' })
  .max(120, { error: 'theme.label.tooLong' });
const description = z.string({ error: 'theme.description.invalid' }).trim().max(2000, { error: 'theme.description.tooLong' });
const keyword = z.string({ error: 'theme.keywords.invalid' }).trim().min(1, { error: 'theme.keywords.invalid' }).max(80, { error: 'theme.keywords.invalid' });

/** Keywords per form language; the Analysis issue's suggestions match them against stories in that language. */
export const ThemeKeywordsSchema = z.partialRecord(z.enum(LOCALES, { error: 'theme.keywords.invalid' }), z.array(keyword).max(100, { error: 'theme.keywords.tooMany' }));
export type ThemeKeywords = z.infer<typeof ThemeKeywordsSchema>;

export const ThemeColourSchema = z.string({ error: 'theme.colour.invalid' }).regex(/^#[0-9a-f]{6}$/i, { error: 'theme.colour.invalid' });

export const CreateThemeSchema = z
  .strictObject({
    parentId: z.string({ error: 'theme.parentId.invalid' }).min(1, { error: 'theme.parentId.invalid' }).max(64, { error: 'theme.parentId.invalid' }).exactOptional(),
    labels: z.strictObject({ sv: label, en: label }, { error: 'theme.label.required' }),
    descriptions: z.strictObject({ sv: description.exactOptional(), en: description.exactOptional() }).exactOptional(),
    keywords: ThemeKeywordsSchema.exactOptional(),
    colour: ThemeColourSchema.exactOptional(),
  })
  .meta({ id: 'CreateTheme' });
export type CreateTheme = z.infer<typeof CreateThemeSchema>;

/** Rename (labels), describe, re-key, recolour, move (parentId; null = top level), archive or restore. */
export const UpdateThemeSchema = z
  .strictObject({
    parentId: z.string({ error: 'theme.parentId.invalid' }).min(1, { error: 'theme.parentId.invalid' }).max(64, { error: 'theme.parentId.invalid' }).nullable().exactOptional(),
    labels: z.strictObject({ sv: label.exactOptional(), en: label.exactOptional() }).exactOptional(),
    descriptions: z.strictObject({ sv: description.exactOptional(), en: description.exactOptional() }).exactOptional(),
    keywords: ThemeKeywordsSchema.exactOptional(),
    colour: ThemeColourSchema.exactOptional(),
    status: z.enum(THEME_STATUSES, { error: 'theme.status.invalid' }).exactOptional(),
  })
  .meta({ id: 'UpdateTheme' });
export type UpdateTheme = z.infer<typeof UpdateThemeSchema>;

export const MergeThemeSchema = z
  .strictObject({ into: z.string({ error: 'theme.into.required' }).min(1, { error: 'theme.into.required' }).max(64, { error: 'theme.into.required' }) })
  .meta({ id: 'MergeTheme' });
export type MergeTheme = z.infer<typeof MergeThemeSchema>;

export const ThemeHistoryEntrySchema = z.strictObject({
  at: z.string(),
  action: z.enum(['created', 'renamed', 'moved', 'archived', 'restored', 'edited', 'merged_into', 'merged_from', 'imported']),
  actorId: z.string().optional(),
  /** Old and new labels, the other theme's id, or the fields edited: never story text. */
  detail: z.record(z.string(), z.string()).optional(),
});
export type ThemeHistoryEntry = z.infer<typeof ThemeHistoryEntrySchema>;

export const ThemeSchema = z
  .strictObject({
    id: z.string(),
    parentId: z.string().optional(),
    depth: z.int().min(1).max(THEME_MAX_DEPTH),
    labels: z.strictObject({ sv: z.string(), en: z.string() }),
    descriptions: z.strictObject({ sv: z.string().optional(), en: z.string().optional() }),
    keywords: ThemeKeywordsSchema,
    colour: z.string(),
    status: z.enum(THEME_STATUSES),
    /** Set when this theme was merged into another; its tags now belong to that one. */
    mergedInto: z.string().optional(),
    usage: z.strictObject({ stories: z.int(), excerpts: z.int() }),
    history: z.array(ThemeHistoryEntrySchema),
  })
  .meta({ id: 'Theme' });
export type Theme = z.infer<typeof ThemeSchema>;

export const CodebookImportResultSchema = z
  .strictObject({ created: z.int(), updated: z.int(), unchanged: z.int() })
  .meta({ id: 'CodebookImportResult' });
export type CodebookImportResult = z.infer<typeof CodebookImportResultSchema>;
