import { randomUUID } from 'node:crypto';
import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import type { StoryQuery, StoryStatus, StoryTextField } from '../../contract/index.ts';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import { storyWriteLock } from '../db/documentLock.ts';
import type { SubmissionRecordDocument } from '../feedback/repository.ts';

/** A story as the workspace reads it: the stored submission without its hashes. */
export type StoryRecord = Omit<SubmissionRecordDocument, 'idempotencyKeyHash' | 'requestHash' | 'receiptHash'>;

export interface StoredNote {
  readonly id: string;
  readonly storyId: string;
  readonly text: string;
  readonly createdAt: Date;
  readonly createdBy?: string;
  readonly authorName?: string;
}

interface NoteDocument {
  _id: string;
  storyId: string;
  text: string;
  createdAt: Date;
  createdBy?: string;
  authorName?: string;
}

export interface StoryListFilter extends Omit<StoryQuery, 'after' | 'limit' | 'q'> {
  /** Folded search words; every one must be among the story's tokens. */
  readonly words?: ReadonlyArray<string>;
}

export interface StoryCursor {
  readonly receivedOn: string;
  readonly id: string;
}

export interface StoryRepository {
  list(filter: StoryListFilter, after: StoryCursor | undefined, limit: number): Promise<{ items: StoryRecord[]; total: number; hasMore: boolean }>;
  find(id: string): Promise<StoryRecord | undefined>;
  /** Ids among the given that exist. */
  existing(ids: ReadonlyArray<string>): Promise<string[]>;
  updateWorkflow(id: string, change: { status?: StoryStatus; needsAttention?: boolean }): Promise<boolean>;
  /** Replaces one field's text only if it still equals `expected` (a concurrent edit makes this return false). */
  replaceText(id: string, field: StoryTextField, expected: string, next: string, tokens: string[]): Promise<boolean>;
  addNote(note: Omit<StoredNote, 'id'>): Promise<StoredNote>;
  notes(storyId: string): Promise<StoredNote[]>;
  ensureIndexes(): Promise<void>;
}

const PROJECTION = { idempotencyKeyHash: 0, requestHash: 0, receiptHash: 0 } as const;

/** The inbox filter as a database query (also used to draw agreement samples). */
export function toFilter(filter: StoryListFilter): Filter<SubmissionRecordDocument> {
  const query: Filter<SubmissionRecordDocument> = {};
  // Equality on top-level fields first (pushed down on FerretDB/PostgreSQL); ranges after (reference/ferretdb.md §5).
  if (filter.status !== undefined) query.status = filter.status;
  if (filter.theme !== undefined) query.themes = filter.theme;
  if (filter.untagged === true) query.themeCount = 0;
  if (filter.untagged === false) query.themeCount = { $gt: 0 };
  if (filter.campaign !== undefined) query.campaign = filter.campaign;
  if (filter.locale !== undefined) query.locale = filter.locale;
  if (filter.rating !== undefined) query.rating = filter.rating;
  if (filter.attention !== undefined) query.needsAttention = filter.attention;
  if (filter.site !== undefined) query['campaignContext.site'] = filter.site;
  if (filter.wave !== undefined) query['campaignContext.rolloutWave'] = filter.wave;
  if (filter.phase !== undefined) query['campaignContext.phase'] = filter.phase;
  if (filter.careSetting !== undefined) query['care.settings'] = filter.careSetting;
  if (filter.role !== undefined) query['respondent.role'] = filter.role;
  if (filter.words !== undefined && filter.words.length > 0) query.tokens = { $all: [...filter.words] };
  if (filter.from !== undefined || filter.to !== undefined) {
    query.receivedOn = { ...(filter.from === undefined ? {} : { $gte: filter.from }), ...(filter.to === undefined ? {} : { $lte: filter.to }) };
  }
  return query;
}

function toNote(document: NoteDocument): StoredNote {
  const { _id, ...rest } = document;
  return { id: _id, ...rest };
}

export function createStoryRepository(connection: Connection): StoryRepository {
  const stories = () => driverCollection<SubmissionRecordDocument>(connection, 'submissions');
  const notes = () => driverCollection<NoteDocument>(connection, 'storyNotes');
  const lock = storyWriteLock(connection);
  return {
    async list(filter, after, limit) {
      const query = toFilter(filter);
      const page: Filter<SubmissionRecordDocument> =
        after === undefined
          ? query
          : { $and: [query, { $or: [{ receivedOn: { $lt: after.receivedOn } }, { receivedOn: after.receivedOn, _id: { $lt: after.id } }] }] };
      const [documents, total] = await Promise.all([
        stories().find(page, { projection: PROJECTION }).sort({ receivedOn: -1, _id: -1 }).limit(limit + 1).toArray(),
        stories().countDocuments(query),
      ]);
      return { items: documents.slice(0, limit), total, hasMore: documents.length > limit };
    },
    async find(id) {
      return (await stories().findOne({ _id: id }, { projection: PROJECTION })) ?? undefined;
    },
    async existing(ids) {
      return (await stories().find({ _id: { $in: [...ids] } }, { projection: { _id: 1 } }).toArray()).map((document) => document._id);
    },
    async updateWorkflow(id, change) {
      const result = await lock(id, () => stories().updateOne({ _id: id }, { $set: change }));
      return result.matchedCount === 1;
    },
    async replaceText(id, field, expected, next, tokens) {
      const result = await lock(id, () =>
        stories().updateOne(
          { _id: id, [`story.${field}`]: expected },
          { $set: { [`story.${field}`]: next, tokens }, $push: { manualRedactions: { field: `story.${field}` } } },
        ),
      );
      return result.modifiedCount === 1;
    },
    async addNote(note) {
      const document: NoteDocument = { _id: randomUUID(), ...note };
      await notes().insertOne(document);
      return toNote(document);
    },
    async notes(storyId) {
      return (await notes().find({ storyId }).sort({ createdAt: 1, _id: 1 }).toArray()).map(toNote);
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'storyNotes');
      await notes().createIndex({ storyId: 1 });
      await stories().createIndex({ receivedOn: -1, _id: -1 });
      await stories().createIndex({ themes: 1 });
      await stories().createIndex({ tokens: 1 });
      await stories().createIndex({ status: 1, receivedOn: -1 });
    },
  };
}
