import { analyseText } from '../text/analyseText.ts';
import { FORM_LOCALES, type FormLocale, type Grammar, grammarOf } from '../text/locales.ts';
import type { Codebook, CodebookTheme } from './types.ts';

/** One keyword of one theme in one language, analysed by that language's pipeline. */
export interface KeywordEntry {
  readonly themeId: string;
  readonly keyword: string;
  readonly locale: FormLocale;
  readonly grammar: Grammar;
  /** Stems of the keyword's words, in order. */
  readonly terms: readonly string[];
  /** Normalised unstemmed words: a word shared by two languages ("1177", "bankid") matches across them. */
  readonly forms: readonly string[];
  /** Every word of the keyword is a stop word ("med"): only then may it match a stop word of the story. */
  readonly stop: boolean;
}

export interface CompiledCodebook {
  readonly themes: ReadonlyMap<string, CodebookTheme>;
  /** Active themes, sorted by id. */
  readonly themeIds: readonly string[];
  /** Ancestors of each active theme, nearest first. */
  readonly ancestors: ReadonlyMap<string, readonly string[]>;
  readonly byFirstTerm: ReadonlyMap<string, readonly KeywordEntry[]>;
  readonly byFirstForm: ReadonlyMap<string, readonly KeywordEntry[]>;
  /** Single-word keywords long enough to be found inside compounds, by language. */
  readonly compoundable: ReadonlyMap<Grammar, readonly KeywordEntry[]>;
  readonly foldDiacritics: boolean;
}

/** Shorter stems are too often the start or end of an unrelated word ("tid" in "tidigare"). */
export const MIN_COMPOUND_STEM = 4;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

const cache = new WeakMap<Codebook, Map<boolean, CompiledCodebook>>();

/**
 * Analyses every keyword once. Archived themes take no part. The result is cached per codebook object, so
 * callers that suggest for many stories pass the same array.
 */
export function compileCodebook(codebook: Codebook, foldDiacritics = true): CompiledCodebook {
  const cached = cache.get(codebook)?.get(foldDiacritics);
  if (cached !== undefined) return cached;
  const themes = new Map<string, CodebookTheme>();
  for (const theme of codebook) themes.set(theme.id, theme);
  const active = codebook.filter((theme) => theme.status === 'active');
  const themeIds = active.map((theme) => theme.id).sort();
  const ancestors = new Map<string, string[]>();
  for (const theme of active) {
    const chain: string[] = [];
    let parentId = theme.parentId;
    while (parentId !== undefined && !chain.includes(parentId) && parentId !== theme.id) {
      chain.push(parentId);
      parentId = themes.get(parentId)?.parentId;
    }
    ancestors.set(theme.id, chain);
  }
  const byFirstTerm = new Map<string, KeywordEntry[]>();
  const byFirstForm = new Map<string, KeywordEntry[]>();
  const compoundable = new Map<Grammar, KeywordEntry[]>();
  for (const theme of [...active].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const locale of FORM_LOCALES) {
      const seen = new Set<string>();
      for (const keyword of theme.keywords?.[locale] ?? []) {
        const tokens = analyseText(keyword, locale, { language: locale, foldDiacritics }).tokens;
        const first = tokens[0];
        if (first === undefined) continue;
        const terms = tokens.map((token) => token.term);
        const key = terms.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        const entry: KeywordEntry = { themeId: theme.id, keyword, locale, grammar: grammarOf(locale), terms, forms: tokens.map((token) => token.form), stop: tokens.every((token) => token.stop) };
        push(byFirstTerm, first.term, entry);
        if (first.form !== first.term) push(byFirstForm, first.form, entry);
        if (terms.length === 1 && [...first.term].length >= MIN_COMPOUND_STEM) push(compoundable, entry.grammar, entry);
      }
    }
  }
  const compiled: CompiledCodebook = { themes, themeIds, ancestors, byFirstTerm, byFirstForm, compoundable, foldDiacritics };
  const perFold = cache.get(codebook) ?? new Map<boolean, CompiledCodebook>();
  perFold.set(foldDiacritics, compiled);
  cache.set(codebook, perFold);
  return compiled;
}
