import { createHash, randomUUID } from 'node:crypto';
import { clusterStories, isFormLocale, shortenQuote, type ClusterStory } from '@medskapa/analysis';
import type { EmergingQuery, EmergingRun, Locale, ThemeFromCluster } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { engineCodebook } from '../suggestions/engine.ts';
import { DuplicateTagError, type TagRepository } from '../tagging/repository.ts';
import type { StoredTheme, ThemeRepository } from '../themes/repository.ts';
import type { ThemeService, Usage } from '../themes/service.ts';
import type { ClusterRun, EmergingRepository, StoredCluster } from './repository.ts';

/** Raise when clustering changes, so cached runs are not returned for the same data. */
export const CLUSTER_RUN_VERSION = 1;
/** A stored suggestion this strong means an existing theme fits: such a story is not an emerging one. */
export const STRONG_SUGGESTION = 0.75;
/** Runs older than this are deleted when a new one is stored (a facilitator acts on a run within minutes). */
export const RUN_KEEP_DAYS = 7;

export interface EmergingService {
  /** The clusters of the untagged stories for a filter: a stored run when nothing has changed, else a new one. */
  run(query: EmergingQuery, actorId: string): Promise<EmergingRun>;
  /** Makes a cluster of a run into a new theme and tags every member story that still exists. */
  createTheme(runId: string, clusterId: string, input: ThemeFromCluster, actorId: string, now: Date): Promise<{ theme: StoredTheme; usage: Usage; tagged: number; missing: number }>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The codebook as clustering sees it: what changes a concept (ids, status, keywords) and its labels. */
function codebookVersion(themes: readonly StoredTheme[]): string {
  return sha256(JSON.stringify(engineCodebook(themes)));
}

/** The filter with its keys in a fixed order. */
function queryKey(query: EmergingQuery): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function localeOr(value: string | undefined, fallback: Locale): Locale {
  return value !== undefined && isFormLocale(value) ? value : fallback;
}

export function createEmergingService(deps: {
  repository: EmergingRepository;
  themes: ThemeRepository;
  themeService: ThemeService;
  tags: TagRepository;
  audit: AuditLog;
  now: () => Date;
  /** Told after a theme was made (the suggestion worker: the codebook changed). */
  onThemeCreated?: () => void;
}): EmergingService {
  const { repository, themes, themeService, tags, audit } = deps;
  // The same data asked for twice at once is computed once.
  const inFlight = new Map<string, Promise<ClusterRun>>();

  async function compute(dataVersion: string, ids: readonly string[], codebook: ReturnType<typeof engineCodebook>, actorId: string): Promise<ClusterRun> {
    const stored = await repository.stories(ids);
    const input: ClusterStory[] = stored.map((story) => ({
      id: story.id,
      locale: story.locale,
      fields: story.fields,
      ...(story.language !== undefined && isFormLocale(story.language) ? { language: story.language } : {}),
    }));
    const result = clusterStories(input, { codebook });
    const clusters: StoredCluster[] = result.clusters.map((cluster) => ({
      id: cluster.id,
      size: cluster.size,
      cohesion: cluster.cohesion,
      topTerms: cluster.topTerms.map((term) => ({ kind: term.kind, key: term.key, label: { sv: term.label.sv, en: term.label.en }, ...(term.lang === undefined ? {} : { lang: term.lang }) })),
      quotes: cluster.quotes.map((quote) => ({ storyId: quote.storyId, field: quote.field, lang: quote.lang })),
      storyIds: [...cluster.storyIds],
      themeIds: [...cluster.themeIds],
    }));
    const generatedAt = deps.now();
    const run: ClusterRun = { id: randomUUID(), dataVersion, generatedAt, createdBy: actorId, stories: result.stories, clustered: result.clustered, clusters, themed: {} };
    await repository.insertRun(run);
    await repository.deleteRunsBefore(new Date(generatedAt.getTime() - RUN_KEEP_DAYS * 86_400_000));
    return run;
  }

  /** Quote text is read from the stories now: a run keeps no story text, so an edit or a deletion shows at once. */
  async function present(run: ClusterRun): Promise<EmergingRun> {
    const quoted = await repository.stories([...new Set(run.clusters.flatMap((cluster) => cluster.quotes.map((quote) => quote.storyId)))]);
    const byId = new Map(quoted.map((story) => [story.id, story]));
    return {
      runId: run.id,
      generatedAt: run.generatedAt.toISOString(),
      stories: run.stories,
      clustered: run.clustered,
      clusters: run.clusters.map((cluster) => {
        const themeId = run.themed[cluster.id];
        return {
          id: cluster.id,
          size: cluster.size,
          cohesion: cluster.cohesion,
          topTerms: cluster.topTerms,
          quotes: cluster.quotes.flatMap((quote) => {
            const story = byId.get(quote.storyId);
            const field = Object.entries(story?.fields ?? {}).find(([name]) => name === quote.field)?.[1];
            const text = field === undefined ? '' : shortenQuote(field);
            return story === undefined || text === '' ? [] : [{ storyId: quote.storyId, text, lang: localeOr(quote.lang, story.locale) }];
          }),
          storyIds: cluster.storyIds,
          themeIds: cluster.themeIds,
          ...(themeId === undefined || themeId === 'pending' ? {} : { createdThemeId: themeId }),
        };
      }),
    };
  }

  return {
    async run(query, actorId) {
      const [stamps, all] = await Promise.all([repository.stamps(query, query.includeSuggested === true ? undefined : STRONG_SUGGESTION), themes.all()]);
      const codebook = engineCodebook(all);
      const dataVersion = sha256(
        JSON.stringify({
          version: CLUSTER_RUN_VERSION,
          query: queryKey(query),
          codebook: codebookVersion(all),
          stories: stamps.map((stamp) => `${stamp.id}:${stamp.edits}:${stamp.language}`),
        }),
      );
      const cached = await repository.findRunByVersion(dataVersion);
      if (cached !== undefined) return present(cached);
      let pending = inFlight.get(dataVersion);
      if (pending === undefined) {
        pending = compute(
          dataVersion,
          stamps.map((stamp) => stamp.id),
          codebook,
          actorId,
        ).finally(() => inFlight.delete(dataVersion));
        inFlight.set(dataVersion, pending);
      }
      return present(await pending);
    },

    async createTheme(runId, clusterId, input, actorId, now) {
      const run = await repository.findRun(runId);
      const cluster = run?.clusters.find((candidate) => candidate.id === clusterId);
      if (run === undefined || cluster === undefined) throw new NotFoundError('No such clustering run or cluster (runs are kept for a week).');
      if (!(await repository.claimCluster(runId, clusterId))) throw new ConflictError('conflict', 'A theme has already been made from this cluster.');
      let created: { theme: StoredTheme; usage: Usage };
      try {
        created = await themeService.create(
          { labels: input.labels, ...(input.parentId === undefined ? {} : { parentId: input.parentId }), ...(input.colour === undefined ? {} : { colour: input.colour }) },
          actorId,
          now,
        );
      } catch (error) {
        await repository.releaseCluster(runId, clusterId);
        throw error;
      }
      const themeId = created.theme.id;
      await repository.setClusterTheme(runId, clusterId, themeId);
      const existing = new Set(await repository.existing(cluster.storyIds));
      let tagged = 0;
      let missing = 0;
      for (const storyId of cluster.storyIds) {
        if (!existing.has(storyId)) {
          missing += 1;
          continue;
        }
        try {
          await tags.add({ storyId, themeId, kind: 'story', createdBy: actorId }, now);
          tagged += 1;
        } catch (error) {
          if (!(error instanceof DuplicateTagError)) throw error;
        }
      }
      await audit.record({
        action: 'emerging.theme_created',
        outcome: 'success',
        actorId,
        targetType: 'theme',
        targetId: themeId,
        detail: { runId, clusterId, members: cluster.storyIds.length, tagged, missing },
      });
      deps.onThemeCreated?.();
      return { theme: created.theme, usage: await tags.usage(), tagged, missing };
    },
  };
}
