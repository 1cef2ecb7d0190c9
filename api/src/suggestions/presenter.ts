import { z } from 'zod';
import { LOCALES, STORY_TEXT_FIELDS, type Locale, type Suggestion } from '../../contract/index.ts';

const StoredSuggestions = z.object({
  story: z.record(z.string(), z.string()),
  themes: z.array(z.string()).optional(),
  suggestions: z
    .array(
      z.object({
        themeId: z.string(),
        score: z.number(),
        evidence: z.array(z.object({ field: z.enum(STORY_TEXT_FIELDS), start: z.int(), end: z.int(), text: z.string() })),
      }),
    )
    .optional(),
});

/**
 * The story's stored suggestions as the workspace gets them: without themes tagged since they were computed, and
 * only evidence that still points at the same words (a de-identification edit moves text until the worker catches up).
 */
export function presentSuggestions(story: object): Suggestion[] {
  const parsed = StoredSuggestions.safeParse(story);
  if (!parsed.success) return [];
  const tagged = new Set(parsed.data.themes ?? []);
  return (parsed.data.suggestions ?? [])
    .filter((suggestion) => !tagged.has(suggestion.themeId))
    .map((suggestion) => ({
      themeId: suggestion.themeId,
      score: suggestion.score,
      evidence: suggestion.evidence
        .filter((evidence) => parsed.data.story[evidence.field]?.slice(evidence.start, evidence.end) === evidence.text)
        .map(({ field, start, end, text }) => ({ field, start, end, text })),
    }));
}

const StoredLanguage = z.object({ language: z.enum(LOCALES) });

/** The detected written language, once the worker has computed it. */
export function presentLanguage(story: object): { language?: Locale } {
  const parsed = StoredLanguage.safeParse(story);
  return parsed.success ? { language: parsed.data.language } : {};
}
