import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniquePhrase } from '../support/markers.ts';
import { createBackofficeUser, signInThroughPage } from './backoffice-harness.ts';
import { apiCall, apiSignIn, seedStory, type ApiSession } from './backoffice-workspace-fixtures.ts';
import { useBrowser } from './harness.ts';

// Stored XSS: payloads in stories, follow-up details, notes, theme labels, campaign names and user display names,
// rendered by the real back office (production build, real server, NODE_ENV=production) in Chromium. No payload may
// run (no dialog), none may become an element, every one must show as the text it is, and the page's CSP must refuse
// inline script even if something were injected.

const harness = useBrowser();
const base = harness.baseUrl;

/** Each payload carries `data-xss` or an alert with its number, so an injected element or a run is found. */
const PAYLOADS = [
  '<img src=x onerror=alert(1) data-xss=1>',
  '"><script data-xss=2>alert(2)</script>',
  "'><svg data-xss=3 onload=alert(3)><circle r=9 /></svg>",
  '<a data-xss=4 href="javascript:alert(4)">klicka</a>',
  'javascript:alert(5)',
  '<iframe data-xss=6 srcdoc="<script>alert(6)</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img data-xss=7 src=x onerror=alert(7)>',
  '{{constructor.constructor("alert(8)")()}} ${alert(9)}',
] as const;
const ALL = PAYLOADS.join(' ');

interface Watch {
  readonly dialogs: string[];
  readonly console: string[];
}

