import type { CampaignPhase, CareSetting, Locale, ReportLanguage, RespondentRole } from '../../contract/index.ts';

/**
 * The words of the report and the quote bank. They are written on the server (the files leave the back office),
 * so they live here rather than in the back office's i18n files; list names match the back office's.
 */
export interface ReportTexts {
  readonly locale: string;
  readonly documentTitle: string;
  readonly quoteBankTitle: string;
  readonly generatedBy: string;
  readonly generatedByLabel: string;
  readonly fileName: string;
  readonly quoteBankFileName: string;
  readonly selection: string;
  readonly allStories: string;
  readonly generatedOn: string;
  readonly storiesInSelection: string;
  readonly contents: string;
  readonly method: string;
  readonly methodParagraphs: (k: number) => readonly string[];
  readonly overview: string;
  readonly overviewIntro: (total: string) => string;
  readonly noStories: string;
  readonly totalHidden: (k: number) => string;
  readonly themes: string;
  readonly themesIntro: string;
  readonly hiddenThemes: (k: number) => string;
  readonly noThemes: string;
  readonly themeRanking: string;
  readonly themeRankingDescription: string;
  readonly theme: string;
  readonly stories: string;
  readonly share: string;
  readonly month: string;
  readonly rating: string;
  readonly ratingName: (rating: number) => string;
  readonly ratingMean: string;
  readonly rated: string;
  readonly unrated: string;
  readonly role: string;
  readonly careSetting: string;
  readonly trend: string;
  readonly trendDescription: (subject: string) => string;
  readonly ratings: string;
  readonly ratingsDescription: (subject: string) => string;
  readonly byRole: string;
  readonly byRoleDescription: (subject: string) => string;
  readonly byCareSetting: string;
  readonly byCareSettingDescription: (subject: string) => string;
  readonly careSettingNote: string;
  readonly coOccurring: string;
  readonly coOccurringIntro: string;
  readonly noCoOccurring: string;
  readonly quotes: string;
  readonly quotesIntro: string;
  readonly noQuotes: string;
  readonly quoteLanguage: string;
  readonly quoteMonth: string;
  readonly allStoriesSubject: string;
  readonly themeSubject: (label: string) => string;
  readonly themeSummary: (count: string, share: string) => string;
  readonly partOf: string;
  readonly removedTheme: (id: string) => string;
  /** A hidden number in a table or beside a bar. */
  readonly hidden: string;
  /** A hidden number above a column, where there is little room. */
  readonly hiddenShort: string;
  readonly empty: string;
  readonly tableFor: (chart: string) => string;
  readonly footer: string;
  readonly page: string;
  readonly filterNames: {
    readonly period: string;
    readonly campaign: string;
    readonly site: string;
    readonly wave: string;
    readonly phase: string;
    readonly role: string;
    readonly careSetting: string;
    readonly locale: string;
    readonly theme: string;
  };
  readonly periodText: (from: string | undefined, to: string | undefined) => string;
  readonly locales: Readonly<Record<Locale, string>>;
  readonly roles: Readonly<Record<RespondentRole, string>>;
  readonly careSettings: Readonly<Record<CareSetting, string>>;
  readonly phases: Readonly<Record<CampaignPhase, string>>;
  readonly quoteBankIntro: (k: number) => string;
  readonly quoteBankSummary: (count: string, quotes: number) => string;
  readonly quoteBankNone: string;
  readonly quoteSourceExcerpt: string;
  readonly quoteSourceStory: string;
}

