import { assertSuppressionK, quotableThemes, summarizeStories } from '@medskapa/analysis';
import { CARE_SETTINGS, RESPONDENT_ROLES, type Summary, type SummaryQuery, type SummaryQuote } from '../../contract/index.ts';
import { presentSummary } from './presenter.ts';
import { storyMatches, type QuotableStory, type QuoteCandidate, type SummaryRepository } from './repository.ts';

export const QUOTES_PER_THEME = 3;
export const QUOTE_MAX_LENGTH = 280;
/** Themes whose quotes are looked up at the same time, and stories looked up at once for one theme. */
const QUOTE_CONCURRENCY = 8;
const LOOKUP_BATCH = 4;

export interface SummaryViewer {
  /** Facilitators may open stories, so their quotes carry the story id. */
  readonly storyIds: boolean;
  /**
   * False for callers that need the numbers only (a table export): quotes need the stories' tag references in the
   * grouping pass and a look-up of each quoted story. Default true.
   */
  readonly quotes?: boolean;
}

/** A quote as found, before presentation: masked text, the story's language, month and id. */
export interface FoundQuote {
  readonly text: string;
  readonly lang: SummaryQuote['lang'];
  readonly source: 'excerpt' | 'story';
  readonly storyId: string;
  /** "2027-03": the month the story arrived. */
  readonly month: string;
}

export interface SummaryService {
  readonly k: number;
  /** The summary for a filter, with small-number suppression applied to every count, share, mean and quote. */
  summarize(query: SummaryQuery, viewer: SummaryViewer): Promise<Summary>;
  /**
   * Up to `perTheme` quotes for each of the given themes (the caller decides which themes may be quoted: a shown
   * count, so at least k stories), each from another story that matches the filter; excerpts first.
   */
  quotes(query: SummaryQuery, themeIds: ReadonlyArray<string>, perTheme: number): Promise<Map<string, FoundQuote[]>>;
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

  /** Up to `perTheme` quotes, each from another matching story: in the candidates' order (excerpts first). */
  async function quotesFor(
    query: SummaryQuery,
    themeId: string,
    candidates: ReadonlyArray<QuoteCandidate>,
    perTheme: number,
    stories: Map<string, Promise<QuotableStory | undefined>>,
  ): Promise<FoundQuote[]> {
    const quotes: FoundQuote[] = [];
    const used = new Set<string>();
    for (let start = 0; start < candidates.length && quotes.length < perTheme; start += LOOKUP_BATCH) {
      const batch = candidates.slice(start, start + LOOKUP_BATCH);
      const found = await Promise.all(
        batch.map((candidate) => {
          if (candidate.story !== undefined) return candidate.story;
          let story = stories.get(candidate.storyId);
          if (story === undefined) stories.set(candidate.storyId, (story = repository.quotableStory(candidate.storyId)));
          return story;
        }),
      );
      batch.forEach((candidate, index) => {
        const story = found[index];
        if (quotes.length >= perTheme || story === undefined || used.has(story._id) || !storyMatches(story, query, themeId)) return;
        const text =
          candidate.kind === 'excerpt' && candidate.field !== undefined
            ? (story.story[candidate.field] ?? '').slice(candidate.start ?? 0, candidate.end ?? 0)
            : story.story.whatHappened;
        if (text.trim() === '') return;
        used.add(story._id);
        quotes.push({ text: shortenQuote(text), lang: story.locale, source: candidate.kind, storyId: story._id, month: story.receivedOn.slice(0, 7) });
      });
    }
    return quotes;
  }

  /** Quotes for the themes from the candidates, a few themes at a time. */
  async function quotesFrom(query: SummaryQuery, themeIds: ReadonlyArray<string>, candidates: ReadonlyMap<string, QuoteCandidate[]>, perTheme: number): Promise<Map<string, FoundQuote[]>> {
    const stories = new Map<string, Promise<QuotableStory | undefined>>();
    const quotes = new Map<string, FoundQuote[]>();
    for (let start = 0; start < themeIds.length; start += QUOTE_CONCURRENCY) {
      await Promise.all(
        themeIds.slice(start, start + QUOTE_CONCURRENCY).map(async (themeId) => {
          quotes.set(themeId, await quotesFor(query, themeId, candidates.get(themeId) ?? [], perTheme, stories));
        }),
      );
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
      // Grouped in the app, the candidates came with the grouping pass; grouped by the server, they need a pass of their own.
      const candidates = quotable.length === 0 ? new Map<string, QuoteCandidate[]>() : (quoteCandidates ?? (await repository.quoteCandidatesAmong(query, 2 * QUOTES_PER_THEME)));
      const found = await quotesFrom(query, quotable, candidates, QUOTES_PER_THEME);
      const quotes = new Map([...found].map(([themeId, list]) => [themeId, list.map(({ text, lang, source, storyId }): SummaryQuote => ({ text, lang, source, storyId }))]));
      const themes = await repository.themes(tables.themes.map((theme) => theme.themeId));
      return presentSummary(tables, { filter: query, themes, quotes, storyIds: viewer.storyIds });
    },
    async quotes(query, themeIds, perTheme) {
      if (themeIds.length === 0) return new Map();
      return quotesFrom(query, themeIds, await repository.quoteCandidatesAmong(query, 2 * perTheme), perTheme);
    },
  };
}
