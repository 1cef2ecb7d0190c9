import type { StoryGroup } from '@medskapa/analysis';
import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { periodEnd, periodStart, STORY_TEXT_FIELDS, type StoryTextField, type SummaryQuery } from '../../contract/index.ts';
import { driverCollection } from '../db/collections.ts';
import type { SubmissionRecordDocument } from '../feedback/repository.ts';

/** A tag that may give a quote: an excerpt (its range), or a whole-story tag (the start of "what happened"). */
export interface QuoteCandidate {
  readonly storyId: string;
  readonly kind: 'excerpt' | 'story';
  readonly field?: StoryTextField;
  readonly start?: number;
  readonly end?: number;
}

/** What a quote needs of a story: its text (masked when it arrived), language, and the fields the filter tests. */
export type QuotableStory = Pick<SubmissionRecordDocument, '_id' | 'story' | 'locale' | 'themes' | 'campaign' | 'campaignContext' | 'respondent' | 'care' | 'receivedOn'>;

export interface ThemeInfo {
  readonly labels: { readonly sv: string; readonly en: string };
  readonly parentId?: string;
}

export interface SummaryRepository {
  /** Matching stories, grouped by every attribute a summary counts: one `$match` and one `$group`. */
  groups(query: SummaryQuery): Promise<StoryGroup[]>;
  /**
   * Per theme, its newest tags: excerpts first, then whole-story tags, at most `perKind` of each. One pass over
   * the tags for all themes (FerretDB on SQLite would scan the collection once per query otherwise).
   */
  quoteCandidates(themeIds: ReadonlyArray<string>, perKind: number): Promise<Map<string, QuoteCandidate[]>>;
  /** One story by id: an `_id` equality, the one lookup every backend serves from its primary key. */
  quotableStory(id: string): Promise<QuotableStory | undefined>;
  themes(ids: ReadonlyArray<string>): Promise<Map<string, ThemeInfo>>;
}

interface TagDocument {
  _id: string;
  storyId: string;
  themeId: string;
  kind: 'story' | 'excerpt';
  field?: string;
  start?: number;
  end?: number;
  createdAt: Date;
}

interface ThemeDocument {
  _id: string;
  labels?: { sv?: string; en?: string };
  parentId?: string;
}

