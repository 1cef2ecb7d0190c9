import { z } from 'zod';
import { LOCALES } from './lists.ts';
import { StoryQuerySchema } from './stories.ts';

/** The most stories one round may sample: two people code each of them by hand. */
export const AGREEMENT_SAMPLE_MAX = 200;
export const AGREEMENT_SEED_MAX = 2_147_483_647;
export const AGREEMENT_THEMES_MAX = 300;
/** Why a theme's kappa has no value (the analysis library's NotComputableReason). */
export const KAPPA_NOT_COMPUTABLE = ['noItems', 'bothNever', 'bothAlways'] as const;
/** Landis & Koch's words for a kappa value (the analysis library's KAPPA_BANDS). */
export const KAPPA_BAND_NAMES = ['poor', 'slight', 'fair', 'moderate', 'substantial', 'almostPerfect'] as const;
export const AGREEMENT_ROUND_STATUSES = ['coding', 'complete'] as const;

const id = (key: string) => z.string({ error: `${key}.required` }).min(1, { error: `${key}.required` }).max(64, { error: `${key}.invalid` });

/**
 * Which stories a round samples from: the inbox's filters (StoryQuery) that describe stories, without search words
 * or paging; the yes/no filters are JSON booleans here, not query-string text.
 */
export const AgreementFilterSchema = StoryQuerySchema.pick({
  status: true,
  theme: true,
  campaign: true,
  site: true,
  wave: true,
  phase: true,
  careSetting: true,
  role: true,
  locale: true,
  rating: true,
  from: true,
  to: true,
})
  .extend({
    untagged: z.boolean({ error: 'query.untagged.invalid' }).exactOptional(),
    attention: z.boolean({ error: 'query.attention.invalid' }).exactOptional(),
  })
  .refine((filter) => filter.from === undefined || filter.to === undefined || filter.from <= filter.to, { error: 'query.to.beforeFrom', path: ['to'] })
  .meta({ id: 'AgreementFilter' });
export type AgreementFilter = z.infer<typeof AgreementFilterSchema>;

export const CreateAgreementRoundSchema = z
  .strictObject({
    name: z.string({ error: 'agreement.name.required' }).trim().min(1, { error: 'agreement.name.required' }).max(120, { error: 'agreement.name.tooLong' }),
    coderA: id('agreement.coderA'),
    coderB: id('agreement.coderB'),
    size: z
      .int({ error: 'agreement.size.invalid' })
      .min(1, { error: 'agreement.size.invalid' })
      .max(AGREEMENT_SAMPLE_MAX, { error: 'agreement.size.tooLarge' }),
    /** Same filter, same seed and same stories give the same sample; left out, the server picks one and keeps it. */
    seed: z.int({ error: 'agreement.seed.invalid' }).min(0, { error: 'agreement.seed.invalid' }).max(AGREEMENT_SEED_MAX, { error: 'agreement.seed.invalid' }).exactOptional(),
    filter: AgreementFilterSchema.exactOptional(),
    /** The themes the coders choose among; left out, every active theme without active sub-themes. */
    themeIds: z
      .array(id('agreement.themeIds'), { error: 'agreement.themeIds.invalid' })
      .min(1, { error: 'agreement.themeIds.empty' })
      .max(AGREEMENT_THEMES_MAX, { error: 'agreement.themeIds.tooMany' })
      .exactOptional(),
  })
  .refine((round) => round.coderA !== round.coderB, { error: 'agreement.coderB.same', path: ['coderB'] })
  .meta({ id: 'CreateAgreementRound' });
export type CreateAgreementRound = z.infer<typeof CreateAgreementRoundSchema>;

/** One coder's choice for one story: the themes in scope that apply (none is a choice too). */
export const SaveAgreementCodesSchema = z
  .strictObject({
    themeIds: z.array(id('agreement.themeIds'), { error: 'agreement.themeIds.invalid' }).max(AGREEMENT_THEMES_MAX, { error: 'agreement.themeIds.tooMany' }),
  })
  .meta({ id: 'SaveAgreementCodes' });
export type SaveAgreementCodes = z.infer<typeof SaveAgreementCodesSchema>;

export const AgreementCodesSchema = z.strictObject({ storyId: z.string(), themeIds: z.array(z.string()), at: z.string() }).meta({ id: 'AgreementCodes' });
export type AgreementCodes = z.infer<typeof AgreementCodesSchema>;

