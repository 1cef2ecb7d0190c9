import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary, SuppressibleCount } from '../../api/contract/index.ts';
import { createBackofficeUser, signInThroughPage } from './backoffice-harness.ts';
import { apiCall, apiSignIn, seedStory, seedTheme, type ApiSession } from './backoffice-workspace-fixtures.ts';
import { expectNoAxeViolations, useBrowser } from './harness.ts';

const harness = useBrowser();
const base = harness.baseUrl;

// A period no other test writes to: stories are moved there after they arrive, so the numbers are this file's own.
const PERIOD = { from: '2011-01', to: '2011-06' };
const PREVIOUS_MONTH = '2010-09';
const MONTHS = { '2011-01': 8, '2011-02': 7, '2011-03': 2, '2011-04': 9, '2011-05': 6, '2011-06': 8 } as const;

interface Seeded {
  readonly facilitator: string;
  readonly staff: string;
  readonly staffApi: ApiSession;
  readonly themes: { readonly big: string; readonly middle: string; readonly small: string };
  readonly labels: { readonly big: string; readonly middle: string; readonly small: string };
}

let seeded: Seeded;

/** Sets the arrival day of stories (and the month derived from it) as if they had come in then. */
async function moveStories(ids: ReadonlyArray<string>, day: string): Promise<void> {
  const submissions = harness.db().collection<{ _id: string; receivedOn: string; month: string }>('submissions');
  // The app writes whole documents back; repeat until every story has kept its new day.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await submissions.updateMany({ _id: { $in: [...ids] } }, { $set: { receivedOn: day, month: day.slice(0, 7) } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    if ((await submissions.countDocuments({ _id: { $in: [...ids] }, receivedOn: day })) === ids.length) return;
  }
  throw new Error('stories did not keep their day');
}

beforeAll(async () => {
  const facilitator = await createBackofficeUser(['facilitator'], 'Dashboard Facilitator');
  const staff = await createBackofficeUser(['staff'], 'Dashboard Staff');
  const api = await apiSignIn(base, facilitator);
  const big = await seedTheme(base, api, 'Vantetid');
  const middle = await seedTheme(base, api, 'Bemotande');
  const small = await seedTheme(base, api, 'Parkering');
  let index = 0;
  const tag = async (id: string, themeId: string) => expect((await apiCall(base, api, 'POST', `/api/v1/stories/${id}/tags`, { themeId })).status).toBe(201);
  for (const [month, count] of Object.entries(MONTHS)) {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1, index += 1) {
      const story = await seedStory(base, harness.db(), {
        text: index % 7 === 0 ? 'انتظرنا طويلا في قسم الطوارئ ولم يشرح لنا أحد السبب.' : 'Vi fick vänta länge på akuten och ingen berättade varför.',
        overrides: {
          locale: index % 7 === 0 ? 'ar' : 'sv',
          rating: (index % 5) + 1,
          respondent: index % 3 === 0 ? { role: 'patient', ageGroup: '45_64' } : { role: 'relative', relationship: 'parent', ageGroup: '45_64' },
          care: { settings: index % 4 === 0 ? ['primary_care'] : ['emergency'], when: 'last_6_months' },
        },
      });
      ids.push(story.id);
      if (index % 5 !== 4) await tag(story.id, big.id);
      if (index % 3 === 1) await tag(story.id, middle.id);
      if (index === 5 || index === 11 || index === 17) await tag(story.id, small.id);
    }
    await moveStories(ids, `${month}-15`);
  }
  const previous: string[] = [];
  for (let i = 0; i < 7; i += 1) {
    const story = await seedStory(base, harness.db(), { overrides: { care: { settings: ['emergency'], when: 'last_6_months' } } });
    await tag(story.id, big.id);
    previous.push(story.id);
  }
  await moveStories(previous, `${PREVIOUS_MONTH}-10`);
  seeded = {
    facilitator,
    staff,
    staffApi: await apiSignIn(base, staff),
    themes: { big: big.id, middle: middle.id, small: small.id },
    labels: { big: big.labels.sv, middle: middle.labels.sv, small: small.labels.sv },
  };
}, 240_000);

