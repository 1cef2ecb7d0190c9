import { uniquePhrase } from '../support/markers.ts';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../form-ui/src/i18n/languages.ts';
import { useBrowser } from './harness.ts';
import { answerEveryPage, receiptCodeOnPage, submit } from './journey.ts';

const harness = useBrowser();

describe('the whole journey', () => {
  it('in Swedish with contact details: stored once, masked, contact encrypted apart, receipt shown, then withdrawn', async () => {
    const { page } = await harness.newPage();
    const marker = uniquePhrase('Resa') + ': jag väntade länge, ring mig på 070-123 45 67.';
    await page.goto(`${harness.baseUrl}/?lang=sv`);
    await answerEveryPage(page, { story: marker, takePart: { name: 'Kim Andersson', email: 'kim@exempel.se', phone: '070-765 43 21' } });
    await expect.poll(() => page.locator('.summary-list').textContent()).toContain('Kim Andersson');
    await submit(page);
    const code = await receiptCodeOnPage(page);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const stories = await harness.db().collection('submissions').find({ 'story.whatHappened': { $regex: marker.slice(0, 41) } }).toArray();
    expect(stories).toHaveLength(1);
    const story = stories[0]!;
    expect(story['story']).toMatchObject({ whatHappened: expect.stringContaining('[PHONE]') });
    expect(story).toMatchObject({
      locale: 'sv',
      channel: 'web',
      respondent: { role: 'relative', relationship: 'parent', ageGroup: '45_64' },
      care: { settings: ['primary_care', 'digital_services_1177'], unit: 'Vårdcentralen Centrum', when: 'last_month' },
      topics: ['waiting_times'],
      rating: 4,
      hasFollowUp: true,
    });
    expect(await harness.db().collection('contacts').countDocuments({ submissionId: story['_id'] })).toBe(1);
    expect(await page.evaluate(() => window.sessionStorage.getItem('medskapa.draft'))).toBeNull();

    await page.goto(`${harness.baseUrl}/receipt?lang=sv`);
    await page.locator('#f-receipt-code').fill(code.toLowerCase());
    await submit(page);
    await page.locator('.notice button').click();
    await page.locator('.notice button').click();
    await page.locator('.notice[role="status"]').filter({ hasText: 'borttagna' }).waitFor();
    expect(await harness.db().collection('submissions').countDocuments({ _id: story['_id'] })).toBe(0);
    expect(await harness.db().collection('contacts').countDocuments({ submissionId: story['_id'] })).toBe(0);
  });

  it.each(LANGUAGES.map((language) => [language.code, language.htmlLang, language.dir] as const))(
    'in %s: the page speaks the language, and the story is stored with that locale',
    async (locale, htmlLang, dir) => {
      const { page } = await harness.newPage();
      const marker = uniquePhrase(`Berättelse på ${locale}`);
      await page.goto(`${harness.baseUrl}/?lang=${locale}`);
      await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([htmlLang, dir]);
      await answerEveryPage(page, { story: marker });
      await submit(page);
      await receiptCodeOnPage(page);
      const stored = await harness.db().collection('submissions').findOne({ 'story.whatHappened': marker });
      expect(stored?.['locale']).toBe(locale);
    },
  );
});

describe('when the server rejects what the form accepted', () => {
  it('puts the server’s message on the same field, in the chosen language, on the page that asks it', async () => {
    const { page } = await harness.newPage();
    // The only way to reach this state: the real form, with the server's answer replaced by a rejection.
    await page.route('**/api/v1/submissions', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'validation_failed', message: 'x', fields: { 'story.whatHappened': 'story.whatHappened.tooShort' } } }),
      }),
    );
    await page.goto(`${harness.baseUrl}/?lang=en`);
    await answerEveryPage(page, { story: 'Short but fine for the form.' });
    await submit(page);
    await expect.poll(() => page.url()).toContain('step=story');
    await page.locator('.error-summary').waitFor();
    const message = await page.locator('#f-story-whatHappened-error').textContent();
    expect(message).toContain('at least 10');
    expect(await page.locator('.error-summary a').textContent()).toBe(message?.replace(/^Error:\s*/, '').trim());
    expect(await page.locator('#f-story-whatHappened').inputValue()).toBe('Short but fine for the form.');
    expect(await page.title()).toMatch(/^Error:/);
  });
});
