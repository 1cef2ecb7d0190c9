import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_ROWS_HEADER, StoryExportRecordSchema } from '../../api/contract/index.ts';
import { buildFollowUp } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createBackofficeUser, downloadThroughScreen, signInThroughPage } from './backoffice-harness.ts';
import { apiCall, apiSignIn, seedStory, seedTheme, type ApiSession } from './backoffice-workspace-fixtures.ts';
import { expectNoAxeViolations, useBrowser } from './harness.ts';

const harness = useBrowser();
const base = harness.baseUrl;

// Months no other test writes to: the stories are moved there after they arrive, so the files hold this file's own.
const MONTH = '2012-02';
const LONG_MONTH = '2013-05';
const LONG_ROWS = 200;

interface StoredStory {
  _id: string;
  receivedOn: string;
  month: string;
  story: { whatHappened: string; whatWorkedWell: string; whatCouldBeBetter: string; idea: string };
}

interface Seeded {
  readonly staff: string;
  readonly staffApi: ApiSession;
  readonly theme: { readonly id: string; readonly label: string };
  readonly arabic: StoredStory;
  readonly lineBreak: StoredStory;
  readonly formula: StoredStory;
  readonly contact: { readonly story: StoredStory; readonly name: string; readonly email: string; readonly phone: string };
  readonly other: StoredStory;
}

let seeded: Seeded;

const submissions = () => harness.db().collection<StoredStory & Record<string, unknown>>('submissions');

/** Sets the arrival day of stories (and the month derived from it) as if they had come in then. */
async function moveStories(ids: ReadonlyArray<string>, day: string): Promise<void> {
  // The app writes whole documents back (tagging); repeat until every story has kept its new day.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await submissions().updateMany({ _id: { $in: [...ids] } }, { $set: { receivedOn: day, month: day.slice(0, 7) } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    if ((await submissions().countDocuments({ _id: { $in: [...ids] }, receivedOn: day })) === ids.length) return;
  }
  throw new Error('stories did not keep their day');
}

async function stored(id: string): Promise<StoredStory> {
  const story = await submissions().findOne({ _id: id });
  expect(story).not.toBeNull();
  return story!;
}

beforeAll(async () => {
  const facilitator = await createBackofficeUser(['facilitator'], 'Exports Facilitator');
  const staff = await createBackofficeUser(['staff'], 'Exports Staff');
  const api = await apiSignIn(base, facilitator);
  const theme = await seedTheme(base, api, 'Vantetid');
  const tag = async (id: string) => expect((await apiCall(base, api, 'POST', `/api/v1/stories/${id}/tags`, { themeId: theme.id })).status).toBe(201);
  const emergency = { settings: ['emergency' as const], when: 'last_6_months' as const };

  const arabic = await seedStory(base, harness.db(), { text: 'انتظرنا طويلا في قسم الطوارئ ولم يشرح لنا أحد السبب.', overrides: { locale: 'ar', care: emergency } });
  const lineBreak = await seedStory(base, harness.db(), {
    overrides: { care: emergency, story: { whatHappened: '', whatWorkedWell: 'Första raden om bemötandet.\nAndra raden om väntan.', whatCouldBeBetter: 'Mer information i väntrummet.', idea: '' } },
  });
  const formula = await seedStory(base, harness.db(), {
    overrides: { care: emergency, story: { whatHappened: '', whatWorkedWell: '=HYPERLINK("http://x")', whatCouldBeBetter: '+Kortare köer på akuten.', idea: '' } },
  });
  const name = `Kontakt ${uniquePhrase('Person').split(' ')[1]!}`;
  const email = `${uniquePhrase('kontakt').split(' ')[1]!}@exempel.se`;
  const followUp = { ...buildFollowUp(), name, email, phone: '070-987 65 43' };
  const contact = await seedStory(base, harness.db(), {
    overrides: { care: emergency, followUp, consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } },
  });
  // Same month, another care setting: the care setting filter leaves it out.
  const other = await seedStory(base, harness.db(), { overrides: { care: { settings: ['primary_care'], when: 'last_6_months' } } });
  for (const story of [arabic, lineBreak, formula, contact, other]) await tag(story.id);
  await moveStories([arabic.id, lineBreak.id, formula.id, contact.id, other.id], `${MONTH}-14`);

  // A month of long stories (about 100 kB of text each), copies of one stored story written straight to the database,
  // so that a stories export is about 20 MB: more than the sockets and buffers hold, so a slow reader makes the server wait.
  const template = await stored(other.id);
  const paragraph = 'Vi väntade länge i väntrummet och ingen sa något om hur lång tid det skulle ta innan läkaren kom. ';
  await submissions().insertMany(
    Array.from({ length: LONG_ROWS }, () => ({
      ...template,
      _id: randomUUID(),
      idempotencyKeyHash: randomBytes(32).toString('hex'),
      receiptHash: randomBytes(32).toString('hex'),
      receivedOn: `${LONG_MONTH}-20`,
      month: LONG_MONTH,
      themes: [],
      story: { whatHappened: paragraph.repeat(250), whatWorkedWell: paragraph.repeat(250), whatCouldBeBetter: paragraph.repeat(250), idea: paragraph.repeat(250) },
    })),
  );

  seeded = {
    staff,
    staffApi: await apiSignIn(base, staff),
    theme: { id: theme.id, label: theme.labels.sv },
    arabic: await stored(arabic.id),
    lineBreak: await stored(lineBreak.id),
    formula: await stored(formula.id),
    contact: { story: await stored(contact.id), name, email, phone: followUp.phone },
    other: await stored(other.id),
  };
}, 300_000);


