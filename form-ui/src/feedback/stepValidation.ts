import { zodResolver } from '@hookform/resolvers/zod';
import { CareSchema, FollowUpSchema, RespondentSchema, StorySchema, TOPICS, genericIssueKey } from '@medskapa/api/contract';
import type { FieldErrors } from 'react-hook-form';
import { z } from 'zod';
import { hasRelative, present, toWesternDigits, type FormValues, type Step } from './formValues.ts';

// Each question page validates its own part with the contract's schemas, so the form and the API agree.
const RespondentStep = z.object({
  respondent: z.preprocess(
    (value: FormValues['respondent']) =>
      present({ ...value, relationship: hasRelative(value.role) ? value.relationship : '' }),
    RespondentSchema.superRefine((respondent, ctx) => {
      if (respondent.role === 'relative' && respondent.relationship === undefined) {
        ctx.addIssue({ code: 'custom', path: ['relationship'], message: 'respondent.relationship.required' });
      }
    }),
  ),
});

const CareStep = z.object({ care: z.preprocess((value: FormValues['care']) => present(value), CareSchema) });

const TopicsStep = z.object({
  topics: z.array(z.enum(TOPICS)).max(8, { error: 'topics.tooMany' }),
});

const StoryStep = z.object({ story: z.preprocess((value: FormValues['story']) => present(value), StorySchema) });

const RatingStep = z.object({ rating: z.enum(['', '1', '2', '3', '4', '5']) });

const TakePartStep = z
  .object({ takePart: z.enum(['yes', 'no'], { error: 'takePart.required' }), followUp: z.unknown() })
  .superRefine((value, ctx) => {
    if (value.takePart !== 'yes' || typeof value.followUp !== 'object' || value.followUp === null) return;
    const followUp = value.followUp as FormValues['followUp'];
    const parsed = FollowUpSchema.safeParse(present({ ...followUp, phone: toWesternDigits(followUp.phone) }));
    if (parsed.success) return;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['followUp', ...issue.path.map(String)], message: issue.message });
  });

const ConsentStep = z.object({
  consent: z.object({ storyProcessing: z.literal(true, { error: 'consent.storyProcessing.required' }), contactProcessing: z.boolean() }),
  takePart: z.string(),
}).superRefine((value, ctx) => {
  if (value.takePart === 'yes' && !value.consent.contactProcessing) {
    ctx.addIssue({ code: 'custom', path: ['consent', 'contactProcessing'], message: 'consent.contactProcessing.required' });
  }
});

export const STEP_SCHEMAS: Partial<Record<Step, z.ZodType<unknown, Record<string, unknown>>>> = {
  you: RespondentStep,
  care: CareStep,
  topics: TopicsStep,
  story: StoryStep,
  rating: RatingStep,
  takePart: TakePartStep,
  consent: ConsentStep,
};


/** Validates one page with the contract's schemas through zodResolver; loaded on the first Continue. */
export async function validateStep(step: Step, values: FormValues): Promise<FieldErrors<FormValues>> {
  const schema = STEP_SCHEMAS[step];
  if (schema === undefined) return {};
  const resolve = zodResolver(schema, { error: genericIssueKey });
  const { errors } = await resolve(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return errors as FieldErrors<FormValues>;
}
