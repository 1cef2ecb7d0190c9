import { searchTokens } from '@medskapa/analysis';
import {
  REDACTED,
  STORY_TEXT_FIELDS,
  type AddExcerpt,
  type RedactSpan,
  type StoryQuery,
  type StoryTextField,
  type UpdateStory,
} from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../http/errors.ts';
import { DuplicateTagError, type StoredTag, type TagRepository } from '../tagging/repository.ts';
import { adjustRange } from './excerptRanges.ts';
import type { StoredNote, StoryCursor, StoryRecord, StoryRepository } from './repository.ts';

export const STORY_PAGE_SIZE = 25;

export type ThemeLookup = (themeId: string) => Promise<'active' | 'archived' | undefined>;

export interface StoryView {
  readonly story: StoryRecord;
  readonly tags: StoredTag[];
  readonly notes: StoredNote[];
}

export interface Actor {
  readonly id: string;
  readonly displayName: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2})~([0-9a-f-]{36})$/;

export function encodeCursor(story: { receivedOn: string; _id: string }): string {
  return `${story.receivedOn}~${story._id}`;
}

function decodeCursor(value: string | undefined): StoryCursor | undefined {
  if (value === undefined) return undefined;
  const match = CURSOR.exec(value);
  if (match?.[1] === undefined || match[2] === undefined) throw new ValidationError({ after: 'query.after.invalid' });
  return { receivedOn: match[1], id: match[2] };
}

export function storyText(story: StoryRecord, field: StoryTextField): string | undefined {
  return story.story[field];
}

function allTokens(story: StoryRecord, field: StoryTextField, next: string): string[] {
  return searchTokens(
    [...STORY_TEXT_FIELDS.map((name) => (name === field ? next : story.story[name])), story.care.unit],
    story.locale,
  );
}