afterAll(async () => {
  await submissions().deleteMany({ month: LONG_MONTH });
}, 120_000);

async function openExports(options: { language?: 'sv' | 'en'; locale?: string; search?: string } = {}): Promise<Page> {
  const { page } = await harness.newPage({ locale: options.locale ?? 'sv-SE', width: 1280, height: 1000 });
  await page.addInitScript((language) => window.localStorage.setItem('medskapa.backoffice.lang', language), options.language ?? 'sv');
  await signInThroughPage(page, base, seeded.staff);
  await page.goto(`${base}/backoffice/exports${options.search ?? ''}`);
  await page.getByRole('heading', { level: 1, name: options.language === 'en' ? 'Exports' : 'Exportera' }).waitFor();
  return page;
}

/** The X-Export-Rows the API gives for the same query, asked directly with the staff member's session. */
async function apiRows(path: string, query: Record<string, string>): Promise<number> {
  const response = await fetch(`${base}${path}?${new URLSearchParams(query).toString()}`, { headers: { Cookie: seeded.staffApi.cookie } });
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return Number(response.headers.get('X-Export-Rows'));
}

/** Records the largest value and the max of the progress bar while it is shown, from the page itself. */
async function watchProgress(page: Page): Promise<() => Promise<{ value: number; max: number; seen: boolean }>> {
  await page.evaluate(() => {
    const record = { value: 0, max: 0, seen: false };
    Object.assign(window, { exportProgress: record });
    const look = () => {
      const bar = document.querySelector<HTMLProgressElement>('progress#exports-progress');
      if (bar === null) return;
      record.seen = true;
      if (bar.hasAttribute('value')) record.value = Math.max(record.value, bar.value);
      record.max = bar.max;
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { exportProgress: { value: number; max: number; seen: boolean } }).exportProgress);
}

/**
 * Holds back the start of the export's response until released (the request never reaches the server). Only to
 * have time to see the progress and cancel: a few hundred stories stream in well under a second here, and enough
 * stories to make it slow for real make FerretDB slow for every other test.
 */
async function holdExport(page: Page, kind: 'stories' | 'themes'): Promise<{ requested: () => boolean; release: () => void }> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requested = false;
  await page.route(`**/api/v1/exports/${kind}?**`, async (route) => {
    requested = true;
    await held;
    await route.abort().catch(() => {});
  });
  return { requested: () => requested, release };
}

/** This file's staff member's audit entries (other test files export at the same time). */
async function auditEntries(action: string, since: Date) {
  const staff = await harness.db().collection<{ _id: string; email: string }>('users').findOne({ email: seeded.staff });
  expect(staff).not.toBeNull();
  return harness
    .db()
    .collection<{ action: string; actorId?: string; outcome: string; at: Date; detail?: Record<string, unknown> }>('auditEvents')
    .find({ action, actorId: staff!._id, at: { $gte: since } })
    .toArray();
}

