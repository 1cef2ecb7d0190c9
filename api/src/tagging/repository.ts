import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { StoryTextField } from '../../contract/index.ts';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import type { StoryTagRef } from '../feedback/repository.ts';
import { storyWriteLock } from '../db/documentLock.ts';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';

/**
 * A theme on a story: on the whole story, or on an excerpt (a field and a character range of it).
 * The tags collection is the truth; each story keeps `themes` (the distinct theme ids of its tags) so the inbox can
 * filter and count by theme with one top-level equality, and `tagRefs` (its tags without text) so summaries and
 * exports need no second pass over the tags (reference/ferretdb.md §5).
 */
export interface StoredTag {
  readonly id: string;
  readonly storyId: string;
  readonly themeId: string;
  readonly kind: 'story' | 'excerpt';
  readonly field?: StoryTextField;
  readonly start?: number;
  readonly end?: number;
  readonly createdAt: Date;
  readonly createdBy?: string;
}

interface TagDocument {
  _id: string;
  /** Unique: one story tag per theme, one excerpt per theme and range. Always set (FerretDB skips missing keys). */
  key: string;
  storyId: string;
  themeId: string;
  kind: 'story' | 'excerpt';
  field?: StoryTextField;
  start?: number;
  end?: number;
  createdAt: Date;
  createdBy?: string;
}

export type NewTag =
  | { readonly storyId: string; readonly themeId: string; readonly kind: 'story'; readonly createdBy?: string | undefined }
  | {
      readonly storyId: string;
      readonly themeId: string;
      readonly kind: 'excerpt';
      readonly field: StoryTextField;
      readonly start: number;
      readonly end: number;
      readonly createdBy?: string | undefined;
    };

export class DuplicateTagError extends Error {
  constructor() {
    super('the story already has this tag');
    this.name = 'DuplicateTagError';
  }
}

export interface TagRepository {
  /** Throws DuplicateTagError when the same tag exists. Updates the story's `themes`. */
  add(tag: NewTag, now: Date): Promise<StoredTag>;
  /** Removes a tag of the story; undefined when there was none. Updates the story's `themes`. */
  remove(storyId: string, tagId: string): Promise<StoredTag | undefined>;
  listForStory(storyId: string): Promise<StoredTag[]>;
  /** Replaces the excerpt ranges of one story field (after a de-identification edit); drops the ones given as null. */
  moveRanges(storyId: string, changes: ReadonlyArray<{ id: string; range: { start: number; end: number } | null }>): Promise<void>;
  /**
   * Moves every tag of `from` to `into` (a merge). A story or excerpt that already had `into` keeps one tag.
   * Returns the number of tags moved and dropped as duplicates.
   */
  moveTheme(from: string, into: string): Promise<{ moved: number; duplicates: number }>;
  /** Per theme: stories with any tag of it, and excerpt tags. */
  usage(): Promise<Map<string, { stories: number; excerpts: number }>>;
  deleteForStory(storyId: string): Promise<void>;
  /**
   * Gives stories tagged before stories kept `tagRefs` their references (run at start; a no-op once done).
   * Returns how many stories it updated.
   */
  backfillTagRefs(): Promise<number>;
  ensureIndexes(): Promise<void>;
}

function keyOf(tag: { storyId: string; themeId: string; kind: 'story' | 'excerpt'; field?: string | undefined; start?: number | undefined; end?: number | undefined }): string {
  return tag.kind === 'story' ? `${tag.storyId}|${tag.themeId}` : `${tag.storyId}|${tag.themeId}|${tag.field ?? ''}|${tag.start ?? 0}|${tag.end ?? 0}`;
}

function toTag(document: TagDocument): StoredTag {
  return {
    id: document._id,
    storyId: document.storyId,
    themeId: document.themeId,
    kind: document.kind,
    createdAt: document.createdAt,
    ...(document.field === undefined ? {} : { field: document.field }),
    ...(document.start === undefined ? {} : { start: document.start }),
    ...(document.end === undefined ? {} : { end: document.end }),
    ...(document.createdBy === undefined ? {} : { createdBy: document.createdBy }),
  };
}

/** The story's tags without text, oldest first (ties by id), as the story keeps them. */
export function tagRefsOf(documents: ReadonlyArray<Pick<TagDocument, '_id' | 'themeId' | 'kind' | 'field' | 'start' | 'end' | 'createdAt'>>): StoryTagRef[] {
  return [...documents]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
    .map((tag) => ({
      themeId: tag.themeId,
      kind: tag.kind,
      ...(tag.kind === 'excerpt' && tag.field !== undefined ? { field: tag.field, start: tag.start ?? 0, end: tag.end ?? 0 } : {}),
      at: tag.createdAt,
    }));
}

