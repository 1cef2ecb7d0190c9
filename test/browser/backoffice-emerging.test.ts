import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../api/contract/index.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createBackofficeUser, signInThroughPage } from './backoffice-harness.ts';
import { apiCall, apiSignIn } from './backoffice-workspace-fixtures.ts';
import { expectNoAxeViolations, useBrowser } from './harness.ts';

const harness = useBrowser();

// Written for this test: one new issue (parking fees at the hospital) in four languages. Only "what happened", so
// the stories share nothing with the other tests' stories but their subject.
const PARKING: ReadonlyArray<readonly [Locale, string]> = [
  ['sv', 'Parkeringsavgiften vid sjukhuset är alldeles för dyr. Jag fick betala mycket varje gång jag hälsade på.'],
  ['ar', 'رسوم موقف السيارات في المستشفى غالية جدا. دفعت الكثير من المال كل مرة.'],
  ['so', 'Lacagta baarkinka isbitaalka aad bay u qaalisan tahay. Waxaan bixiyay lacag badan markasta.'],
  ['en', 'The parking fee at the hospital is far too expensive. I paid a lot of money every time.'],
];
const parkingIds: string[] = [];

beforeAll(async () => {
  for (const [locale, whatHappened] of PARKING) {
    const response = await fetch(`${harness.baseUrl}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
      body: JSON.stringify(buildSubmission({ locale, topics: [], story: { whatHappened } })),
    });
    expect(response.status).toBe(201);
    parkingIds.push(String(((await response.json()) as { id: string }).id));
  }
});

async function signedIn(locale: string, roles: Array<'facilitator' | 'admin'> = ['facilitator']): Promise<{ page: Page; email: string }> {
  const { page } = await harness.newPage({ locale, width: 1280, height: 900 });
  const email = await createBackofficeUser(roles, 'Mönster Testare');
  await signInThroughPage(page, harness.baseUrl, email);
  return { page, email };
}

/** The number of the pattern that quotes one of the parking stories. */
async function parkingCluster(page: Page): Promise<string> {
  await page.locator('#emerging-results').waitFor();
  const texts = PARKING.map(([, text]) => text);
  const id = await page.evaluate((wanted) => {
    for (const quote of document.querySelectorAll('blockquote')) {
      if (!wanted.includes(quote.textContent ?? '')) continue;
      const labelled = quote.closest('section[aria-labelledby^="emerging-cluster-"]')?.getAttribute('aria-labelledby');
      if (labelled !== null && labelled !== undefined) return labelled.replace('emerging-cluster-', '');
    }
    return undefined;
  }, texts);
  expect(id, 'a pattern quoting the parking stories').toBeDefined();
  return id!;
}

/** Presses Tab until the element matching `selector` has focus; fails when it never does. */
async function tabTo(page: Page, selector: string, limit = 400): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.each([
  ['sv', 'sv-SE'],
  ['en', 'en-GB'],
] as const)('axe on the emerging themes screen in %s', (language, locale) => {
  it('the patterns, the theme form and its errors have no violations', async () => {
    const { page } = await signedIn(locale, ['facilitator', 'admin']);
    await page.goto(`${harness.baseUrl}/backoffice/emerging`);
    await page.locator('#emerging-results').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    await expect.poll(() => page.locator('section[aria-labelledby^="emerging-cluster-"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, `emerging ${language}`);

    await page.locator('[id^="emerging-make-"]').first().click();
    await page.locator('#emerging-theme-labels-sv').fill('');
    await page.locator('#emerging-theme-labels-en').fill('');
    await page.locator('form.form-panel button[type="submit"]').last().click();
    await page.locator('.error-summary').waitFor();
    await expectNoAxeViolations(page, `emerging theme form with errors ${language}`);
    await page.locator('form.form-panel button[type="button"]').click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(0);
  });
});

describe('emerging themes screen', () => {
  it('lists the pattern with quotes marked with their language and dir=auto, and makes it a theme by keyboard alone', async () => {
    const { page, email } = await signedIn('sv-SE');
    await page.getByRole('link', { name: 'Nya mönster' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Nya mönster');
    const cluster = await parkingCluster(page);
    const section = page.locator(`section[aria-labelledby="emerging-cluster-${cluster}"]`);
    await expect.poll(() => section.locator('h3').textContent()).toMatch(/parkering|avgift|sjukhus/);
    const quotes = section.locator('blockquote');
    expect(await quotes.count()).toBe(3);
    for (const quote of await quotes.all()) {
      expect(await quote.getAttribute('dir')).toBe('auto');
      const lang = await quote.getAttribute('lang');
      const text = await quote.textContent();
      expect(PARKING.find(([locale]) => locale === lang)?.[1]).toBe(text);
    }
    expect(await section.locator('blockquote[lang="ar"]').count()).toBe(1);

    await tabTo(page, `#emerging-make-${cluster}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(new RegExp(`Nytt tema av mönster ${cluster}`));
    const label = uniquePhrase('Parkeringsavgifter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('emerging-theme-labels-sv');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(label);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`${label} en`);
    await tabTo(page, 'form.form-panel button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: label }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: label }).textContent()).toMatch(/är skapat och \d+ berättelser har fått det/);
    await expect.poll(() => section.getByRole('link', { name: 'Visa berättelserna i inkorgen' }).count()).toBe(1);

    // The members carry the new theme: the inbox's theme filter returns every parking story.
    const session = await apiSignIn(harness.baseUrl, email);
    const themes = (await apiCall(harness.baseUrl, session, 'GET', '/api/v1/themes')).body as Array<{ id: string; labels: { sv: string } }>;
    const theme = themes.find((item) => item.labels.sv === label);
    expect(theme).toBeDefined();
    const inbox = (await apiCall(harness.baseUrl, session, 'GET', `/api/v1/stories?theme=${theme!.id}&limit=100`)).body as { items: Array<{ id: string }> };
    expect(inbox.items.map((item) => item.id)).toEqual(expect.arrayContaining(parkingIds));
  });
});