async function summaryFor(query: Record<string, string>): Promise<Summary> {
  const response = await apiCall(base, seeded.staffApi, 'GET', `/api/v1/summaries?${new URLSearchParams(query).toString()}`);
  expect(response.status).toBe(200);
  return response.body as Summary;
}

const sv = new Intl.NumberFormat('sv');
const cell = (count: SuppressibleCount) => (typeof count === 'number' ? sv.format(count) : 'visas inte');

/** The rows of the table alternative of the chart under `heading`: [row header, …cells]. */
async function tableOf(page: Page, heading: string): Promise<string[][]> {
  const section = page.locator('section.dashboard-chart').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
  const details = section.locator('details');
  if ((await details.getAttribute('open')) === null) await section.getByText(/Visa som tabell|Show as table/).click();
  const table = section.getByRole('table');
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')));
}

async function openDashboard(email: string, options: { locale?: string; width?: number; language?: 'sv' | 'en' } = {}): Promise<Page> {
  const { page } = await harness.newPage({ locale: options.locale ?? 'sv-SE', width: options.width ?? 1280 });
  await page.addInitScript((language) => window.localStorage.setItem('medskapa.backoffice.lang', language), options.language ?? 'sv');
  await signInThroughPage(page, base, email);
  return page;
}

describe('dashboard (staff)', () => {
  it('is where staff start; filters by period and care setting in the URL; the tables say what the API says, hidden numbers as "visas inte"', async () => {
    const page = await openDashboard(seeded.staff);
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Översikt' }).getAttribute('aria-current')).toBe('page');

    await page.getByLabel('Från och med månad').fill(PERIOD.from);
    await page.getByLabel('Till och med månad').fill(PERIOD.to);
    await page.locator('#dashboard-careSetting').selectOption('emergency');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?from=${PERIOD.from}&to=${PERIOD.to}&careSetting=emergency`);
    await page.getByRole('heading', { name: 'Teman efter antal berättelser' }).waitFor();

    const summary = await summaryFor({ ...PERIOD, careSetting: 'emergency' });
    const previous = await summaryFor({ from: '2010-07', to: '2010-12', careSetting: 'emergency' });
    // The small theme has three stories: fewer than k, so it must be hidden below.
    expect(3).toBeLessThan(summary.k);
    expect(typeof summary.total).toBe('number');
    expect(await page.locator('.dashboard-total strong').innerText()).toBe(`${sv.format(summary.total as number)} berättelser`);

    const themeRows = await tableOf(page, 'Teman efter antal berättelser');
    expect(themeRows.length).toBe(summary.themes.length);
    summary.themes.forEach((theme, i) => {
      expect(themeRows[i]![0]).toBe(theme.labels?.sv);
      expect(themeRows[i]![1]).toBe(cell(theme.count));
    });
    const bigRow = themeRows.find((row) => row[0] === seeded.labels.big)!;
    const bigNow = summary.themes.find((theme) => theme.themeId === seeded.themes.big)!.count as number;
    const bigBefore = previous.themes.find((theme) => theme.themeId === seeded.themes.big)!.count as number;
    expect(bigRow[3]).toBe(`${bigNow - bigBefore >= 0 ? '+' : '−'}${Math.abs(bigNow - bigBefore)}`);
    // Three stories with the small theme (fewer than k): hidden in the table, in the chart and in the change column.
    const smallRow = themeRows.find((row) => row[0] === seeded.labels.small)!;
    expect(smallRow.slice(1)).toEqual(['visas inte', 'visas inte', '–']);
    const chart = page.locator('section.dashboard-chart').first().locator('svg[role="img"]');
    expect(await chart.locator('.chart-bar--suppressed text').allTextContents()).toContain('visas inte');

    const trendRows = await tableOf(page, 'Berättelser per månad');
    expect(trendRows.map((row) => row[1])).toEqual(summary.overall!.trend.map((entry) => cell(entry.count)));
    expect(trendRows.some((row) => row[1] === 'visas inte')).toBe(true);

    const careRows = await tableOf(page, 'Berättelser efter vårdform');
    expect(careRows.map((row) => row[1])).toEqual(summary.overall!.byCareSetting.map((entry) => cell(entry.count)));
    const ratingRows = await tableOf(page, 'Hur många som gav varje betyg');
    expect(ratingRows.slice(0, 5).map((row) => row[1])).toEqual(summary.overall!.ratings.distribution.map((entry) => cell(entry.count)));

    // Quotes are marked with their language; staff get no way to the stories, which they may not open.
    expect(await page.locator('.dashboard-quote p[lang="ar"][dir="auto"]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /i inkorgen/ }).count()).toBe(0);
    expect((await apiCall(base, seeded.staffApi, 'GET', '/api/v1/stories')).status).toBe(403);

    // The filters survive a reload: they live in the URL.
    await page.reload();
    await page.getByRole('heading', { name: 'Teman efter antal berättelser' }).waitFor();
    expect(await page.locator('#dashboard-careSetting').inputValue()).toBe('emergency');
    expect(await page.getByLabel('Från och med månad').inputValue()).toBe(PERIOD.from);
  });

  it('prints as a clean report: no menu, no filters, every table shown, no axe violations', async () => {
    const page = await openDashboard(seeded.staff);
    await page.goto(`${base}/backoffice/dashboard?from=${PERIOD.from}&to=${PERIOD.to}`);
    await page.getByRole('heading', { name: 'Teman efter antal berättelser' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.bo-nav').isVisible()).toBe(false);
    expect(await page.locator('form.dashboard-filters').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    const tables = page.locator('.dashboard-chart table');
    expect(await tables.count()).toBeGreaterThan(4);
    for (const table of await tables.all()) expect(await table.isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'dashboard, print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.each([
    ['sv', 'sv-SE', 'Översikt', 'Visa som tabell'],
    ['en', 'en-GB', 'Overview', 'Show as table'],
  ] as const)('has no axe violations in %s, with tables open, and reflows at 320 px', async (language, locale, title, showTable) => {
    const page = await openDashboard(seeded.staff, { language, locale });
    await page.goto(`${base}/backoffice/dashboard?from=${PERIOD.from}&to=${PERIOD.to}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('.dashboard-chart').first().waitFor();
    await expectNoAxeViolations(page, `dashboard ${language}`);
    for (const summary of await page.getByText(showTable, { exact: true }).all()) await summary.click();
    await expectNoAxeViolations(page, `dashboard ${language}, tables open`);
    await page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('reaches every filter and the button with the keyboard', async () => {
    const page = await openDashboard(seeded.staff);
    await page.goto(`${base}/backoffice/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    const wanted = ['dashboard-from', 'dashboard-to', 'dashboard-campaign', 'dashboard-site', 'dashboard-wave', 'dashboard-phase', 'dashboard-role', 'dashboard-careSetting', 'dashboard-locale', 'dashboard-theme'];
    const reached = new Set<string>();
    for (let i = 0; i < 80 && reached.size < wanted.length; i += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (wanted.includes(id)) reached.add(id);
    }
    expect([...reached].sort()).toEqual([...wanted].sort());
    // Choose a care setting with the keyboard only, Tab to the button and press Enter.
    await page.locator('#dashboard-careSetting').focus();
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.getAttribute('type') === 'submit')); i += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('careSetting')).toBe('primary_care');
  });
});

describe('dashboard (facilitator)', () => {
  it('leads from a theme to its stories in the inbox, with the same filters', async () => {
    const page = await openDashboard(seeded.facilitator);
    await page.goto(`${base}/backoffice/dashboard?from=${PERIOD.from}&to=${PERIOD.to}&careSetting=emergency`);
    const link = page.getByRole('link', { name: `Läs berättelserna om ${seeded.labels.big} i inkorgen` });
    await link.waitFor();
    const href = new URL((await link.getAttribute('href'))!, base);
    expect(href.pathname).toBe('/backoffice/inbox');
    expect(Object.fromEntries(href.searchParams)).toEqual({ from: '2011-01-01', to: '2011-06-30', careSetting: 'emergency', theme: seeded.themes.big });
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    expect(new URL(page.url()).searchParams.get('theme')).toBe(seeded.themes.big);
  });
});
