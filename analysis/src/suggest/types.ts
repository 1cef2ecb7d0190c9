import type { FormLocale } from '../text/locales.ts';

/** A codebook theme as plain data (the API maps its stored themes to this). */
export interface CodebookTheme {
  readonly id: string;
  readonly parentId?: string | undefined;
  readonly labels: { readonly sv: string; readonly en: string };
  /** Keywords per form language; a multi-word keyword matches as a phrase. */
  readonly keywords?: Partial<Record<FormLocale, readonly string[]>> | undefined;
  readonly status: 'active' | 'archived';
}

export type Codebook = readonly CodebookTheme[];

/** What the engine reads of a story. */
export interface StoryForSuggestion {
  /** The story's free-text fields by name (whatHappened, whatWorkedWell, …); masked text. */
  readonly fields: Readonly<Record<string, string | undefined>>;
  /** The form language the respondent used. */
  readonly locale: FormLocale;
  /** The respondent's chosen topics (TOPICS in api/contract/lists.ts). */
  readonly topics?: readonly string[] | undefined;
  /** The language the story is written in, when already detected and stored; detected otherwise. */
  readonly language?: FormLocale | undefined;
}

/** A matched keyword: its range in the original field text, for highlighting. */
export interface Evidence {
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The codebook keyword that matched, and the language it was listed under. */
  readonly keyword: string;
  readonly keywordLocale: FormLocale;
  /** A negation word (inte, not, لا, не …) stands just before the match. Shown to the reader; the score is not lowered. */
  readonly negated: boolean;
}

export interface SuggestionSignals {
  /** 0..1 from the codebook keywords (and keywords of ancestor themes, as context). */
  readonly keywords: number;
  /** 0..1 from the respondent's topics. */
  readonly topics: number;
  /** 0..1 from the learned model, or null when the model knows nothing of this theme. */
  readonly model: number | null;
}

export interface Suggestion {
  readonly themeId: string;
  /** 0..1, rounded to four decimals. */
  readonly score: number;
  readonly evidence: readonly Evidence[];
  /** The respondent's topics that point at this theme. */
  readonly topics: readonly string[];
  readonly signals: SuggestionSignals;
}

export interface SuggestOptions {
  /** Suggestions below this score are not shown (default 0.5). */
  readonly threshold?: number;
  /** At most this many suggestions are shown (default 3). */
  readonly maxShown?: number;
  /** Respondent topic → theme ids (see topicThemes.ts for the starter codebook's mapping). */
  readonly topicThemes?: Readonly<Record<string, readonly string[]>>;
  /** Fold Latin diacritics when matching (default true). */
  readonly foldDiacritics?: boolean;
}

export interface RankedThemes {
  /** The language the story was analysed in. */
  readonly language: FormLocale;
  /** Every theme with a score above zero, best first; ties by theme id. */
  readonly ranking: readonly Suggestion[];
}
