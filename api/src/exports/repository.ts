import { MongoServerError, type FindCursor } from 'mongodb';
import type { Connection } from 'mongoose';
import { STORY_TEXT_FIELDS, type ExportLanguage, type StoryExportRecord, type SummaryQuery } from '../../contract/index.ts';
import { driverCollection } from '../db/collections.ts';
import type { SubmissionRecordDocument } from '../feedback/repository.ts';
import { summaryFilter } from '../summaries/repository.ts';

/** Stories read from the database per round trip, and records yielded at a time. */
export const EXPORT_BATCH_SIZE = 1000;
/**
 * How long the count for the progress header may take. MongoDB counts in milliseconds; FerretDB reads every
 * story to count (about as long as the export itself), so a large export there starts without a total.
 */
export const EXPORT_COUNT_BUDGET_MS = 2500;

/** MongoDB's (and FerretDB's) error code for an operation stopped by its maxTimeMS. */
const MAX_TIME_MS_EXPIRED = 50;

/** Only what an export may carry: no hashes, receipt data, follow-up flag or redaction offsets. */
export const STORY_PROJECTION = {
  receivedOn: 1,
  locale: 1,
  channel: 1,
  status: 1,
  'respondent.role': 1,
  'care.settings': 1,
  topics: 1,
  rating: 1,
  campaign: 1,
  campaignContext: 1,
  story: 1,
  themes: 1,
  tagRefs: 1,
} as const;

export type ExportStory = Pick<SubmissionRecordDocument, '_id' | 'receivedOn' | 'locale' | 'channel' | 'status' | 'topics' | 'rating' | 'campaign' | 'campaignContext' | 'story' | 'themes' | 'tagRefs'> & {
  respondent: { role: string };
  care: { settings: string[] };
};

interface ThemeDocument {
  _id: string;
  labels?: { sv?: string; en?: string };
}

/** Cursors the exports have open right now; a cancelled or dropped export must bring this back to 0. */
const openCursors = new Set<FindCursor<ExportStory>>();

export function openExportCursors(): number {
  return openCursors.size;
}

export interface ExportRepository {
  /** The number of matching stories, or undefined when counting takes longer than `budgetMs`. */
  countStories(query: SummaryQuery, budgetMs?: number): Promise<number | undefined>;
  /**
   * Matching stories as export records, a batch at a time, read with a driver cursor. Stopping the iteration early
   * (a cancelled download) closes the cursor.
   */
  storyBatches(query: SummaryQuery, lang: ExportLanguage, batchSize?: number): AsyncGenerator<StoryExportRecord[]>;
}

export function createExportRepository(connection: Connection): ExportRepository {
  const stories = () => driverCollection<SubmissionRecordDocument>(connection, 'submissions');

  async function themeLabels(lang: ExportLanguage): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    for await (const theme of driverCollection<ThemeDocument>(connection, 'themes').find({}, { projection: { labels: 1 } })) {
      labels.set(theme._id, theme.labels?.[lang] ?? theme.labels?.sv ?? theme._id);
    }
    return labels;
  }

  function toRecord(story: ExportStory, labels: ReadonlyMap<string, string>): StoryExportRecord {
    const context = story.campaignContext;
    return {
      receivedOn: story.receivedOn,
      locale: story.locale,
      channel: story.channel,
      status: story.status,
      respondentRole: story.respondent.role,
      careSettings: story.care.settings,
      topics: story.topics,
      rating: story.rating ?? null,
      campaign: story.campaign ?? null,
      site: context?.site ?? null,
      wave: context?.rolloutWave ?? null,
      phase: context?.phase ?? null,
      story: {
        whatHappened: story.story.whatHappened,
        whatWorkedWell: story.story.whatWorkedWell ?? '',
        whatCouldBeBetter: story.story.whatCouldBeBetter ?? '',
        idea: story.story.idea ?? '',
      },
      themes: story.themes.map((themeId) => ({ themeId, label: labels.get(themeId) ?? themeId })),
      // The excerpts' ranges come with the story (tagRefs, derived from the tags at write time).
      excerpts: (story.tagRefs ?? [])
        .flatMap((tag) => {
          const field = tag.kind === 'excerpt' ? tag.field : undefined;
          if (field === undefined) return [];
          const text = (story.story[field] ?? '').slice(tag.start ?? 0, tag.end ?? 0);
          return text === '' ? [] : [{ themeId: tag.themeId, label: labels.get(tag.themeId) ?? tag.themeId, field, text, start: tag.start ?? 0 }];
        })
        .sort((a, b) => STORY_TEXT_FIELDS.indexOf(a.field) - STORY_TEXT_FIELDS.indexOf(b.field) || a.start - b.start)
        .map(({ themeId, label, field, text }) => ({ themeId, label, field, text })),
    };
  }

  return {
    async countStories(query, budgetMs = EXPORT_COUNT_BUDGET_MS) {
      try {
        return await stories().countDocuments(summaryFilter(query), { maxTimeMS: budgetMs });
      } catch (error) {
        if (error instanceof MongoServerError && error.code === MAX_TIME_MS_EXPIRED) return undefined;
        throw error;
      }
    },
    async *storyBatches(query, lang, batchSize = EXPORT_BATCH_SIZE) {
      const labels = await themeLabels(lang);
      const cursor = stories().find<ExportStory>(summaryFilter(query), { projection: STORY_PROJECTION, batchSize });
      openCursors.add(cursor);
      try {
        let batch: StoryExportRecord[] = [];
        for await (const story of cursor) {
          batch.push(toRecord(story, labels));
          if (batch.length >= batchSize) {
            // Ask for the next batch before handing this one on, so the database reads while the file is written
            // (the driver fetches only when its buffer is empty: one batch ahead at most).
            const ahead = cursor.hasNext();
            ahead.catch(() => {});
            yield batch;
            batch = [];
            await ahead;
          }
        }
        if (batch.length > 0) yield batch;
      } finally {
        await cursor.close();
        openCursors.delete(cursor);
      }
    },
  };
}
