import { LOCALES, type Locale } from '@medskapa/api/contract/lists';

export interface LanguageInfo {
  readonly code: Locale;
  /** The language's name in its own language. */
  readonly autonym: string;
  /** The BCP 47 tag for `lang` attributes (lättläst is still Swedish). */
  readonly htmlLang: string;
  readonly dir: 'ltr' | 'rtl';
}

export const LANGUAGES: ReadonlyArray<LanguageInfo> = [
  { code: 'sv', autonym: 'Svenska', htmlLang: 'sv', dir: 'ltr' },
  { code: 'sv-x-lattlast', autonym: 'Lättläst svenska', htmlLang: 'sv', dir: 'ltr' },
  { code: 'en', autonym: 'English', htmlLang: 'en', dir: 'ltr' },
  { code: 'ar', autonym: 'العربية', htmlLang: 'ar', dir: 'rtl' },
  { code: 'fa', autonym: 'فارسی', htmlLang: 'fa', dir: 'rtl' },
  { code: 'prs', autonym: 'دری', htmlLang: 'prs', dir: 'rtl' },
  { code: 'so', autonym: 'Soomaali', htmlLang: 'so', dir: 'ltr' },
  { code: 'ti', autonym: 'ትግርኛ', htmlLang: 'ti', dir: 'ltr' },
  { code: 'fi', autonym: 'Suomi', htmlLang: 'fi', dir: 'ltr' },
  { code: 'uk', autonym: 'Українська', htmlLang: 'uk', dir: 'ltr' },
];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && LOCALES.some((locale) => locale === value);
}

export function languageInfo(code: Locale): LanguageInfo {
  return LANGUAGES.find((language) => language.code === code) ?? { code: 'sv', autonym: 'Svenska', htmlLang: 'sv', dir: 'ltr' };
}

/** Browser preferences to a form language; Dari is written fa-AF by many browsers. Lättläst is never guessed. */
export function localeFromBrowser(preferences: ReadonlyArray<string>): Locale | undefined {
  for (const preference of preferences) {
    const tag = preference.toLowerCase();
    if (tag === 'fa-af' || tag.startsWith('prs')) return 'prs';
    const base = tag.split('-')[0];
    const match = LANGUAGES.find((language) => language.code === base);
    if (match !== undefined) return match.code;
  }
  return undefined;
}
