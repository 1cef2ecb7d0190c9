import { uniquePhrase } from '../support/markers.ts';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useBrowser } from './harness.ts';
import { answerEveryPage, receiptCodeOnPage, submit } from './journey.ts';

const harness = useBrowser();

describe('kiosk mode (?kiosk=1)', () => {
  it('warns after two minutes without input, gives more time, then clears the DOM and every storage', async () => {
    const { page } = await harness.newPage();
    await page.clock.install();
    await page.goto(`${harness.baseUrl}/?kiosk=1&lang=sv&step=story`);
    const secret = uniquePhrase('Hemlig text');
    await page.locator('#f-story-whatHappened').fill(secret);
    expect(await page.evaluate(() => window.sessionStorage.getItem('medskapa.draft'))).toContain('Hemlig text');

    await page.clock.fastForward('02:01');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Jag behöver mer tid');
    await expectNoAxeViolations(page, 'kiosk warning');
    await dialog.getByRole('button', { name: 'Jag behöver mer tid' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.locator('#f-story-whatHappened').inputValue()).toBe(secret);

    await page.clock.fastForward('02:01');
    await dialog.waitFor();
    await page.clock.fastForward('00:31');
    await page.waitForURL((url) => !url.search.includes('step='));
    await page.locator('.language-switcher').waitFor();
    expect(await page.content()).not.toContain('Hemlig text');
    expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);
    expect(page.url()).toContain('kiosk=1');
  });

  it('sends stories with the kiosk channel', async () => {
    const { page } = await harness.newPage();
    const marker = uniquePhrase('Väntrummet');
    await page.goto(`${harness.baseUrl}/?kiosk=1&lang=sv`);
    await answerEveryPage(page, { story: marker });
    await submit(page);
    await receiptCodeOnPage(page);
    const stored = await harness.db().collection('submissions').findOne({ 'story.whatHappened': marker });
    expect(stored?.['channel']).toBe('kiosk');

    // "Tell another" on the confirmation hands the tablet to the next person with nothing left behind.
    await page.locator('main button.button:not(.button--secondary)').last().click();
    await page.waitForURL((url) => !url.search.includes('step='));
    await page.locator('.language-switcher').waitFor();
    expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);
    expect(await page.content()).not.toContain(marker);
  });
});
