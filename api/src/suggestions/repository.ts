import { randomUUID } from 'node:crypto';
import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { STORY_TEXT_FIELDS, type StoryTextField, type SuggestionDecision } from '../../contract/index.ts';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import { storyWriteLock } from '../db/documentLock.ts';
import type { StoredSuggestion } from './engine.ts';

/**
 * The suggestion fields on a story (the `submissions` collection): derived by the worker, never at insert.
 * `suggestionVersion` says which codebook and model they were computed with; `suggestionRevision` grows with every
 * write, so a write based on an older read is refused (compare-and-set without transactions).
 */
export interface StorySuggestionDocument {
  _id: string;
  locale: string;
  topics?: string[];
  story: Partial<Record<StoryTextField, string>>;
  themes?: string[];
  language?: string;
  suggestions?: StoredSuggestion[];
  suggestionVersion?: string | null;
  suggestionRevision?: number | null;
}

interface DecisionDocument {
  _id: string;
  /** Unique: one decision per story and theme; the latest one counts. */
  key: string;
  storyId: string;
  themeId: string;
  decision: SuggestionDecision;
  by: string;
  at: Date;
}

export interface StoredDecision {
  readonly storyId: string;
  readonly themeId: string;
  readonly decision: SuggestionDecision;
  readonly by: string;
  readonly at: Date;
}

interface ModelDocument {
  _id: string;
  version: string;
  trainedAt: Date;
  examples: number;
  themes: number;
  trainedBy?: string;
  /** The model as JSON text: exactly the bytes the version is the hash of. */
  model: string;
}

export interface ModelInfo {
  readonly id: string;
  readonly version: string;
  readonly trainedAt: Date;
  readonly examples: number;
  readonly themes: number;
}

export interface StoredModel extends ModelInfo {
  readonly model: string;
}

const STORY_FIELDS = { _id: 1, locale: 1, topics: 1, story: 1, themes: 1, language: 1, suggestions: 1, suggestionVersion: 1, suggestionRevision: 1 } as const;

/** The text a computation was based on must still be there when it is written: a de-identification edit in between wins. */
function unchangedText(story: StorySuggestionDocument): Filter<StorySuggestionDocument> {
  const filter: Record<string, string | null> = {};
  for (const field of STORY_TEXT_FIELDS) filter[`story.${field}`] = story.story[field] ?? null;
  return filter;
}

export interface SuggestionRepository {
  /** Up to `limit` stories whose suggestions were computed with another version (or never). */
  stale(version: string, limit: number): Promise<StorySuggestionDocument[]>;
  countStale(version: string): Promise<number>;
  story(id: string): Promise<StorySuggestionDocument | undefined>;
  /**
   * Writes the suggestions only if the story is as it was read (same revision, same text); false otherwise, so two
   * workers, or a worker and a facilitator, never overwrite each other's newer result.
   */
  writeSuggestions(read: StorySuggestionDocument, result: { language: string; suggestions: StoredSuggestion[]; version: string }): Promise<boolean>;
  /** Records (or replaces) a facilitator's decision about one suggested theme. */
  decide(decision: StoredDecision): Promise<void>;
  rejectedFor(storyIds: readonly string[]): Promise<Map<string, string[]>>;
  decisions(): Promise<StoredDecision[]>;
  /** Stories that have tags (accepted themes) or rejected suggestions: the model's training data. */
  trainingStories(): Promise<StorySuggestionDocument[]>;
  insertModel(model: Omit<StoredModel, 'id'> & { trainedBy?: string }): Promise<ModelInfo>;
  latestModelInfo(): Promise<ModelInfo | undefined>;
  model(id: string): Promise<StoredModel | undefined>;
  ensureIndexes(): Promise<void>;
}