export const AgreementCoderSchema = z
  .strictObject({
    id: z.string(),
    displayName: z.string(),
    /** Stories this coder has coded so far (a count only: never which themes). */
    coded: z.int(),
    finished: z.boolean(),
    finishedAt: z.string().optional(),
  })
  .meta({ id: 'AgreementCoder' });
export type AgreementCoder = z.infer<typeof AgreementCoderSchema>;

export const AgreementRoundSummarySchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    /** Coder A, then coder B. */
    coders: z.array(AgreementCoderSchema),
    /** Stories in the sample. */
    size: z.int(),
    themeCount: z.int(),
    seed: z.int(),
    filter: AgreementFilterSchema,
    /** `complete` once both coders have finished: only then are the results shown (to everyone). */
    status: z.enum(AGREEMENT_ROUND_STATUSES),
    /** Whether the signed-in user is one of the two coders. */
    isCoder: z.boolean(),
  })
  .meta({ id: 'AgreementRoundSummary' });
export type AgreementRoundSummary = z.infer<typeof AgreementRoundSummarySchema>;

/** A sampled story as the coders read it: masked text only; no tags, so the main coding cannot steer theirs. */
export const AgreementStorySchema = z
  .strictObject({
    id: z.string(),
    receivedOn: z.string(),
    locale: z.enum(LOCALES),
    story: z.strictObject({
      whatHappened: z.string(),
      whatWorkedWell: z.string().optional(),
      whatCouldBeBetter: z.string().optional(),
      idea: z.string().optional(),
    }),
  })
  .meta({ id: 'AgreementStory' });
export type AgreementStory = z.infer<typeof AgreementStorySchema>;

export const AgreementRoundSchema = AgreementRoundSummarySchema.extend({
  themeIds: z.array(z.string()),
  /** The sample, in the order drawn; a story deleted since is left out. */
  stories: z.array(AgreementStorySchema),
  /** The signed-in coder's own codes; empty for anyone else. The other coder's codes are never here. */
  myCodes: z.array(AgreementCodesSchema),
}).meta({ id: 'AgreementRound' });
export type AgreementRound = z.infer<typeof AgreementRoundSchema>;

export const AgreementTableSchema = z
  .strictObject({ both: z.int(), onlyA: z.int(), onlyB: z.int(), neither: z.int() })
  .meta({ id: 'AgreementTable' });

/** Cohen's kappa with what it is made of. `kappa` is null, with `notComputable` saying why, when it has no value. */
export const KappaSchema = z
  .strictObject({
    kappa: z.number().nullable(),
    notComputable: z.enum(KAPPA_NOT_COMPUTABLE).optional(),
    band: z.enum(KAPPA_BAND_NAMES).optional(),
    /** Observed agreement pₒ (0–1); null without stories. */
    observed: z.number().nullable(),
    /** Agreement expected by chance pₑ (0–1); null without stories. */
    expected: z.number().nullable(),
    items: z.int(),
    table: AgreementTableSchema,
  })
  .meta({ id: 'Kappa' });
export type Kappa = z.infer<typeof KappaSchema>;

export const AgreementResultsSchema = z
  .strictObject({
    roundId: z.string(),
    /** Coder A, then coder B: `onlyA`/`onlyB` refer to these. */
    coders: z.array(z.strictObject({ id: z.string(), displayName: z.string() })),
    /** Stories both coders coded. */
    items: z.int(),
    themes: z.array(KappaSchema.extend({ themeId: z.string() })),
    overall: z.strictObject({
      /** The mean of the per-theme kappas that have a value; null when none has. */
      meanKappa: z.number().nullable(),
      meanBand: z.enum(KAPPA_BAND_NAMES).optional(),
      computableThemes: z.int(),
      /** Every (story, theme) decision in one 2×2 table. */
      pooled: KappaSchema,
      /** The share of stories on which both chose exactly the same themes. */
      exactMatch: z.number().nullable(),
    }),
    disagreements: z.array(
      z.strictObject({
        storyId: z.string(),
        /** The start of "what happened" (masked). */
        preview: z.string(),
        both: z.array(z.string()),
        onlyA: z.array(z.string()),
        onlyB: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'AgreementResults' });
export type AgreementResults = z.infer<typeof AgreementResultsSchema>;

/** Someone who may code in a round: an active facilitator or admin. */
export const AgreementCoderOptionSchema = z.strictObject({ id: z.string(), displayName: z.string() }).meta({ id: 'AgreementCoderOption' });
export type AgreementCoderOption = z.infer<typeof AgreementCoderOptionSchema>;
