import AxeBuilder from '@axe-core/playwright';
import { MongoClient, type Db } from 'mongodb';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserHarness {
  readonly browser: () => Browser;
  readonly db: () => Db;
  readonly baseUrl: string;
  newPage(options?: { locale?: string; width?: number; height?: number; reducedMotion?: boolean; bypassCSP?: boolean }): Promise<{ page: Page; context: BrowserContext }>;
}

/** One Debian Chromium per test file, and a driver connection to the app's database to check what was stored. */
export function useBrowser(): BrowserHarness {
  let browser: Browser | undefined;
  let client: MongoClient | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    client = await MongoClient.connect(inject('browserMongodbUri'));
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await client?.close();
  });
  return {
    browser: () => browser!,
    db: () => client!.db(inject('browserDbName')),
    baseUrl: inject('baseUrl'),
    async newPage(options = {}) {
      const context = await browser!.newContext({
        locale: options.locale ?? 'sv-SE',
        viewport: { width: options.width ?? 390, height: options.height ?? 844 },
        reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
        // Only tests that inject WCAG user styles (text spacing, 200 % text) step around the page's CSP.
        bypassCSP: options.bypassCSP ?? false,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      return { page, context };
    },
  };
}

/** axe with the WCAG 2.0/2.1/2.2 A and AA tags and best practices; returns the violations for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page), state).toEqual([]);
}
