import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { STORY_TEXT_FIELDS, type EmergingQuery, type EmergingTerm, type Locale, type StoryTextField } from '../../contract/index.ts';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import type { SubmissionRecordDocument } from '../feedback/repository.ts';
import { summaryFilter } from '../summaries/repository.ts';

/** What clustering reads of a story: its masked text fields and languages. */
export interface EmergingStory {
  readonly id: string;
  readonly locale: Locale;
  /** The written language, once the suggestion worker has detected it. */
  readonly language?: string;
  readonly fields: Partial<Record<StoryTextField, string>>;
}

/** What decides whether a cached run still stands for a story: that it is there, its edits and its language. */
export interface StoryStamp {
  readonly id: string;
  readonly edits: number;
  readonly language: string;
}

/** A quote as stored in a run: which story and field, never the text (a deleted or edited story must not live on here). */
export interface StoredQuote {
  readonly storyId: string;
  readonly field: string;
  readonly lang: Locale;
}

export interface StoredCluster {
  readonly id: string;
  readonly size: number;
  readonly cohesion: number;
  readonly topTerms: EmergingTerm[];
  readonly quotes: StoredQuote[];
  readonly storyIds: string[];
  readonly themeIds: string[];
}

/** One clustering of the untagged stories for one filter: the stable snapshot a "make a theme" request refers to. */
export interface ClusterRun {
  readonly id: string;
  /** Hash of the algorithm version, the filter, the codebook and every grouped story's stamp. */
  readonly dataVersion: string;
  readonly generatedAt: Date;
  readonly createdBy: string;
  readonly stories: number;
  readonly clustered: number;
  readonly clusters: StoredCluster[];
  /** Cluster id → the theme made from it ("pending" while it is being made). */
  readonly themed: Record<string, string>;
}

interface ClusterRunDocument extends Omit<ClusterRun, 'id'> {
  _id: string;
}

/** A stored story with the fields the suggestion worker derives (the written language, suggestions). */
interface StoryDocument extends SubmissionRecordDocument {
  language?: string;
  suggestions?: Array<{ score?: number }>;
}

export interface EmergingRepository {
  /** Untagged stories matching the filter, by id; with `strongScore`, those with a stored suggestion at least that strong are left out. */
  stamps(query: EmergingQuery, strongScore: number | undefined): Promise<StoryStamp[]>;
  /** The text of the given stories (in id order). */
  stories(ids: readonly string[]): Promise<EmergingStory[]>;
  /** Ids among the given that still exist. */
  existing(ids: readonly string[]): Promise<string[]>;
  findRun(id: string): Promise<ClusterRun | undefined>;
  findRunByVersion(dataVersion: string): Promise<ClusterRun | undefined>;
  insertRun(run: ClusterRun): Promise<void>;
  /** Marks a cluster as being made into a theme; false when it already is or was. */
  claimCluster(runId: string, clusterId: string): Promise<boolean>;
  setClusterTheme(runId: string, clusterId: string, themeId: string): Promise<void>;
  releaseCluster(runId: string, clusterId: string): Promise<void>;
  /** Runs generated before `before`; their snapshots are no longer offered. */
  deleteRunsBefore(before: Date): Promise<number>;
  ensureIndexes(): Promise<void>;
}

/** Ids per `$in` query: one huge `$in` is slow on FerretDB and large on the wire. */
const BATCH = 1000;
const TEXT_PROJECTION = { _id: 1, locale: 1, language: 1, ...Object.fromEntries(STORY_TEXT_FIELDS.map((field) => [`story.${field}`, 1])) };

function toRun(document: ClusterRunDocument): ClusterRun {
  const { _id, ...rest } = document;
  return { id: _id, ...rest, themed: rest.themed ?? {} };
}

export function createEmergingRepository(connection: Connection): EmergingRepository {
  const submissions = () => driverCollection<StoryDocument>(connection, 'submissions');
  const runs = () => driverCollection<ClusterRunDocument>(connection, 'clusterRuns');

  function untagged(query: EmergingQuery): Filter<SubmissionRecordDocument> {
    const { includeSuggested, ...filters } = query;
    void includeSuggested;
    // Equality on the derived tag count first (reference/ferretdb.md §5), then the summary's filter fields.
    return { themeCount: 0, ...summaryFilter(filters) };
  }

  return {
    async stamps(query, strongScore) {
      const documents = await submissions()
        .find(untagged(query), { projection: { _id: 1, language: 1, manualRedactions: 1, ...(strongScore === undefined ? {} : { suggestions: 1 }) } })
        .sort({ _id: 1 })
        .toArray();
      return documents
        .filter((document) => strongScore === undefined || !(document.suggestions ?? []).some((suggestion) => (suggestion.score ?? 0) >= strongScore))
        .map((document) => ({ id: document._id, edits: document.manualRedactions?.length ?? 0, language: document.language ?? '' }));
    },
    async stories(ids) {
      const found: EmergingStory[] = [];
      for (let start = 0; start < ids.length; start += BATCH) {
        const batch = ids.slice(start, start + BATCH);
        const documents = await submissions().find({ _id: { $in: batch } }, { projection: TEXT_PROJECTION }).toArray();
        for (const document of documents) {
          found.push({
            id: document._id,
            locale: document.locale,
            ...(document.language === undefined ? {} : { language: document.language }),
            fields: document.story ?? {},
          });
        }
      }
      return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async existing(ids) {
      const found: string[] = [];
      for (let start = 0; start < ids.length; start += BATCH) {
        const documents = await submissions().find({ _id: { $in: ids.slice(start, start + BATCH) } }, { projection: { _id: 1 } }).toArray();
        found.push(...documents.map((document) => document._id));
      }
      return found;
    },
    async findRun(id) {
      const document = await runs().findOne({ _id: id });
      return document === null ? undefined : toRun(document);
    },
    async findRunByVersion(dataVersion) {
      const [document] = await runs().find({ dataVersion }).sort({ generatedAt: -1, _id: -1 }).limit(1).toArray();
      return document === undefined ? undefined : toRun(document);
    },
    async insertRun(run) {
      const { id, ...rest } = run;
      await runs().insertOne({ _id: id, ...rest });
    },
    async claimCluster(runId, clusterId) {
      const result = await runs().updateOne({ _id: runId, [`themed.${clusterId}`]: { $exists: false } }, { $set: { [`themed.${clusterId}`]: 'pending' } });
      return result.modifiedCount === 1;
    },
    async setClusterTheme(runId, clusterId, themeId) {
      await runs().updateOne({ _id: runId }, { $set: { [`themed.${clusterId}`]: themeId } });
    },
    async releaseCluster(runId, clusterId) {
      await runs().updateOne({ _id: runId }, { $unset: { [`themed.${clusterId}`]: '' } });
    },
    async deleteRunsBefore(before) {
      return (await runs().deleteMany({ generatedAt: { $lt: before } })).deletedCount;
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'clusterRuns');
      await runs().createIndex({ dataVersion: 1 });
      await runs().createIndex({ generatedAt: 1 });
    },
  };
}
