import { assertSuppressionK, quotableThemes, summarizeStories } from '@medskapa/analysis';
import { CARE_SETTINGS, RESPONDENT_ROLES, type Summary, type SummaryQuery, type SummaryQuote } from '../../contract/index.ts';
import { presentSummary } from './presenter.ts';
import { storyMatches, type QuotableStory, type QuoteCandidate, type SummaryRepository } from './repository.ts';

export const QUOTES_PER_THEME = 3;
export const QUOTE_MAX_LENGTH = 280;
/** Themes whose quotes are looked up at the same time, and stories looked up at once for one theme. */
const QUOTE_CONCURRENCY = 8;
const LOOKUP_BATCH = 4;
/**
 * Newest excerpts and newest whole-story tags considered per theme. A narrow filter may reject them all; the theme
 * then has fewer quotes rather than a scan of every story.
 */
const CANDIDATES_PER_KIND = 40;

export interface SummaryViewer {
  /** Facilitators may open stories, so their quotes carry the story id. */
  readonly storyIds: boolean;
  /**
   * False for callers that need the numbers only (a table export): quotes need the stories' tag references in the
   * grouping pass and a look-up of each quoted story. Default true.
   */
  readonly quotes?: boolean;
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

  /** Up to QUOTES_PER_THEME quotes, each from another matching story: excerpts first, then story starts. */
  async function quotesFor(query: SummaryQuery, themeId: string, candidates: ReadonlyArray<QuoteCandidate>, stories: Map<string, Promise<QuotableStory | undefined>>): Promise<SummaryQuote[]> {
    const quotes: SummaryQuote[] = [];
    const used = new Set<string>();
    for (let start = 0; start < candidates.length && quotes.length < QUOTES_PER_THEME; start += LOOKUP_BATCH) {
      const batch = candidates.slice(start, start + LOOKUP_BATCH);
      const found = await Promise.all(
        batch.map((candidate) => {
          let story = stories.get(candidate.storyId);
          if (story === undefined) stories.set(candidate.storyId, (story = repository.quotableStory(candidate.storyId)));
          return story;
        }),
      );
      batch.forEach((candidate, index) => {
        const story = found[index];
        if (quotes.length >= QUOTES_PER_THEME || story === undefined || used.has(story._id) || !storyMatches(story, query, themeId)) return;
        const text =
          candidate.kind === 'excerpt' && candidate.field !== undefined
            ? (story.story[candidate.field] ?? '').slice(candidate.start ?? 0, candidate.end ?? 0)
            : story.story.whatHappened;
        if (text.trim() === '') return;
        used.add(story._id);
        quotes.push({ text: shortenQuote(text), lang: story.locale, source: candidate.kind === 'excerpt' ? 'excerpt' : 'story', storyId: story._id });
      });
    }
    return quotes;
  }

  return {
    k,
    async summarize(query, viewer) {
      const { groups, quoteCandidates } = await repository.groups(query, viewer.quotes === false ? {} : { quotesPerKind: 2 * QUOTES_PER_THEME });
      const tables = summarizeStories(groups, {
        k,
        roles: RESPONDENT_ROLES,
        careSettings: CARE_SETTINGS,
        filter: { theme: query.theme, careSetting: query.careSetting, role: query.role },
      });
      const quotable = viewer.quotes === false ? [] : quotableThemes(tables);
      // Grouped in the app, the candidates came from the matching stories in the same pass; otherwise the newest
      // tags of each theme are, tested story by story.
      const candidates = quoteCandidates ?? (quotable.length === 0 ? new Map<string, QuoteCandidate[]>() : await repository.quoteCandidates(quotable, CANDIDATES_PER_KIND));
      const stories = new Map<string, Promise<QuotableStory | undefined>>();
      const quotes = new Map<string, SummaryQuote[]>();
      for (let start = 0; start < quotable.length; start += QUOTE_CONCURRENCY) {
        await Promise.all(
          quotable.slice(start, start + QUOTE_CONCURRENCY).map(async (themeId) => {
            quotes.set(themeId, await quotesFor(query, themeId, candidates.get(themeId) ?? [], stories));
          }),
        );
      }
      const themes = await repository.themes(tables.themes.map((theme) => theme.themeId));
      return presentSummary(tables, { filter: query, themes, quotes, storyIds: viewer.storyIds });
    },
  };
}
