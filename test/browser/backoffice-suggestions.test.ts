import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { starterThemeId } from '../../api/src/themes/seed.ts';
import { createBackofficeUser, signInThroughPage } from './backoffice-harness.ts';
import { seedStory } from './backoffice-workspace-fixtures.ts';
import { expectNoAxeViolations, useBrowser } from './harness.ts';

const harness = useBrowser();
const base = harness.baseUrl;
const BOOKING = starterThemeId('access-and-booking');

interface StoredStory {
  _id: string;
  language?: string;
  suggestionVersion?: string;
  suggestions?: Array<{ themeId: string; evidence: Array<{ field: string; start: number; end: number; text: string }> }>;
}

/** A story about booking and the phone queue, as the public form sends it; its suggestions are computed by the server's worker. */
async function seedBookingStory(): Promise<{ id: string; whatHappened: string; stored: StoredStory }> {
  const story = await seedStory(base, harness.db(), {
    text: 'Jag försökte boka en tid på vårdcentralen, men telefonkön var oändlig och ingen ringde tillbaka.',
    overrides: { topics: [], story: { whatHappened: '', whatCouldBeBetter: 'Kortare väntetider i telefon och ett sms med tiden.' } },
  });
  const stories = harness.db().collection<StoredStory>('submissions');
  // No one asks for suggestions: the worker in the server computes them soon after the story arrives.
  await expect.poll(async () => (await stories.findOne({ _id: story.id }))?.suggestionVersion, { timeout: 30_000, interval: 250 }).toBeDefined();
  const stored = (await stories.findOne({ _id: story.id }))!;
  return { id: story.id, whatHappened: story.whatHappened, stored };
}

async function openStory(page: Page, id: string, heading: RegExp): Promise<void> {
  await page.goto(`${base}/backoffice/stories/${id}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

const suggestionItems = (page: Page) => page.locator('.suggestion-list > li');

describe('theme suggestions in the story view', () => {
  it('a facilitator sees suggestions with highlighted evidence, accepts one and rejects another', async () => {
    const email = await createBackofficeUser(['facilitator'], 'Sara Förslag');
    const { id, whatHappened, stored } = await seedBookingStory();
    expect(stored.language).toBe('sv');
    const suggested = stored.suggestions?.map((suggestion) => suggestion.themeId) ?? [];
    expect(suggested).toContain(BOOKING);
    expect(suggested.length).toBeGreaterThanOrEqual(2);

    const { page } = await harness.newPage({ width: 1280, height: 900 });
    await page.addInitScript(() => window.localStorage.setItem('medskapa.backoffice.lang', 'sv'));
    await signInThroughPage(page, base, email);
    await openStory(page, id, /Berättelse från/);

    const section = page.getByRole('region', { name: 'Förslag på teman' });
    await section.waitFor();
    expect(await section.innerText()).toContain('Texten är skriven på svenska.');
    const booking = suggestionItems(page).filter({ hasText: 'Kontakt och bokning' });
    // The codebook (with its keywords in ten languages) may arrive after the story: wait for the theme's name.
    await expect.poll(() => booking.count()).toBe(1);
    expect(await booking.innerText()).toMatch(/Styrka: (stark|medelstark|svag)/);
    expect(await booking.locator('q').allInnerTexts()).toEqual(expect.arrayContaining(['boka', 'telefonkön']));

    // The evidence is highlighted in the text itself: a mark over exactly the matched words, framed (not only coloured).
    const field = page.locator('[data-story-field="whatHappened"]');
    expect(await field.textContent()).toBe(whatHappened);
    const marks = field.locator('mark.evidence-mark');
    expect(await marks.allTextContents()).toEqual(expect.arrayContaining(['boka', 'telefonkön']));
    const bookingEvidence = stored.suggestions!.find((suggestion) => suggestion.themeId === BOOKING)!.evidence.filter((evidence) => evidence.field === 'whatHappened');
    for (const evidence of bookingEvidence) expect(whatHappened.slice(evidence.start, evidence.end)).toBe(evidence.text);
    const style = await marks.first().evaluate((element) => ({ border: getComputedStyle(element).borderTopStyle, title: element.getAttribute('title') }));
    expect(style.border).toBe('dashed');
    expect(style.title).toContain('Kontakt och bokning');
    expect(await marks.first().evaluate((element) => getComputedStyle(element, '::before').content)).toContain('förslag: ');

    // Accept: the theme becomes a tag, the suggestion and its highlights go away, the decision is stored.
    await page.getByRole('button', { name: 'Lägg till temat Kontakt och bokning' }).click();
    await expect.poll(() => page.locator('.action-status').innerText()).toContain('Temat Kontakt och bokning lades till.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('suggestions-title');
    expect(await suggestionItems(page).filter({ hasText: 'Kontakt och bokning' }).count()).toBe(0);
    expect(await page.locator('.chip-list--removable').innerText()).toContain('Kontakt och bokning');
    const tags = await harness.db().collection('tags').find({ storyId: id, kind: 'story' }).toArray();
    expect(tags.map((tag) => tag['themeId'])).toEqual([BOOKING]);
    expect(await harness.db().collection('suggestionDecisions').findOne({ storyId: id, themeId: BOOKING })).toMatchObject({ decision: 'accepted' });

    // Reject another one: gone from the list and recorded, and it does not come back after a reload.
    const other = suggestionItems(page).first();
    const otherName = (await other.locator('.theme-chip__label').innerText()).trim();
    await page.getByRole('button', { name: `Avvisa ${otherName}` }).click();
    await expect.poll(() => page.locator('.action-status').innerText()).toContain(`Förslaget ${otherName} avvisades.`);
    expect(await suggestionItems(page).filter({ hasText: otherName }).count()).toBe(0);
    const rejected = await harness.db().collection('suggestionDecisions').findOne({ storyId: id, decision: 'rejected' });
    expect(rejected).not.toBeNull();
    await openStory(page, id, /Berättelse från/);
    await section.waitFor();
    const names = await page.locator('.suggestion-list .theme-chip__label').allInnerTexts();
    expect(names).not.toContain(otherName);
    expect(names).not.toContain('Kontakt och bokning');
  });

  for (const words of [
    { language: 'sv', locale: 'sv-SE', heading: /Berättelse från/, region: 'Förslag på teman' },
    { language: 'en', locale: 'en-GB', heading: /Story from/, region: 'Suggested themes' },
  ] as const) {
    it(`story view with suggestions: no axe violations (${words.language}), in light and dark mode`, async () => {
      const email = await createBackofficeUser(['facilitator']);
      const { id } = await seedBookingStory();
      const { page } = await harness.newPage({ locale: words.locale, width: 1280 });
      await page.addInitScript((language) => window.localStorage.setItem('medskapa.backoffice.lang', language), words.language);
      await signInThroughPage(page, base, email);
      await openStory(page, id, words.heading);
      await page.getByRole('region', { name: words.region }).waitFor();
      await page.locator('mark.evidence-mark').first().waitFor();
      expect(await suggestionItems(page).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'story view with suggestions');
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoAxeViolations(page, 'story view with suggestions in dark mode');
    });
  }
});
