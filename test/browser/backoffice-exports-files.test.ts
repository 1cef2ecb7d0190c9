import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionInput } from '../../api/contract/index.ts';
import { STORY_COLUMNS } from '../../api/src/exports/storyTable.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { docxParagraphs, unzip } from '../support/officeFiles.ts';
import { createBackofficeUser, downloadThroughScreen, signInThroughPage } from './backoffice-harness.ts';
import { apiCall, apiSignIn, seedTheme } from './backoffice-workspace-fixtures.ts';
import { expectNoAxeViolations, useBrowser } from './harness.ts';

// Issue #6: a staff member filters on the exports screen, downloads the quote bank (DOCX) and the stories as RFC 4180
// CSV and as XLSX, and each saved file is opened and checked against the stories seeded here through the API.

const harness = useBrowser();
const base = harness.baseUrl;

interface StoredStory {
  _id: string;
  receivedOn: string;
  locale: string;
  channel: string;
  status: string;
  respondent: { role: string };
  care: { settings: string[] };
  topics: string[];
  rating?: number | null;
  story: { whatHappened: string; whatWorkedWell?: string; whatCouldBeBetter?: string; idea?: string };
  themes: string[];
}

interface Seeded {
  readonly staff: string;
  readonly labels: { readonly waiting: string; readonly respect: string; readonly parking: string };
  readonly waitingId: string;
  readonly respectId: string;
  /** The six Swedish stories with the waiting theme: the filter's stories, as stored (masked). */
  readonly inFilter: ReadonlyArray<StoredStory>;
  readonly masked: StoredStory;
  readonly formula: StoredStory;
  /** Same themes, but in English; and Swedish without the waiting theme: neither may be in any file. */
  readonly outside: ReadonlyArray<{ readonly marker: string; readonly story: StoredStory }>;
}

const PHONE = '070-123 45 67';
const FORMULAS = { whatWorkedWell: '@SUM(A1:A9)', whatCouldBeBetter: '-A1+A2', idea: '+A1' } as const;

let seeded: Seeded;

const submissions = () => harness.db().collection<StoredStory>('submissions');