export function createSuggestionRepository(connection: Connection): SuggestionRepository {
  const stories = () => driverCollection<StorySuggestionDocument>(connection, 'submissions');
  const decisions = () => driverCollection<DecisionDocument>(connection, 'suggestionDecisions');
  const models = () => driverCollection<ModelDocument>(connection, 'suggestionModels');
  const lock = storyWriteLock(connection);
  const toDecision = ({ storyId, themeId, decision, by, at }: DecisionDocument): StoredDecision => ({ storyId, themeId, decision, by, at });
  const toInfo = (document: Omit<ModelDocument, 'model'>): ModelInfo => ({
    id: document._id,
    version: document.version,
    trainedAt: document.trainedAt,
    examples: document.examples,
    themes: document.themes,
  });
  return {
    async stale(version, limit) {
      // No sort: FerretDB would read every match to sort it; any order will do, the loop comes back for the rest.
      return stories().find({ suggestionVersion: { $ne: version } }, { projection: STORY_FIELDS }).limit(limit).toArray();
    },
    async countStale(version) {
      return stories().countDocuments({ suggestionVersion: { $ne: version } });
    },
    async story(id) {
      return (await stories().findOne({ _id: id }, { projection: STORY_FIELDS })) ?? undefined;
    },
    async writeSuggestions(read, result) {
      const revision = read.suggestionRevision ?? null;
      const outcome = await lock(read._id, () =>
        stories().updateOne(
          { _id: read._id, suggestionRevision: revision, ...unchangedText(read) },
          { $set: { language: result.language, suggestions: result.suggestions, suggestionVersion: result.version, suggestionRevision: (revision ?? 0) + 1 } },
        ),
      );
      return outcome.modifiedCount === 1;
    },
    async decide(decision) {
      const key = `${decision.storyId}|${decision.themeId}`;
      const document: DecisionDocument = { _id: randomUUID(), key, ...decision };
      // Not an upsert (a race on FerretDB ends in 11000 anyway): replace the earlier decision, or insert the first.
      const replaced = await decisions().updateOne({ key }, { $set: { decision: document.decision, by: document.by, at: document.at } });
      if (replaced.matchedCount === 1) return;
      try {
        await decisions().insertOne(document);
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && error.code === 11000)) throw error;
        await decisions().updateOne({ key }, { $set: { decision: document.decision, by: document.by, at: document.at } });
      }
    },
    async rejectedFor(storyIds) {
      const result = new Map<string, string[]>();
      if (storyIds.length === 0) return result;
      const found =
        storyIds.length === 1
          ? await decisions().find({ storyId: storyIds[0] ?? '', decision: 'rejected' }).toArray()
          : await decisions().find({ storyId: { $in: [...storyIds] }, decision: 'rejected' }).toArray();
      for (const document of found) result.set(document.storyId, [...(result.get(document.storyId) ?? []), document.themeId]);
      return result;
    },
    async decisions() {
      return (await decisions().find({}).sort({ storyId: 1, themeId: 1, _id: 1 }).toArray()).map(toDecision);
    },
    async trainingStories() {
      const rejected = await decisions().distinct('storyId', { decision: 'rejected' });
      const tagged = await stories().find({ themeCount: { $gt: 0 } }, { projection: STORY_FIELDS }).toArray();
      const seen = new Set(tagged.map((story) => story._id));
      const missing = rejected.filter((id) => !seen.has(id));
      const others = missing.length === 0 ? [] : await stories().find({ _id: { $in: missing } }, { projection: STORY_FIELDS }).toArray();
      return [...tagged, ...others];
    },
    async insertModel(model) {
      const document: ModelDocument = { _id: randomUUID(), ...model };
      await models().insertOne(document);
      return toInfo(document);
    },
    async latestModelInfo() {
      const [latest] = await models().find({}, { projection: { model: 0 } }).sort({ trainedAt: -1, _id: -1 }).limit(1).toArray();
      return latest === undefined ? undefined : toInfo(latest);
    },
    async model(id) {
      const document = await models().findOne({ _id: id });
      return document === null ? undefined : { ...toInfo(document), model: document.model };
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'suggestionDecisions');
      await ensureCollection(connection, 'suggestionModels');
      await decisions().createIndex({ key: 1 }, { unique: true });
      await decisions().createIndex({ storyId: 1 });
      await models().createIndex({ trainedAt: -1, _id: -1 });
      await stories().createIndex({ suggestionVersion: 1 });
    },
  };
}