describe('exports (staff)', () => {
  it('exports the filtered stories as CSV (sv-excel) and NDJSON and the theme table as XLSX; the filter is in the URL; every file checked', async () => {
    const since = new Date();
    const page = await openExports();
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Exporter' }).getAttribute('aria-current')).toBe('page');

    await page.getByLabel('Berättelserna').check();
    await page.getByLabel('CSV (.csv)').check();
    await page.getByLabel(/För Excel med svenska inställningar/).check();
    await page.getByLabel('Från och med månad').fill(MONTH);
    await page.getByLabel('Till och med månad').fill(MONTH);
    await page.locator('#exports-careSetting').selectOption('emergency');
    const progress = await watchProgress(page);
    const csvFile = await downloadThroughScreen(page);
    await expect.poll(() => new URL(page.url()).search).toBe(`?from=${MONTH}&to=${MONTH}&careSetting=emergency`);

    const query = { from: MONTH, to: MONTH, careSetting: 'emergency' };
    const expected = await apiRows('/api/v1/exports/stories', { ...query, format: 'csv' });
    expect(expected).toBe(4);
    expect(csvFile.download.suggestedFilename()).toMatch(/^medskapa-berattelser-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = csvFile.bytes;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    const records = parse(text, { bom: true, delimiter: ';', columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(text.split('\r\n')[0]!.replace('\uFEFF', '').split(';')[0]).toBe('received_on');
    expect(records.length).toBe(expected);
    const byHappened = (story: StoredStory) => records.find((record) => record['what_happened'] === story.story.whatHappened && record['what_worked_well'] !== undefined);
    expect(byHappened(seeded.arabic)?.['language']).toBe('ar');
    expect(text).toContain('انتظرنا طويلا في قسم الطوارئ');
    expect(records.some((record) => record['what_worked_well'] === seeded.lineBreak.story.whatWorkedWell)).toBe(true);
    expect(seeded.lineBreak.story.whatWorkedWell).toContain('\n');
    expect(seeded.formula.story.whatWorkedWell.startsWith('=')).toBe(true);
    const formulaRow = records.find((record) => record['what_worked_well']?.includes('HYPERLINK'));
    expect(formulaRow?.['what_worked_well']).toBe(`'${seeded.formula.story.whatWorkedWell}`);
    expect(formulaRow?.['what_could_be_better']).toBe(`'${seeded.formula.story.whatCouldBeBetter}`);
    expect(records.every((record) => record['themes']?.includes(seeded.theme.label))).toBe(true);
    // The story in primary care is not in the file; contact details never are.
    expect(text).not.toContain(seeded.other.story.whatHappened.split(' ').slice(0, 2).join(' '));
    for (const detail of [seeded.contact.name, seeded.contact.email, seeded.contact.phone, '987 65 43']) expect(text).not.toContain(detail);
    expect(records.length).toBe(Object.keys(records[0]!).length > 0 ? expected : -1);
    // The status says done with the number of rows, and the progress bar reached its max on the way.
    await page.getByRole('status').filter({ hasText: `Klart. Filen ${csvFile.download.suggestedFilename()} har sparats med ${expected} rader.` }).waitFor();
    const seen = await progress();
    expect(seen.seen).toBe(true);
    expect(seen.max).toBe(expected);

    // NDJSON: one record per line, the same stories.
    await page.getByLabel(/NDJSON/).check();
    const ndjsonFile = await downloadThroughScreen(page);
    expect(ndjsonFile.download.suggestedFilename()).toMatch(/\.ndjson$/);
    const lines = ndjsonFile.bytes.toString('utf8').split('\n').filter((line) => line !== '');
    const ndjson = lines.map((line) => StoryExportRecordSchema.parse(JSON.parse(line)));
    expect(ndjson.length).toBe(await apiRows('/api/v1/exports/stories', { ...query, format: 'ndjson' }));
    expect(ndjson.map((record) => record.story.whatWorkedWell).sort()).toEqual(records.map((record) => record['what_worked_well']!.replace(/^'/, '')).sort());
    expect(ndjson.find((record) => record.locale === 'ar')?.story.whatHappened).toBe(seeded.arabic.story.whatHappened);
    expect(ndjson.find((record) => record.story.whatWorkedWell.includes('\n'))?.story.whatWorkedWell).toBe(seeded.lineBreak.story.whatWorkedWell);
    for (const detail of [seeded.contact.name, seeded.contact.email]) expect(ndjson.some((record) => JSON.stringify(record).includes(detail))).toBe(false);
    await page.getByRole('status').filter({ hasText: `har sparats med ${ndjson.length} rader` }).waitFor();

    // The theme table as XLSX: a zip that opens as a workbook with the theme in it.
    await page.getByLabel('Sammanställning per tema').check();
    await page.getByLabel('Excel (.xlsx)').check();
    const xlsxFile = await downloadThroughScreen(page);
    expect(xlsxFile.download.suggestedFilename()).toMatch(/^medskapa-teman-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(xlsxFile.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsxFile.bytes).buffer);
    const sheet = workbook.getWorksheet('Teman')!;
    expect(sheet).toBeDefined();
    expect(sheet.getRow(1).getCell(3).text).toBe('label');
    // Four stories are fewer than k: the file says so in words and names no theme with a number.
    expect(sheet.getRow(2).getCell(3).text).toBe('Alla berättelser');
    expect(sheet.getRow(2).getCell(4).text).toBe('visas inte');
    const themeRows = await apiRows('/api/v1/exports/themes', { ...query, format: 'xlsx' });
    expect(sheet.actualRowCount).toBe(themeRows + 1);
    await page.getByRole('status').filter({ hasText: `har sparats med ${themeRows} rad` }).waitFor();

    // One audit entry per export, with the filter and the row count, and never a story's words.
    // (Four: the two from the screen and the two this test asked the API for, to compare the row counts.)
    await expect.poll(async () => (await auditEntries('export.stories', since)).length).toBe(4);
    const stories = await auditEntries('export.stories', since);
    expect(stories.map((entry) => entry.detail?.['format']).sort()).toEqual(['csv', 'csv', 'ndjson', 'ndjson']);
    for (const entry of stories) {
      expect(entry.detail).toMatchObject({ rows: 4, expectedRows: 4, end: 'completed', filter: expect.stringContaining('careSetting=emergency') });
      expect(JSON.stringify(entry)).not.toContain(seeded.arabic.story.whatHappened);
    }
    await expect.poll(async () => (await auditEntries('export.themes', since)).map((entry) => entry.detail?.['format'])).toEqual(['xlsx', 'xlsx']);
  });

  it('without a count from the server (a large export on FerretDB) counts the rows itself, and says so plainly for XLSX (header removed with page.route)', async () => {
    const page = await openExports({ search: `?from=${MONTH}&to=${MONTH}&careSetting=emergency` });
    // The real answer, passed on without X-Export-Rows, as the server sends it when counting took too long.
    await page.route('**/api/v1/exports/stories?**', async (route) => {
      const response = await route.fetch();
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name.toLowerCase() !== EXPORT_ROWS_HEADER.toLowerCase()));
      await route.fulfill({ response, headers });
    });
    await page.getByLabel('Berättelserna').check();
    await page.getByLabel('CSV (.csv)').check();
    const csv = await downloadThroughScreen(page);
    const rows = csv.bytes.toString('utf8').split('\r\n').filter((line) => line !== '').length - 1;
    expect(rows).toBeGreaterThan(0);
    await page.getByRole('status').filter({ hasText: `Klart. Filen ${csv.download.suggestedFilename()} har sparats med ${rows} rader.` }).waitFor();
    await page.getByLabel('Excel (.xlsx)').check();
    const xlsx = await downloadThroughScreen(page);
    await page.getByRole('status').filter({ hasText: `Klart. Filen ${xlsx.download.suggestedFilename()} har sparats.` }).waitFor();
    expect(await page.locator('.exports-status').textContent()).not.toMatch(/\d+ rad/);
  });

  it('downloads the HTML report with the filter in the form', async () => {
    const page = await openExports({ search: `?from=${MONTH}&to=${MONTH}` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Rapport (HTML)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toContain('<title>Vad berättelserna säger om vården</title>');
    expect(download.url()).toContain(`from=${MONTH}`);
  });

  it('starts and cancels a stories export with the keyboard only; focus is never lost (response start held back with page.route)', async () => {
    const page = await openExports({ search: `?from=${MONTH}&to=${MONTH}` });
    const hold = await holdExport(page, 'stories');
    // Keyboard only: Tab to the kind, arrow to the stories, Tab to the format, arrow to CSV, on to the button, Enter.
    const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 60 && (await activeId()) !== 'exports-kind-themes'; i += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#exports-kind-stories').isChecked()).toBe(true);
    for (let i = 0; i < 10 && !(await activeId()).startsWith('exports-format-'); i += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#exports-format-csv').isChecked()).toBe(true);
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.getAttribute('type') === 'submit')); i += 1) await page.keyboard.press('Tab');
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await page.keyboard.press('Enter');
    await expect.poll(hold.requested).toBe(true);
    // While it runs, the Cancel button has the focus (the Download button is disabled).
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Avbryt exporten');
    expect(await page.locator('progress#exports-progress').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Exporten avbröts. Ingen fil sparades.' }).waitFor();
    hold.release();
    expect(await page.locator('progress').count()).toBe(0);
    // Focus is not lost: it is back on the Download button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(downloaded).toBe(false);
  });

  it('cancels a long stories export for real: the server stops and audits export.stories as cancelled', async () => {
    const since = new Date();
    const page = await openExports({ search: `?from=${LONG_MONTH}&to=${LONG_MONTH}` });
    // The download is slowed to 100 kB/s in Chromium itself, so the export (some megabytes) is still streaming when cancelled.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 100 * 1024, uploadThroughput: -1 });
    await page.locator('#exports-kind-stories').check();
    await page.locator('#exports-format-csv').check();
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await page.getByRole('button', { name: 'Ladda ner' }).click();
    const bar = page.locator('progress#exports-progress');
    await expect.poll(() => bar.getAttribute('max')).toBe(String(LONG_ROWS));
    await expect.poll(() => bar.evaluate((element: HTMLProgressElement) => element.value)).toBeGreaterThan(0);
    expect(await page.locator('.exports-progress__text').innerText()).toMatch(new RegExp(`^\\d+ av ${LONG_ROWS} rader hämtade$`));
    await page.getByRole('button', { name: 'Avbryt exporten' }).click();
    await page.getByRole('status').filter({ hasText: 'Exporten avbröts. Ingen fil sparades.' }).waitFor();
    await expect
      .poll(async () => (await auditEntries('export.stories', since)).map((entry) => ({ outcome: entry.outcome, end: entry.detail?.['end'], format: entry.detail?.['format'] })))
      .toEqual([{ outcome: 'success', end: 'cancelled', format: 'csv' }]);
    const [entry] = await auditEntries('export.stories', since);
    expect(entry!.detail?.['expectedRows']).toBe(LONG_ROWS);
    // (`rows` counts the rows read from the database, a batch at a time, so it may already be all of them.)
    expect(downloaded).toBe(false);
  });

  it.each([
    ['sv', 'sv-SE', 'Ladda ner', 'Avbryt exporten'],
    ['en', 'en-GB', 'Download', 'Cancel the export'],
  ] as const)('has no axe violations in %s: at rest, with progress shown and after cancel', async (language, locale, download, cancel) => {
    const page = await openExports({ language, locale, search: `?from=${MONTH}&to=${MONTH}` });
    await page.locator('#exports-kind-stories').check();
    await page.locator('#exports-format-ndjson').check();
    await expectNoAxeViolations(page, `exports ${language}`);
    const hold = await holdExport(page, 'stories');
    await page.getByRole('button', { name: download, exact: true }).click();
    await expect.poll(hold.requested).toBe(true);
    await page.locator('progress#exports-progress').waitFor();
    await expectNoAxeViolations(page, `exports ${language}, progress shown`);
    await page.getByRole('button', { name: cancel }).click();
    await expect.poll(() => page.locator('progress').count()).toBe(0);
    hold.release();
    await expectNoAxeViolations(page, `exports ${language}, after cancel`);
  });
});
