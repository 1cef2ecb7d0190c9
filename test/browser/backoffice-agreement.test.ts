import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Theme } from '../../api/contract/index.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createBackofficeUser, signInThroughPage } from './backoffice-harness.ts';
import { apiCall, apiSignIn, seedStory, seedTheme, type ApiSession } from './backoffice-workspace-fixtures.ts';
import { expectNoAxeViolations, useBrowser } from './harness.ts';

const harness = useBrowser();
const base = harness.baseUrl;

const WORDS = {
  sv: {
    locale: 'sv-SE',
    nav: 'Samstämmighet',
    title: 'Samstämmighet mellan kodare',
    newRound: 'Ny omgång',
    create: 'Skapa omgång',
    question: (n: number) => `Vilka teman passar berättelse ${n}?`,
    save: (n: number) => `Spara val för berättelse ${n}`,
    finish: 'Jag är klar med kodningen',
    notComputable: 'Kan inte beräknas',
    neverReason: 'Ingen av kodarna valde temat',
    fair: 'Svag',
    oneDisagreement: '1 berättelse där kodarna valde olika',
    onlyChose: (name: string) => `Bara ${name} valde`,
    kappa: '0,40',
  },
  en: {
    locale: 'en-GB',
    nav: 'Coder agreement',
    title: 'Agreement between coders',
    newRound: 'New round',
    create: 'Create round',
    question: (n: number) => `Which themes fit story ${n}?`,
    save: (n: number) => `Save choices for story ${n}`,
    finish: 'I have finished coding',
    notComputable: 'Cannot be computed',
    neverReason: 'Neither coder chose the theme',
    fair: 'Fair',
    oneDisagreement: '1 story the coders coded differently',
    onlyChose: (name: string) => `Only ${name} chose`,
    kappa: '0.40',
  },
} as const;
type Language = keyof typeof WORDS;

/** Two coders, two themes and three stories behind a campaign of their own, so the sample is exactly these three. */
async function seedRoundMaterial() {
  const nameA = `Alva ${uniquePhrase('kodare').split(' ')[1]!.slice(0, 6)}`;
  const nameB = `Bo ${uniquePhrase('kodare').split(' ')[1]!.slice(0, 6)}`;
  const emailA = await createBackofficeUser(['facilitator'], nameA);
  const emailB = await createBackofficeUser(['admin'], nameB);
  const api = await apiSignIn(base, emailA);
  const waiting = await seedTheme(base, api, 'Vantan');
  const food = await seedTheme(base, api, 'Maten');
  const code = `agreement-${uniquePhrase('x').split(' ')[1]!.slice(0, 10)}`;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const campaign = await apiCall(base, api, 'POST', '/api/v1/campaigns', { code, name: 'Samstämmighetstest', site: 'Testsjukhuset', rolloutWave: 1, phase: 'after', opensOn: yesterday });
  expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
  const stories = [];
  for (let i = 0; i < 3; i += 1) stories.push(await seedStory(base, harness.db(), { markerPrefix: 'kodning', overrides: { campaign: code } }));
  return { nameA, nameB, emailA, emailB, api, waiting, food, code, stories };
}

async function signedInPage(email: string, language: Language, path: string): Promise<Page> {
  const { page } = await harness.newPage({ locale: WORDS[language].locale, width: 1280 });
  await page.addInitScript((lang) => window.localStorage.setItem('medskapa.backoffice.lang', lang), language);
  await signInThroughPage(page, base, email);
  await page.goto(`${base}${path}`);
  return page;
}

