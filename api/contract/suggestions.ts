import { z } from 'zod';

/**
 * The learned part of the theme suggestions: which model the suggestions are computed with. `version` is a hash
 * of the model's JSON, so the same training data always gives the same version; null before the first training.
 */
export const SuggestionModelSchema = z
  .strictObject({
    version: z.string().nullable(),
    /** When this model was trained (ISO 8601); null before the first training. */
    trainedAt: z.string().nullable(),
    /** Stories it learnt from (tagged, or with a rejected suggestion). */
    examples: z.int(),
    /** Themes it learnt (those with at least one accepted example). */
    themes: z.int(),
    /** Stories whose suggestions are not yet computed with the current codebook and model. */
    pending: z.int(),
  })
  .meta({ id: 'SuggestionModel' });
export type SuggestionModel = z.infer<typeof SuggestionModelSchema>;

/** What a facilitator decided about a suggested theme. */
export const SUGGESTION_DECISIONS = ['accepted', 'rejected'] as const;
export type SuggestionDecision = (typeof SUGGESTION_DECISIONS)[number];

/**
 * The words a score is shown as: a facilitator reads "strong" or "weak", not 0.73. The bounds apply to the
 * score in 0..1; anything shown is at least the engine's display threshold (0.5).
 */
export const SUGGESTION_STRENGTHS = ['strong', 'moderate', 'weak'] as const;
export type SuggestionStrength = (typeof SUGGESTION_STRENGTHS)[number];

export function suggestionStrength(score: number): SuggestionStrength {
  if (score >= 0.8) return 'strong';
  if (score >= 0.65) return 'moderate';
  return 'weak';
}
