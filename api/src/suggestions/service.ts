import { createHash } from 'node:crypto';
import { trainModel, type TrainingExample } from '@medskapa/analysis';
import type { SuggestionModel } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors.ts';
import { DuplicateTagError, type StoredTag, type TagRepository } from '../tagging/repository.ts';
import type { ThemeRepository } from '../themes/repository.ts';
import { storyForEngine } from './engine.ts';
import type { SuggestionRepository } from './repository.ts';
import type { SuggestionWorker } from './worker.ts';

export interface SuggestionServiceDeps {
  readonly repository: SuggestionRepository;
  readonly worker: SuggestionWorker;
  readonly tags: TagRepository;
  readonly themes: ThemeRepository;
  readonly audit: AuditLog;
  readonly now: () => Date;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Facilitators decide about suggested themes; the model learns from what they decided. */
export function createSuggestionService(deps: SuggestionServiceDeps) {
  const { repository, worker, tags, themes, audit } = deps;

  async function requireStory(storyId: string) {
    const story = await repository.story(storyId);
    if (story === undefined) throw new NotFoundError('No such story.');
    return story;
  }

  async function requireTheme(themeId: string) {
    const theme = await themes.findById(themeId);
    if (theme === undefined) throw new NotFoundError('No such theme.');
    return theme;
  }

  /** The score the story's stored suggestion had, for the audit trail (a number, never text). */
  function suggestedScore(story: { suggestions?: ReadonlyArray<{ themeId: string; score: number }> }, themeId: string): { score: number } | { shown: false } {
    const score = story.suggestions?.find((suggestion) => suggestion.themeId === themeId)?.score;
    return score === undefined ? { shown: false } : { score };
  }

  return {
    /** Tags the story with the suggested theme (as tagging does: 409 if it has it), and records the decision. */
    async accept(storyId: string, themeId: string, actorId: string): Promise<StoredTag> {
      const story = await requireStory(storyId);
      const theme = await requireTheme(themeId);
      if (theme.status === 'archived') throw new ValidationError({ themeId: 'tag.themeId.archived' }, 'The theme is archived; tag with an active theme.');
      let tag: StoredTag;
      try {
        tag = await tags.add({ storyId, themeId, kind: 'story', createdBy: actorId }, deps.now());
      } catch (error) {
        if (error instanceof DuplicateTagError) throw new ConflictError('conflict', 'The story already has this theme.');
        throw error;
      }
      await repository.decide({ storyId, themeId, decision: 'accepted', by: actorId, at: deps.now() });
      await audit.record({
        action: 'suggestion.accepted',
        outcome: 'success',
        actorId,
        targetType: 'story',
        targetId: storyId,
        detail: { themeId, tagId: tag.id, ...suggestedScore(story, themeId) },
      });
      await worker.refreshStory(storyId);
      return tag;
    },

    /** Records the rejection: this theme is not suggested for this story again, whatever the codebook or model. */
    async reject(storyId: string, themeId: string, actorId: string): Promise<void> {
      const story = await requireStory(storyId);
      await requireTheme(themeId);
      await repository.decide({ storyId, themeId, decision: 'rejected', by: actorId, at: deps.now() });
      await audit.record({
        action: 'suggestion.rejected',
        outcome: 'success',
        actorId,
        targetType: 'story',
        targetId: storyId,
        detail: { themeId, ...suggestedScore(story, themeId) },
      });
      await worker.refreshStory(storyId);
    },

    async modelInfo(): Promise<SuggestionModel> {
      const [info, current] = await Promise.all([repository.latestModelInfo(), worker.context()]);
      const pending = await repository.countStale(current.version);
      return {
        version: info?.version ?? null,
        trainedAt: info?.trainedAt.toISOString() ?? null,
        examples: info?.examples ?? 0,
        themes: info?.themes ?? 0,
        pending,
      };
    },

    /**
     * Trains the model from the data as it is now: every tagged story's themes (story tags and excerpts) are
     * accepted, the recorded rejections are rejected. Same data and codebook → byte-identical JSON → same version.
     * Every stored story is then computed again with it.
     */
    async train(actorId: string): Promise<SuggestionModel> {
      const current = await worker.context();
      const [stories, decisions] = await Promise.all([repository.trainingStories(), repository.decisions()]);
      const rejected = new Map<string, Set<string>>();
      for (const decision of decisions) {
        if (decision.decision !== 'rejected') continue;
        rejected.set(decision.storyId, (rejected.get(decision.storyId) ?? new Set<string>()).add(decision.themeId));
      }
      const examples: TrainingExample[] = stories.map((story) => {
        const accepted = [...new Set(story.themes ?? [])].sort();
        return {
          id: story._id,
          story: storyForEngine(story),
          accepted,
          rejected: [...(rejected.get(story._id) ?? [])].filter((themeId) => !accepted.includes(themeId)).sort(),
        };
      });
      const model = trainModel(examples, current.codebook);
      const json = JSON.stringify(model);
      const info = await repository.insertModel({
        version: sha256(json).slice(0, 24),
        trainedAt: deps.now(),
        examples: examples.length,
        themes: model.themes.length,
        trainedBy: actorId,
        model: json,
      });
      await audit.record({
        action: 'suggestion.model_trained',
        outcome: 'success',
        actorId,
        targetType: 'suggestionModel',
        targetId: info.version,
        detail: { examples: info.examples, themes: info.themes },
      });
      worker.poke();
      const pending = await repository.countStale((await worker.context()).version);
      return { version: info.version, trainedAt: info.trainedAt.toISOString(), examples: info.examples, themes: info.themes, pending };
    },
  };
}

export type SuggestionService = ReturnType<typeof createSuggestionService>;