const sv: ReportTexts = {
  locale: 'sv',
  documentTitle: 'Vad berättelserna säger om vården',
  quoteBankTitle: 'Citatbank: berättelser om vården, tema för tema',
  generatedBy: 'Skapad av Medskapa',
  generatedByLabel: 'Skapad av',
  fileName: 'medskapa-rapport',
  quoteBankFileName: 'medskapa-citatbank',
  selection: 'Urval',
  allStories: 'Alla berättelser',
  generatedOn: 'Skapad',
  storiesInSelection: 'Berättelser i urvalet',
  contents: 'Innehåll',
  method: 'Så har sammanställningen gjorts',
  methodParagraphs: (k) => [
    'Berättelserna kommer från Medskapas formulär. Där berättar patienter och närstående med egna ord om sina upplevelser av vården. Formuläret finns på flera språk och man behöver inte uppge vem man är. Den som vill bli kontaktad lämnar sina kontaktuppgifter för sig. De finns aldrig i den här rapporten.',
    'Innan en berättelse sparas tar tjänsten bort uppgifter som kan peka ut en person, till exempel personnummer, telefonnummer, e-postadresser och adresser. Uppgiften ersätts med en markering, till exempel [PERSONNUMMER]. Samtalsledare läser också texterna och kan ta bort fler uppgifter, till exempel namn. Alla citat i rapporten är sådan maskerad text.',
    'Samtalsledare läser berättelserna och märker dem med teman ur en gemensam kodbok. Tjänsten föreslår teman utifrån texten, men det är alltid en samtalsledare som bestämmer. En berättelse kan ha flera teman. Därför blir summan av alla teman större än antalet berättelser.',
    `För att ingen ska kunna pekas ut visar rapporten inga antal mellan 1 och ${k - 1}. I stället står det ”visas inte”. Ibland döljs också ett större antal, när det dolda antalet annars skulle gå att räkna ut från en summa och talen bredvid. Andelar och medelvärden visas bara när alla antal de bygger på visas. Citat kommer bara från teman med minst ${k} berättelser i urvalet.`,
    'Andelen för ett tema är den del av berättelserna i urvalet som har temat. Utvecklingen över tid visar hur många berättelser med temat som kom in varje månad.',
  ],
  overview: 'Översikt',
  overviewIntro: (total) => `Urvalet innehåller ${total} berättelser.`,
  noStories: 'Det finns inga berättelser i urvalet.',
  totalHidden: (k) => `Urvalet innehåller färre än ${k} berättelser. Därför visas inga siffror eller citat.`,
  themes: 'Teman',
  themesIntro: 'Teman i ordning efter hur många berättelser som har dem. Störst först.',
  hiddenThemes: (k) => `Teman med färre än ${k} berättelser i urvalet, eller med ett antal som har dolts. De får inget eget avsnitt:`,
  noThemes: 'Inga berättelser i urvalet har något tema ännu.',
  themeRanking: 'Teman efter antal berättelser',
  themeRankingDescription: 'Liggande staplar, en för varje tema, störst först. Antalet berättelser och andelen står efter varje stapel.',
  theme: 'Tema',
  stories: 'Berättelser',
  share: 'Andel',
  month: 'Månad',
  rating: 'Betyg',
  ratingName: (rating) => `${rating} av 5`,
  ratingMean: 'Medelbetyg',
  rated: 'Har gett betyg',
  unrated: 'Har inte gett betyg',
  role: 'Vem som berättar',
  careSetting: 'Vårdform',
  trend: 'Utveckling per månad',
  trendDescription: (subject) => `Stående staplar, en för varje månad, med antalet berättelser ${subject} som kom in den månaden.`,
  ratings: 'Betyg',
  ratingsDescription: (subject) => `Stående staplar för betygen 1 till 5, med antalet berättelser ${subject} som gav det betyget.`,
  byRole: 'Vem som berättar',
  byRoleDescription: (subject) => `Liggande staplar med antalet berättelser ${subject} från patienter, närstående och personer som är både och.`,
  byCareSetting: 'Vårdform',
  byCareSettingDescription: (subject) => `Liggande staplar med antalet berättelser ${subject} för varje vårdform.`,
  careSettingNote: 'En berättelse kan handla om flera vårdformer. Därför kan summan bli större än antalet berättelser.',
  coOccurring: 'Teman i samma berättelser',
  coOccurringIntro: 'Andra teman som finns i samma berättelser som det här temat.',
  noCoOccurring: 'Inga andra teman finns i samma berättelser.',
  quotes: 'Citat',
  quotesIntro: 'Korta citat ur berättelser med temat. De visar hur människor uttrycker sig, inte hur vanlig en uppfattning är.',
  noQuotes: 'Det finns inga citat för temat i urvalet.',
  quoteLanguage: 'Språk',
  quoteMonth: 'Månad',
  allStoriesSubject: 'i urvalet',
  themeSubject: (label) => `med temat ”${label}”`,
  themeSummary: (count, share) => `${count} berättelser, ${share} av urvalet.`,
  partOf: 'Ingår i',
  removedTheme: (id) => `Tema som inte längre finns i kodboken (${id})`,
  hidden: 'visas inte',
  hiddenShort: 'dolt',
  empty: 'Inget att visa.',
  tableFor: (chart) => `Tabell: ${chart}`,
  footer: 'Medskapa – sammanställning av berättelser',
  page: 'Sida',
  filterNames: {
    period: 'Period',
    campaign: 'Kampanj',
    site: 'Enhet',
    wave: 'Införandevåg',
    phase: 'Fas',
    role: 'Vem som berättar',
    careSetting: 'Vårdform',
    locale: 'Språk',
    theme: 'Tema',
  },
  periodText: (from, to) => (from === undefined ? `till och med ${to ?? ''}` : to === undefined ? `från och med ${from}` : `${from} till ${to}`),
  locales: {
    sv: 'svenska',
    'sv-x-lattlast': 'lättläst svenska',
    en: 'engelska',
    ar: 'arabiska',
    fa: 'persiska',
    prs: 'dari',
    so: 'somaliska',
    ti: 'tigrinska',
    fi: 'finska',
    uk: 'ukrainska',
  },
  roles: { patient: 'Patient', relative: 'Närstående', patient_and_relative: 'Både patient och närstående' },
  careSettings: {
    primary_care: 'Vårdcentral',
    emergency: 'Akutmottagning',
    hospital_inpatient: 'Inlagd på sjukhus',
    specialist_outpatient: 'Specialistmottagning',
    psychiatry: 'Psykiatri',
    maternity_and_child: 'Mödra- och barnhälsovård',
    rehabilitation_and_habilitation: 'Rehabilitering och habilitering',
    home_care: 'Vård i hemmet',
    dental: 'Tandvård',
    digital_services_1177: '1177 och andra digitala tjänster',
    other: 'Annan vård',
  },
  phases: { before: 'Före införandet', around: 'Runt införandet', after: 'Efter införandet' },
  quoteBankIntro: (k) =>
    `Citat ur berättelser som patienter och närstående har lämnat i Medskapa, ordnade efter tema. Alla citat är maskerade: uppgifter som kan peka ut en person är borttagna. Citat finns bara för teman med minst ${k} berättelser i urvalet. Citaten visar hur människor uttrycker sig, inte hur vanlig en uppfattning är.`,
  quoteBankSummary: (count, quotes) => `${count} berättelser i urvalet. ${quotes} citat.`,
  quoteBankNone: 'Det finns inga teman med tillräckligt många berättelser för att visa citat.',
  quoteSourceExcerpt: 'utdrag som en samtalsledare har märkt med temat',
  quoteSourceStory: 'början av berättelsen',
};

