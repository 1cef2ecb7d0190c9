import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { REDACTED } from '../../api/contract/index.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createBackofficeUser, signInThroughPage } from './backoffice-harness.ts';
import { apiCall, apiSignIn, seedStory, seedTheme, selectInField } from './backoffice-workspace-fixtures.ts';
import { useBrowser } from './harness.ts';

const harness = useBrowser();
const base = harness.baseUrl;

async function workspace(): Promise<{ page: Page; email: string }> {
  const email = await createBackofficeUser(['facilitator'], 'Frida Facilitator');
  const { page } = await harness.newPage({ width: 1280, height: 900 });
  await signInThroughPage(page, base, email);
  return { page, email };
}

const tagsOf = (storyId: string, kind: 'story' | 'excerpt') => harness.db().collection('tags').find({ storyId, kind }).toArray();
const storyText = async (id: string) => ((await harness.db().collection<{ _id: string; story: { whatHappened: string } }>('submissions').findOne({ _id: id }))!).story.whatHappened;
const actionStatus = (page: Page) => page.locator('.action-status').innerText();

async function openStory(page: Page, id: string): Promise<void> {
  await page.goto(`${base}/backoffice/stories/${id}`);
  await page.getByRole('heading', { level: 1, name: /Berättelse från/ }).waitFor();
}