/** Records every dialog (and dismisses it) and every CSP complaint on the console, from before the first script. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { dialogs: [], console: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.console.push(message.text());
  });
  await page.addInitScript(() => {
    const store: string[] = [];
    Object.defineProperty(window, '__violations', { value: store });
    document.addEventListener('securitypolicyviolation', (event) => store.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return seen;
}

/** The DOM holds no element from a payload, no javascript: link, no script beyond the app's own files. */
async function expectNothingInjected(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => ({
    marked: [...document.querySelectorAll('[data-xss]')].map((element) => element.outerHTML),
    javascriptLinks: [...document.querySelectorAll('a[href], iframe[src], form[action]')]
      .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? '')
      .filter((value) => /^\s*javascript:/i.test(value)),
    inlineScripts: [...document.querySelectorAll('script')].filter((script) => !script.src).length,
    iframes: document.querySelectorAll('iframe').length,
    handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName} ${attribute.name}`)),
  }));
  expect(found, where).toEqual({ marked: [], javascriptLinks: [], inlineScripts: 0, iframes: 0, handlers: [] });
}

async function visit(page: Page, path: string, shows: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.locator('main h1').waitFor();
  // The payload is on the page, as text: proof that the screen rendered it at all.
  await expect.poll(() => page.locator('main').innerText(), { message: `${path} shows ${shows}` }).toContain(shows);
  await expectNothingInjected(page, path);
}

describe('stored XSS in the back office', () => {
  it('renders every payload as text on every screen that shows stored text, and none of them runs', async () => {
    const name = `Ada ${PAYLOADS[0]} ${PAYLOADS[2]}`.slice(0, 120);
    const adminEmail = await createBackofficeUser(['admin', 'facilitator'], name);
    const coderEmail = await createBackofficeUser(['facilitator'], `Kim ${PAYLOADS[1]}`);
    const api: ApiSession = await apiSignIn(base, adminEmail);
    const coder = await apiSignIn(base, coderEmail);

    const marker = uniquePhrase('xss');
    const { id: storyId } = await seedStory(base, harness.db(), {
      text: ALL,
      overrides: {
        care: { settings: ['emergency'], unit: PAYLOADS[3], when: 'last_month' },
        story: { whatHappened: '', whatWorkedWell: PAYLOADS[5], whatCouldBeBetter: PAYLOADS[6], idea: PAYLOADS[7] },
        followUp: { name: `Per ${PAYLOADS[0]}`, email: 'per.xss@exempel.se', accessNeeds: PAYLOADS[1], preferredLanguage: 'sv' },
        consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' },
      },
      markerPrefix: marker,
    });
    const label = `${uniquePhrase('tema')} ${PAYLOADS[0]}`.slice(0, 120);
    const theme = await apiCall(base, api, 'POST', '/api/v1/themes', { labels: { sv: label, en: `${PAYLOADS[2]}`.slice(0, 120) }, descriptions: { sv: ALL.slice(0, 2000) } });
    expect(theme.status, JSON.stringify(theme.body)).toBe(201);
    const themeId = String((theme.body as { id: string }).id);
    expect((await apiCall(base, api, 'POST', `/api/v1/stories/${storyId}/tags`, { themeId })).status).toBe(201);
    expect((await apiCall(base, api, 'POST', `/api/v1/stories/${storyId}/excerpts`, { themeId, field: 'whatHappened', start: 0, end: 60 })).status).toBe(201);
    expect((await apiCall(base, api, 'POST', `/api/v1/stories/${storyId}/notes`, { text: `Anteckning ${ALL}` })).status).toBe(201);
    const campaignCode = `xss-${Date.now()}`;
    expect(
      (await apiCall(base, api, 'POST', '/api/v1/campaigns', { code: campaignCode, name: `Kampanj ${PAYLOADS[1]}`, site: PAYLOADS[3], rolloutWave: 1, phase: 'before', opensOn: '2026-01-01' })).status,
    ).toBe(201);
    const coderId = String(((await apiCall(base, coder, 'GET', '/api/v1/session')).body as { user: { id: string } }).user.id);
    const adminId = String(((await apiCall(base, api, 'GET', '/api/v1/session')).body as { user: { id: string } }).user.id);
    const round = await apiCall(base, api, 'POST', '/api/v1/agreement/rounds', { name: `Runda ${PAYLOADS[2]}`, coderA: adminId, coderB: coderId, size: 1, themeIds: [themeId] });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const roundId = String((round.body as { id: string }).id);

    const { page } = await harness.newPage({ width: 1280, height: 900 });
    const seen = await watch(page);
    await signInThroughPage(page, base, adminEmail);
    expect(await page.locator('.bo-header__user').innerText()).toContain('<img src=x onerror=alert(1) data-xss=1>');

    await visit(page, `/backoffice/inbox?q=${encodeURIComponent(marker.split(' ')[1] ?? marker)}`, 'onerror=alert(1)');
    await visit(page, `/backoffice/stories/${storyId}`, '<script data-xss=2>alert(2)</script>');
    for (const payload of PAYLOADS) expect(await page.locator('main').innerText()).toContain(payload.replace(/\s+/g, ' ').trim().slice(0, 20));
    expect(await page.locator('main').innerText()).toContain(`Ada <img src=x onerror=alert(1) data-xss=1>`);
    await visit(page, '/backoffice/codebook', '<img src=x onerror=alert(1) data-xss=1>');
    await visit(page, '/backoffice/campaigns', '<script data-xss=2>alert(2)</script>');
    await visit(page, '/backoffice/users', '<svg data-xss=3 onload=alert(3)>');
    await visit(page, '/backoffice/agreement', 'Runda');
    await visit(page, `/backoffice/agreement/${roundId}`, '<svg data-xss=3');
    await visit(page, '/backoffice/audit', 'Ada <img src=x onerror=alert(1) data-xss=1>');
    await visit(page, '/backoffice/contacts', 'Kontaktuppgifter');
    // Contact details are fetched only on request; show them, then look again.
    await page.getByRole('button', { name: 'Visa kontaktuppgifter' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Per <img src=x onerror=alert(1) data-xss=1>');
    await expectNothingInjected(page, 'contacts, shown');

    expect(seen.dialogs).toEqual([]);
    // No inline script or handler even tried to run. (The bundle's own eval probe — zod checks whether it may compile
    // validators — is refused by the CSP as it should be, and reported as `script-src eval`.)
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations.filter((violation) => !violation.endsWith(' eval'))).toEqual([]);
  });

  it('has a CSP that refuses inline script and inline handlers, even if markup were injected', async () => {
    const email = await createBackofficeUser(['facilitator'], 'Csp Kontroll');
    const { page } = await harness.newPage({ width: 1280, height: 900 });
    const seen = await watch(page);
    await signInThroughPage(page, base, email);
    const result = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.__handlerRan = true"><a id="js" href="javascript:window.__linkRan = true">x</a>';
      document.body.append(holder);
      document.getElementById('js')?.click();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const w = window as unknown as Record<string, unknown>;
      return { inline: w['__inlineRan'] === true, handler: w['__handlerRan'] === true, link: w['__linkRan'] === true, violations: [...(w['__violations'] as string[])] };
    });
    expect(result.inline).toBe(false);
    expect(result.handler).toBe(false);
    expect(result.link).toBe(false);
    expect(result.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src(-elem)? inline$/), expect.stringMatching(/^script-src(-attr)? inline$/)]));
    expect(result.violations.some((violation) => violation.startsWith('script-src'))).toBe(true);
    expect(seen.console.some((line) => /Content Security Policy/i.test(line))).toBe(true);
    expect(seen.dialogs).toEqual([]);
  });

  it('serves the production back office, its files and its API with the hardening headers (HSTS included)', async () => {
    const html = await fetch(`${base}/backoffice/`, { headers: { Accept: 'text/html' } });
    const page = await html.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(asset).toBeDefined();
    const responses = [html, await fetch(`${base}${asset}`), await fetch(`${base}/api/v1/session`), await fetch(`${base}/api/v1/nothing`)];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, res.url).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    expect(responses[2]!.headers.get('cache-control')).toBe('no-store');
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
