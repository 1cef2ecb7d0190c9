import { formatCount } from '@medskapa/analysis';
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Locale, ReportLanguage } from '../../contract/index.ts';
import { longDate, monthName, REPORT_TEXTS } from './reportTexts.ts';

/** Languages written right to left: their paragraphs are bidi in Word, so punctuation and alignment come out right. */
export const RTL_LOCALES: ReadonlySet<Locale> = new Set(['ar', 'fa', 'prs']);

/** Word's language tags (w:lang) for the locales the form has. */
const WORD_LANGUAGE: Readonly<Record<Locale, string>> = {
  sv: 'sv-SE',
  'sv-x-lattlast': 'sv-SE',
  en: 'en-GB',
  ar: 'ar-SA',
  fa: 'fa-IR',
  prs: 'prs-AF',
  so: 'so-SO',
  ti: 'ti-ER',
  fi: 'fi-FI',
  uk: 'uk-UA',
};

export interface QuoteBankQuote {
  /** Masked text only. */
  readonly text: string;
  readonly lang: Locale;
  /** "2027-03": the month the story arrived (a story keeps no finer time). */
  readonly month: string;
  readonly source: 'excerpt' | 'story';
}

export interface QuoteBankTheme {
  readonly label: string;
  /** A shown count (never below k): only such themes are in the bank. */
  readonly count: number;
  readonly quotes: readonly QuoteBankQuote[];
}

export interface QuoteBankInput {
  readonly lang: ReportLanguage;
  readonly k: number;
  readonly generatedAt: Date;
  /** The filter in words, one line each (empty: all stories). */
  readonly filter: readonly string[];
  /** Ranked, largest first. */
  readonly themes: readonly QuoteBankTheme[];
}

function quoteParagraphs(quote: QuoteBankQuote, lang: ReportLanguage): Paragraph[] {
  const texts = REPORT_TEXTS[lang];
  const rtl = RTL_LOCALES.has(quote.lang);
  const language = WORD_LANGUAGE[quote.lang];
  return [
    new Paragraph({
      style: 'Quote',
      bidirectional: rtl,
      alignment: AlignmentType.START,
      children: [new TextRun({ text: quote.text, rightToLeft: rtl, language: rtl ? { bidirectional: language } : { value: language } })],
    }),
    new Paragraph({
      spacing: { after: 240 },
      children: [
        new TextRun({
          text: `${texts.quoteLanguage}: ${texts.locales[quote.lang]} · ${texts.quoteMonth}: ${monthName(quote.month, lang)} · ${quote.source === 'excerpt' ? texts.quoteSourceExcerpt : texts.quoteSourceStory}`,
          color: '505A5F',
          size: 18,
        }),
      ],
    }),
  ];
}

/**
 * The quote bank as a Word document: a title, how the quotes were chosen, then one real Word heading per theme
 * (largest first) with its quotes. Title, creator and language are set, so screen readers and Word's navigation
 * pane work.
 */
export async function quoteBankDocx(input: QuoteBankInput): Promise<Buffer> {
  const texts = REPORT_TEXTS[input.lang];
  const language = input.lang === 'sv' ? 'sv-SE' : 'en-GB';
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(texts.quoteBankTitle)] }),
    new Paragraph({ children: [new TextRun({ text: `${texts.selection}: `, bold: true }), new TextRun(input.filter.length === 0 ? texts.allStories : input.filter.join('; '))] }),
    new Paragraph({ children: [new TextRun({ text: `${texts.generatedOn}: `, bold: true }), new TextRun(`${longDate(input.generatedAt, input.lang)} · ${texts.generatedBy}`)] }),
    new Paragraph({ spacing: { before: 240, after: 240 }, children: [new TextRun(texts.quoteBankIntro(input.k))] }),
  ];
  if (input.themes.length === 0) children.push(new Paragraph({ children: [new TextRun(texts.quoteBankNone)] }));
  for (const [index, theme] of input.themes.entries()) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: index > 0, children: [new TextRun(`${index + 1}. ${theme.label}`)] }));
    children.push(new Paragraph({ spacing: { after: 200 }, children: [new TextRun(texts.quoteBankSummary(formatCount(theme.count, texts.locale), theme.quotes.length))] }));
    if (theme.quotes.length === 0) children.push(new Paragraph({ children: [new TextRun(texts.noQuotes)] }));
    for (const quote of theme.quotes) children.push(...quoteParagraphs(quote, input.lang));
  }
  const document = new Document({
    title: texts.quoteBankTitle,
    subject: texts.documentTitle,
    creator: 'Medskapa',
    lastModifiedBy: 'Medskapa',
    description: texts.quoteBankIntro(input.k),
    styles: {
      default: { document: { run: { language: { value: language, bidirectional: 'ar-SA' }, font: 'Calibri', size: 22 } } },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 24 },
          paragraph: { indent: { start: 360, end: 360 }, spacing: { before: 120, after: 60 }, border: { left: { style: 'single', size: 18, color: '1D4F91', space: 8 } } },
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ children: [new TextRun(`${texts.quoteBankTitle} · `), new TextRun({ children: [PageNumber.CURRENT] })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
