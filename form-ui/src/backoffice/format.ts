import type { Locale } from '@medskapa/api/contract';
import { languageInfo } from '../i18n/languages.ts';
import type { BackofficeLanguage } from './i18n.ts';

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date ('2026-11-20') as "20 november 2026" / "20 November 2026". */
export function formatDay(day: string, language: BackofficeLanguage): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  let format = dayFormats.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    dayFormats.set(language, format);
  }
  return format.format(date);
}

/** A moment (ISO timestamp) in Swedish time: "20 nov. 2026 14:05". */
export function formatMoment(iso: string, language: BackofficeLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = timeFormats.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' });
    timeFormats.set(language, format);
  }
  return format.format(date);
}

/** The `lang` attribute for a story's text: BCP 47 ('sv-x-lattlast' is Swedish, 'prs' is Dari). */
export function storyLang(locale: Locale): string {
  return languageInfo(locale).htmlLang;
}
