import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

const harness = useBrowser();
const PAGES = ['', 'step=you', 'step=care', 'step=story', 'step=takePart', 'step=check'];

/** Horizontal scrolling, and any element whose content is cut off by its own box. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    }
    for (const element of document.querySelectorAll<HTMLElement>('main *, header *, footer *')) {
      const style = getComputedStyle(element);
      const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
      // Form controls scroll their own text by design; only containers that hide content count.
      if (!clips || element.classList.contains('visually-hidden') || element.matches('input, textarea, select')) continue;
      if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1) {
        problems.push(`clipped: ${element.tagName}.${element.className}`);
      }
    }
    return problems;
  });
}

async function fillSomething(page: Page): Promise<void> {
  await page.evaluate(() =>
    window.sessionStorage.setItem(
      'medskapa.draft',
      JSON.stringify({
        respondent: { role: 'relative', relationship: 'legal_guardian', ageGroup: '80_plus' },
        care: { settings: ['rehabilitation_and_habilitation', 'digital_services_1177'], unit: 'Rehabiliteringsmottagningen på Sahlgrenska universitetssjukhuset', when: 'more_than_a_year' },
        topics: ['coordination_between_units'],
        story: { whatHappened: 'Enlångmeningutanmellanslagsomintefårgöraattsidanscrollarisidledpåensmalskärm '.repeat(3), whatWorkedWell: '', whatCouldBeBetter: '', idea: '' },
        rating: '3',
        takePart: 'yes',
        followUp: { name: 'Anna', email: 'en.mycket.lang.adress.till.nagon@exempel.vastragotalandsregionen.se', phone: '', preferredLanguage: 'ar', accessNeeds: '' },
        consent: { storyProcessing: true, contactProcessing: true },
      }),
    ),
  );
}

describe('reflow, resize and spacing (WCAG 1.4.4, 1.4.10, 1.4.12)', () => {
  it.each(['sv', 'ar', 'ti'] as const)('at 320 × 256 CSS px in %s, no page scrolls sideways and nothing is cut off', async (locale) => {
    const { page } = await harness.newPage({ width: 320, height: 256 });
    await page.goto(`${harness.baseUrl}/?lang=${locale}`);
    await fillSomething(page);
    for (const query of PAGES) {
      await page.goto(`${harness.baseUrl}/?lang=${locale}&${query}`);
      await page.locator('.language-switcher').waitFor();
      expect(await layoutProblems(page), `${locale} ${query}`).toEqual([]);
    }
  });

  it('with text at 200 %, nothing is cut off and nothing scrolls sideways', async () => {
    const { page } = await harness.newPage({ width: 640, height: 800, bypassCSP: true });
    await page.goto(`${harness.baseUrl}/?lang=sv`);
    await fillSomething(page);
    for (const query of PAGES) {
      await page.goto(`${harness.baseUrl}/?lang=sv&${query}`);
      await page.locator('.language-switcher').waitFor();
      await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
      expect(await layoutProblems(page), query).toEqual([]);
    }
  });

  it.each(['sv', 'ar'] as const)('with WCAG text spacing in %s, nothing is cut off', async (locale) => {
    const { page } = await harness.newPage({ width: 390, height: 844, bypassCSP: true });
    await page.goto(`${harness.baseUrl}/?lang=${locale}`);
    await fillSomething(page);
    for (const query of PAGES) {
      await page.goto(`${harness.baseUrl}/?lang=${locale}&${query}`);
      await page.locator('.language-switcher').waitFor();
      await page.addStyleTag({
        content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }',
      });
      expect(await layoutProblems(page), `${locale} ${query}`).toEqual([]);
    }
  });

  it('targets are at least 24 × 24 CSS px (WCAG 2.5.8)', async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=sv`);
    await fillSomething(page);
    for (const query of PAGES) {
      await page.goto(`${harness.baseUrl}/?lang=sv&${query}`);
      await page.locator('.language-switcher').waitFor();
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, input[type=radio], input[type=checkbox], .language-switcher a, .back-link, .footer a')]
          .map((element) => ({ element, rect: element.getBoundingClientRect() }))
          .filter(({ rect }) => rect.width > 0 && (rect.width < 24 || rect.height < 24))
          .map(({ element, rect }) => `${element.tagName}#${element.id} ${rect.width}×${rect.height}`),
      );
      expect(small, query).toEqual([]);
    }
  });

  it('stays usable in dark mode and forced colours (axe contrast)', async () => {
    const { page } = await harness.newPage();
    const AxeBuilder = (await import('@axe-core/playwright')).default;
    for (const media of [{ colorScheme: 'dark' as const }, { forcedColors: 'active' as const }]) {
      await page.emulateMedia(media);
      await page.goto(`${harness.baseUrl}/?lang=sv&step=you`);
      await page.locator('main form button[type="submit"]').click();
      await page.locator('.error-summary').waitFor();
      const results = await new AxeBuilder({ page }).withRules(['color-contrast', 'link-in-text-block']).analyze();
      expect(results.violations.map((violation) => violation.id), JSON.stringify(media)).toEqual([]);
    }
  });
});