/** Sends a story through the public API, as the form does, and returns it as stored (masked). */
async function submit(overrides: Partial<SubmissionInput>): Promise<StoredStory> {
  const response = await fetch(`${base}/api/v1/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
    body: JSON.stringify(buildSubmission(overrides)),
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  const story = await submissions().findOne({ _id: id });
  expect(story).not.toBeNull();
  return story!;
}

beforeAll(async () => {
  const facilitator = await createBackofficeUser(['facilitator'], 'Files Facilitator');
  const staff = await createBackofficeUser(['staff'], 'Files Staff');
  const api = await apiSignIn(base, facilitator);
  const waiting = await seedTheme(base, api, 'Vantan');
  const respect = await seedTheme(base, api, 'Bemotande');
  const parking = await seedTheme(base, api, 'Parkering');
  const tag = async (story: StoredStory, ...themes: Array<{ id: string }>) => {
    for (const theme of themes) expect((await apiCall(base, api, 'POST', `/api/v1/stories/${story._id}/tags`, { themeId: theme.id })).status).toBe(201);
  };
  const text = (whatHappened: string) => ({ whatHappened, whatWorkedWell: 'Personalen var vänlig.', whatCouldBeBetter: 'Besked om väntetiden.', idea: '' });

  const masked = await submit({ story: text(`${uniquePhrase('maskerad')} Ring mig på ${PHONE} om tiden på akuten.`) });
  const formula = await submit({ story: { whatHappened: `=HYPERLINK("http://example.org";"${uniquePhrase('formel')}")`, ...FORMULAS } });
  const lineBreak = await submit({ story: text(`${uniquePhrase('radbrytning')} Vi väntade i fyra timmar.\nSedan fick vi gå hem utan besked.`), rating: 2 });
  const fourth = await submit({ story: text(`${uniquePhrase('fjarde')} Ingen sa hur länge vi skulle vänta, och det var kallt.`), care: { settings: ['emergency', 'hospital_inpatient'], when: 'last_month' } });
  const fifth = await submit({ story: text(`${uniquePhrase('femte')} Läkaren tog sig tid och förklarade, trots kön.`), rating: 5 });
  const sixth = await submit({ story: text(`${uniquePhrase('sjatte')} Tiden flyttades två gånger utan att någon ringde.`), topics: ['waiting_times'] });
  await tag(masked, waiting, respect);
  await tag(formula, waiting, respect);
  await tag(lineBreak, waiting, respect, parking);
  await tag(fourth, waiting, respect, parking);
  await tag(fifth, waiting, respect);
  await tag(sixth, waiting);

  const englishMarker = uniquePhrase('english');
  const english = await submit({ locale: 'en', story: { whatHappened: `${englishMarker} We waited for hours and nobody told us why.`, whatWorkedWell: '', whatCouldBeBetter: '', idea: '' } });
  const otherMarker = uniquePhrase('utanfor');
  const otherTheme = await submit({ story: text(`${otherMarker} Bemötandet i receptionen var kyligt.`) });
  await tag(english, waiting, respect);
  await tag(otherTheme, respect, parking);

  // As stored after tagging (the themes are written to the story).
  const reread = async (story: StoredStory) => (await submissions().findOne({ _id: story._id }))!;
  seeded = {
    staff,
    labels: { waiting: waiting.labels.sv, respect: respect.labels.sv, parking: parking.labels.sv },
    waitingId: waiting.id,
    respectId: respect.id,
    inFilter: await Promise.all([masked, formula, lineBreak, fourth, fifth, sixth].map(reread)),
    masked: await reread(masked),
    formula: await reread(formula),
    outside: [
      { marker: englishMarker, story: await reread(english) },
      { marker: otherMarker, story: await reread(otherTheme) },
    ],
  };
}, 300_000);

async function openExports(): Promise<Page> {
  const { page } = await harness.newPage({ locale: 'sv-SE', width: 1280, height: 1000 });
  await page.addInitScript(() => window.localStorage.setItem('medskapa.backoffice.lang', 'sv'));
  await signInThroughPage(page, base, seeded.staff);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Exporter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Exportera' }).waitFor();
  return page;
}

/** What a story's row should hold, column by column, from the story as stored; text cells as given by `text`. */
function expectedRow(story: StoredStory, labels: ReadonlyMap<string, string>, text: (value: string) => string): Record<string, string> {
  return {
    received_on: story.receivedOn,
    language: story.locale,
    channel: story.channel,
    status: story.status,
    respondent_role: story.respondent.role,
    care_settings: story.care.settings.join('; '),
    topics: story.topics.join('; '),
    rating: story.rating === undefined || story.rating === null ? '' : String(story.rating),
    campaign: '',
    site: '',
    rollout_wave: '',
    phase: '',
    what_happened: text(story.story.whatHappened),
    what_worked_well: text(story.story.whatWorkedWell ?? ''),
    what_could_be_better: text(story.story.whatCouldBeBetter ?? ''),
    idea: text(story.story.idea ?? ''),
    themes: story.themes.map((id) => labels.get(id) ?? id).join('; '),
    excerpts: '',
  };
}

describe('exports screen: the files a staff member takes away (issue #6)', () => {
  it('filters by language and theme, downloads the quote bank (DOCX), the stories as RFC 4180 CSV and as XLSX, and every file holds exactly the filtered stories', async () => {
    const since = new Date();
    const { labels } = seeded;
    // Each story left out misses the filter by one thing only: the English one has the theme, the other is Swedish.
    const [english, otherTheme] = seeded.outside;
    expect([english!.story.locale, english!.story.themes.includes(seeded.waitingId)]).toEqual(['en', true]);
    expect([otherTheme!.story.locale, otherTheme!.story.themes.includes(seeded.waitingId)]).toEqual(['sv', false]);
    const page = await openExports();
    const themeLabels = new Map(
      (await harness.db().collection<{ _id: string; labels: { sv: string } }>('themes').find({}).toArray()).map((theme) => [theme._id, theme.labels.sv]),
    );

    // The filter: Swedish stories with the waiting theme. The codebook loads after the screen, so wait for the option.
    await page.locator('#exports-locale').selectOption('sv');
    await page.locator('#exports-theme').locator('option', { hasText: labels.waiting }).waitFor({ state: 'attached' });
    await page.locator('#exports-theme').selectOption({ label: labels.waiting });

    // (1) The quote bank: the link takes the filter as it stands in the form.
    const [docxDownload] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('link', { name: 'Citatbank (Word)' }).click()]);
    expect(await docxDownload.failure()).toBeNull();
    expect(docxDownload.suggestedFilename()).toMatch(/^medskapa-citatbank-\d{4}-\d{2}-\d{2}\.docx$/);
    const docxUrl = new URL(docxDownload.url());
    expect(docxUrl.searchParams.get('locale')).toBe('sv');
    expect(docxUrl.searchParams.get('theme')).toBe(seeded.waitingId);
    const docx = unzip(await readFile((await docxDownload.path())!));
    const xml = docx.read('word/document.xml');
    const list = docxParagraphs(xml);
    // Waiting (6 stories) then respect (5 of them); parking has 2 of them, fewer than k, so no heading.
    expect(list.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([`1. ${labels.waiting}`, `2. ${labels.respect}`]);
    expect(xml).not.toContain(labels.parking);
    expect(list.some((p) => p.text === `Urval: Språk: svenska; Tema: ${labels.waiting}`)).toBe(true);
    const headings = list.flatMap((p, index) => (p.style === 'Heading1' ? [index] : []));
    const quotesUnder = (n: number) => list.slice(headings[n], headings[n + 1] ?? list.length).filter((p) => p.style === 'Quote').map((p) => p.text);
    // A quote is the story's start as stored (masked), with its white space folded; these are all short.
    const quoteOf = (story: StoredStory) => story.story.whatHappened.replace(/\s+/g, ' ').trim();
    expect(quotesUnder(0).sort()).toEqual(seeded.inFilter.map(quoteOf).sort());
    expect(quotesUnder(1).sort()).toEqual(seeded.inFilter.filter((story) => story.themes.includes(seeded.respectId)).map(quoteOf).sort());
    expect(quotesUnder(1)).toHaveLength(5);
    // The phone number was masked when the story arrived; the quote shows the mask, never the number.
    expect(seeded.masked.story.whatHappened).toContain('[PHONE]');
    expect(quotesUnder(0)).toContain(quoteOf(seeded.masked));
    expect(docx.all()).not.toContain(PHONE);
    expect(docx.all()).not.toContain('123 45 67');
    for (const outside of seeded.outside) expect(docx.all()).not.toContain(outside.marker.split(' ')[1]);
    for (const quote of list.flatMap((p, index) => (p.style === 'Quote' ? [list[index + 1]!.text] : []))) expect(quote).toMatch(/^Språk: svenska · Månad: /);

    // (2) The stories as standard CSV (RFC 4180): no BOM, commas, CRLF after each record, a header row.
    await page.getByLabel('Berättelserna').check();
    await page.getByLabel('CSV (.csv)').check();
    await page.getByLabel(/Standard-CSV/).check();
    const csvFile = await downloadThroughScreen(page);
    await expect.poll(() => new URL(page.url()).search).toBe(`?locale=sv&theme=${seeded.waitingId}`);
    expect(csvFile.download.suggestedFilename()).toMatch(/^medskapa-berattelser-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = csvFile.bytes.toString('utf8');
    expect(csvFile.bytes[0]).toBe('r'.charCodeAt(0));
    expect(csv.startsWith(`${STORY_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // The line break inside a story stays a bare LF inside quotes; only records end in CRLF.
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(seeded.inFilter.length + 1);
    const records = parse(csv, { columns: true, delimiter: ',', relax_column_count: false }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...STORY_COLUMNS]);
    // The file's one date is the day the story arrived (ISO 8601, no time of day: the service keeps coarse time).
    for (const record of records) expect(record['received_on']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    // A formula is never run: CSV shows it behind an apostrophe.
    const csvText = (story: StoredStory) => (value: string) => (story._id === seeded.formula._id && value !== '' ? `'${value}` : value);
    const byHappened = (rows: ReadonlyArray<Record<string, string>>) => [...rows].sort((a, b) => a['what_happened']!.localeCompare(b['what_happened']!));
    expect(byHappened(records)).toEqual(byHappened(seeded.inFilter.map((story) => expectedRow(story, themeLabels, csvText(story)))));
    const formulaRecord = records.find((record) => record['what_happened']!.includes('HYPERLINK'))!;
    expect(formulaRecord['what_happened']).toBe(`'${seeded.formula.story.whatHappened}`);
    expect(seeded.formula.story.whatHappened.startsWith('=HYPERLINK(')).toBe(true);
    expect([formulaRecord['what_worked_well'], formulaRecord['what_could_be_better'], formulaRecord['idea']]).toEqual([`'${FORMULAS.whatWorkedWell}`, `'${FORMULAS.whatCouldBeBetter}`, `'${FORMULAS.idea}`]);
    for (const outside of seeded.outside) expect(csv).not.toContain(outside.marker.split(' ')[1]);
    expect(csv).not.toContain(PHONE);
    await page.getByRole('status').filter({ hasText: `Klart. Filen ${csvFile.download.suggestedFilename()} har sparats med ${seeded.inFilter.length} rader.` }).waitFor();

    // (3) The stories as XLSX: the same rows, cell by cell; formulas are text cells, never formulas.
    await page.getByLabel('Excel (.xlsx)').check();
    const xlsxFile = await downloadThroughScreen(page);
    expect(xlsxFile.download.suggestedFilename()).toMatch(/^medskapa-berattelser-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsxFile.bytes).buffer);
    const sheet = workbook.getWorksheet('Berättelser');
    expect(sheet).toBeDefined();
    const rows: Record<string, string>[] = [];
    sheet!.eachRow((row, number) => {
      if (number === 1) expect(STORY_COLUMNS.map((_, index) => row.getCell(index + 1).text)).toEqual([...STORY_COLUMNS]);
      else rows.push(Object.fromEntries(STORY_COLUMNS.map((column, index) => [column, row.getCell(index + 1).text])));
    });
    expect(byHappened(rows)).toEqual(byHappened(seeded.inFilter.map((story) => expectedRow(story, themeLabels, (value) => value))));
    let formulaRow: ExcelJS.Row | undefined;
    sheet!.eachRow((row) => {
      if (row.getCell(STORY_COLUMNS.indexOf('what_happened') + 1).text === seeded.formula.story.whatHappened) formulaRow = row;
    });
    expect(formulaRow).toBeDefined();
    for (const column of ['what_happened', 'what_worked_well', 'what_could_be_better', 'idea'] as const) {
      const cell = formulaRow!.getCell(STORY_COLUMNS.indexOf(column) + 1);
      expect(cell.type, column).toBe(ExcelJS.ValueType.String);
      expect(cell.formula, column).toBeUndefined();
    }
    expect(formulaRow!.getCell(STORY_COLUMNS.indexOf('rating') + 1).value).toBe(seeded.formula.rating);
    // And in the sheet's XML itself: not one formula element.
    const sheetXml = unzip(xlsxFile.bytes).read('xl/worksheets/sheet1.xml');
    expect(sheetXml).toContain('HYPERLINK');
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    for (const outside of seeded.outside) expect(sheetXml).not.toContain(outside.marker.split(' ')[1]);
    await page.getByRole('status').filter({ hasText: `Klart. Filen ${xlsxFile.download.suggestedFilename()} har sparats med ${seeded.inFilter.length} rader.` }).waitFor();

    // Each export is audited, with the filter, as this staff member's (other test files export at the same time).
    const staffUser = await harness.db().collection<{ _id: string; email: string }>('users').findOne({ email: seeded.staff });
    expect(staffUser).not.toBeNull();
    await expect
      .poll(async () =>
        (await harness.db().collection<{ action: string; actorId?: string; at: Date; detail?: Record<string, unknown> }>('auditEvents').find({ actorId: staffUser!._id, at: { $gte: since } }).toArray())
          .filter((entry) => entry.action.startsWith('export.'))
          .map((entry) => `${entry.action} ${String(entry.detail?.['format'])} ${String(entry.detail?.['filter']).includes(seeded.waitingId)}`)
          .sort(),
      )
      .toEqual(['export.quotes docx true', 'export.stories csv true', 'export.stories xlsx true']);
    // The existing exports test runs axe at rest, with progress and after cancel; this is the state after finished downloads.
    await expectNoAxeViolations(page, 'exports after three downloads');
  });
});
