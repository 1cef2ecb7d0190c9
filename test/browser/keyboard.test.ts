import type { Page } from 'playwright-core';
import { uniquePhrase } from '../support/markers.ts';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { receiptCodeOnPage } from './journey.ts';

const harness = useBrowser();

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab (at most 60 times) until the element with this id has focus. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    if ((await activeId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach #${id} with Tab; focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}; page: ${(await page.locator('main').innerText()).slice(0, 300)}`);
}

async function tabToSubmit(page: Page): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    const isSubmit = await page.evaluate(() => document.activeElement?.matches('main form button[type="submit"]') ?? false);
    if (isSubmit) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the Continue button with Tab');
}

async function continueWithKeyboard(page: Page): Promise<void> {
  await tabToSubmit(page);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toMatch(/H1|DIV/);
}

describe('keyboard only', () => {
  it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=sv`);
    await page.locator('.language-switcher').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('completes the whole journey with Tab, Space, arrow keys, typing and Enter', async () => {
    const { page } = await harness.newPage();
    const marker = uniquePhrase('Tangentbord');
    await page.goto(`${harness.baseUrl}/?lang=sv`);
    await page.locator('.language-switcher').waitFor();
    await continueWithKeyboard(page);

    await tabTo(page, 'f-respondent-role-patient');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#f-respondent-role-relative').isChecked()).toBe(true);
    await tabTo(page, 'f-respondent-relationship-parent');
    await page.keyboard.press('Space');
    await continueWithKeyboard(page);

    await tabTo(page, 'f-care-settings-primary_care');
    await page.keyboard.press('Space');
    await tabTo(page, 'f-care-when-last_month');
    await page.keyboard.press('Space');
    await continueWithKeyboard(page);
    await continueWithKeyboard(page);

    await tabTo(page, 'f-story-whatHappened');
    await page.keyboard.type(marker);
    await continueWithKeyboard(page);
    await continueWithKeyboard(page);

    await tabTo(page, 'f-takePart-yes');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#f-takePart-no').isChecked()).toBe(true);
    await continueWithKeyboard(page);

    await tabTo(page, 'f-consent-storyProcessing');
    await page.keyboard.press('Space');
    await continueWithKeyboard(page);
    await page.locator('.summary-list').waitFor();
    await tabToSubmit(page);
    await page.keyboard.press('Enter');
    await receiptCodeOnPage(page);
    expect(await harness.db().collection('submissions').countDocuments({ 'story.whatHappened': marker })).toBe(1);
  });

  it('the error summary takes focus, and its links move focus to the fields', async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=sv&step=care`);
    await page.locator('.language-switcher').waitFor();
    await tabToSubmit(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.title()).toMatch(/^Fel: /);
    const links = page.locator('.error-summary a');
    expect(await links.count()).toBe(2);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await activeId(page)).toBe('f-care-settings-primary_care');
    await expect.poll(() => page.locator('#f-care-settings-primary_care').getAttribute('aria-invalid')).toBe('true');
    const describedBy = await page.locator('#f-care-settings-primary_care').evaluate((element) => element.closest('fieldset')?.getAttribute('aria-describedby'));
    expect(describedBy).toContain('f-care-settings-error');
  });

  it.each([['sv', 'ltr'], ['ar', 'rtl']] as const)('in %s, focus is visible on every focusable element and follows the visual order (%s)', async (locale, dir) => {
    const { page } = await harness.newPage({ width: 1024, height: 900 });
    await page.goto(`${harness.baseUrl}/?lang=${locale}&step=care`);
    await page.locator('.language-switcher').waitFor();
    const visited: Array<{ x: number; y: number; tag: string }> = [];
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const element = document.activeElement;
        if (element === null || element === document.body) return undefined;
        const focused = getComputedStyle(element);
        const rect = element.getBoundingClientRect();
        const indicator = `${focused.outlineStyle} ${focused.outlineWidth} ${focused.boxShadow} ${focused.backgroundColor}`;
        const clone = element.cloneNode(false) as HTMLElement;
        clone.removeAttribute('id');
        element.parentElement?.append(clone);
        const plain = getComputedStyle(clone);
        const unfocused = `${plain.outlineStyle} ${plain.outlineWidth} ${plain.boxShadow} ${plain.backgroundColor}`;
        clone.remove();
        const center = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        return {
          x: rect.left + rect.width / 2,
          y: rect.top + window.scrollY,
          tag: `${element.tagName}#${element.id}.${element.className}`,
          visible: indicator !== unfocused,
          unobscured: center === element || element.contains(center) || (center !== null && center.tagName === 'LABEL'),
        };
      });
      if (info === undefined) break;
      expect(info.visible, `focus indicator on ${info.tag}`).toBe(true);
      expect(info.unobscured, `focus not hidden on ${info.tag}`).toBe(true);
      visited.push(info);
      if (info.tag.startsWith('BUTTON')) break;
    }
    expect(visited.length).toBeGreaterThan(15);
    for (let i = 1; i < visited.length; i += 1) {
      const previous = visited[i - 1]!;
      const current = visited[i]!;
      if (Math.abs(current.y - previous.y) < 8) {
        if (dir === 'ltr') expect(current.x, `${previous.tag} → ${current.tag}`).toBeGreaterThan(previous.x);
        else expect(current.x, `${previous.tag} → ${current.tag}`).toBeLessThan(previous.x);
      } else {
        expect(current.y, `${previous.tag} → ${current.tag}`).toBeGreaterThan(previous.y);
      }
    }
  });
});
