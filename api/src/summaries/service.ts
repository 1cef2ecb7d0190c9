import { assertSuppressionK, quotableThemes, summarizeStories } from '@medskapa/analysis';
import { CARE_SETTINGS, RESPONDENT_ROLES, type Summary, type SummaryQuery, type SummaryQuote } from '../../contract/index.ts';
import { presentSummary } from './presenter.ts';
import type { StoryPassage, SummaryRepository } from './repository.ts';

export const QUOTES_PER_THEME = 3;
export const QUOTE_MAX_LENGTH = 280;
/** Themes whose quotes are looked up at the same time. */
const QUOTE_CONCURRENCY = 8;

export interface SummaryViewer {
  /** Facilitators may open stories, so their quotes carry the story id. */
  readonly storyIds: boolean;
}

export interface SummaryService {
  readonly k: number;
  /** The summary for a filter, with small-number suppression applied to every count, share, mean and quote. */
  summarize(query: SummaryQuery, viewer: SummaryViewer): Promise<Summary>;
}

/** At most QUOTE_MAX_LENGTH characters, cut at a space where one is near, never inside a character. */
export function shortenQuote(text: string): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  if (characters.length <= QUOTE_MAX_LENGTH) return characters.join('');
  const cut = characters.slice(0, QUOTE_MAX_LENGTH).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > cut.length / 2 ? cut.slice(0, space) : cut} …`;
}

export function createSummaryService(deps: { repository: SummaryRepository; k: number }): SummaryService {
  const { repository, k } = deps;
  assertSuppressionK(k);

  async function quotesFor(query: SummaryQuery, themeId: string): Promise<SummaryQuote[]> {
    const excerpts = await repository.excerpts(query, themeId, QUOTES_PER_THEME);
    const passages: Array<StoryPassage & { source: 'excerpt' | 'story' }> = excerpts.map((passage) => ({ ...passage, source: 'excerpt' }));
    if (passages.length < QUOTES_PER_THEME) {
      const quoted = new Set(passages.map((passage) => passage.storyId));
      for (const passage of await repository.storyStarts(query, themeId, QUOTES_PER_THEME + quoted.size)) {
        if (passages.length >= QUOTES_PER_THEME) break;
        if (quoted.has(passage.storyId) || passage.text === '') continue;
        passages.push({ ...passage, source: 'story' });
      }
    }
    return passages.map((passage) => ({ text: shortenQuote(passage.text), lang: passage.lang, source: passage.source, storyId: passage.storyId }));
  }

  return {
    k,
    async summarize(query, viewer) {
      const groups = await repository.groups(query);
      const tables = summarizeStories(groups, {
        k,
        roles: RESPONDENT_ROLES,
        careSettings: CARE_SETTINGS,
        filter: { theme: query.theme, careSetting: query.careSetting, role: query.role },
      });
      const quotes = new Map<string, SummaryQuote[]>();
      const quotable = quotableThemes(tables);
      for (let start = 0; start < quotable.length; start += QUOTE_CONCURRENCY) {
        await Promise.all(
          quotable.slice(start, start + QUOTE_CONCURRENCY).map(async (themeId) => {
            quotes.set(themeId, await quotesFor(query, themeId));
          }),
        );
      }
      const themes = await repository.themes(tables.themes.map((theme) => theme.themeId));
      return presentSummary(tables, { filter: query, themes, quotes, storyIds: viewer.storyIds });
    },
  };
}
