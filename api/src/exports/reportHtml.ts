import { barChart, columnChart, escapeXml, formatCount, formatShare, ratingChart } from '@medskapa/analysis';
import {
  isSuppressed,
  type ReportLanguage,
  type Summary,
  type SummaryBreakdown,
  type SummaryTheme,
  type SuppressibleCount,
  type SuppressibleRatio,
} from '../../contract/index.ts';
import { describeFilter, themeLabel, type ThemeLabels } from './reportFilter.ts';
import { longDate, monthName, REPORT_TEXTS, shortMonthName, type ReportTexts } from './reportTexts.ts';

export type { ThemeLabels };



export interface ReportInput {
  /** Already suppressed (the summaries service); nothing here computes a number of its own. */
  readonly summary: Summary;
  readonly lang: ReportLanguage;
  readonly generatedAt: Date;
  /** Every theme the report names: the summary's, the co-occurring ones, parents and the filter's theme. */
  readonly themes: ThemeLabels;
  /** The campaign filter's name, when there is one. */
  readonly campaignName?: string | undefined;
}

/**
 * The file's own policy: nothing may load or run; inline style and data: images are all it has. Sent as a header too
 * and repeated in a meta element, because a saved file is opened without the header.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const e = escapeXml;

const STYLE = `
:root{color:#0b0c0c;background:#fff;font-family:"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Arial,sans-serif;line-height:1.5}
body{margin:0 auto;max-width:52rem;padding:1.5rem}
h1{font-size:2.2rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.6rem;margin:2.5rem 0 .75rem;border-bottom:2px solid #0b0c0c;padding-bottom:.25rem}
h3{font-size:1.35rem;margin:2rem 0 .5rem}
h4{font-size:1.1rem;margin:1.5rem 0 .5rem}
a{color:#1d4f91}
.kicker{font-weight:700;letter-spacing:.05em;text-transform:uppercase;color:#505a5f;margin:0 0 .5rem}
.title-page{min-height:60vh;border-bottom:4px solid #1d4f91;padding-bottom:1.5rem;margin-bottom:1rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.25rem;margin:1.5rem 0 0}
.facts dt{font-weight:700}.facts dd{margin:0}
.facts ul{margin:0;padding:0;list-style:none}
nav ol{padding-inline-start:1.5rem}nav li{margin:.15rem 0}nav a{display:inline-block;min-height:24px;line-height:24px}
figure{margin:1rem 0 1.5rem;break-inside:avoid}
figure>h3,figure>h4{margin-top:0}
svg.chart{display:block;width:100%;max-width:40rem;height:auto}
table{border-collapse:collapse;margin:.75rem 0;min-width:18rem;break-inside:avoid}
caption{text-align:start;font-weight:700;padding:.25rem 0;color:#0b0c0c}
th,td{border:1px solid #b1b4b6;padding:.25rem .6rem;text-align:start;vertical-align:top}
thead th{background:#f3f2f1}
td.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.hidden-value{font-style:italic;color:#505a5f}
.summary-line{font-size:1.15rem}
.note{color:#505a5f}
.quote{margin:.75rem 0;padding:.5rem 1rem;border-inline-start:4px solid #1d4f91;background:#f8f8f8;break-inside:avoid}
.quote blockquote{margin:0;unicode-bidi:plaintext}
.quote blockquote p{margin:0}
.quote figcaption{font-weight:400;color:#505a5f;font-size:.9rem;margin:.25rem 0 0}
.theme{break-before:page}
.site-footer{margin-top:3rem;border-top:1px solid #b1b4b6;color:#505a5f;font-size:.9rem}
@media print{
  body{max-width:none;padding:0;font-size:10.5pt}
  .title-page{min-height:auto;border:0;break-after:page}
  nav{break-after:page}
  h2,h3,h4{break-after:avoid}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  a{color:inherit;text-decoration:none}
  .site-footer{display:none}
}`;

function count(value: SuppressibleCount, texts: ReportTexts): string {
  return isSuppressed(value) ? texts.hidden : formatCount(value, texts.locale);
}

function ratio(value: SuppressibleRatio, texts: ReportTexts): string {
  if (value === null) return '–';
  return isSuppressed(value) ? texts.hidden : formatShare(value, texts.locale);
}

/** A table cell for a count: the number, or "not shown"; `data-count` lets a reader (and the tests) take the figure. */
function countCell(value: SuppressibleCount, texts: ReportTexts): string {
  return isSuppressed(value)
    ? `<td class="num hidden-value" data-suppressed="true">${e(texts.hidden)}</td>`
    : `<td class="num" data-count="${value}">${e(formatCount(value, texts.locale))}</td>`;
}

