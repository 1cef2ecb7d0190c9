import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniquePhrase } from '../support/markers.ts';
import { createBackofficeUser, signInThroughPage } from './backoffice-harness.ts';
import { expectNoAxeViolations, useBrowser } from './harness.ts';

const harness = useBrowser();

async function csrfOf(page: Page): Promise<string> {
  return String((await (await page.request.get(`${harness.baseUrl}/api/v1/session`)).json()).csrfToken);
}

async function post(page: Page, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await page.request.post(`${harness.baseUrl}${path}`, { headers: { 'X-CSRF-Token': await csrfOf(page), Origin: harness.baseUrl, ...headers }, data: body });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

async function signedIn(locale: string, width = 1280): Promise<Page> {
  const { page } = await harness.newPage({ locale, width, height: 900 });
  await signInThroughPage(page, harness.baseUrl, await createBackofficeUser(['facilitator', 'admin'], 'Tillgänglig Testare'));
  return page;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${harness.baseUrl}${path}`);
  await page.locator('main h1').waitFor();
}

/** Presses Tab until the element matching `selector` has focus; fails when it never does. */
async function tabTo(page: Page, selector: string, limit = 600): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const LANGUAGES = [
  ['sv', 'sv-SE'],
  ['en', 'en-GB'],
] as const;

describe.each(LANGUAGES)('axe on the admin screens in %s', (language, locale) => {
  it('codebook: the tree, the create form with errors and the merge dialog have no violations', async () => {
    const page = await signedIn(locale);
    await open(page, '/backoffice/codebook');
    await page.locator('.theme-tree').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    await expectNoAxeViolations(page, `codebook ${language}`);

    await page.locator('#theme-new').click();
    await page.locator('.form-panel button[type="submit"]').click();
    await page.locator('.error-summary').waitFor();
    await expectNoAxeViolations(page, `codebook with errors ${language}`);
    await page.locator('.form-panel button[type="button"]').click();

    await page.getByRole('checkbox', { name: language === 'sv' ? /Visa arkiverade/ : /Show archived/ }).check();
    await page.locator('[id^="theme-merge-"]').first().click();
    await page.locator('dialog[open]').waitFor();
    await expectNoAxeViolations(page, `codebook merge dialog ${language}`);
    await page.locator('dialog[open] button[type="submit"]').click();
    await page.locator('#merge-into-error').waitFor();
    await expectNoAxeViolations(page, `codebook merge dialog with error ${language}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  });

  it('campaigns: the list, the form with errors and the link panel have no violations', async () => {
    const page = await signedIn(locale);
    const code = `a11y-${randomUUID().slice(0, 8)}`;
    await post(page, '/api/v1/campaigns', { code, name: `Kampanj ${code}`, site: 'Kungälvs sjukhus', rolloutWave: 3, phase: 'around', careSetting: 'primary_care', opensOn: '2026-01-01' });
    await open(page, '/backoffice/campaigns');
    await page.locator('table').waitFor();
    await expectNoAxeViolations(page, `campaigns ${language}`);

    await page.locator('#campaign-new').click();
    await page.locator('#campaign-name').fill('');
    await page.locator('.form-panel button[type="submit"]').click();
    await page.locator('.error-summary').waitFor();
    await expectNoAxeViolations(page, `campaigns with errors ${language}`);
    await page.locator('.form-panel button[type="button"]').click();

    await page.locator(`#campaign-show-${code}`).click();
    await page.locator('.qr-panel img').waitFor();
    await expectNoAxeViolations(page, `campaign link panel ${language}`);
  });

  it('users: the list, the form with errors and the roles dialog have no violations', async () => {
    const page = await signedIn(locale);
    await open(page, '/backoffice/users');
    await page.locator('table').waitFor();
    await expectNoAxeViolations(page, `users ${language}`);

    await page.locator('#user-new').click();
    await page.locator('.form-panel button[type="submit"]').click();
    await page.locator('.error-summary').waitFor();
    await expectNoAxeViolations(page, `users with errors ${language}`);
    await page.locator('.form-panel button[type="button"]').click();

    await page.locator('[id^="user-roles-"]').first().click();
    await page.locator('dialog[open]').waitFor();
    await expectNoAxeViolations(page, `users roles dialog ${language}`);
    for (const box of await page.locator('dialog[open] input[type="checkbox"]').all()) await box.uncheck();
    await page.locator('dialog[open] button[type="submit"]').click();
    await page.locator('#roles-dialog-roles-error').waitFor();
    await expectNoAxeViolations(page, `users roles dialog with error ${language}`);
  });

  it('contacts: before and after showing the details, and retention, have no violations', async () => {
    const page = await signedIn(locale);
    await post(
      page,
      '/api/v1/submissions',
      {
        locale: 'sv',
        channel: 'web',
        respondent: { role: 'patient' },
        care: { settings: ['dental'], when: 'last_year' },
        story: { whatHappened: uniquePhrase('Tillgänglighet kontakt') },
        followUp: { name: 'Sara Lind', email: 'sara.lind@exempel.se', preferredLanguage: 'en', accessNeeds: 'Hörslinga' },
        consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' },
      },
      { 'Idempotency-Key': randomUUID() },
    );
    await open(page, '/backoffice/contacts');
    await page.locator('#contacts-retention').waitFor();
    await expectNoAxeViolations(page, `contacts ${language}`);
    await page.locator('.button-group button.button').first().click();
    await page.locator('table').waitFor();
    await expectNoAxeViolations(page, `contacts table ${language}`);
  });

  it('audit: the log, and the filter with an error, have no violations', async () => {
    const page = await signedIn(locale);
    await open(page, '/backoffice/audit');
    await page.locator('table').waitFor();
    await expectNoAxeViolations(page, `audit ${language}`);
    await page.locator('#audit-from').fill('2026-05-10');
    await page.locator('#audit-to').fill('2026-05-01');
    await page.locator('form button[type="submit"]').click();
    await page.locator('#audit-to-error').waitFor();
    await expectNoAxeViolations(page, `audit with errors ${language}`);
  });

  it('assisted entry: the form, the form with errors and the receipt have no violations', async () => {
    const page = await signedIn(locale);
    await open(page, '/backoffice/assisted');
    await expectNoAxeViolations(page, `assisted ${language}`);
    await page.locator('#assisted-takePart-yes').check();
    await page.locator('main form button[type="submit"]').click();
    await page.locator('.error-summary').waitFor();
    await expectNoAxeViolations(page, `assisted with errors ${language}`);

    await page.locator('#assisted-locale').selectOption('sv');
    await page.locator('#assisted-respondent-role').check();
    await page.locator('#assisted-care-settings').check();
    await page.locator('#assisted-care-when').check();
    await page.locator('#assisted-story-whatHappened').fill(uniquePhrase('Tillgänglig inmatning'));
    await page.locator('#assisted-takePart').check();
    await page.locator('#assisted-consent-storyProcessing').check();
    await page.locator('main form button[type="submit"]').click();
    await page.locator('.receipt-code').waitFor();
    await expectNoAxeViolations(page, `assisted receipt ${language}`);
  });
});

