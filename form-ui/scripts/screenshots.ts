// `node form-ui/scripts/screenshots.ts http://127.0.0.1:3000` refreshes the README screenshots from a running app.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = new URL('../docs/', import.meta.url);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });

await page.goto(`${base}/?lang=sv`);
await page.locator('.language-switcher').waitFor();
await page.screenshot({ path: new URL('screenshot-sv-start.png', out).pathname });

await page.goto(`${base}/?lang=ar&step=story`);
await page.locator('.language-switcher').waitFor();
await page.locator('main form button[type="submit"]').click();
await page.locator('.error-summary').waitFor();
await page.locator('#f-story-whatHappened').fill('انتظرت طويلاً في قسم الطوارئ، لكن الممرضة كانت لطيفة. رقمي 0701234567');
await page.locator('.warning').waitFor();
await page.screenshot({ path: new URL('screenshot-ar-story.png', out).pathname });
await browser.close();
