import type { StoryGroup } from '@medskapa/analysis';
import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { periodEnd, periodStart, STORY_TEXT_FIELDS, type StoryTextField, type SummaryQuery } from '../../contract/index.ts';
import { driverCollection } from '../db/collections.ts';
import type { StoryTagRef, SubmissionRecordDocument } from '../feedback/repository.ts';

/** A tag that may give a quote: an excerpt (its range), or a whole-story tag (the start of "what happened"). */
export interface QuoteCandidate {
  readonly storyId: string;
  readonly kind: 'excerpt' | 'story';
  readonly field?: StoryTextField;
  readonly start?: number;
  readonly end?: number;
  /** The story, as read by the pass that found the candidate. */
  readonly story: QuotableStory;
}

/** What a quote needs of a story: its text (masked when it arrived), language and day. */
export type QuotableStory = Pick<SubmissionRecordDocument, '_id' | 'story' | 'locale' | 'receivedOn'>;

export interface ThemeInfo {
  readonly labels: { readonly sv: string; readonly en: string };
  readonly parentId?: string;
}

export interface SummaryRepository {
  /**
   * Matching stories, grouped by every attribute a summary counts. With `quotesPerKind`, and when the grouping ran
   * in the app, also each theme's quote candidates among the matching stories (newest excerpts and newest
   * whole-story tags, at most `quotesPerKind` of each), read from the stories' `tagRefs` in the same pass.
   */
  groups(query: SummaryQuery, options?: { quotesPerKind?: number }): Promise<{ groups: StoryGroup[]; quoteCandidates?: Map<string, QuoteCandidate[]> }>;
  /**
   * Per theme, quote candidates among the stories that match the filter (newest excerpts and newest whole-story
   * tags, at most `perKind` of each), from one pass over the matching stories' `tagRefs`.
   */
  quoteCandidatesAmong(query: SummaryQuery, perKind: number): Promise<Map<string, QuoteCandidate[]>>;
  themes(ids: ReadonlyArray<string>): Promise<Map<string, ThemeInfo>>;
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

/**
 * Where stories are grouped by every attribute a summary counts. `server`: one `$group` (MongoDB hashes the keys).
 * `client`: `$match` + `$project`, grouped here — FerretDB v1 compares each document with every group found so far,
 * so a `$group` with thousands of distinct keys grows with the square of the stories (measured: 4 000 stories in
 * 4 000 groups took 4.8 s). Both give the same groups.
 */
export type GroupingMode = 'server' | 'client';

const GROUP_FIELDS = { themes: '$themes', month: '$month', rating: '$rating', role: '$respondent.role', settings: '$care.settings' } as const;

/** What a quote reads of a story. */
const QUOTABLE_PROJECTION = { story: 1, locale: 1, receivedOn: 1 } as const;

/**
 * The pipeline for each mode (exported for the benchmark). In the app, `withQuotes` also reads each story's tag
 * references and what a quote needs, so quotes need no second pass and no look-ups (the text of all but a few
 * stories per theme is dropped as it is read).
 */
export function groupPipeline(query: SummaryQuery, mode: GroupingMode, withQuotes = false): object[] {
  const match = { $match: summaryFilter(query) };
  if (mode === 'client') {
    const quotes = withQuotes ? { ...QUOTABLE_PROJECTION, tagRefs: 1 } : {};
    return [match, { $project: { _id: 1, themes: 1, month: 1, rating: 1, 'respondent.role': 1, 'care.settings': 1, ...quotes } }];
  }
  // Grouping by the whole (sorted) theme list keeps co-occurrence exact without a second pass.
  return [match, { $group: { _id: GROUP_FIELDS, count: { $sum: 1 } } }, { $sort: { _id: 1 } }];
}

interface ProjectedStory {
  _id: string;
  tagRefs?: StoryTagRef[];
  themes?: unknown;
  month?: unknown;
  rating?: unknown;
  respondent?: { role?: unknown };
  care?: { settings?: unknown };
}

function toGroup(fields: { themes?: unknown; month?: unknown; rating?: unknown; role?: unknown; settings?: unknown }, count: number): StoryGroup | undefined {
  const { themes, month, rating, role, settings } = fields;
  if (typeof month !== 'string' || typeof role !== 'string') return undefined;
  return { themes: strings(themes), month, rating: typeof rating === 'number' ? rating : undefined, role, careSettings: strings(settings), count };
}

interface RankedCandidate {
  readonly candidate: QuoteCandidate;
  readonly at: number;
}

/** Newer first; ties by story id, then position, so the same data always gives the same quotes. */
function newerFirst(a: RankedCandidate, b: RankedCandidate): number {
  return b.at - a.at || (a.candidate.storyId < b.candidate.storyId ? 1 : a.candidate.storyId > b.candidate.storyId ? -1 : 0) || (b.candidate.start ?? 0) - (a.candidate.start ?? 0);
}

/** Keeps, per theme and kind, the `perKind` newest tag references of the stories it is shown. */
function quoteCandidateCollector(perKind: number) {
  const lists = new Map<string, { excerpt: RankedCandidate[]; story: RankedCandidate[] }>();
  return {
    add(story: QuotableStory & { tagRefs?: StoryTagRef[] }): void {
      for (const ref of story.tagRefs ?? []) {
        let byKind = lists.get(ref.themeId);
        if (byKind === undefined) lists.set(ref.themeId, (byKind = { excerpt: [], story: [] }));
        const list = byKind[ref.kind];
        const field = ref.kind === 'excerpt' ? STORY_TEXT_FIELDS.find((name) => name === ref.field) : undefined;
        if (ref.kind === 'excerpt' && field === undefined) continue;
        const ranked: RankedCandidate = {
          at: new Date(ref.at).getTime(),
          candidate: { storyId: story._id, kind: ref.kind, ...(field === undefined ? {} : { field, start: ref.start ?? 0, end: ref.end ?? 0 }), story },
        };
        const last = list[list.length - 1];
        if (list.length >= perKind && last !== undefined && newerFirst(ranked, last) >= 0) continue;
        list.push(ranked);
        list.sort(newerFirst);
        if (list.length > perKind) list.pop();
      }
    },
    result(): Map<string, QuoteCandidate[]> {
      return new Map([...lists].map(([themeId, byKind]) => [themeId, [...byKind.excerpt, ...byKind.story].map((ranked) => ranked.candidate)]));
    },
  };
}

/** `client` on FerretDB (buildInfo names its version), `server` on MongoDB. */
async function detectGroupingMode(connection: Connection): Promise<GroupingMode> {
  const info = await connection.getClient().db(connection.name).admin().command({ buildInfo: 1 });
  return typeof info['ferretdbVersion'] === 'string' ? 'client' : 'server';
}

export function createSummaryRepository(connection: Connection, options: { grouping?: GroupingMode } = {}): SummaryRepository {
  const stories = () => driverCollection<SubmissionRecordDocument>(connection, 'submissions');
  let mode: Promise<GroupingMode> | undefined = options.grouping === undefined ? undefined : Promise.resolve(options.grouping);
  return {
    async groups(query, options = {}) {
      mode ??= detectGroupingMode(connection).catch((error: unknown) => {
        mode = undefined;
        throw error;
      });
      const grouping = await mode;
      const groups: StoryGroup[] = [];
      if (grouping === 'server') {
        for await (const row of stories().aggregate<GroupRow>(groupPipeline(query, 'server'))) {
          const group = toGroup(row._id, row.count);
          if (group !== undefined) groups.push(group);
        }
        return { groups };
      }
      const candidates = options.quotesPerKind === undefined ? undefined : quoteCandidateCollector(options.quotesPerKind);
      const first = new Map<string, StoryGroup>();
      const counts = new Map<string, number>();
      const rows = stories().aggregate<ProjectedStory & QuotableStory>(groupPipeline(query, 'client', candidates !== undefined), { batchSize: 5000 });
      for await (const story of rows) {
        const group = toGroup({ themes: story.themes, month: story.month, rating: story.rating, role: story.respondent?.role, settings: story.care?.settings }, 1);
        if (group === undefined) continue;
        candidates?.add(story);
        const key = JSON.stringify([group.themes, group.month, group.rating ?? null, group.role, group.careSettings]);
        const count = counts.get(key);
        if (count === undefined) first.set(key, group);
        counts.set(key, (count ?? 0) + 1);
      }
      for (const [key, group] of first) groups.push({ ...group, count: counts.get(key) ?? 1 });
      return candidates === undefined ? { groups } : { groups, quoteCandidates: candidates.result() };
    },
    async quoteCandidatesAmong(query, perKind) {
      const candidates = quoteCandidateCollector(perKind);
      const matching = stories().aggregate<QuotableStory & { tagRefs?: StoryTagRef[] }>([{ $match: summaryFilter(query) }, { $project: { ...QUOTABLE_PROJECTION, tagRefs: 1 } }], { batchSize: 5000 });
      for await (const story of matching) candidates.add(story);
      return candidates.result();
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
