import { createHash } from 'node:crypto';
import {
  compileCodebook,
  isFormLocale,
  MODEL_VERSION,
  rankThemes,
  resolveTopicThemes,
  selectShown,
  type Codebook,
  type CompiledCodebook,
  type FormLocale,
  type ThemeModel,
} from '@medskapa/analysis';
import { LOCALES, STORY_TEXT_FIELDS, type StoryTextField } from '../../contract/index.ts';
import type { StoredTheme } from '../themes/repository.ts';
import { starterThemeId } from '../themes/seed.ts';

/** Raise when the way suggestions are computed here changes, so every story is computed again. */
export const SUGGESTION_ENGINE_VERSION = 1;

export interface StoredEvidence {
  readonly field: StoryTextField;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface StoredSuggestion {
  readonly themeId: string;
  readonly score: number;
  readonly evidence: StoredEvidence[];
}

/** What the engine needs of the codebook and the model, with the version the stories are stamped with. */
export interface SuggestionContext {
  readonly version: string;
  readonly codebook: Codebook;
  readonly compiled: CompiledCodebook;
  readonly topicThemes: Readonly<Record<string, readonly string[]>>;
  readonly model: ThemeModel | undefined;
  readonly modelVersion: string | undefined;
}

/** The story fields the engine reads: masked text, form language, the respondent's topics. */
export interface StoryInput {
  readonly locale: string;
  readonly topics?: readonly string[] | undefined;
  readonly story: Partial<Record<StoryTextField, string | undefined>>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The codebook as the analysis engine reads it; only what changes a suggestion (not labels' wording or colours). */
export function engineCodebook(themes: readonly StoredTheme[]): Codebook {
  return [...themes]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((theme) => ({
      id: theme.id,
      ...(theme.parentId === undefined ? {} : { parentId: theme.parentId }),
      labels: theme.labels,
      keywords: Object.fromEntries(LOCALES.flatMap((locale) => (theme.keywords[locale] === undefined ? [] : [[locale, [...(theme.keywords[locale] ?? [])]]]))),
      status: theme.status,
    }));
}

/** The respondent's topics → this installation's theme ids (a merged starter theme points at the theme it went into). */
export function topicThemesFor(themes: readonly StoredTheme[]): Record<string, string[]> {
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  return resolveTopicThemes((key) => {
    let theme = byId.get(starterThemeId(key));
    const seen = new Set<string>();
    while (theme?.mergedInto !== undefined && !seen.has(theme.id)) {
      seen.add(theme.id);
      theme = byId.get(theme.mergedInto);
    }
    return theme?.status === 'active' ? theme.id : undefined;
  });
}

/** Same codebook (themes, parents, keywords, status, topic mapping) and model → same version. */
export function contextVersion(codebook: Codebook, topicThemes: Readonly<Record<string, readonly string[]>>, modelVersion: string | undefined): string {
  const themes = codebook.map((theme) => [theme.id, theme.parentId ?? null, theme.status, LOCALES.map((locale) => theme.keywords?.[locale] ?? [])]);
  const topics = Object.keys(topicThemes)
    .sort()
    .map((topic) => [topic, topicThemes[topic] ?? []]);
  return sha256(JSON.stringify([SUGGESTION_ENGINE_VERSION, MODEL_VERSION, themes, topics, modelVersion ?? null])).slice(0, 24);
}

export function createContext(themes: readonly StoredTheme[], model: { version: string; model: ThemeModel } | undefined): SuggestionContext {
  const codebook = engineCodebook(themes);
  const topicThemes = topicThemesFor(themes);
  return {
    version: contextVersion(codebook, topicThemes, model?.version),
    codebook,
    compiled: compileCodebook(codebook),
    topicThemes,
    model: model?.model,
    modelVersion: model?.version,
  };
}

export function formLocaleOf(locale: string): FormLocale {
  return isFormLocale(locale) ? locale : 'sv';
}

/** The story as the analysis engine reads it. */
export function storyForEngine(story: StoryInput) {
  const fields: Record<string, string> = {};
  for (const field of STORY_TEXT_FIELDS) {
    const text = story.story[field];
    if (text !== undefined && text !== '') fields[field] = text;
  }
  return { fields, locale: formLocaleOf(story.locale), topics: story.topics ?? [] };
}

const isTextField = (value: string): value is StoryTextField => STORY_TEXT_FIELDS.some((field) => field === value);

/**
 * The suggestions to store for one story: the engine's ranking without the themes the story is already tagged
 * with (nor their ancestors, which would say less) and without the ones a facilitator rejected for it; then the
 * engine's own display rule (threshold, at most three, the most specific theme wins).
 */
export function suggestFor(
  story: StoryInput,
  context: SuggestionContext,
  exclude: { readonly tagged: readonly string[]; readonly rejected: readonly string[] },
): { language: FormLocale; suggestions: StoredSuggestion[] } {
  const ranked = rankThemes(storyForEngine(story), context.compiled, context.model, { topicThemes: context.topicThemes });
  const excluded = new Set<string>([...exclude.rejected, ...exclude.tagged]);
  for (const themeId of exclude.tagged) for (const ancestor of context.compiled.ancestors.get(themeId) ?? []) excluded.add(ancestor);
  const shown = selectShown(
    ranked.ranking.filter((suggestion) => !excluded.has(suggestion.themeId)),
    context.compiled,
  ).filter((suggestion) => !excluded.has(suggestion.themeId));
  return {
    language: ranked.language,
    suggestions: shown.map((suggestion) => ({
      themeId: suggestion.themeId,
      score: suggestion.score,
      evidence: suggestion.evidence.flatMap((evidence) =>
        isTextField(evidence.field) ? [{ field: evidence.field, start: evidence.start, end: evidence.end, text: evidence.text }] : [],
      ),
    })),
  };
}
