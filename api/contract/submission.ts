import { z } from 'zod';
import { LIMITS } from './limits.ts';
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
import { cleanText } from './text.ts';

// Every message below is an i18n key, so the form shows server and client rejections the same way.

type Issue = { readonly input?: unknown };

/** `<key>.required` when the value is missing, `<key>.invalid` when it is wrong; null falls through. */
function keyed(key: string): (issue: Issue) => string | undefined {
  return (issue) => {
    if (issue.input === null) return undefined;
    return issue.input === undefined ? `${key}.required` : `${key}.invalid`;
  };
}

function choice<const T extends readonly [string, ...string[]]>(values: T, key: string) {
  return z.enum(values, { error: keyed(key) });
}

/** Free text: cleaned, trimmed, bounded. */
function text(key: string, max: number) {
  return z
    .string({ error: keyed(key) })
    .overwrite(cleanText)
    .trim()
    .max(max, { error: `${key}.tooLong` });
}

function distinctList<const T extends readonly [string, ...string[]]>(values: T, key: string, min: number, max: number) {
  return z
    .array(choice(values, key), { error: keyed(key) })
    .min(min, { error: `${key}.required` })
    .max(max, { error: `${key}.tooMany` })
    .refine((list) => new Set(list).size === list.length, { error: `${key}.duplicate` });
}

const PHONE_PATTERN = /^\+?[\d\s()-]+$/;

function hasPlausiblePhoneDigits(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE_PATTERN.test(value) && digits >= 7 && digits <= 15;
}

export const CampaignCodeSchema = z
  .string({ error: keyed('campaign') })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'campaign.invalid' })
  .max(LIMITS.campaignMax, { error: 'campaign.invalid' });

export const RespondentSchema = z.strictObject({
  role: choice(RESPONDENT_ROLES, 'respondent.role'),
  relationship: choice(RELATIONSHIPS, 'respondent.relationship').exactOptional(),
  ageGroup: choice(AGE_GROUPS, 'respondent.ageGroup').exactOptional(),
});

export const CareSchema = z.strictObject({
  settings: distinctList(CARE_SETTINGS, 'care.settings', 1, LIMITS.careSettingsMax),
  unit: text('care.unit', LIMITS.unitMax).exactOptional(),
  when: choice(CARE_WHEN, 'care.when'),
});

export const StorySchema = z.strictObject({
  whatHappened: z
    .string({ error: keyed('story.whatHappened') })
    .overwrite(cleanText)
    .trim()
    .min(1, { error: 'story.whatHappened.required', abort: true })
    .min(LIMITS.whatHappenedMin, { error: 'story.whatHappened.tooShort' })
    .max(LIMITS.whatHappenedMax, { error: 'story.whatHappened.tooLong' }),
  whatWorkedWell: text('story.whatWorkedWell', LIMITS.storyFieldMax).exactOptional(),
  whatCouldBeBetter: text('story.whatCouldBeBetter', LIMITS.storyFieldMax).exactOptional(),
  idea: text('story.idea', LIMITS.storyFieldMax).exactOptional(),
});

export const FollowUpSchema = z
  .strictObject({
    name: text('followUp.name', LIMITS.nameMax).min(1, { error: 'followUp.name.required' }),
    email: text('followUp.email', LIMITS.emailMax).pipe(z.email({ pattern: z.regexes.unicodeEmail, error: 'followUp.email.invalid' })).exactOptional(),
    phone: text('followUp.phone', LIMITS.phoneMax)
      .refine(hasPlausiblePhoneDigits, { error: 'followUp.phone.invalid' })
      .exactOptional(),
    preferredLanguage: choice(LOCALES, 'followUp.preferredLanguage').exactOptional(),
    accessNeeds: text('followUp.accessNeeds', LIMITS.accessNeedsMax).exactOptional(),
  })
  .refine((followUp) => followUp.email !== undefined || followUp.phone !== undefined, {
    error: 'followUp.contact.required',
    path: ['email'],
  });

export const ConsentSchema = z.strictObject({
  storyProcessing: z.literal(true, { error: 'consent.storyProcessing.required' }),
  contactProcessing: z.boolean({ error: keyed('consent.contactProcessing') }).exactOptional(),
  version: z
    .string({ error: keyed('consent.version') })
    .trim()
    .min(1, { error: 'consent.version.required' })
    .max(LIMITS.consentVersionMax, { error: 'consent.version.invalid' }),
});

/** One story, as the public form sends it to `POST /api/v1/submissions`. */
export const SubmissionSchema = z
  .strictObject({
    locale: choice(LOCALES, 'locale'),
    channel: choice(CHANNELS, 'channel'),
    campaign: CampaignCodeSchema.exactOptional(),
    respondent: RespondentSchema,
    care: CareSchema,
    topics: distinctList(TOPICS, 'topics', 0, LIMITS.topicsMax).exactOptional(),
    story: StorySchema,
    rating: z
      .number({ error: keyed('rating') })
      .int({ error: 'rating.invalid' })
      .min(1, { error: 'rating.invalid' })
      .max(5, { error: 'rating.invalid' })
      .exactOptional(),
    followUp: FollowUpSchema.exactOptional(),
    consent: ConsentSchema,
  })
  .superRefine((submission, ctx) => {
    if (submission.respondent.relationship !== undefined && submission.respondent.role === 'patient') {
      ctx.addIssue({
        code: 'custom',
        path: ['respondent', 'relationship'],
        message: 'respondent.relationship.onlyForRelative',
      });
    }
    if (submission.followUp !== undefined && submission.consent.contactProcessing !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent', 'contactProcessing'],
        message: 'consent.contactProcessing.required',
      });
    }
  })
  .meta({ id: 'Submission' });

export type Submission = z.infer<typeof SubmissionSchema>;
export type SubmissionInput = z.input<typeof SubmissionSchema>;

export const RedactionSchema = z
  .strictObject({
    field: z.string(),
    kind: z.enum(REDACTION_KINDS),
    count: z.int().min(1),
  })
  .meta({ id: 'Redaction' });
export type Redaction = z.infer<typeof RedactionSchema>;

export const SubmissionAcceptedSchema = z
  .strictObject({
    id: z.string(),
    receiptCode: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    redactions: z.array(RedactionSchema),
  })
  .meta({ id: 'SubmissionAccepted' });
export type SubmissionAccepted = z.infer<typeof SubmissionAcceptedSchema>;

export const ReceiptSchema = z
  .strictObject({
    status: z.enum(RECEIPT_STATUSES),
    receivedOn: z.iso.date(),
  })
  .meta({ id: 'Receipt' });
export type Receipt = z.infer<typeof ReceiptSchema>;

export const IdempotencyKeySchema = z.uuid();