describe('keyboard only', () => {
  it('creates a theme and merges it into another with the keyboard alone', async () => {
    const page = await signedIn('sv-SE');
    const survivor = uniquePhrase('Tangentbord kvar');
    const survivorTheme = await post(page, '/api/v1/themes', { labels: { sv: survivor, en: `${survivor} en` } });
    const label = uniquePhrase('Tangentbord nytt');
    await open(page, '/backoffice/codebook');
    await page.locator('.theme-tree').waitFor();

    await tabTo(page, '#theme-new');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await tabTo(page, '#theme-labels-sv');
    await page.keyboard.type(label);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`${label} in English`);
    await tabTo(page, '#theme-keywords-sv');
    await page.keyboard.type('tangentbord');
    await page.keyboard.press('Enter');
    await page.keyboard.type('skärmläsare');
    await tabTo(page, '.form-panel button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: label }).count()).toBe(1);
    const created = await harness.db().collection('themes').findOne({ 'labels.sv': label });
    expect(created?.['keywords']).toMatchObject({ sv: ['tangentbord', 'skärmläsare'] });
    const createdId = String(created?.['_id']);
    // Focus returned to the button that opened the form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('theme-new');

    await tabTo(page, `#theme-merge-${createdId}`);
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('merge-into');
    await page.keyboard.type(survivor);
    expect(await page.locator('#merge-into').inputValue()).toBe(String(survivorTheme['id']));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'sammanslaget' }).count()).toBe(1);
    expect(await harness.db().collection('themes').findOne({ _id: createdId as never })).toMatchObject({ status: 'archived', mergedInto: String(survivorTheme['id']) });
  });

  it('Escape closes the merge dialog and focus goes back to the button that opened it', async () => {
    const page = await signedIn('sv-SE');
    await open(page, '/backoffice/codebook');
    await page.locator('.theme-tree').waitFor();
    const first = page.locator('[id^="theme-merge-"]').first();
    const id = await first.getAttribute('id');
    await first.focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
  });
});

describe('reflow at 320 CSS pixels', () => {
  it.each(['/backoffice/codebook', '/backoffice/campaigns', '/backoffice/users', '/backoffice/contacts', '/backoffice/audit', '/backoffice/assisted'])(
    '%s needs no sideways scrolling of the page (wide tables scroll in their own region)',
    async (path) => {
      const page = await signedIn('sv-SE', 320);
      await open(page, path);
      await page.waitForLoadState('networkidle');
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > 321 && element.closest('.table-region') === null)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}#${element.id}`)
          .slice(0, 5),
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join(', ')).toBeLessThanOrEqual(320);
    },
  );
});
