import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../form-ui/src/i18n/languages.ts';
import { axeViolations, expectNoAxeViolations, useBrowser } from './harness.ts';
import { receiptCodeOnPage, submit } from './journey.ts';

const harness = useBrowser();

describe('the axe harness', () => {
  it('reports a violation when there is one, so a pass means something', async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=sv`);
    await page.locator('.language-switcher').waitFor();
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'text';
      document.querySelector('main')?.append(input);
    });
    expect((await axeViolations(page)).join('\n')).toContain('label');
  });
});

describe('axe (WCAG 2.0/2.1/2.2 A and AA, best practices): zero violations on every page and state', () => {
  it.each(LANGUAGES.map((language) => [language.code] as const))('in %s', async (locale) => {
    const { page } = await harness.newPage();
    const check = (state: string) => expectNoAxeViolations(page, `${locale}: ${state}`);
    await page.goto(`${harness.baseUrl}/?lang=${locale}`);
    await page.locator('.language-switcher').waitFor();
    await check('start');

    await submit(page);
    await check('you, empty');
    await submit(page);
    await page.locator('.error-summary').waitFor();
    await check('you, with errors');
    await page.locator('#f-respondent-role-relative').check();
    await check('you, relationship revealed');
    await page.locator('#f-respondent-relationship-child').check();
    await submit(page);

    await submit(page);
    await page.locator('.error-summary').waitFor();
    await check('care, with errors');
    await page.locator('#f-care-settings-emergency').check();
    await page.locator('#f-care-when-last_year').check();
    await submit(page);

    await check('topics');
    await submit(page);

    await submit(page);
    await page.locator('.error-summary').waitFor();
    await check('story, with errors');
    await page.locator('#f-story-whatHappened').fill('Jag skrev mitt nummer 070-123 45 67 och min e-post anna@exempel.se här.');
    await page.locator('.warning').waitFor();
    await check('story, filled, with the identifier warning');
    await submit(page);

    await check('rating');
    await page.locator('#f-rating-2').check();
    await submit(page);

    await page.locator('#f-takePart-yes').check();
    await submit(page);
    await page.locator('.error-summary').waitFor();
    await check('taking part, with errors');
    await page.locator('#f-followUp-name').fill('Kim');
    await page.locator('#f-followUp-email').fill('kim@exempel.se');
    await submit(page);

    await submit(page);
    await page.locator('.error-summary').waitFor();
    await check('consent, with errors');
    await page.locator('#f-consent-storyProcessing').check();
    await page.locator('#f-consent-contactProcessing').check();
    await submit(page);

    await page.locator('.summary-list').waitFor();
    await check('check your answers');
    await submit(page);
    const code = await receiptCodeOnPage(page);
    await check('confirmation');

    await page.goto(`${harness.baseUrl}/receipt?lang=${locale}`);
    await page.locator('#f-receipt-code').waitFor();
    await check('receipt page');
    await page.locator('#f-receipt-code').fill('0000-0000-0000-0000');
    await submit(page);
    await page.locator('.error-summary').waitFor();
    await check('receipt page, not found');
    await page.locator('#f-receipt-code').fill(code);
    await submit(page);
    await page.locator('.notice button').waitFor();
    await check('receipt page, found');
    expect(code).not.toBe('');
  });
});