function ratioCell(value: SuppressibleRatio, texts: ReportTexts): string {
  if (value === null) return '<td class="num share">–</td>';
  return isSuppressed(value)
    ? `<td class="num share hidden-value" data-suppressed="true">${e(texts.hidden)}</td>`
    : `<td class="num share" data-share="${value}">${e(formatShare(value, texts.locale))}</td>`;
}

function table(caption: string, headers: readonly string[], rows: ReadonlyArray<{ head: string; cells: string }>): string {
  return (
    `<table><caption>${e(caption)}</caption><thead><tr>${headers.map((header) => `<th scope="col">${e(header)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((row) => `<tr><th scope="row">${row.head}</th>${row.cells}</tr>`).join('') +
    '</tbody></table>'
  );
}

/**
 * A chart under its heading, with the same numbers as a table: the table is the chart's text alternative and prints
 * too. The heading names the figure, so it appears once for readers and once in a screen reader's heading list.
 */
function chartFigure(id: string, heading: { level: 'h3' | 'h4'; title: string }, svg: string, tableHtml: string, note?: string): string {
  const { level, title } = heading;
  return `<figure id="${id}" aria-labelledby="${id}-title"><${level} id="${id}-title">${e(title)}</${level}>${svg}${note === undefined ? '' : `<p class="note">${e(note)}</p>`}${tableHtml}</figure>`;
}

/** Themes that get a section of their own: a shown count, so their details and quotes may be shown. */
function sectionThemes(summary: Summary): SummaryTheme[] {
  return summary.themes.filter((theme) => theme.detail !== undefined && !isSuppressed(theme.count) && theme.count > 0);
}

function breakdownFigures(idPrefix: string, breakdown: SummaryBreakdown, months: readonly string[], subject: string, input: ReportInput, level: 'h3' | 'h4'): string {
  const texts = REPORT_TEXTS[input.lang];
  const lang = input.lang;
  const frame = (suffix: string, title: string, description: string) => ({ id: `${idPrefix}-${suffix}`, title, description, lang });
  const trendById = new Map(breakdown.trend.map((entry) => [entry.month, entry.count]));
  const trend = months.map((month) => ({ month, count: trendById.get(month) ?? 0 }));
  const parts: string[] = [];

  parts.push(
    chartFigure(
      `${idPrefix}-trend`,
      { level, title: texts.trend },
      columnChart({
        ...frame('trend-chart', texts.trend, texts.trendDescription(subject)),
        columns: trend.map((entry) => ({ label: shortMonthName(entry.month, lang), value: entry.count })),
        locale: texts.locale,
        suppressedShortLabel: texts.hiddenShort,
        emptyLabel: texts.empty,
      }),
      table(
        texts.tableFor(texts.trend),
        [texts.month, texts.stories],
        trend.map((entry) => ({ head: e(monthName(entry.month, lang)), cells: countCell(entry.count, texts) })),
      ),
    ),
  );

  parts.push(
    chartFigure(
      `${idPrefix}-role`,
      { level, title: texts.byRole },
      barChart({
        ...frame('role-chart', texts.byRole, texts.byRoleDescription(subject)),
        bars: breakdown.byRole.map((entry) => ({ label: texts.roles[entry.role], value: entry.count })),
        locale: texts.locale,
        suppressedLabel: texts.hidden,
        emptyLabel: texts.empty,
      }),
      table(
        texts.tableFor(texts.byRole),
        [texts.role, texts.stories],
        breakdown.byRole.map((entry) => ({ head: e(texts.roles[entry.role]), cells: countCell(entry.count, texts) })),
      ),
    ),
  );

  parts.push(
    chartFigure(
      `${idPrefix}-care`,
      { level, title: texts.byCareSetting },
      barChart({
        ...frame('care-chart', texts.byCareSetting, texts.byCareSettingDescription(subject)),
        bars: breakdown.byCareSetting.map((entry) => ({ label: texts.careSettings[entry.careSetting], value: entry.count })),
        locale: texts.locale,
        suppressedLabel: texts.hidden,
        emptyLabel: texts.empty,
      }),
      table(
        texts.tableFor(texts.byCareSetting),
        [texts.careSetting, texts.stories],
        breakdown.byCareSetting.map((entry) => ({ head: e(texts.careSettings[entry.careSetting]), cells: countCell(entry.count, texts) })),
      ),
      texts.careSettingNote,
    ),
  );

  const ratings = breakdown.ratings;
  const mean = ratings.mean;
  const meanText = mean === null ? '–' : isSuppressed(mean) ? texts.hidden : new Intl.NumberFormat(texts.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean);
  parts.push(
    chartFigure(
      `${idPrefix}-ratings`,
      { level, title: texts.ratings },
      ratingChart({
        ...frame('ratings-chart', texts.ratings, texts.ratingsDescription(subject)),
        distribution: ratings.distribution,
        ratingLabel: texts.ratingName,
        locale: texts.locale,
        suppressedShortLabel: texts.hiddenShort,
        emptyLabel: texts.empty,
      }),
      table(texts.tableFor(texts.ratings), [texts.rating, texts.stories], [
        ...ratings.distribution.map((entry) => ({ head: e(texts.ratingName(entry.rating)), cells: countCell(entry.count, texts) })),
        { head: e(texts.rated), cells: countCell(ratings.rated, texts) },
        { head: e(texts.unrated), cells: countCell(ratings.unrated, texts) },
        {
          head: e(texts.ratingMean),
          cells: mean === null || isSuppressed(mean) ? `<td class="num mean${mean === null ? '' : ' hidden-value'}">${e(meanText)}</td>` : `<td class="num mean" data-mean="${mean}">${e(meanText)}</td>`,
        },
      ]),
    ),
  );
  return parts.join('');
}

function head(input: ReportInput, texts: ReportTexts): string {
  // The running footer (page margin boxes): our own words and the date only, as a CSS string.
  const footer = `"${`${texts.footer} · ${longDate(input.generatedAt, input.lang)}`.replace(/[^\p{L}\p{N} ·–.,-]/gu, '')}"`;
  const page = `@page{size:A4;margin:18mm 16mm 20mm;@bottom-left{content:${footer};font-size:9pt;color:#505a5f}@bottom-right{content:counter(page) " / " counter(pages);font-size:9pt;color:#505a5f}}`;
  return (
    `<!DOCTYPE html><html lang="${input.lang}" dir="ltr"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="generator" content="Medskapa"><title>${e(texts.documentTitle)}</title>` +
    `<style>${STYLE}${page}</style></head><body>`
  );
}

function titlePage(input: ReportInput, texts: ReportTexts): string {
  const filter = describeFilter(input.summary.filter, input);
  return (
    `<header class="title-page"><p class="kicker">Medskapa</p><h1>${e(texts.documentTitle)}</h1><dl class="facts">` +
    `<dt>${e(texts.selection)}</dt><dd>${filter.length === 0 ? e(texts.allStories) : `<ul>${filter.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`}</dd>` +
    `<dt>${e(texts.storiesInSelection)}</dt><dd>${e(count(input.summary.total, texts))}</dd>` +
    `<dt>${e(texts.generatedOn)}</dt><dd><time datetime="${input.generatedAt.toISOString().slice(0, 10)}">${e(longDate(input.generatedAt, input.lang))}</time></dd>` +
    `<dt>${e(texts.generatedByLabel)}</dt><dd>Medskapa</dd>` +
    '</dl></header>'
  );
}

function contents(input: ReportInput, texts: ReportTexts, themes: readonly SummaryTheme[]): string {
  const themeItems = themes
    .map((theme, index) => `<li><a href="#theme-${index + 1}">${e(themeLabel(input.themes, theme.themeId, input.lang))}</a></li>`)
    .join('');
  return (
    `<nav aria-labelledby="contents-title"><h2 id="contents-title">${e(texts.contents)}</h2><ol>` +
    `<li><a href="#method">${e(texts.method)}</a></li>` +
    `<li><a href="#overview">${e(texts.overview)}</a></li>` +
    `<li><a href="#themes">${e(texts.themes)}</a>${themeItems === '' ? '' : `<ol>${themeItems}</ol>`}</li>` +
    '</ol></nav>'
  );
}

function method(input: ReportInput, texts: ReportTexts): string {
  return `<section id="method" aria-labelledby="method-title"><h2 id="method-title">${e(texts.method)}</h2>${texts
    .methodParagraphs(input.summary.k)
    .map((paragraph) => `<p>${e(paragraph)}</p>`)
    .join('')}</section>`;
}

function overview(input: ReportInput, texts: ReportTexts, sections: readonly SummaryTheme[]): string {
  const { summary, lang } = input;
  const parts = [`<section id="overview" aria-labelledby="overview-title"><h2 id="overview-title">${e(texts.overview)}</h2>`];
  if (isSuppressed(summary.total)) {
    parts.push(`<p>${e(texts.totalHidden(summary.k))}</p></section>`);
    return parts.join('');
  }
  if (summary.total === 0) {
    parts.push(`<p>${e(texts.noStories)}</p></section>`);
    return parts.join('');
  }
  parts.push(`<p class="summary-line">${e(texts.overviewIntro(formatCount(summary.total, texts.locale)))}</p>`);
  if (summary.themes.length > 0) {
    const anchors = new Map(sections.map((theme, index) => [theme.themeId, `#theme-${index + 1}`]));
    const name = (theme: SummaryTheme) => themeLabel(input.themes, theme.themeId, lang);
    parts.push(
      chartFigure(
        'ranking',
        { level: 'h3', title: texts.themeRanking },
        barChart({
          id: 'ranking-chart',
          title: texts.themeRanking,
          description: texts.themeRankingDescription,
          lang,
          bars: summary.themes.map((theme) => ({
            label: name(theme),
            value: theme.count,
            note: isSuppressed(theme.share) || theme.share === null ? undefined : formatShare(theme.share, texts.locale),
          })),
          locale: texts.locale,
          suppressedLabel: texts.hidden,
          emptyLabel: texts.empty,
        }),
        table(
          texts.tableFor(texts.themeRanking),
          [texts.theme, texts.stories, texts.share],
          summary.themes.map((theme) => {
            const anchor = anchors.get(theme.themeId);
            return {
              head: anchor === undefined ? e(name(theme)) : `<a href="${anchor}">${e(name(theme))}</a>`,
              cells: countCell(theme.count, texts) + ratioCell(theme.share, texts),
            };
          }),
        ),
      ),
    );
  }
  if (summary.overall !== undefined) parts.push(breakdownFigures('overall', summary.overall, summary.months, texts.allStoriesSubject, input, 'h3'));
  parts.push('</section>');
  return parts.join('');
}

function themeSection(input: ReportInput, texts: ReportTexts, theme: SummaryTheme, index: number): string {
  const { lang, summary } = input;
  const id = `theme-${index + 1}`;
  const label = themeLabel(input.themes, theme.themeId, lang);
  const parentId = input.themes.get(theme.themeId)?.parentId ?? theme.parentId;
  const parts = [
    `<section class="theme" id="${id}" aria-labelledby="${id}-title" data-theme-id="${e(theme.themeId)}"><h3 id="${id}-title">${index + 1}. ${e(label)}</h3>`,
  ];
  if (parentId !== undefined) parts.push(`<p class="note">${e(texts.partOf)}: ${e(themeLabel(input.themes, parentId, lang))}</p>`);
  parts.push(`<p class="summary-line" data-theme-count="${isSuppressed(theme.count) ? '' : theme.count}">${e(texts.themeSummary(count(theme.count, texts), ratio(theme.share, texts)))}</p>`);
  const detail = theme.detail;
  if (detail !== undefined) {
    parts.push(breakdownFigures(id, detail, summary.months, texts.themeSubject(label), input, 'h4'));
    parts.push(`<h4>${e(texts.coOccurring)}</h4>`);
    if (detail.coOccurring.length === 0) parts.push(`<p>${e(texts.noCoOccurring)}</p>`);
    else {
      parts.push(`<p>${e(texts.coOccurringIntro)}</p>`);
      parts.push(
        table(
          `${texts.coOccurring}: ${label}`,
          [texts.theme, texts.stories],
          detail.coOccurring.map((entry) => ({ head: e(themeLabel(input.themes, entry.themeId, lang)), cells: countCell(entry.count, texts) })),
        ),
      );
    }
    parts.push(`<h4>${e(texts.quotes)}</h4>`);
    if (detail.quotes.length === 0) parts.push(`<p>${e(texts.noQuotes)}</p>`);
    else {
      parts.push(`<p>${e(texts.quotesIntro)}</p>`);
      for (const quote of detail.quotes) {
        parts.push(
          `<figure class="quote"><blockquote lang="${e(quote.lang)}" dir="auto"><p>${e(quote.text)}</p></blockquote>` +
            `<figcaption>${e(texts.quoteLanguage)}: ${e(texts.locales[quote.lang])}</figcaption></figure>`,
        );
      }
    }
  }
  parts.push('</section>');
  return parts.join('');
}

/**
 * The report as a sequence of chunks (head, title page, contents, method, overview, one per theme, end), so the
 * route can write each as it is made. Every text is escaped; the file has no script and loads nothing.
 */
export function* renderReport(input: ReportInput): Generator<string, void, undefined> {
  const texts = REPORT_TEXTS[input.lang];
  const { summary } = input;
  const sections = sectionThemes(summary);
  yield head(input, texts);
  yield titlePage(input, texts);
  yield contents(input, texts, sections);
  yield '<main>';
  yield method(input, texts);
  yield overview(input, texts, sections);
  const hidden = summary.themes.filter((theme) => !sections.includes(theme));
  let themesIntro = `<section id="themes" aria-labelledby="themes-title"><h2 id="themes-title">${e(texts.themes)}</h2>`;
  if (summary.themes.length === 0) themesIntro += `<p>${e(texts.noThemes)}</p>`;
  else if (sections.length > 0) themesIntro += `<p>${e(texts.themesIntro)}</p>`;
  if (hidden.length > 0) {
    themesIntro += `<p>${e(texts.hiddenThemes(summary.k))}</p><ul>${hidden.map((theme) => `<li>${e(themeLabel(input.themes, theme.themeId, input.lang))}</li>`).join('')}</ul>`;
  }
  yield themesIntro;
  for (const [index, theme] of sections.entries()) yield themeSection(input, texts, theme, index);
  yield '</section></main>';
  yield `<footer class="site-footer"><p>${e(texts.generatedBy)} · ${e(longDate(input.generatedAt, input.lang))}</p></footer></body></html>\n`;
}

/** The whole report as one string (tests, the README picture). */
export function reportHtml(input: ReportInput): string {
  return [...renderReport(input)].join('');
}
