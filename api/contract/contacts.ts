import { z } from 'zod';
import { CHANNELS, LOCALES } from './lists.ts';

export const CONTACT_PAGE_SIZE_MAX = 500;

/** `GET /api/v1/contacts`: newest stories first, a page at a time. */
export const ContactQuerySchema = z
  .strictObject({
    /** The `nextCursor` of the previous page. */
    after: z.string().max(200, { error: 'query.after.invalid' }).exactOptional(),
    limit: z.coerce
      .number({ error: 'query.limit.invalid' })
      .int({ error: 'query.limit.invalid' })
      .min(1, { error: 'query.limit.invalid' })
      .max(CONTACT_PAGE_SIZE_MAX, { error: 'query.limit.invalid' })
      .exactOptional(),
  })
  .meta({ id: 'ContactQuery' });
export type ContactQuery = z.infer<typeof ContactQuerySchema>;

/** One person who offered to take part in co-creation, with the story's context (never its text). */
export const ContactEntrySchema = z
  .strictObject({
    storyId: z.string(),
    receivedOn: z.string(),
    /** The day the retention job deletes these contact details. */
    deleteOn: z.string(),
    locale: z.enum(LOCALES).optional(),
    channel: z.enum(CHANNELS).optional(),
    campaign: z.string().optional(),
    site: z.string().optional(),
    /** False when the details cannot be decrypted (their key is no longer in `CONTACT_KEY`). */
    readable: z.boolean(),
    name: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    preferredLanguage: z.enum(LOCALES).optional(),
    accessNeeds: z.string().optional(),
  })
  .meta({ id: 'ContactEntry' });
export type ContactEntry = z.infer<typeof ContactEntrySchema>;

export const ContactPageSchema = z
  .strictObject({
    items: z.array(ContactEntrySchema),
    /** Contact details currently kept, on all pages. */
    total: z.int(),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'ContactPage' });
export type ContactPage = z.infer<typeof ContactPageSchema>;

export const RetentionRunSchema = z
  .strictObject({
    at: z.string(),
    /** Contact details deleted in that run. */
    deleted: z.int(),
    /** Contact details of stories received before this day were deleted. */
    oldestKept: z.string(),
    /** Who started it: a user id, or absent for the scheduled job. */
    actorId: z.string().optional(),
  })
  .meta({ id: 'RetentionRun' });
export type RetentionRun = z.infer<typeof RetentionRunSchema>;

export const RetentionStatusSchema = z
  .strictObject({
    /** Contact details are deleted this many days after the story was received (`CONTACT_RETENTION_DAYS`). */
    contactRetentionDays: z.int(),
    /** Contact details of stories received before this day are gone or hidden until the next run deletes them. */
    oldestKept: z.string(),
    lastRun: RetentionRunSchema.optional(),
  })
  .meta({ id: 'RetentionStatus' });
export type RetentionStatus = z.infer<typeof RetentionStatusSchema>;
