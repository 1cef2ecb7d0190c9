import { uniquePhrase } from '../support/markers.ts';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../form-ui/src/i18n/languages.ts';
import { useBrowser } from './harness.ts';
import { answerEveryPage, receiptCodeOnPage, submit } from './journey.ts';

const harness = useBrowser();

describe('languages', () => {
  it('the switcher names every language in its own language, with its own lang, hreflang and dir', async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=sv`);
    await page.locator('.language-switcher').waitFor();
    const links = page.locator('.language-switcher__link');
    expect(await links.count()).toBe(LANGUAGES.length);
    for (const [index, language] of LANGUAGES.entries()) {
      const link = links.nth(index);
      expect(await link.textContent()).toBe(language.autonym);
      expect(await link.getAttribute('lang')).toBe(language.htmlLang);
      expect(await link.getAttribute('hreflang')).toBe(language.htmlLang);
      expect(await link.getAttribute('dir')).toBe(language.dir);
    }
  });

  it('switching keeps every answer and the page, updates lang, dir, title and URL, and announces the change', async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=sv&step=you`);
    await page.locator('#f-respondent-role-relative').check();
    await page.locator('#f-respondent-relationship-friend').check();
    await submit(page);
    await page.locator('#f-care-settings-dental').check();
    await page.locator('#f-care-unit').fill('Folktandvården Majorna');
    const swedishTitle = await page.title();

    await page.locator('.language-switcher__link[lang="ar"]').click();
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await expect.poll(() => page.title()).not.toBe(swedishTitle);
    expect(await page.title()).toContain('Medskapa');
    expect(page.url()).toContain('lang=ar');
    expect(page.url()).toContain('step=care');
    expect(await page.locator('#f-care-settings-dental').isChecked()).toBe(true);
    expect(await page.locator('#f-care-unit').inputValue()).toBe('Folktandvården Majorna');
    await expect.poll(() => page.locator('p[aria-live="polite"].visually-hidden').textContent()).not.toBe('');
    expect(await page.locator('p[aria-live="polite"].visually-hidden').evaluate((element) => element.textContent)).not.toContain('svenska');

    await page.goBack();
    await expect.poll(() => page.url()).toContain('step=you');
    expect(await page.locator('#f-respondent-relationship-friend').isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
  });

  it('answers and language survive a reload', async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=uk&step=story`);
    await page.locator('#f-story-whatHappened').fill('Лікар уважно вислухав мене.');
    await page.reload();
    expect(await page.locator('#f-story-whatHappened').inputValue()).toBe('Лікар уважно вислухав мене.');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
  });

  it('the browser preference picks the language on a first visit, Dari included; the choice is remembered', async () => {
    for (const [browserLocale, expected] of [['fi-FI', 'fi'], ['fa-AF', 'prs'], ['so', 'so'], ['de-DE', 'sv']] as const) {
      const { page } = await harness.newPage({ locale: browserLocale });
      await page.goto(`${harness.baseUrl}/`);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(expected);
      await page.locator('.language-switcher__link[lang="en"]').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.goto(`${harness.baseUrl}/`);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    }
  });

  it('Change on check-your-answers returns to check-your-answers after Continue', async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=en`);
    await answerEveryPage(page, { story: 'The nurse explained everything clearly.' });
    const storyRow = page.locator('.summary-list__row').filter({ hasText: 'The nurse explained everything clearly.' });
    await storyRow.locator('a').click();
    await page.locator('#f-story-whatHappened').fill('The nurse explained everything very clearly.');
    await submit(page);
    await page.locator('.summary-list').waitFor();
    expect(await page.locator('.summary-list').textContent()).toContain('very clearly');
  });

  it('a campaign link (?c=CODE) is kept through the flow and stored with the story', async () => {
    const { page } = await harness.newPage();
    const marker = uniquePhrase('Kampanj');
    await page.goto(`${harness.baseUrl}/?c=site-x-wave-2&lang=sv`);
    await answerEveryPage(page, { story: marker });
    expect(page.url()).toContain('c=site-x-wave-2');
    await submit(page);
    await receiptCodeOnPage(page);
    const stored = await harness.db().collection('submissions').findOne({ 'story.whatHappened': marker });
    expect(stored?.['campaign']).toBe('site-x-wave-2');
  });

  it('shows help (112, 1177, Självmordslinjen 90101) after a story that mentions suicide, in the chosen language', async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=en`);
    await answerEveryPage(page, { story: 'Since the operation I sometimes think about suicide.' });
    await submit(page);
    await receiptCodeOnPage(page);
    const help = page.locator('.notice--important');
    await help.waitFor();
    expect(await help.textContent()).toContain('90101');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it.each(['fa', 'prs'] as const)('in %s, dates are in the Gregorian calendar and Persian digits typed in a receipt code work', async (locale) => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=${locale}`);
    await answerEveryPage(page, { story: uniquePhrase('Persiska datum') });
    await submit(page);
    const code = await receiptCodeOnPage(page);
    const persianDigits = code.replace(/[0-9]/g, (digit) => String.fromCodePoint(0x06f0 + Number(digit)));
    await page.goto(`${harness.baseUrl}/receipt?lang=${locale}`);
    await page.locator('#f-receipt-code').fill(persianDigits);
    await submit(page);
    const status = page.locator('.notice[role="status"] p').first();
    await status.waitFor();
    const year = String(new Date().getUTCFullYear()).replace(/[0-9]/g, (digit) => String.fromCodePoint(0x06f0 + Number(digit)));
    expect(await status.textContent()).toContain(year);
    expect(await status.textContent()).not.toMatch(/۱۴۰[0-9]/);
  });

  it('does not show the crisis help for an ordinary story', async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=sv`);
    await answerEveryPage(page, { story: 'Väntetiden var lång men personalen var trevlig.' });
    await submit(page);
    await receiptCodeOnPage(page);
    expect(await page.locator('.notice--important').count()).toBe(0);
  });
});
