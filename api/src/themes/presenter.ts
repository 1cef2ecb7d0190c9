import type { Theme } from '../../contract/index.ts';
import type { StoredTheme } from './repository.ts';
import type { Usage } from './service.ts';

/** The wire shape of a theme: the contract's Theme, with its usage counts and history (no internal keys). */
export function presentTheme(theme: StoredTheme, usage: Usage): Theme {
  const counts = usage.get(theme.id);
  return {
    id: theme.id,
    ...(theme.parentId === undefined ? {} : { parentId: theme.parentId }),
    depth: theme.depth,
    labels: { sv: theme.labels.sv, en: theme.labels.en },
    descriptions: {
      ...(theme.descriptions.sv === undefined ? {} : { sv: theme.descriptions.sv }),
      ...(theme.descriptions.en === undefined ? {} : { en: theme.descriptions.en }),
    },
    keywords: theme.keywords,
    colour: theme.colour,
    status: theme.status,
    ...(theme.mergedInto === undefined ? {} : { mergedInto: theme.mergedInto }),
    usage: { stories: counts?.stories ?? 0, excerpts: counts?.excerpts ?? 0 },
    history: theme.history.map((entry) => ({
      at: entry.at.toISOString(),
      action: entry.action,
      ...(entry.actorId === undefined ? {} : { actorId: entry.actorId }),
      ...(entry.detail === undefined ? {} : { detail: { ...entry.detail } }),
    })),
  };
}