const en: ReportTexts = {
  locale: 'en',
  documentTitle: 'What the stories say about care',
  quoteBankTitle: 'Quote bank: stories about care, theme by theme',
  generatedBy: 'Generated by Medskapa',
  generatedByLabel: 'Generated by',
  fileName: 'medskapa-report',
  quoteBankFileName: 'medskapa-quote-bank',
  selection: 'Selection',
  allStories: 'All stories',
  generatedOn: 'Generated',
  storiesInSelection: 'Stories in the selection',
  contents: 'Contents',
  method: 'How this summary was made',
  methodParagraphs: (k) => [
    'The stories come from the Medskapa form, where patients and relatives describe their experiences of care in their own words. The form is available in several languages and nobody has to say who they are. People who want to be contacted leave their details separately; they are never part of this report.',
    'Before a story is stored, the service removes details that could identify a person, such as personal identity numbers, phone numbers, email addresses and street addresses, and puts a marker such as [PERSONNUMMER] in their place. Facilitators also read the texts and can remove more, such as names. Every quote in this report is masked text.',
    'Facilitators read the stories and tag them with themes from a shared codebook. The service suggests themes from the text, but a facilitator always decides. A story can have several themes, so the themes add up to more than the number of stories.',
    `So that nobody can be identified, the report shows no count between 1 and ${k - 1}; such a count reads “not shown”. A larger count is sometimes hidden as well, when the hidden one could otherwise be worked out from a total and the numbers next to it. Shares and averages are shown only when every count they are made of is shown. Quotes come only from themes with at least ${k} stories in the selection.`,
    'A theme’s share is the part of the stories in the selection that have the theme. The monthly trend shows how many stories with the theme arrived each month.',
  ],
  overview: 'Overview',
  overviewIntro: (total) => `The selection contains ${total} stories.`,
  noStories: 'There are no stories in the selection.',
  totalHidden: (k) => `The selection contains fewer than ${k} stories, so no figures or quotes are shown.`,
  themes: 'Themes',
  themesIntro: 'Themes in order of how many stories have them, largest first.',
  hiddenThemes: (k) => `Themes with fewer than ${k} stories in the selection, or whose count has been hidden. They have no section of their own:`,
  noThemes: 'No story in the selection has a theme yet.',
  themeRanking: 'Themes by number of stories',
  themeRankingDescription: 'Horizontal bars, one per theme, largest first. The number of stories and the share follow each bar.',
  theme: 'Theme',
  stories: 'Stories',
  share: 'Share',
  month: 'Month',
  rating: 'Rating',
  ratingName: (rating) => `${rating} out of 5`,
  ratingMean: 'Average rating',
  rated: 'Gave a rating',
  unrated: 'Gave no rating',
  role: 'Who is telling',
  careSetting: 'Care setting',
  trend: 'Trend by month',
  trendDescription: (subject) => `Vertical bars, one per month, with the number of stories ${subject} that arrived that month.`,
  ratings: 'Ratings',
  ratingsDescription: (subject) => `Vertical bars for the ratings 1 to 5, with the number of stories ${subject} that gave that rating.`,
  byRole: 'Who is telling',
  byRoleDescription: (subject) => `Horizontal bars with the number of stories ${subject} from patients, relatives and people who are both.`,
  byCareSetting: 'Care setting',
  byCareSettingDescription: (subject) => `Horizontal bars with the number of stories ${subject} for each care setting.`,
  careSettingNote: 'A story can be about several care settings, so these can add up to more than the number of stories.',
  coOccurring: 'Themes in the same stories',
  coOccurringIntro: 'Other themes found in the same stories as this one.',
  noCoOccurring: 'No other theme occurs in the same stories.',
  quotes: 'Quotes',
  quotesIntro: 'Short quotes from stories with this theme. They show how people put things, not how common a view is.',
  noQuotes: 'There are no quotes for this theme in the selection.',
  quoteLanguage: 'Language',
  quoteMonth: 'Month',
  allStoriesSubject: 'in the selection',
  themeSubject: (label) => `with the theme “${label}”`,
  themeSummary: (count, share) => `${count} stories, ${share} of the selection.`,
  partOf: 'Part of',
  removedTheme: (id) => `Theme no longer in the codebook (${id})`,
  hidden: 'not shown',
  hiddenShort: 'hidden',
  empty: 'Nothing to show.',
  tableFor: (chart) => `Table: ${chart}`,
  footer: 'Medskapa – summary of stories',
  page: 'Page',
  filterNames: {
    period: 'Period',
    campaign: 'Campaign',
    site: 'Site',
    wave: 'Rollout wave',
    phase: 'Phase',
    role: 'Who is telling',
    careSetting: 'Care setting',
    locale: 'Language',
    theme: 'Theme',
  },
  periodText: (from, to) => (from === undefined ? `up to ${to ?? ''}` : to === undefined ? `from ${from}` : `${from} to ${to}`),
  locales: {
    sv: 'Swedish',
    'sv-x-lattlast': 'Easy-to-read Swedish',
    en: 'English',
    ar: 'Arabic',
    fa: 'Persian',
    prs: 'Dari',
    so: 'Somali',
    ti: 'Tigrinya',
    fi: 'Finnish',
    uk: 'Ukrainian',
  },
  roles: { patient: 'Patient', relative: 'Relative', patient_and_relative: 'Both patient and relative' },
  careSettings: {
    primary_care: 'Primary care centre',
    emergency: 'Emergency department',
    hospital_inpatient: 'Hospital stay',
    specialist_outpatient: 'Specialist clinic',
    psychiatry: 'Psychiatry',
    maternity_and_child: 'Maternity and child health',
    rehabilitation_and_habilitation: 'Rehabilitation and habilitation',
    home_care: 'Care at home',
    dental: 'Dental care',
    digital_services_1177: '1177 and other digital services',
    other: 'Other care',
  },
  phases: { before: 'Before go-live', around: 'Around go-live', after: 'After go-live' },
  quoteBankIntro: (k) =>
    `Quotes from stories that patients and relatives have told through Medskapa, grouped by theme. Every quote is masked: details that could identify a person have been removed. There are quotes only for themes with at least ${k} stories in the selection. The quotes show how people put things, not how common a view is.`,
  quoteBankSummary: (count, quotes) => `${count} stories in the selection. ${quotes} ${quotes === 1 ? 'quote' : 'quotes'}.`,
  quoteBankNone: 'No theme has enough stories for quotes to be shown.',
  quoteSourceExcerpt: 'passage a facilitator tagged with the theme',
  quoteSourceStory: 'start of the story',
};

export const REPORT_TEXTS: Readonly<Record<ReportLanguage, ReportTexts>> = { sv, en };

const monthNames = new Map<string, Intl.DateTimeFormat>();

/** "mars 2027" / "March 2027" for "2027-03". */
export function monthName(month: string, lang: ReportLanguage): string {
  let format = monthNames.get(lang);
  if (format === undefined) monthNames.set(lang, (format = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' })));
  const date = new Date(`${month}-01T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : format.format(date);
}

/** "jan. 2027" / "Jan 2027" under a column. */
export function shortMonthName(month: string, lang: ReportLanguage): string {
  const date = new Date(`${month}-01T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "1 juni 2027" / "1 June 2027": the day in Sweden. */
export function longDate(now: Date, lang: ReportLanguage): string {
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(now);
}
