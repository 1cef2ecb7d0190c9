import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// The start page's HTML is on screen before React renders; tests wait for the language switcher, which
// only React renders, before they act on a freshly loaded page.

/** Continue / Send: the form's one submit button, found by role so the test works in every language. */
export async function submit(page: Page): Promise<void> {
  await page.locator('main form button[type="submit"]').click();
}

export async function expectHeadingFocused(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
}

export interface JourneyOptions {
  readonly story: string;
  readonly takePart?: { name: string; email: string; phone: string } | undefined;
}

/** Answers every page with stable ids (never translated text) and stops on "check your answers". */
export async function answerEveryPage(page: Page, options: JourneyOptions): Promise<void> {
  // The start page's HTML arrives before React; its button only works once React has rendered.
  await page.locator('.language-switcher').waitFor();
  await submit(page);
  await page.locator('#f-respondent-role-relative').check();
  await page.locator('#f-respondent-relationship-parent').check();
  await page.locator('#f-respondent-ageGroup-45_64').check();
  await submit(page);
  await page.locator('#f-care-settings-primary_care').check();
  await page.locator('#f-care-settings-digital_services_1177').check();
  await page.locator('#f-care-unit').fill('Vårdcentralen Centrum');
  await page.locator('#f-care-when-last_month').check();
  await submit(page);
  await page.locator('#f-topics-waiting_times').check();
  await submit(page);
  await page.locator('#f-story-whatHappened').fill(options.story);
  await page.locator('#f-story-whatWorkedWell').fill('Personalen var vänlig.');
  await submit(page);
  await page.locator('#f-rating-4').check();
  await submit(page);
  if (options.takePart === undefined) {
    await page.locator('#f-takePart-no').check();
  } else {
    await page.locator('#f-takePart-yes').check();
    await page.locator('#f-followUp-name').fill(options.takePart.name);
    await page.locator('#f-followUp-email').fill(options.takePart.email);
    await page.locator('#f-followUp-phone').fill(options.takePart.phone);
  }
  await submit(page);
  await page.locator('#f-consent-storyProcessing').check();
  if (options.takePart !== undefined) await page.locator('#f-consent-contactProcessing').check();
  await submit(page);
  await page.locator('.summary-list').waitFor();
}

export async function receiptCodeOnPage(page: Page): Promise<string> {
  const code = page.locator('#receipt-code');
  await code.waitFor({ timeout: 30_000 });
  return (await code.textContent())?.trim() ?? '';
}
