import { z } from 'zod';
import { CAMPAIGN_PHASES } from './campaigns.ts';
import {
  AGE_GROUPS,
  CARE_SETTINGS,
  CARE_WHEN,
  CHANNELS,
  LOCALES,
  RECEIPT_STATUSES,
  REDACTION_KINDS,
  RELATIONSHIPS,
  RESPONDENT_ROLES,
  TOPICS,
} from './lists.ts';

/** A story's place in the facilitators' work: `new` → `in_review` → `done` (the receipt shows the same). */
export const STORY_STATUSES = RECEIPT_STATUSES;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** The free-text fields of a story: the ones excerpts and de-identification point into. */
export const STORY_TEXT_FIELDS = ['whatHappened', 'whatWorkedWell', 'whatCouldBeBetter', 'idea'] as const;
export type StoryTextField = (typeof STORY_TEXT_FIELDS)[number];

export const REDACTED = '[REDACTED]';
export const STORY_PAGE_SIZE_MAX = 100;

const id = (key: string) => z.string({ error: `${key}.required` }).min(1, { error: `${key}.required` }).max(64, { error: `${key}.invalid` });
const flag = (key: string) => z.enum(['true', 'false'], { error: `${key}.invalid` }).transform((value) => value === 'true');
const day = (key: string) => z.iso.date({ error: `${key}.invalid` });

/** The inbox's filters, as query-string parameters. Every one is optional; they combine with AND. */
export const StoryQuerySchema = z
  .strictObject({
    status: z.enum(STORY_STATUSES, { error: 'query.status.invalid' }).exactOptional(),
    theme: id('query.theme').exactOptional(),
    untagged: flag('query.untagged').exactOptional(),
    campaign: id('query.campaign').exactOptional(),
    site: z.string().trim().min(1).max(120, { error: 'query.site.invalid' }).exactOptional(),
    wave: z.coerce.number({ error: 'query.wave.invalid' }).int({ error: 'query.wave.invalid' }).min(0, { error: 'query.wave.invalid' }).max(99, { error: 'query.wave.invalid' }).exactOptional(),
    phase: z.enum(CAMPAIGN_PHASES, { error: 'query.phase.invalid' }).exactOptional(),
    careSetting: z.enum(CARE_SETTINGS, { error: 'query.careSetting.invalid' }).exactOptional(),
    role: z.enum(RESPONDENT_ROLES, { error: 'query.role.invalid' }).exactOptional(),
    locale: z.enum(LOCALES, { error: 'query.locale.invalid' }).exactOptional(),
    rating: z.coerce.number({ error: 'query.rating.invalid' }).int({ error: 'query.rating.invalid' }).min(1, { error: 'query.rating.invalid' }).max(5, { error: 'query.rating.invalid' }).exactOptional(),
    from: day('query.from').exactOptional(),
    to: day('query.to').exactOptional(),
    attention: flag('query.attention').exactOptional(),
    /** Words, matched against tokens stored when the story was written (every word must occur). */
    q: z.string().trim().max(200, { error: 'query.q.tooLong' }).exactOptional(),
    /** The `nextCursor` of the previous page. */
    after: z.string().max(200, { error: 'query.after.invalid' }).exactOptional(),
    limit: z.coerce.number({ error: 'query.limit.invalid' }).int({ error: 'query.limit.invalid' }).min(1, { error: 'query.limit.invalid' }).max(STORY_PAGE_SIZE_MAX, { error: 'query.limit.invalid' }).exactOptional(),
  })
  .meta({ id: 'StoryQuery' });
export type StoryQuery = z.infer<typeof StoryQuerySchema>;

export const CampaignContextSchema = z.strictObject({
  status: z.enum(['open', 'closed', 'unknown']),
  site: z.string().optional(),
  rolloutWave: z.int().optional(),
  phase: z.enum(CAMPAIGN_PHASES).optional(),
  careSetting: z.enum(CARE_SETTINGS).optional(),
});

export const StorySummarySchema = z
  .strictObject({
    id: z.string(),
    receivedOn: z.string(),
    locale: z.enum(LOCALES),
    channel: z.enum(CHANNELS),
    status: z.enum(STORY_STATUSES),
    needsAttention: z.boolean(),
    respondentRole: z.enum(RESPONDENT_ROLES),
    careSettings: z.array(z.enum(CARE_SETTINGS)),
    rating: z.int().optional(),
    campaign: z.string().optional(),
    campaignContext: CampaignContextSchema.optional(),
    themes: z.array(z.string()),
    /** The start of "what happened" (already masked). */
    preview: z.string(),
  })
  .meta({ id: 'StorySummary' });
export type StorySummary = z.infer<typeof StorySummarySchema>;

export const StoryPageSchema = z
  .strictObject({
    items: z.array(StorySummarySchema),
    /** Stories matching the filters, on all pages. */
    total: z.int(),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'StoryPage' });
export type StoryPage = z.infer<typeof StoryPageSchema>;

export const StoryTagSchema = z
  .strictObject({ id: z.string(), themeId: z.string(), createdAt: z.string(), createdBy: z.string().optional() })
  .meta({ id: 'StoryTag' });
export type StoryTag = z.infer<typeof StoryTagSchema>;

export const ExcerptSchema = z
  .strictObject({
    id: z.string(),
    themeId: z.string(),
    field: z.enum(STORY_TEXT_FIELDS),
    /** UTF-16 code-unit offsets into the field's current text, end exclusive. */
    start: z.int(),
    end: z.int(),
    text: z.string(),
    createdAt: z.string(),
    createdBy: z.string().optional(),
  })
  .meta({ id: 'Excerpt' });