describe('the facilitator workspace', () => {
  it('shows the shell after sign-in: name, roles, menu, and admin links only for admins', async () => {
    const { page } = await workspace();
    await expect.poll(() => page.title()).toBe('Inkorg – Medskapa arbetsyta');
    expect(await page.locator('.bo-header__user').innerText()).toContain('Frida Facilitator');
    expect(await page.locator('.bo-header__roles').innerText()).toContain('processledare');
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    const items = await menu.getByRole('link').allInnerTexts();
    expect(items).toEqual(['Inkorg', 'Översikt', 'Exporter', 'Kodbok', 'Kampanjer', 'Nya mönster', 'Samstämmighet', 'Registrera berättelse']);
    for (const adminOnly of ['Användare', 'Kontaktuppgifter', 'Granskningslogg']) expect(items).not.toContain(adminOnly);
    expect(await menu.getByRole('link', { name: 'Inkorg' }).getAttribute('aria-current')).toBe('page');

    const adminEmail = await createBackofficeUser(['admin'], 'Ada Admin');
    const { page: adminPage } = await harness.newPage({ width: 1280 });
    await signInThroughPage(adminPage, base, adminEmail);
    const adminMenu = adminPage.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await adminMenu.getByRole('link').allInnerTexts()).toContain('Granskningslogg');
    expect(await adminMenu.getByRole('link').allInnerTexts()).toContain('Kontaktuppgifter');
  });

  it('switches the interface to English and back, and remembers the choice', async () => {
    const { page } = await workspace();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
  });

  it('filters the inbox by keyword and status; the filters live in the URL and the back button restores them', async () => {
    const { page, email } = await workspace();
    const api = await apiSignIn(base, email);
    const shared = uniquePhrase('Gemensam').split(' ')[1]!;
    const first = await seedStory(base, harness.db(), { text: `${shared} Receptet försvann i det nya systemet.` });
    const second = await seedStory(base, harness.db(), { text: `${shared} Jag kunde inte logga in i appen.` });
    expect((await apiCall(base, api, 'PATCH', `/api/v1/stories/${second.id}`, { status: 'done' })).status).toBe(200);

    await page.getByLabel('Sök i berättelserna').fill(shared);
    await page.getByRole('button', { name: 'Visa berättelser' }).click();
    await expect.poll(() => page.locator('.results__count').innerText()).toBe('2 berättelser');
    expect(new URL(page.url()).searchParams.get('q')).toBe(shared);
    const previews = await page.locator('.story-item__preview').allInnerTexts();
    expect(previews.some((text) => text.includes(first.marker))).toBe(true);
    expect(previews.some((text) => text.includes(second.marker))).toBe(true);
    expect(await page.locator('.story-item__preview').first().getAttribute('dir')).toBe('auto');
    expect(await page.locator('.story-item__preview').first().getAttribute('lang')).toBe('sv');

    await page.getByText('Filter', { exact: true }).click();
    await page.getByLabel('Status').selectOption('done');
    await page.getByRole('button', { name: 'Visa berättelser' }).click();
    await expect.poll(() => page.locator('.results__count').innerText()).toBe('1 berättelse');
    expect(await page.locator('.story-item__preview').innerText()).toContain(second.marker);
    expect(await page.locator('.story-item .status-tag').innerText()).toBe('Klar');
    expect(new URL(page.url()).searchParams.get('status')).toBe('done');

    await page.goBack();
    await expect.poll(() => page.locator('.results__count').innerText()).toBe('2 berättelser');
    expect(await page.getByLabel('Status').inputValue()).toBe('');

    // A story opened from the filtered list leads back to the same list.
    await page.getByRole('link', { name: /Berättelse från/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Berättelse från/ }).waitFor();
    await page.getByRole('link', { name: 'Tillbaka till inkorgen' }).click();
    await expect.poll(() => page.locator('.results__count').innerText()).toBe('2 berättelser');
    expect(new URL(page.url()).searchParams.get('q')).toBe(shared);

    await page.getByLabel('Sök i berättelserna').fill(`${shared} ${uniquePhrase('ingen').split(' ')[1]}`);
    await page.getByRole('button', { name: 'Visa berättelser' }).click();
    await expect.poll(() => page.locator('.results__count').innerText()).toBe('0 berättelser');
    expect(await page.locator('.empty-state').innerText()).toContain('Inga berättelser passar dina filter.');
  });

  it('tags a whole story from the theme picker, removes the tag, and undoes both changes', async () => {
    const { page, email } = await workspace();
    const theme = await seedTheme(base, await apiSignIn(base, email), 'Vantetid');
    const story = await seedStory(base, harness.db());
    await openStory(page, story.id);

    await page.getByLabel('Lägg till tema').fill(theme.labels.sv);
    await page.getByRole('button', { name: `Välj ${theme.labels.sv}` }).click();
    await expect.poll(() => actionStatus(page)).toContain(`Temat ${theme.labels.sv} lades till.`);
    await expect.poll(async () => (await tagsOf(story.id, 'story')).map((tag) => tag['themeId'])).toEqual([theme.id]);
    expect(await page.locator('.chip-list--removable').innerText()).toContain(theme.labels.sv);

    await page.getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(async () => (await tagsOf(story.id, 'story')).length).toBe(0);
    await expect.poll(() => actionStatus(page)).toContain('Ångrat');

    await page.getByLabel('Lägg till tema').fill(theme.labels.sv);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await tagsOf(story.id, 'story')).length).toBe(1);
    await page.getByRole('button', { name: `Ta bort temat ${theme.labels.sv}` }).click();
    await expect.poll(async () => (await tagsOf(story.id, 'story')).length).toBe(0);
    await expect.poll(() => actionStatus(page)).toContain(`Temat ${theme.labels.sv} togs bort.`);
    // `u` undoes the removal (focus is not in a text field after clicking elsewhere on the page).
    await page.locator('h1').click();
    await page.keyboard.press('u');
    await expect.poll(async () => (await tagsOf(story.id, 'story')).map((tag) => tag['themeId'])).toEqual([theme.id]);
  });

  it('tags a selected span as an excerpt: the field and UTF-16 range are stored and the span is marked', async () => {
    const { page, email } = await workspace();
    const theme = await seedTheme(base, await apiSignIn(base, email), 'Provsvar');
    const story = await seedStory(base, harness.db(), { text: 'Sjuksköterskan ringde aldrig tillbaka om provsvaren.' });
    await openStory(page, story.id);
    const stored = await storyText(story.id);
    const phrase = 'ringde aldrig tillbaka';
    const start = stored.indexOf(phrase);
    expect(start).toBeGreaterThan(0);

    const tagSelection = page.getByRole('button', { name: 'Tagga markering' });
    expect(await tagSelection.isDisabled()).toBe(true);
    await selectInField(page, 'whatHappened', start, start + phrase.length);
    await expect.poll(() => tagSelection.isEnabled()).toBe(true);
    expect(await page.locator('.selection-tools__current').innerText()).toContain(phrase);
    await tagSelection.click();
    const dialog = page.getByRole('dialog', { name: 'Tagga markeringen' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type(theme.labels.sv);
    await dialog.getByRole('button', { name: `Välj ${theme.labels.sv}` }).click();

    await expect.poll(async () => (await tagsOf(story.id, 'excerpt')).length).toBe(1);
    const [excerpt] = await tagsOf(story.id, 'excerpt');
    expect(excerpt).toMatchObject({ themeId: theme.id, field: 'whatHappened', start, end: start + phrase.length });
    const mark = page.locator('mark.excerpt-mark');
    expect(await mark.innerText()).toBe(phrase);
    expect(await mark.getAttribute('title')).toContain(theme.labels.sv);
    expect(await page.locator('.excerpt__quote').innerText()).toBe(phrase);
    // Focus went back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tagga markering');

    // A second excerpt that overlaps the first is measured on the original text, not on the split-up DOM.
    const second = 'tillbaka om provsvaren';
    const secondStart = stored.indexOf(second);
    await selectInField(page, 'whatHappened', secondStart, secondStart + second.length);
    await page.keyboard.press('e');
    await page.getByRole('dialog', { name: 'Tagga markeringen' }).waitFor();
    await page.keyboard.type(theme.labels.sv);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await tagsOf(story.id, 'excerpt')).length).toBe(2);
    const ranges = (await tagsOf(story.id, 'excerpt')).map((tag) => [tag['start'], tag['end']]).sort();
    expect(ranges).toContainEqual([secondStart, secondStart + second.length]);

    // Undo removes the last excerpt again.
    await page.getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(async () => (await tagsOf(story.id, 'excerpt')).length).toBe(1);
  });

  it('de-identifies a selected span after confirmation: the stored text holds [REDACTED] and not the original', async () => {
    const { page } = await workspace();
    const surname = uniquePhrase('x').split(' ')[1]!.slice(0, 10);
    const name = `Rutger ${surname[0]!.toUpperCase()}${surname.slice(1)}`;
    const story = await seedStory(base, harness.db(), { text: `Doktor ${name} lyssnade inte på oss.` });
    await openStory(page, story.id);
    const stored = await storyText(story.id);
    const start = stored.indexOf(name);

    await selectInField(page, 'whatHappened', start, start + name.length);
    await page.getByRole('button', { name: 'Avidentifiera markering' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avidentifiera markeringen?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('raderas för alltid');
    expect(await dialog.innerText()).toContain(name);
    // Cancel is the safe default: it has focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    await dialog.getByRole('button', { name: 'Ja, avidentifiera' }).click();

    await expect.poll(() => storyText(story.id)).toContain(REDACTED);
    const after = await storyText(story.id);
    expect(after).not.toContain(surname);
    expect(after).toBe(`${stored.slice(0, start)}${REDACTED}${stored.slice(start + name.length)}`);
    await expect.poll(() => page.locator('[data-story-field="whatHappened"]').innerText()).toContain(REDACTED);
    expect(await actionStatus(page)).toContain('Originaltexten är raderad');
  });

  it('bulk tags two selected stories and announces the result in a live region', async () => {
    const { page, email } = await workspace();
    const theme = await seedTheme(base, await apiSignIn(base, email), 'Bulk');
    const shared = uniquePhrase('Bulk').split(' ')[1]!;
    const stories = [await seedStory(base, harness.db(), { text: `${shared} Första.` }), await seedStory(base, harness.db(), { text: `${shared} Andra.` })];
    await page.goto(`${base}/backoffice/inbox?q=${shared}`);
    await expect.poll(() => page.locator('.results__count').innerText()).toBe('2 berättelser');

    await page.getByLabel('Välj alla 2 berättelser som visas').check();
    await page.locator('#bulk-theme').selectOption(theme.id);
    await page.getByRole('button', { name: 'Tagga valda berättelser (2)' }).click();
    await expect.poll(() => page.locator('.bulk-tag__message').innerText()).toBe(`2 berättelser fick temat ${theme.labels.sv}.`);
    expect(await page.locator('.bulk-tag__message').getAttribute('role')).toBe('status');
    for (const story of stories) expect((await tagsOf(story.id, 'story')).map((tag) => tag['themeId'])).toEqual([theme.id]);
    await expect.poll(() => page.locator('.story-list .theme-chip').count()).toBe(2);
  });

  it('changes status and the needs-attention flag with the controls and with s / a', async () => {
    const { page } = await workspace();
    const story = await seedStory(base, harness.db());
    await openStory(page, story.id);
    const stored = async () => (await harness.db().collection('submissions').findOne({ _id: story.id as never }))!;
    await page.getByLabel('Status').selectOption('in_review');
    await expect.poll(async () => (await stored())['status']).toBe('in_review');
    await page.locator('h1').click();
    await page.keyboard.press('s');
    await expect.poll(async () => (await stored())['status']).toBe('done');
    await page.keyboard.press('a');
    await expect.poll(() => page.getByLabel('Behöver uppmärksamhet').isChecked()).toBe(true);
    await page.getByLabel('Behöver uppmärksamhet').uncheck();
    await expect.poll(() => page.getByLabel('Behöver uppmärksamhet').isChecked()).toBe(false);
    await page.getByLabel('Ny anteckning').fill('Ta upp i workshopen om provsvar.');
    await page.getByRole('button', { name: 'Spara anteckning' }).click();
    await expect.poll(() => page.locator('.note__text').allInnerTexts()).toEqual(['Ta upp i workshopen om provsvar.']);
    expect(await page.locator('.note__meta').innerText()).toContain('Frida Facilitator');
  });

  it('lets shortcuts be turned off in the help dialog, remembered on the device', async () => {
    const { page } = await workspace();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Kortkommandon' });
    await dialog.waitFor();
    await dialog.getByLabel('Använd kortkommandon med en tangent').uncheck();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.keyboard.press('?');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    await page.keyboard.press('?');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await page.getByRole('button', { name: 'Kortkommandon' }).click();
    expect(await page.getByLabel('Använd kortkommandon med en tangent').isChecked()).toBe(false);
  });

  it('signs out: the session ends on the server and the sign-in page says so', async () => {
    const { page } = await workspace();
    const cookies = await page.context().cookies();
    const cookie = cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
    expect((await fetch(`${base}/api/v1/session`, { headers: { Cookie: cookie } })).status).toBe(200);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await page.locator('.notice').innerText()).toContain('Du är nu utloggad.');
    expect((await fetch(`${base}/api/v1/session`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('shows "signed out" with the reason when the session ends while working', async () => {
    const { page } = await workspace();
    const story = await seedStory(base, harness.db());
    await openStory(page, story.id);
    await page.context().clearCookies();
    await page.getByLabel('Ny anteckning').fill('En anteckning.');
    await page.getByRole('button', { name: 'Spara anteckning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await page.locator('.notice').innerText()).toContain('Du har loggats ut');
  });

  it('keeps every back-office chunk out of the public form', async () => {
    const { page } = await harness.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push(response.url());
    });
    await page.goto(`${base}/?lang=sv`);
    await page.locator('.language-switcher').waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) {
      const source = readFileSync(path.join(inject('formDist'), new URL(url).pathname), 'utf8');
      expect(source, url).not.toContain('medskapa.backoffice');
      expect(source, url).not.toContain('Tagga markering');
    }
  });
});