/** The facilitators' work on stories: reading, tagging, excerpts, notes, status, de-identification. */
export function createStoryService(deps: { stories: StoryRepository; tags: TagRepository; audit: AuditLog; themeStatus: ThemeLookup; now: () => Date }) {
  const { stories, tags, audit } = deps;

  async function requireStory(id: string): Promise<StoryRecord> {
    const story = await stories.find(id);
    if (story === undefined) throw new NotFoundError('No such story.');
    return story;
  }

  async function requireActiveTheme(themeId: string): Promise<void> {
    const status = await deps.themeStatus(themeId);
    if (status === undefined) throw new ValidationError({ themeId: 'tag.themeId.unknown' }, 'No such theme.');
    if (status === 'archived') throw new ValidationError({ themeId: 'tag.themeId.archived' }, 'The theme is archived; tag with an active theme.');
  }

  async function view(id: string): Promise<StoryView> {
    const story = await requireStory(id);
    const [storyTags, notes] = await Promise.all([tags.listForStory(id), stories.notes(id)]);
    return { story, tags: storyTags, notes };
  }

  return {
    async list(query: StoryQuery) {
      const { after, limit, q, ...filter } = query;
      const words = q === undefined ? [] : searchTokens([q]);
      const page = await stories.list({ ...filter, words }, decodeCursor(after), limit ?? STORY_PAGE_SIZE);
      const last = page.items.at(-1);
      return { items: page.items, total: page.total, ...(page.hasMore && last !== undefined ? { nextCursor: encodeCursor(last) } : {}) };
    },

    view,

    async update(id: string, change: UpdateStory, actor: Actor): Promise<StoryView> {
      const before = await requireStory(id);
      await stories.updateWorkflow(id, change);
      if (change.status !== undefined && change.status !== before.status) {
        await audit.record({ action: 'story.status_changed', outcome: 'success', actorId: actor.id, targetType: 'story', targetId: id, detail: { from: before.status, to: change.status } });
      }
      if (change.needsAttention !== undefined && change.needsAttention !== before.needsAttention) {
        await audit.record({ action: 'story.attention_changed', outcome: 'success', actorId: actor.id, targetType: 'story', targetId: id, detail: { needsAttention: change.needsAttention } });
      }
      return view(id);
    },

    async addTag(id: string, themeId: string, actor: Actor): Promise<StoredTag> {
      await requireStory(id);
      await requireActiveTheme(themeId);
      try {
        const tag = await tags.add({ storyId: id, themeId, kind: 'story', createdBy: actor.id }, deps.now());
        await audit.record({ action: 'tag.added', outcome: 'success', actorId: actor.id, targetType: 'story', targetId: id, detail: { themeId, tagId: tag.id } });
        return tag;
      } catch (error) {
        if (error instanceof DuplicateTagError) throw new ConflictError('conflict', 'The story already has this theme.');
        throw error;
      }
    },

    async addExcerpt(id: string, input: AddExcerpt, actor: Actor): Promise<{ tag: StoredTag; fieldText: string }> {
      const story = await requireStory(id);
      const text = storyText(story, input.field);
      if (text === undefined) throw new ValidationError({ field: 'range.field.empty' }, 'The story has no text in this field.');
      if (input.end > text.length) throw new ValidationError({ end: 'range.end.outOfRange' }, 'The range goes past the end of the text.');
      await requireActiveTheme(input.themeId);
      try {
        const tag = await tags.add({ storyId: id, themeId: input.themeId, kind: 'excerpt', field: input.field, start: input.start, end: input.end, createdBy: actor.id }, deps.now());
        await audit.record({
          action: 'excerpt.added',
          outcome: 'success',
          actorId: actor.id,
          targetType: 'story',
          targetId: id,
          detail: { themeId: input.themeId, tagId: tag.id, field: input.field, start: input.start, end: input.end },
        });
        return { tag, fieldText: text };
      } catch (error) {
        if (error instanceof DuplicateTagError) throw new ConflictError('conflict', 'This excerpt already has this theme.');
        throw error;
      }
    },

    async removeTag(id: string, tagId: string, kind: 'story' | 'excerpt', actor: Actor): Promise<void> {
      const existing = (await tags.listForStory(id)).find((tag) => tag.id === tagId && tag.kind === kind);
      if (existing === undefined) throw new NotFoundError('The story has no such tag.');
      await tags.remove(id, tagId);
      await audit.record({
        action: kind === 'story' ? 'tag.removed' : 'excerpt.removed',
        outcome: 'success',
        actorId: actor.id,
        targetType: 'story',
        targetId: id,
        detail: { themeId: existing.themeId, tagId },
      });
    },

    async bulkTag(storyIds: ReadonlyArray<string>, themeId: string, actor: Actor): Promise<{ tagged: number; alreadyTagged: number }> {
      await requireActiveTheme(themeId);
      const unique = [...new Set(storyIds)];
      const found = new Set(await stories.existing(unique));
      const missing = unique.filter((storyId) => !found.has(storyId));
      if (missing.length > 0) throw new ValidationError({ storyIds: 'bulk.storyIds.unknown' }, `${missing.length} of the stories do not exist (any more).`);
      let tagged = 0;
      let alreadyTagged = 0;
      for (const storyId of unique) {
        try {
          await tags.add({ storyId, themeId, kind: 'story', createdBy: actor.id }, deps.now());
          tagged += 1;
        } catch (error) {
          if (!(error instanceof DuplicateTagError)) throw error;
          alreadyTagged += 1;
        }
      }
      await audit.record({ action: 'tag.bulk_added', outcome: 'success', actorId: actor.id, targetType: 'theme', targetId: themeId, detail: { stories: unique.length, tagged } });
      return { tagged, alreadyTagged };
    },

    async addNote(id: string, text: string, actor: Actor): Promise<StoredNote> {
      await requireStory(id);
      const note = await stories.addNote({ storyId: id, text, createdAt: deps.now(), createdBy: actor.id, authorName: actor.displayName });
      await audit.record({ action: 'story.note_added', outcome: 'success', actorId: actor.id, targetType: 'story', targetId: id, detail: { noteId: note.id } });
      return note;
    },

    /** Replaces a span with [REDACTED] for good and moves the field's excerpts so they keep pointing at the same words. */
    async redact(id: string, span: RedactSpan, actor: Actor): Promise<StoryView> {
      const story = await requireStory(id);
      const text = storyText(story, span.field);
      if (text === undefined) throw new ValidationError({ field: 'range.field.empty' }, 'The story has no text in this field.');
      if (span.end > text.length) throw new ValidationError({ end: 'range.end.outOfRange' }, 'The range goes past the end of the text.');
      if (text.slice(span.start, span.end) !== span.text) {
        throw new AppError(409, 'conflict', 'The text has changed since it was shown; reload the story and select the words again.');
      }
      const next = `${text.slice(0, span.start)}${REDACTED}${text.slice(span.end)}`;
      if (!(await stories.replaceText(id, span.field, text, next, allTokens(story, span.field, next)))) {
        throw new AppError(409, 'conflict', 'The story was changed by someone else; reload it and try again.');
      }
      const edit = { start: span.start, end: span.end, replacementLength: REDACTED.length };
      const excerpts = (await tags.listForStory(id)).filter((tag) => tag.kind === 'excerpt' && tag.field === span.field);
      await tags.moveRanges(
        id,
        excerpts.map((tag) => ({ id: tag.id, range: adjustRange({ start: tag.start ?? 0, end: tag.end ?? 0 }, edit) })),
      );
      // The audit says where and how much, never what.
      await audit.record({
        action: 'story.deidentified',
        outcome: 'success',
        actorId: actor.id,
        targetType: 'story',
        targetId: id,
        detail: { field: span.field, start: span.start, length: span.end - span.start },
      });
      return view(id);
    },
  };
}

export type StoryService = ReturnType<typeof createStoryService>;
