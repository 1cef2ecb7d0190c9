import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniquePhrase } from '../support/markers.ts';
import { BACKOFFICE_PASSWORD, createBackofficeUser, signInThroughPage } from './backoffice-harness.ts';
import { apiCall, apiSignIn, seedStory, seedTheme, selectInField } from './backoffice-workspace-fixtures.ts';
import { expectNoAxeViolations, useBrowser } from './harness.ts';

const harness = useBrowser();
const base = harness.baseUrl;

const LANGUAGES = [
  { language: 'sv', locale: 'sv-SE', signIn: 'Logga in', inbox: 'Inkorg', story: /Berättelse från/, tagSelection: 'Tagga markering', redact: 'Avidentifiera markering', shortcuts: 'Kortkommandon' },
  { language: 'en', locale: 'en-GB', signIn: 'Sign in', inbox: 'Inbox', story: /Story from/, tagSelection: 'Tag selection', redact: 'De-identify selection', shortcuts: 'Keyboard shortcuts' },
] as const;

/** Whether the focused element shows a focus indicator (outline, box shadow or the yellow focus background). */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return false;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return outline || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
  });
}

const activeDescription = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? '(none)');

/** Presses Tab (at most `limit` times) until `matches` holds for the focused element; focus must be visible on the way. */
async function tabUntil(page: Page, matches: (page: Page) => Promise<boolean>, what: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    expect(await focusIsVisible(page), `focus not visible on ${await activeDescription(page)}`).toBe(true);
    if (await matches(page)) return;
  }
  throw new Error(`could not reach ${what} with Tab; focus is on ${await activeDescription(page)}`);
}

const isId = (id: string) => (page: Page) => page.evaluate((expected) => document.activeElement?.id === expected, id);
const hasText = (text: string) => (page: Page) => page.evaluate((expected) => document.activeElement?.textContent?.trim() === expected, text);

async function seedWorkingStory(email: string) {
  const api = await apiSignIn(base, email);
  const theme = await seedTheme(base, api, 'Tillgang');
  const story = await seedStory(base, harness.db(), { text: 'Receptet syntes inte i appen efter bytet av journalsystem.' });
  expect((await apiCall(base, api, 'POST', `/api/v1/stories/${story.id}/tags`, { themeId: theme.id })).status).toBe(201);
  const text = story.whatHappened;
  const start = text.indexOf('Receptet');
  expect((await apiCall(base, api, 'POST', `/api/v1/stories/${story.id}/excerpts`, { themeId: theme.id, field: 'whatHappened', start, end: start + 'Receptet syntes inte'.length })).status).toBe(201);
  expect((await apiCall(base, api, 'POST', `/api/v1/stories/${story.id}/notes`, { text: 'Följ upp med apoteket.' })).status).toBe(201);
  return { story, theme };
}

