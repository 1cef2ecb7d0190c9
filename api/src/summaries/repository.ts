import type { StoryGroup } from '@medskapa/analysis';
import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { LOCALES, periodEnd, periodStart, STORY_TEXT_FIELDS, type Locale, type SummaryQuery } from '../../contract/index.ts';
import { driverCollection } from '../db/collections.ts';
import type { SubmissionRecordDocument } from '../feedback/repository.ts';

/** A passage of a story as stored (masked when the story arrived), before the service shortens it. */
export interface StoryPassage {
  readonly storyId: string;
  readonly text: string;
  readonly lang: Locale;
}

export interface ThemeInfo {
  readonly labels: { readonly sv: string; readonly en: string };
  readonly parentId?: string;
}

export interface SummaryRepository {
  /** Matching stories, grouped by every attribute a summary counts: one `$match` and one `$group`. */
  groups(query: SummaryQuery): Promise<StoryGroup[]>;
  /** Tagged excerpts of this theme in matching stories, newest tag first, at most one per story. */
  excerpts(query: SummaryQuery, themeId: string, limit: number): Promise<StoryPassage[]>;
  /** "What happened" of matching stories with this theme, newest first. */
  storyStarts(query: SummaryQuery, themeId: string, limit: number): Promise<StoryPassage[]>;
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
const localeOf = (value: unknown): Locale => LOCALES.find((locale) => locale === value) ?? 'sv';

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

/** The group pipeline (exported for the benchmark, which times it against a plain count by theme). */
export function groupPipeline(query: SummaryQuery): object[] {
  return [
    { $match: summaryFilter(query) },
    // Grouping by the whole (sorted) theme list keeps co-occurrence exact without a second pass.
    { $group: { _id: { themes: '$themes', month: '$month', rating: '$rating', role: '$respondent.role', settings: '$care.settings' }, count: { $sum: 1 } } },
    { $sort: { _id: 1 } },
  ];
}

const EXCERPT_BATCH = 100;
/** How many excerpt tags are looked at per theme before falling back to story starts. */
const EXCERPT_SCAN_LIMIT = 1000;

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
    async excerpts(query, themeId, limit) {
      const found: StoryPassage[] = [];
      const used = new Set<string>();
      const cursor = tags().find({ themeId, kind: 'excerpt' }).sort({ createdAt: -1, _id: -1 }).limit(EXCERPT_SCAN_LIMIT);
      let batch: TagDocument[] = [];
      const flush = async () => {
        const ids = [...new Set(batch.map((tag) => tag.storyId))].filter((storyId) => !used.has(storyId));
        if (ids.length === 0) return;
        const filter: Filter<SubmissionRecordDocument> = { ...summaryFilter(query, themeId), _id: { $in: ids } };
        const matching = new Map(
          (await stories().find(filter, { projection: { story: 1, locale: 1 } }).toArray()).map((story) => [story._id, story]),
        );
        for (const tag of batch) {
          if (found.length >= limit) return;
          const story = matching.get(tag.storyId);
          const field = STORY_TEXT_FIELDS.find((name) => name === tag.field);
          if (story === undefined || used.has(tag.storyId) || field === undefined) continue;
          const text = (story.story[field] ?? '').slice(tag.start ?? 0, tag.end ?? 0).trim();
          if (text === '') continue;
          used.add(tag.storyId);
          found.push({ storyId: story._id, text, lang: localeOf(story.locale) });
        }
      };
      for await (const tag of cursor) {
        batch.push(tag);
        if (batch.length < EXCERPT_BATCH) continue;
        await flush();
        batch = [];
        if (found.length >= limit) break;
      }
      if (found.length < limit) await flush();
      await cursor.close();
      return found;
    },
    async storyStarts(query, themeId, limit) {
      const documents = await stories()
        .find(summaryFilter(query, themeId), { projection: { 'story.whatHappened': 1, locale: 1 } })
        .sort({ receivedOn: -1, _id: -1 })
        .limit(limit)
        .toArray();
      return documents.map((story) => ({ storyId: story._id, text: story.story.whatHappened.trim(), lang: localeOf(story.locale) }));
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
