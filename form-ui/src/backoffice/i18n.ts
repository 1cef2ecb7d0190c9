import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAdmin from './locales/en/admin.json';
import enAnalysis from './locales/en/analysis.json';
import enCore from './locales/en/core.json';
import enReports from './locales/en/reports.json';
import svAdmin from './locales/sv/admin.json';
import svAnalysis from './locales/sv/analysis.json';
import svCore from './locales/sv/core.json';
import svReports from './locales/sv/reports.json';

/** The back office speaks Swedish and English (facilitators and staff); the public form speaks ten languages. */
export const BACKOFFICE_LANGUAGES = ['sv', 'en'] as const;
export type BackofficeLanguage = (typeof BACKOFFICE_LANGUAGES)[number];

const STORAGE_KEY = 'medskapa.backoffice.lang';

export function isBackofficeLanguage(value: unknown): value is BackofficeLanguage {
  return BACKOFFICE_LANGUAGES.some((language) => language === value);
}

export function initialBackofficeLanguage(): BackofficeLanguage {
  try {
    const remembered = window.localStorage.getItem(STORAGE_KEY);
    if (isBackofficeLanguage(remembered)) return remembered;
  } catch {
    // Storage can be blocked; Swedish is the default.
  }
  return navigator.languages.some((language) => language.toLowerCase().startsWith('sv')) || !navigator.languages.some((language) => language.toLowerCase().startsWith('en')) ? 'sv' : 'en';
}

export function rememberBackofficeLanguage(language: BackofficeLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, which is fine.
  }
  document.documentElement.lang = language;
}

/**
 * Namespaces: `core` (shell, sign-in, inbox, story), `admin` (codebook, campaigns, users, contacts, audit),
 * `analysis` (suggestions, emerging themes, agreement between coders) and `reports` (summaries and exports).
 */
export const resources = {
  sv: { core: svCore, admin: svAdmin, analysis: svAnalysis, reports: svReports },
  en: { core: enCore, admin: enAdmin, analysis: enAnalysis, reports: enReports },
} as const;

export async function initBackofficeI18n(language: BackofficeLanguage): Promise<I18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    supportedLngs: [...BACKOFFICE_LANGUAGES],
    fallbackLng: 'sv',
    ns: ['core', 'admin', 'analysis', 'reports'],
    defaultNS: 'core',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return instance;
}
