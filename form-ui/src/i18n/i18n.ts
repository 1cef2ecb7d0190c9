import type { Locale } from '@medskapa/api/contract';
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import svTranslation from './locales/sv/translation.json';
import svValidation from './locales/sv/validation.json';
import { isLocale, languageInfo, localeFromBrowser } from './languages.ts';

const STORAGE_KEY = 'medskapa.lang';

/** `?lang=` first, then the remembered choice, then the browser's preferences, then Swedish. */
export function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(fromUrl)) return fromUrl;
  try {
    const remembered = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(remembered)) return remembered;
  } catch {
    // Storage can be blocked; the URL still carries the choice.
  }
  return localeFromBrowser(navigator.languages) ?? 'sv';
}

/** Remembers the choice for the next visit. */
export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, which is fine.
  }
}

/** Sets `<html lang dir>` and remembers the choice; the title is set by each page. */
export function applyLocale(locale: Locale): void {
  const info = languageInfo(locale);
  document.documentElement.lang = info.htmlLang;
  document.documentElement.dir = info.dir;
  rememberLocale(locale);
  if (locale === 'ti') void import('./ethiopicFont.ts');
}

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  await i18next
    .use(initReactI18next)
    // Swedish is bundled (it is the fallback); every other language is its own chunk, loaded when chosen.
    .use(resourcesToBackend((language: string, namespace: 'translation' | 'validation') => import(`./locales/${language}/${namespace}.json`)))
    .init({
      lng: locale,
      supportedLngs: ['sv', 'sv-x-lattlast', 'en', 'ar', 'fa', 'prs', 'so', 'ti', 'fi', 'uk'],
      fallbackLng: { prs: ['fa', 'sv'], 'sv-x-lattlast': ['sv'], default: ['sv'] },
      ns: ['translation', 'validation'],
      defaultNS: 'translation',
      partialBundledLanguages: true,
      resources: { sv: { translation: svTranslation, validation: svValidation } },
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: true },
    });
  applyLocale(locale);
  return i18next;
}