export function createTagRepository(connection: Connection): TagRepository {
  const tags = () => driverCollection<TagDocument>(connection, 'tags');
  const stories = () => driverCollection<{ _id: string; themes?: string[]; themeCount?: number; tagRefs?: StoryTagRef[] }>(connection, 'submissions');

  const lock = storyWriteLock(connection);

  async function syncThemes(storyIds: Iterable<string>): Promise<void> {
    for (const storyId of new Set(storyIds)) {
      // Read and write under the story's lock, so two tag changes at once cannot store a stale list.
      await lock(storyId, async () => {
        const found = await tags().find({ storyId }, { projection: { themeId: 1, kind: 1, field: 1, start: 1, end: 1, createdAt: 1 } }).toArray();
        const themes = [...new Set(found.map((tag) => tag.themeId))].sort();
        await stories().updateOne({ _id: storyId }, { $set: { themes, themeCount: themes.length, tagRefs: tagRefsOf(found) } });
      });
    }
  }

  return {
    async add(tag, now) {
      const document: TagDocument = {
        _id: randomUUID(),
        key: keyOf(tag),
        storyId: tag.storyId,
        themeId: tag.themeId,
        kind: tag.kind,
        createdAt: now,
        ...(tag.kind === 'excerpt' ? { field: tag.field, start: tag.start, end: tag.end } : {}),
        ...(tag.createdBy === undefined ? {} : { createdBy: tag.createdBy }),
      };
      try {
        await tags().insertOne(document);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateTagError();
        throw error;
      }
      await syncThemes([tag.storyId]);
      return toTag(document);
    },
    async remove(storyId, tagId) {
      const document = await tags().findOne({ _id: tagId, storyId });
      if (document === null) return undefined;
      await tags().deleteOne({ _id: tagId });
      await syncThemes([storyId]);
      return toTag(document);
    },
    async listForStory(storyId) {
      return (await tags().find({ storyId }).sort({ createdAt: 1, _id: 1 }).toArray()).map(toTag);
    },
    async moveRanges(storyId, changes) {
      for (const change of changes) {
        const document = await tags().findOne({ _id: change.id, storyId });
        if (document === null) continue;
        if (change.range === null) {
          await tags().deleteOne({ _id: change.id });
          continue;
        }
        const key = keyOf({ ...document, ...change.range });
        if (key !== document.key && (await tags().findOne({ key })) !== null) {
          // The moved range now equals another excerpt of the same theme: keep one.
          await tags().deleteOne({ _id: change.id });
          continue;
        }
        await tags().updateOne({ _id: change.id }, { $set: { start: change.range.start, end: change.range.end, key } });
      }
      await syncThemes([storyId]);
    },
    async moveTheme(from, into) {
      let moved = 0;
      let duplicates = 0;
      const affected: string[] = [];
      for (const document of await tags().find({ themeId: from }).toArray()) {
        affected.push(document.storyId);
        const key = keyOf({ ...document, themeId: into });
        if ((await tags().findOne({ key })) !== null) {
          await tags().deleteOne({ _id: document._id });
          duplicates += 1;
          continue;
        }
        await tags().updateOne({ _id: document._id }, { $set: { themeId: into, key } });
        moved += 1;
      }
      await syncThemes(affected);
      return { moved, duplicates };
    },
    async usage() {
      const result = new Map<string, { stories: number; excerpts: number }>();
      const entry = (themeId: string) => {
        let counts = result.get(themeId);
        if (counts === undefined) {
          counts = { stories: 0, excerpts: 0 };
          result.set(themeId, counts);
        }
        return counts;
      };
      const byStory = stories().aggregate<{ _id: string; count: number }>([
        { $match: { themes: { $exists: true } } },
        { $unwind: '$themes' },
        { $group: { _id: '$themes', count: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ]);
      for await (const row of byStory) entry(row._id).stories = row.count;
      const byExcerpt = tags().aggregate<{ _id: string; count: number }>([
        { $match: { kind: 'excerpt' } },
        { $group: { _id: '$themeId', count: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ]);
      for await (const row of byExcerpt) entry(row._id).excerpts = row.count;
      return result;
    },
    async deleteForStory(storyId) {
      await tags().deleteMany({ storyId });
    },
    async backfillTagRefs() {
      const missing = await stories().find({ themeCount: { $gt: 0 }, tagRefs: { $exists: false } }, { projection: { _id: 1 } }).toArray();
      await syncThemes(missing.map((story) => story._id));
      return missing.length;
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'tags');
      await tags().createIndex({ key: 1 }, { unique: true });
      await tags().createIndex({ storyId: 1 });
      await tags().createIndex({ themeId: 1 });
    },
  };
}
