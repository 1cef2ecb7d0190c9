import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniquePhrase } from '../support/markers.ts';
import { BACKOFFICE_PASSWORD, createBackofficeUser } from './backoffice-harness.ts';
import { axeViolations, useBrowser } from './harness.ts';

const harness = useBrowser();
const campaign = `rapport-${randomUUID().slice(0, 8)}`;
let page: Page;

async function csrfOf(): Promise<string> {
  return String((await (await page.request.get(`${harness.baseUrl}/api/v1/session`)).json()).csrfToken);
}

async function post(pathName: string, body: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await page.request.post(`${harness.baseUrl}${pathName}`, { headers: { 'X-CSRF-Token': await csrfOf(), Origin: harness.baseUrl, ...headers }, data: body });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

const STORIES: ReadonlyArray<{ locale: string; text: string }> = [
  { locale: 'sv', text: 'Vi satt i väntrummet i fem timmar och ingen sa något om hur länge det skulle dröja.' },
  { locale: 'ar', text: 'انتظرت طويلا في غرفة الانتظار ولم يخبرني أحد بشيء عن موعدي.' },
  { locale: 'sv', text: 'Sköterskan tog sig tid att förklara och min pappa kände sig trygg.' },
  { locale: 'en', text: 'The doctor listened, but nobody told us when the test results would come.' },
  { locale: 'fa', text: 'پرستار با حوصله توضیح داد و من احساس امنیت کردم.' },
  { locale: 'sv', text: 'Det var svårt att hitta parkering och vi kom för sent till besöket.' },
  { locale: 'sv', text: 'Jag fick ett sms med tiden, men den ändrades två gånger utan förklaring.' },
];

beforeAll(async () => {
  ({ page } = await harness.newPage({ width: 1100, height: 1400 }));
  const email = await createBackofficeUser(['staff', 'facilitator'], 'Rapport Testare');
  // Signed in through the API: the session cookie lands in this page's context, as after the sign-in page.
  const session = await page.request.post(`${harness.baseUrl}/api/v1/session`, { headers: { Origin: harness.baseUrl }, data: { email, password: BACKOFFICE_PASSWORD } });
  expect(session.status()).toBe(201);
  await post('/api/v1/campaigns', { code: campaign, name: 'Akuten våren 2027', site: 'Sahlgrenska Universitetssjukhuset', rolloutWave: 1, phase: 'before', opensOn: '2020-01-01' });
  const themes: string[] = [];
  for (const labels of [
    { sv: 'Väntan och besked', en: 'Waiting and information' },
    { sv: 'Bemötande <b>och</b> trygghet', en: 'Respect <b>and</b> safety' },
    { sv: 'Parkering', en: 'Parking' },
  ]) {
    themes.push(String((await post('/api/v1/themes', { labels })).id));
  }
  for (let i = 0; i < 21; i += 1) {
    const story = STORIES[i % STORIES.length]!;
    const created = await post(
      '/api/v1/submissions',
      {
        locale: story.locale,
        channel: 'web',
        campaign,
        respondent: { role: i % 3 === 0 ? 'relative' : 'patient' },
        care: { settings: [i % 2 === 0 ? 'emergency' : 'hospital_inpatient'], when: 'last_month' },
        story: { whatHappened: `${story.text} ${uniquePhrase('')}`.trim() },
        rating: 1 + (i % 5),
        consent: { storyProcessing: true, version: '2026-11' },
      },
      { 'Idempotency-Key': randomUUID() },
    );
    const storyId = String(created.id);
    if (i < 17) await post(`/api/v1/stories/${storyId}/tags`, { themeId: themes[0] });
    if (i % 2 === 0) await post(`/api/v1/stories/${storyId}/tags`, { themeId: themes[1] });
    if (i === 5 || i === 12) await post(`/api/v1/stories/${storyId}/tags`, { themeId: themes[2] });
  }
}, 120_000);

async function openReport(lang: 'sv' | 'en'): Promise<Page> {
  const response = await page.request.get(`${harness.baseUrl}/api/v1/reports/summary.html?campaign=${campaign}&lang=${lang}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="medskapa-(rapport|report)-\d{4}-\d{2}-\d{2}\.html"$/);
  const { page: view } = await harness.newPage({ locale: lang === 'sv' ? 'sv-SE' : 'en-GB', width: 1000, height: 1400 });
  const blocked: string[] = [];
  view.on('console', (message) => {
    if (message.type() === 'error') blocked.push(message.text());
  });
  view.on('request', (request) => {
    if (!request.url().startsWith('data:') && request.url() !== 'about:blank') blocked.push(`request ${request.url()}`);
  });
  await view.setContent(await response.text(), { waitUntil: 'load' });
  expect(blocked).toEqual([]);
  return view;
}

describe('the summary report opened in Chromium', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`has no axe violations, no script, and every chart has a name and a table (${lang})`, async () => {
      const view = await openReport(lang);
      expect(await view.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await view.evaluate(() => document.scripts.length)).toBe(0);
      expect(await view.locator('section.theme').count()).toBe(2);
      expect(await view.locator('section.theme h3').first().textContent()).toContain(lang === 'sv' ? 'Väntan och besked' : 'Waiting and information');
      // The label's markup is text; no <b> element came from it.
      expect(await view.locator('section.theme b').count()).toBe(0);
      expect(await view.locator('section.theme h3').nth(1).textContent()).toContain('<b>');
      const charts = view.getByRole('img');
      expect(await charts.count()).toBeGreaterThan(10);
      for (const chart of await charts.all()) expect((await chart.getAttribute('aria-labelledby'))?.length).toBeGreaterThan(0);
      expect(await view.locator('figure:not(.quote)').count()).toBe(await view.locator('figure:not(.quote) table').count());
      // Quotes in Arabic and Persian read right to left on their own.
      const directions = await view.locator('blockquote').evaluateAll((quotes) => quotes.map((quote) => [quote.getAttribute('lang'), getComputedStyle(quote).direction]));
      for (const [quoteLang, direction] of directions) expect(direction).toBe(quoteLang === 'ar' || quoteLang === 'fa' ? 'rtl' : 'ltr');
      // A contents link takes the reader to its theme.
      await view.locator('nav a[href="#theme-1"]').click();
      expect(await view.evaluate(() => location.hash)).toBe('#theme-1');
      expect(await axeViolations(view)).toEqual([]);
      await view.emulateMedia({ media: 'print' });
      expect(await axeViolations(view)).toEqual([]);
    });
  }

  it('prints to A4 pages with the theme sections on pages of their own', async () => {
    const view = await openReport('sv');
    const pdf = await view.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(4);
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    // A4 is 595 × 842 points.
    expect(Math.round(Number(mediaBox?.[1]))).toBe(595);
    expect(Math.round(Number(mediaBox?.[2]))).toBe(842);
    if (process.env['MEDSKAPA_README_IMAGES'] === '1') {
      // The README's picture of a report page: the first theme, at A4's proportions.
      const shot = await openReport('sv');
      await shot.setViewportSize({ width: 794, height: 1123 });
      const box = await shot.locator('#theme-1').boundingBox();
      const directory = path.resolve(import.meta.dirname, '../../docs/images');
      mkdirSync(directory, { recursive: true });
      await shot.screenshot({ path: path.join(directory, 'report-page.png'), clip: { x: 0, y: box!.y - 24, width: 794, height: 1123 }, fullPage: true });
    }
  });
});