export type Excerpt = z.infer<typeof ExcerptSchema>;

export const NoteSchema = z
  .strictObject({ id: z.string(), text: z.string(), createdAt: z.string(), createdBy: z.string().optional(), authorName: z.string().optional() })
  .meta({ id: 'Note' });
export type Note = z.infer<typeof NoteSchema>;

/** A theme the Analysis issue suggests, with the words that led to it; accepted or rejected by a facilitator. */
export const SuggestionSchema = z
  .strictObject({
    themeId: z.string(),
    score: z.number(),
    evidence: z.array(z.strictObject({ field: z.enum(STORY_TEXT_FIELDS), start: z.int(), end: z.int(), text: z.string() })),
  })
  .meta({ id: 'Suggestion' });
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const StoryDetailSchema = z
  .strictObject({
    id: z.string(),
    receivedOn: z.string(),
    locale: z.enum(LOCALES),
    channel: z.enum(CHANNELS),
    status: z.enum(STORY_STATUSES),
    needsAttention: z.boolean(),
    campaign: z.string().optional(),
    campaignContext: CampaignContextSchema.optional(),
    respondent: z.strictObject({
      role: z.enum(RESPONDENT_ROLES),
      relationship: z.enum(RELATIONSHIPS).optional(),
      ageGroup: z.enum(AGE_GROUPS).optional(),
    }),
    care: z.strictObject({ settings: z.array(z.enum(CARE_SETTINGS)), unit: z.string().optional(), when: z.enum(CARE_WHEN) }),
    topics: z.array(z.enum(TOPICS)),
    story: z.strictObject({
      whatHappened: z.string(),
      whatWorkedWell: z.string().optional(),
      whatCouldBeBetter: z.string().optional(),
      idea: z.string().optional(),
    }),
    rating: z.int().optional(),
    hasFollowUp: z.boolean(),
    redactions: z.array(z.strictObject({ field: z.string(), kind: z.enum([...REDACTION_KINDS, 'manual']), count: z.int() })),
    tags: z.array(StoryTagSchema),
    excerpts: z.array(ExcerptSchema),
    notes: z.array(NoteSchema),
    suggestions: z.array(SuggestionSchema),
    /** The language the text is written in, as the analysis detected it (respondents do not always write in the form's language). */
    language: z.enum(LOCALES).optional(),
  })
  .meta({ id: 'StoryDetail' });
export type StoryDetail = z.infer<typeof StoryDetailSchema>;

export const UpdateStorySchema = z
  .strictObject({
    status: z.enum(STORY_STATUSES, { error: 'story.status.invalid' }).exactOptional(),
    needsAttention: z.boolean({ error: 'story.needsAttention.invalid' }).exactOptional(),
  })
  .refine((change) => change.status !== undefined || change.needsAttention !== undefined, { error: 'story.change.empty' })
  .meta({ id: 'UpdateStory' });
export type UpdateStory = z.infer<typeof UpdateStorySchema>;

export const AddTagSchema = z.strictObject({ themeId: id('tag.themeId') }).meta({ id: 'AddTag' });
export type AddTag = z.infer<typeof AddTagSchema>;

const range = {
  field: z.enum(STORY_TEXT_FIELDS, { error: 'range.field.invalid' }),
  start: z.int({ error: 'range.start.invalid' }).min(0, { error: 'range.start.invalid' }),
  end: z.int({ error: 'range.end.invalid' }).min(1, { error: 'range.end.invalid' }),
};
const rangeInOrder = (value: { start: number; end: number }) => value.end > value.start;

export const AddExcerptSchema = z
  .strictObject({ themeId: id('tag.themeId'), ...range })
  .refine(rangeInOrder, { error: 'range.end.beforeStart', path: ['end'] })
  .meta({ id: 'AddExcerpt' });
export type AddExcerpt = z.infer<typeof AddExcerptSchema>;

/**
 * Replace a span the automatic masking missed with [REDACTED]. `text` must equal the span as the facilitator saw
 * it, so a stale screen cannot redact the wrong words. The original is not kept anywhere.
 */
export const RedactSpanSchema = z
  .strictObject({ ...range, text: z.string({ error: 'range.text.required' }).min(1, { error: 'range.text.required' }).max(5000, { error: 'range.text.invalid' }) })
  .refine(rangeInOrder, { error: 'range.end.beforeStart', path: ['end'] })
  .meta({ id: 'RedactSpan' });
export type RedactSpan = z.infer<typeof RedactSpanSchema>;

export const AddNoteSchema = z
  .strictObject({ text: z.string({ error: 'note.text.required' }).trim().min(1, { error: 'note.text.required' }).max(4000, { error: 'note.text.tooLong' }) })
  .meta({ id: 'AddNote' });
export type AddNote = z.infer<typeof AddNoteSchema>;

export const BulkTagSchema = z
  .strictObject({
    themeId: id('tag.themeId'),
    storyIds: z.array(id('bulk.storyIds'), { error: 'bulk.storyIds.required' }).min(1, { error: 'bulk.storyIds.required' }).max(STORY_PAGE_SIZE_MAX, { error: 'bulk.storyIds.tooMany' }),
  })
  .meta({ id: 'BulkTag' });
export type BulkTag = z.infer<typeof BulkTagSchema>;

export const BulkTagResultSchema = z.strictObject({ tagged: z.int(), alreadyTagged: z.int() }).meta({ id: 'BulkTagResult' });