/** Codes every story by keyboard only: Space on each chosen checkbox, Enter on each save button, then Enter on finish. */
async function codeByKeyboard(page: Page, language: Language, plan: ReadonlyArray<ReadonlyArray<Theme>>): Promise<void> {
  const words = WORDS[language];
  for (const [index, themes] of plan.entries()) {
    const group = page.getByRole('group', { name: words.question(index + 1) });
    for (const theme of themes) {
      const box = group.getByRole('checkbox', { name: theme.labels[language] });
      await box.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    const save = page.getByRole('button', { name: words.save(index + 1) });
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.status-line--info').innerText()).toContain(String(index + 1));
  }
  const finish = page.getByRole('button', { name: words.finish });
  await expect.poll(() => finish.isEnabled()).toBe(true);
  await finish.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: words.finish }).waitFor({ state: 'detached' });
}

describe('agreement between coders', () => {
  it('two coders code a three-story round by keyboard; the results show kappa per theme and the disagreement (sv), with no axe violations', async () => {
    const seed = await seedRoundMaterial();
    const pageA = await signedInPage(seed.emailA, 'sv', '/backoffice/');
    const words = WORDS.sv;
    await pageA.getByRole('link', { name: words.nav }).click();
    await pageA.getByRole('heading', { level: 1, name: words.title }).waitFor();
    await pageA.getByRole('button', { name: words.newRound }).click();
    await pageA.getByLabel('Namn på omgången').waitFor();

    // An empty name and no coder B: the error summary, then the form filled in properly.
    await pageA.getByRole('button', { name: words.create }).click();
    await pageA.locator('.error-summary').waitFor();
    expect(await pageA.locator('.error-summary').innerText()).toContain('Skriv ett namn på omgången');
    await expectNoAxeViolations(pageA, 'new round form with errors (sv)');

    const roundName = `Samstämmighet ${uniquePhrase('omgang').split(' ')[1]!.slice(0, 8)}`;
    await pageA.getByLabel('Namn på omgången').fill(roundName);
    await pageA.getByLabel('Kodare B').selectOption({ label: seed.nameB });
    await pageA.getByLabel('Antal berättelser i urvalet').fill('3');
    await pageA.getByLabel('Kampanjkod').fill(seed.code);
    await pageA.getByLabel('Välj teman själv').check();
    await pageA.getByRole('checkbox', { name: seed.waiting.labels.sv }).check();
    await pageA.getByRole('checkbox', { name: seed.food.labels.sv }).check();
    await pageA.getByRole('button', { name: words.create }).click();
    await expect.poll(() => pageA.locator('.status-line--info').innerText()).toContain(`Omgången ${roundName} är skapad med 3 berättelser.`);
    const roundLink = pageA.getByRole('link', { name: roundName });
    expect(await roundLink.evaluate((element) => element === document.activeElement)).toBe(true);
    await pageA.keyboard.press('Enter');
    await pageA.getByRole('heading', { level: 1, name: roundName }).waitFor();
    const roundPath = new URL(pageA.url()).pathname;
    expect(roundPath).toMatch(/^\/backoffice\/agreement\/[0-9a-f-]{36}$/);
    for (const story of seed.stories) expect(await pageA.getByText(story.marker).count()).toBe(1);
    await expectNoAxeViolations(pageA, 'coding view (sv)');

    // Waiting theme: A says stories 1 and 2, B says story 1 only → kappa 0.40. Food: neither ever → not computable.
    await codeByKeyboard(pageA, 'sv', [[seed.waiting], [seed.waiting], []]);
    await expect.poll(() => pageA.locator('.agreement-state').innerText()).toBe(`Du är klar. Resultatet visas när ${seed.nameB} också är klar.`);
    await expectNoAxeViolations(pageA, 'coder A finished, waiting (sv)');

    const pageB = await signedInPage(seed.emailB, 'sv', roundPath);
    await pageB.getByRole('heading', { level: 1, name: roundName }).waitFor();
    // B sees none of A's choices.
    expect(await pageB.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await codeByKeyboard(pageB, 'sv', [[seed.waiting], [], []]);

    const results = pageB.getByRole('region', { name: /Kappa per tema/ });
    await results.waitFor();
    const waitingRow = results.getByRole('row', { name: new RegExp(seed.waiting.labels.sv) });
    expect(await waitingRow.getByRole('cell').nth(0).innerText()).toBe(words.kappa);
    expect(await waitingRow.getByRole('cell').nth(1).innerText()).toBe(words.fair);
    const foodRow = results.getByRole('row', { name: new RegExp(seed.food.labels.sv) });
    expect(await foodRow.getByRole('cell').nth(0).innerText()).toBe(words.notComputable);
    expect(await foodRow.getByRole('cell').nth(1).innerText()).toBe(words.neverReason);
    await pageB.getByRole('heading', { name: words.oneDisagreement }).waitFor();
    const disagreement = pageB.locator('.agreement-disagreement');
    expect(await disagreement.count()).toBe(1);
    expect(await disagreement.getByRole('term').first().innerText()).toBe(words.onlyChose(seed.nameA));
    expect(await disagreement.getByRole('definition').first().innerText()).toBe(seed.waiting.labels.sv);
    await expectNoAxeViolations(pageB, 'results (sv)');

    // The round's codes are not tags.
    const stored = await harness.db().collection<{ _id: string; themes?: string[] }>('submissions').find({ _id: { $in: seed.stories.map((story) => story.id) } }).toArray();
    expect(stored.map((story) => story.themes ?? [])).toEqual([[], [], []]);

    // A sees the same results in English once both are done.
    const pageEn = await signedInPage(seed.emailA, 'en', roundPath);
    const resultsEn = pageEn.getByRole('region', { name: /Kappa per theme/ });
    await resultsEn.waitFor();
    expect(await resultsEn.getByRole('row', { name: new RegExp(seed.waiting.labels.en) }).getByRole('cell').nth(0).innerText()).toBe(WORDS.en.kappa);
    await pageEn.getByRole('heading', { name: WORDS.en.oneDisagreement }).waitFor();
    await expectNoAxeViolations(pageEn, 'results (en)');
  });

  it('the round list, the new-round form with errors and the coding view have no axe violations in English', async () => {
    const seed = await seedRoundMaterial();
    const created = await apiCall(base, seed.api, 'POST', '/api/v1/agreement/rounds', {
      name: 'English round',
      coderA: (await me(seed.api)).id,
      coderB: (await codersNamed(seed.api, seed.nameB)).id,
      size: 3,
      filter: { campaign: seed.code },
      themeIds: [seed.waiting.id, seed.food.id],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const page = await signedInPage(seed.emailA, 'en', '/backoffice/agreement');
    await page.getByRole('heading', { level: 1, name: WORDS.en.title }).waitFor();
    await page.getByRole('link', { name: 'English round' }).first().waitFor();
    await expectNoAxeViolations(page, 'round list (en)');
    await page.getByRole('button', { name: WORDS.en.newRound }).click();
    await page.getByLabel('Coder B').selectOption({ label: seed.nameA });
    await page.getByRole('button', { name: WORDS.en.create }).click();
    await page.locator('.error-summary').waitFor();
    const summary = await page.locator('.error-summary').innerText();
    expect(summary).toContain('Enter a name for the round');
    expect(summary).toContain('Choose two different people as coders');
    await expectNoAxeViolations(page, 'new round form with errors (en)');

    await page.goto(`${base}/backoffice/agreement/${(created.body as { id: string }).id}`);
    await page.getByRole('group', { name: WORDS.en.question(1) }).waitFor();
    await expectNoAxeViolations(page, 'coding view (en)');
  });
});

async function me(api: ApiSession): Promise<{ id: string }> {
  const session = await apiCall(base, api, 'GET', '/api/v1/session');
  return (session.body as { user: { id: string } }).user;
}

async function codersNamed(api: ApiSession, name: string): Promise<{ id: string }> {
  const coders = (await apiCall(base, api, 'GET', '/api/v1/agreement/coders')).body as Array<{ id: string; displayName: string }>;
  const coder = coders.find((candidate) => candidate.displayName === name);
  expect(coder).toBeDefined();
  return coder!;
}
