import { ThemeSchema, type Theme } from '@medskapa/api/contract';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from './api.ts';
import { isBackofficeLanguage, type BackofficeLanguage } from './i18n.ts';

const ThemeListSchema = z.array(ThemeSchema);

export interface ThemeOption {
  readonly theme: Theme;
  readonly label: string;
  /** The labels from the top of the tree down to this theme ("Access › Booking"), for search and for screen readers. */
  readonly path: string;
}

interface ThemesState {
  /** Every theme, as a tree in reading order (parents before their children, siblings by label). */
  readonly ordered: ReadonlyArray<ThemeOption>;
  readonly byId: ReadonlyMap<string, ThemeOption>;
  readonly status: 'loading' | 'ready' | 'failed';
  reload(): void;
}

const ThemesContext = createContext<ThemesState | undefined>(undefined);

export function useLanguage(): BackofficeLanguage {
  const { i18n } = useTranslation('core');
  return isBackofficeLanguage(i18n.language) ? i18n.language : 'sv';
}

/** Orders themes as a tree and labels them in the UI language. */
export function orderThemes(themes: ReadonlyArray<Theme>, language: BackofficeLanguage): ThemeOption[] {
  const collator = new Intl.Collator(language);
  const children = new Map<string | undefined, Theme[]>();
  const ids = new Set(themes.map((theme) => theme.id));
  for (const theme of themes) {
    // A theme whose parent is missing is shown at the top level rather than lost.
    const parent = theme.parentId !== undefined && ids.has(theme.parentId) ? theme.parentId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), theme]);
  }
  const result: ThemeOption[] = [];
  const visit = (parent: string | undefined, trail: string[]) => {
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) => collator.compare(a.labels[language], b.labels[language]));
    for (const theme of siblings) {
      const path = [...trail, theme.labels[language]];
      result.push({ theme, label: theme.labels[language], path: path.join(' › ') });
      visit(theme.id, path);
    }
  };
  visit(undefined, []);
  return result;
}

/** Loads the codebook once for the signed-in shell; screens call reload() after tagging changes usage. */
export function ThemesProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const language = useLanguage();
  const [themes, setThemes] = useState<Theme[]>([]);
  const [status, setStatus] = useState<ThemesState['status']>('loading');
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    // Staff without facilitator work may not read the codebook; asking would only add a denial to the audit log.
    if (!enabled) return;
    let cancelled = false;
    api('/api/v1/themes', { parse: (value) => ThemeListSchema.parse(value) })
      .then((list) => {
        if (cancelled) return;
        setThemes(list);
        setStatus('ready');
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [generation, enabled]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const value = useMemo<ThemesState>(() => {
    const ordered = orderThemes(themes, language);
    return { ordered, byId: new Map(ordered.map((option) => [option.theme.id, option])), status, reload };
  }, [themes, language, status, reload]);
  return <ThemesContext value={value}>{children}</ThemesContext>;
}

export function useThemes(): ThemesState {
  const state = useContext(ThemesContext);
  if (state === undefined) throw new Error('useThemes outside ThemesProvider');
  return state;
}
