import type { ReportLanguage, SummaryFilter } from '../../contract/index.ts';
import { REPORT_TEXTS } from './reportTexts.ts';

/** Labels of the themes a document names, by theme id. */
export type ThemeLabels = ReadonlyMap<string, { readonly labels: { readonly sv: string; readonly en: string }; readonly parentId?: string | undefined }>;

/** A theme's label in the document's language; a theme no longer in the codebook is named as such. */
export function themeLabel(themes: ThemeLabels, themeId: string, lang: ReportLanguage): string {
  return themes.get(themeId)?.labels[lang] ?? REPORT_TEXTS[lang].removedTheme(themeId);
}

/** The filter in words, one line per filter set ("Vårdform: Akutmottagning"); empty when every story is included. */
export function describeFilter(filter: SummaryFilter, context: { readonly lang: ReportLanguage; readonly themes: ThemeLabels; readonly campaignName?: string | undefined }): string[] {
  const texts = REPORT_TEXTS[context.lang];
  const names = texts.filterNames;
  const items: string[] = [];
  if (filter.from !== undefined || filter.to !== undefined) items.push(`${names.period}: ${texts.periodText(filter.from, filter.to)}`);
  if (filter.campaign !== undefined) items.push(`${names.campaign}: ${context.campaignName === undefined ? filter.campaign : `${context.campaignName} (${filter.campaign})`}`);
  if (filter.site !== undefined) items.push(`${names.site}: ${filter.site}`);
  if (filter.wave !== undefined) items.push(`${names.wave}: ${filter.wave}`);
  if (filter.phase !== undefined) items.push(`${names.phase}: ${texts.phases[filter.phase]}`);
  if (filter.role !== undefined) items.push(`${names.role}: ${texts.roles[filter.role]}`);
  if (filter.careSetting !== undefined) items.push(`${names.careSetting}: ${texts.careSettings[filter.careSetting]}`);
  if (filter.locale !== undefined) items.push(`${names.locale}: ${texts.locales[filter.locale]}`);
  if (filter.theme !== undefined) items.push(`${names.theme}: ${themeLabel(context.themes, filter.theme, context.lang)}`);
  return items;
}