describe.each(LANGUAGES.map((entry) => [entry.language, entry] as const))('back office accessibility (%s)', (_language, words) => {
  it('sign-in page: no axe violations, also with errors shown in the error summary', async () => {
    const { page } = await harness.newPage({ locale: words.locale });
    await page.goto(`${base}/backoffice/`);
    await page.getByRole('heading', { level: 1, name: words.signIn }).waitFor();
    await expectNoAxeViolations(page, 'sign-in');
    await page.getByRole('button', { name: words.signIn }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.title()).toMatch(/^(Fel|Error):/);
    expect(await summary.getByRole('link').count()).toBe(2);
    await expectNoAxeViolations(page, 'sign-in with errors');

    await page.getByLabel(/e-post|e-mail/i).fill('nobody@vgregion.se');
    await page.getByLabel(/lösenord|password/i).fill('not the password at all');
    await page.getByRole('button', { name: words.signIn }).click();
    await expect.poll(() => summary.innerText()).toMatch(/fel|wrong/);
    await expectNoAxeViolations(page, 'sign-in with wrong credentials');
  });

  it('inbox with results, with filters open, and empty: no axe violations, in light and dark mode', async () => {
    const email = await createBackofficeUser(['facilitator']);
    const { page } = await harness.newPage({ locale: words.locale, width: 1280 });
    await page.addInitScript((language) => window.localStorage.setItem('medskapa.backoffice.lang', language), words.language);
    await seedWorkingStory(email);
    await signInThroughPage(page, base, email);
    await page.getByRole('heading', { level: 1, name: words.inbox }).waitFor();
    await expect.poll(() => page.locator('.story-item').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'inbox with results');
    await page.locator('#filters-toggle').click();
    await page.locator('#select-all').check();
    await expectNoAxeViolations(page, 'inbox with filters open and stories selected');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'inbox in dark mode');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${base}/backoffice/inbox?q=${uniquePhrase('tom').split(' ')[1]}`);
    await page.locator('.empty-state').waitFor();
    await expectNoAxeViolations(page, 'empty inbox');
  });

  it('story view and its dialogs: no axe violations, in light and dark mode', async () => {
    const email = await createBackofficeUser(['facilitator']);
    const { page } = await harness.newPage({ locale: words.locale, width: 1280 });
    await page.addInitScript((language) => window.localStorage.setItem('medskapa.backoffice.lang', language), words.language);
    const { story } = await seedWorkingStory(email);
    await signInThroughPage(page, base, email);
    await page.goto(`${base}/backoffice/stories/${story.id}`);
    await page.getByRole('heading', { level: 1, name: words.story }).waitFor();
    await page.locator('mark.excerpt-mark').waitFor();
    expect(await page.locator('[data-story-field="whatHappened"]').getAttribute('lang')).toBe('sv');
    await expectNoAxeViolations(page, 'story view');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'story view in dark mode');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('button', { name: words.shortcuts }).click();
    await page.getByRole('dialog', { name: words.shortcuts }).waitFor();
    await expectNoAxeViolations(page, 'shortcuts dialog');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(words.shortcuts);

    const text = story.whatHappened;
    const start = text.indexOf('appen');
    await selectInField(page, 'whatHappened', start, start + 'appen'.length);
    await page.getByRole('button', { name: words.tagSelection }).click();
    await page.locator('dialog[open]').waitFor();
    await expectNoAxeViolations(page, 'excerpt dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: words.redact }).click();
    await page.locator('dialog[open]').waitFor();
    await expectNoAxeViolations(page, 'de-identification dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  });
});

describe('back office layout', () => {
  it('reflows at 320 px without horizontal scrolling (inbox and story view)', async () => {
    const email = await createBackofficeUser(['facilitator', 'admin'], 'Ett mycket långt namn på en användare med två roller');
    const { story } = await seedWorkingStory(email);
    const { page } = await harness.newPage({ width: 320, height: 640 });
    await signInThroughPage(page, base, email);
    await page.locator('#filters-toggle').click();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto(`${base}/backoffice/stories/${story.id}`);
    await page.locator('mark.excerpt-mark').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});

describe('back office keyboard only', () => {
  it('signs in, filters the inbox, opens a story, adds a tag and undoes it with the keyboard alone, focus always visible', async () => {
    const email = await createBackofficeUser(['facilitator']);
    const theme = await seedTheme(base, await apiSignIn(base, email), 'Tangent');
    const word = uniquePhrase('Tangent').split(' ')[1]!;
    const story = await seedStory(base, harness.db(), { text: `${word} Ingen förklarade hur jag skulle boka om tiden.` });
    const { page } = await harness.newPage({ width: 1280 });
    await page.goto(`${base}/backoffice/`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();

    await tabUntil(page, isId('signin-email'), 'the e-mail field');
    await page.keyboard.type(email);
    await tabUntil(page, isId('signin-password'), 'the password field');
    await page.keyboard.type(BACKOFFICE_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await tabUntil(page, isId('filter-q'), 'the keyword search');
    await page.keyboard.type(word);
    await tabUntil(page, isId('filters-toggle'), 'the filters toggle');
    await page.keyboard.press('Enter');
    await tabUntil(page, isId('filter-status'), 'the status filter');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#filter-status').inputValue()).toBe('new');
    await tabUntil(page, isId('filters-apply'), 'the apply button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.results__count').innerText()).toBe('1 berättelse');
    expect(new URL(page.url()).searchParams.get('status')).toBe('new');

    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('story-item__link'))).toBe(true);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Berättelse från/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await page.keyboard.press('t');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type(theme.labels.sv);
    await page.keyboard.press('Enter');
    const tags = () => harness.db().collection('tags').countDocuments({ storyId: story.id, themeId: theme.id, kind: 'story' });
    await expect.poll(tags).toBe(1);

    await tabUntil(page, hasText('Ångra'), 'the Undo button');
    await page.keyboard.press('Enter');
    await expect.poll(tags).toBe(0);
    await expect.poll(() => page.locator('.action-status').innerText()).toContain('Ångrat');
  });
});
