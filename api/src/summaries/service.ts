import { assertSuppressionK, quotableThemes, summarizeStories } from '@medskapa/analysis';
import { CARE_SETTINGS, RESPONDENT_ROLES, type Summary, type SummaryQuery, type SummaryQuote } from '../../contract/index.ts';
import { presentSummary } from './presenter.ts';
import type { QuoteCandidate, SummaryRepository } from './repository.ts';

export const QUOTES_PER_THEME = 3;
export const QUOTE_MAX_LENGTH = 280;

export interface SummaryViewer {
  /** Facilitators may open stories, so their quotes carry the story id. */
  readonly storyIds: boolean;
  /**
   * False for callers that need the numbers only (a table export): quotes make the grouping pass read the stories'
   * tag references and text. Default true.
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

  /**
   * Up to `perTheme` quotes, each from another story, in the candidates' order (excerpts first). The candidates come
   * from the stories that match the filter, with the story's text read in the same pass.
   */
  function quotesFor(candidates: ReadonlyArray<QuoteCandidate>, perTheme: number): FoundQuote[] {
    const quotes: FoundQuote[] = [];
    const used = new Set<string>();
    for (const { kind, field, start, end, story } of candidates) {
      if (quotes.length >= perTheme) break;
      if (used.has(story._id)) continue;
      const text = kind === 'excerpt' && field !== undefined ? (story.story[field] ?? '').slice(start ?? 0, end ?? 0) : story.story.whatHappened;
      if (text.trim() === '') continue;
      used.add(story._id);
      quotes.push({ text: shortenQuote(text), lang: story.locale, source: kind, storyId: story._id, month: story.receivedOn.slice(0, 7) });
    }
    return quotes;
  }

  function quotesFrom(themeIds: ReadonlyArray<string>, candidates: ReadonlyMap<string, QuoteCandidate[]>, perTheme: number): Map<string, FoundQuote[]> {
    return new Map(themeIds.map((themeId) => [themeId, quotesFor(candidates.get(themeId) ?? [], perTheme)]));
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
      const found = quotesFrom(quotable, candidates, QUOTES_PER_THEME);
      const quotes = new Map([...found].map(([themeId, list]) => [themeId, list.map(({ text, lang, source, storyId }): SummaryQuote => ({ text, lang, source, storyId }))]));
      const themes = await repository.themes(tables.themes.map((theme) => theme.themeId));
      return presentSummary(tables, { filter: query, themes, quotes, storyIds: viewer.storyIds });
    },
    async quotes(query, themeIds, perTheme) {
      if (themeIds.length === 0) return new Map();
      return quotesFrom(themeIds, await repository.quoteCandidatesAmong(query, 2 * perTheme), perTheme);
    },
  };
}