interface GroupRow {
  _id: { themes?: unknown; month?: unknown; rating?: unknown; role?: unknown; settings?: unknown };
  count: number;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/**
 * The filter as a query on stored, write-time-derived fields. Top-level equality first (pushed down on
 * FerretDB/PostgreSQL), nested equality next, the date range last (reference/ferretdb.md §5).
 * `withTheme` narrows to stories that also carry that theme (for quotes).
 */
export function summaryFilter(query: SummaryQuery, withTheme?: string): Filter<SubmissionRecordDocument> {
  const filter: Filter<SubmissionRecordDocument> = {};
  const themes = [...new Set([query.theme, withTheme].filter((theme): theme is string => theme !== undefined))];
  const [theme] = themes;
  if (theme !== undefined) filter.themes = themes.length === 1 ? theme : { $all: themes };
  if (query.campaign !== undefined) filter.campaign = query.campaign;
  if (query.locale !== undefined) filter.locale = query.locale;
  const from = query.from === undefined ? undefined : periodStart(query.from);
  const to = query.to === undefined ? undefined : periodEnd(query.to);
  // One whole month is an equality on the stored month.
  const wholeMonth = query.from !== undefined && query.from.length === 7 && query.from === query.to ? query.from : undefined;
  if (wholeMonth !== undefined) filter.month = wholeMonth;
  if (query.role !== undefined) filter['respondent.role'] = query.role;
  if (query.careSetting !== undefined) filter['care.settings'] = query.careSetting;
  if (query.site !== undefined) filter['campaignContext.site'] = query.site;
  if (query.wave !== undefined) filter['campaignContext.rolloutWave'] = query.wave;
  if (query.phase !== undefined) filter['campaignContext.phase'] = query.phase;
  if (wholeMonth === undefined && (from !== undefined || to !== undefined)) {
    filter.receivedOn = { ...(from === undefined ? {} : { $gte: from }), ...(to === undefined ? {} : { $lte: to }) };
  }
  return filter;
}

/** The same filter as `summaryFilter`, tested on one story in TypeScript (for quotes looked up by id). */
export function storyMatches(story: QuotableStory, query: SummaryQuery, withTheme?: string): boolean {
  const from = query.from === undefined ? undefined : periodStart(query.from);
  const to = query.to === undefined ? undefined : periodEnd(query.to);
  return (
    (query.theme === undefined || story.themes.includes(query.theme)) &&
    (withTheme === undefined || story.themes.includes(withTheme)) &&
    (query.campaign === undefined || story.campaign === query.campaign) &&
    (query.locale === undefined || story.locale === query.locale) &&
    (query.role === undefined || story.respondent.role === query.role) &&
    (query.careSetting === undefined || story.care.settings.includes(query.careSetting)) &&
    (query.site === undefined || story.campaignContext?.site === query.site) &&
    (query.wave === undefined || story.campaignContext?.rolloutWave === query.wave) &&
    (query.phase === undefined || story.campaignContext?.phase === query.phase) &&
    (from === undefined || story.receivedOn >= from) &&
    (to === undefined || story.receivedOn <= to)
  );
}

/** The group pipeline (exported for the benchmark, which times it against a plain count by theme). */
export function groupPipeline(query: SummaryQuery): object[] {
  return [
    { $match: summaryFilter(query) },
    // Grouping by the whole (sorted) theme list keeps co-occurrence exact without a second pass.
    { $group: { _id: { themes: '$themes', month: '$month', rating: '$rating', role: '$respondent.role', settings: '$care.settings' }, count: { $sum: 1 } } },
    { $sort: { _id: 1 } },
  ];
}

export function createSummaryRepository(connection: Connection): SummaryRepository {
  const stories = () => driverCollection<SubmissionRecordDocument>(connection, 'submissions');
  const tags = () => driverCollection<TagDocument>(connection, 'tags');
  return {
    async groups(query) {
      const groups: StoryGroup[] = [];
      for await (const row of stories().aggregate<GroupRow>(groupPipeline(query))) {
        const { themes, month, rating, role, settings } = row._id;
        if (typeof month !== 'string' || typeof role !== 'string') continue;
        groups.push({
          themes: strings(themes),
          month,
          rating: typeof rating === 'number' ? rating : undefined,
          role,
          careSettings: strings(settings),
          count: row.count,
        });
      }
      return groups;
    },
    async quoteCandidates(themeIds, perKind) {
      const result = new Map<string, { excerpt: QuoteCandidate[]; story: QuoteCandidate[] }>(themeIds.map((id) => [id, { excerpt: [], story: [] }]));
      if (themeIds.length === 0) return new Map();
      let open = themeIds.length * 2;
      const cursor = tags()
        .find({ themeId: { $in: [...themeIds] } }, { projection: { storyId: 1, themeId: 1, kind: 1, field: 1, start: 1, end: 1 } })
        .sort({ createdAt: -1, _id: -1 });
      for await (const tag of cursor) {
        const lists = result.get(tag.themeId);
        const list = lists?.[tag.kind];
        if (list === undefined || list.length >= perKind) continue;
        const field = STORY_TEXT_FIELDS.find((name) => name === tag.field);
        list.push({
          storyId: tag.storyId,
          kind: tag.kind,
          ...(field === undefined ? {} : { field }),
          ...(tag.start === undefined ? {} : { start: tag.start }),
          ...(tag.end === undefined ? {} : { end: tag.end }),
        });
        if (list.length === perKind && (open -= 1) === 0) break;
      }
      await cursor.close();
      return new Map([...result].map(([id, lists]) => [id, [...lists.excerpt, ...lists.story]]));
    },
    async quotableStory(id) {
      const projection = { story: 1, locale: 1, themes: 1, campaign: 1, campaignContext: 1, respondent: 1, care: 1, receivedOn: 1 };
      return (await stories().findOne({ _id: id }, { projection })) ?? undefined;
    },
    async themes(ids) {
      const result = new Map<string, ThemeInfo>();
      if (ids.length === 0) return result;
      const documents = await driverCollection<ThemeDocument>(connection, 'themes')
        .find({ _id: { $in: [...ids] } }, { projection: { labels: 1, parentId: 1 } })
        .toArray();
      for (const theme of documents) {
        result.set(theme._id, {
          labels: { sv: theme.labels?.sv ?? theme._id, en: theme.labels?.en ?? theme.labels?.sv ?? theme._id },
          ...(theme.parentId === undefined ? {} : { parentId: theme.parentId }),
        });
      }
      return result;
    },
  };
}
