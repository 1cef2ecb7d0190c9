import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SubmissionInput } from '../../api/contract/index.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createBackofficeUser, signInThroughPage } from './backoffice-harness.ts';
import { useBrowser } from './harness.ts';
import { answerEveryPage, receiptCodeOnPage, submit } from './journey.ts';

const harness = useBrowser();

/** Calls the API with the page's session cookie and CSRF token, as the back office itself would. */
async function apiAs(page: Page, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const session = await page.request.get(`${harness.baseUrl}/api/v1/session`);
  const csrf = String((await session.json()).csrfToken);
  const response = await page.request.fetch(`${harness.baseUrl}${path}`, {
    method,
    headers: { 'X-CSRF-Token': csrf, Origin: harness.baseUrl, ...headers },
    ...(body === undefined ? {} : { data: body }),
  });
  return { status: response.status(), body: ((await response.json().catch(() => undefined)) ?? {}) as Record<string, unknown> };
}

function story(marker: string, overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    locale: 'sv',
    channel: 'web',
    respondent: { role: 'patient', ageGroup: '45_64' },
    care: { settings: ['primary_care'], when: 'last_month' },
    story: { whatHappened: marker },
    consent: { storyProcessing: true, version: '2026-11' },
    ...overrides,
  };
}

async function seedStory(page: Page, submission: SubmissionInput): Promise<string> {
  const response = await apiAs(page, 'POST', '/api/v1/submissions', submission, { 'Idempotency-Key': randomUUID() });
  expect(response.status).toBe(201);
  return String(response.body['id']);
}

async function createTheme(page: Page, sv: string, en: string): Promise<string> {
  const response = await apiAs(page, 'POST', '/api/v1/themes', { labels: { sv, en } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return String(response.body['id']);
}

async function signedIn(roles: Array<'facilitator' | 'staff' | 'admin'>, locale = 'sv-SE'): Promise<Page> {
  const { page } = await harness.newPage({ locale, width: 1280, height: 900 });
  await signInThroughPage(page, harness.baseUrl, await createBackofficeUser(roles));
  return page;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${harness.baseUrl}${path}`);
  await page.locator('main h1').waitFor();
}

describe('the codebook screen', () => {
  it('merges two themes: the story tag moves to the surviving theme and the merged one is archived', async () => {
    const page = await signedIn(['facilitator']);
    const from = uniquePhrase('Tema som försvinner');
    const into = uniquePhrase('Tema som blir kvar');
    const fromId = await createTheme(page, from, `${from} en`);
    const intoId = await createTheme(page, into, `${into} en`);
    const storyId = await seedStory(page, story(uniquePhrase('Berättelse om sammanslagning')));
    expect((await apiAs(page, 'POST', `/api/v1/stories/${storyId}/tags`, { themeId: fromId })).status).toBe(201);

    await open(page, '/backoffice/codebook');
    await page.locator(`#theme-merge-${fromId}`).click();
    const dialog = page.locator('dialog[open]');
    await expect.poll(() => dialog.textContent()).toContain('Historiken sparas');
    await dialog.getByLabel('Vilket tema ska finnas kvar?').selectOption(intoId);
    await dialog.getByRole('button', { name: 'Slå ihop' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'sammanslaget' }).count()).toBe(1);
    expect(await page.locator('dialog[open]').count()).toBe(0);

    const tags = await harness.db().collection('tags').find({ storyId }).toArray();
    expect(tags.map((tag) => tag['themeId'])).toEqual([intoId]);
    expect((await harness.db().collection('submissions').findOne({ _id: storyId as never }))?.['themes']).toEqual([intoId]);
    expect(await harness.db().collection('themes').findOne({ _id: fromId as never })).toMatchObject({ status: 'archived', mergedInto: intoId });

    // The survivor now counts the story; the merged theme is listed with the archived ones.
    await expect.poll(() => page.locator('li.theme', { has: page.locator(`#theme-edit-${intoId}`) }).first().textContent()).toContain('1 berättelse');
    await page.getByLabel(/Visa arkiverade teman/).check();
    await expect.poll(() => page.locator('#codebook-archived + ul').textContent()).toContain(from);
  });

  it('creates a sub-theme with keywords per language and a colour', async () => {
    const page = await signedIn(['facilitator']);
    const parent = uniquePhrase('Överordnat');
    const parentId = await createTheme(page, parent, `${parent} en`);
    const label = uniquePhrase('Undertema');
    await open(page, '/backoffice/codebook');
    await page.locator(`#theme-add-${parentId}`).click();
    await page.locator('#theme-labels-sv').fill(label);
    await page.locator('#theme-labels-en').fill(`${label} in English`);
    await page.locator('#theme-keywords-sv').fill('väntetid\nkö, telefonkö');
    await page.locator('#theme-keywords-ar').fill('انتظار');
    await page.locator('#theme-colour').fill('#aa3300');
    await page.getByRole('button', { name: 'Skapa temat' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'är skapat' }).count()).toBe(1);

    const stored = await harness.db().collection('themes').findOne({ 'labels.sv': label });
    expect(stored).toMatchObject({ parentId, colour: '#aa3300', status: 'active' });
    expect(stored?.['keywords']).toMatchObject({ sv: ['väntetid', 'kö', 'telefonkö'], ar: ['انتظار'] });
    // Shown nested under its parent.
    await expect.poll(() => page.locator('li.theme', { has: page.locator(`#theme-edit-${parentId}`) }).first().textContent()).toContain(label);
  });

  it('shows the server’s key next to the field: an empty English name is rejected before it is sent', async () => {
    const page = await signedIn(['facilitator']);
    await open(page, '/backoffice/codebook');
    await page.getByRole('button', { name: 'Nytt tema' }).click();
    await page.locator('#theme-labels-sv').fill(uniquePhrase('Bara svenska'));
    await page.getByRole('button', { name: 'Skapa temat' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#theme-labels-en-error').textContent()).toContain('Skriv ett namn på temat');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await page.locator('.error-summary a').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('theme-labels-en');
  });

  it('renames a theme and moves it under another; the history shows both', async () => {
    const page = await signedIn(['facilitator']);
    const parent = uniquePhrase('Ny förälder');
    const parentId = await createTheme(page, parent, `${parent} en`);
    const old = uniquePhrase('Gammalt namn');
    const id = await createTheme(page, old, `${old} en`);
    const renamed = uniquePhrase('Nytt namn');
    await open(page, '/backoffice/codebook');
    await page.locator(`#theme-edit-${id}`).click();
    await page.locator('#theme-labels-sv').fill(renamed);
    await page.locator('#theme-parentId').selectOption(parentId);
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'flyttat' }).count()).toBe(1);
    const stored = await harness.db().collection('themes').findOne({ _id: id as never });
    expect(stored).toMatchObject({ parentId, depth: 2, labels: { sv: renamed } });
    // Focus returned to the theme's Edit button, now under its new parent, and the history lists the changes.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`theme-edit-${id}`);
    const item = page.locator('li.theme', { has: page.locator(`#theme-edit-${parentId}`) }).first();
    await item.locator('summary', { hasText: renamed }).click();
    await expect.poll(() => item.locator('details[open] ol').textContent()).toMatch(/Nytt namn.*|Flyttat/);
    expect(await item.locator('details[open] ol').textContent()).toContain('Flyttat');
  });

  it('archives a theme and restores it', async () => {
    const page = await signedIn(['facilitator']);
    const label = uniquePhrase('Arkiveras');
    const id = await createTheme(page, label, `${label} en`);
    await open(page, '/backoffice/codebook');
    await page.getByRole('button', { name: `Arkivera ${label}` }).click();
    await expect.poll(async () => (await harness.db().collection('themes').findOne({ _id: id as never }))?.['status']).toBe('archived');
    await expect.poll(() => page.locator(`#theme-edit-${id}`).count()).toBe(0);
    await page.getByLabel(/Visa arkiverade teman/).check();
    await page.getByRole('button', { name: `Återställ ${label}` }).click();
    await expect.poll(async () => (await harness.db().collection('themes').findOne({ _id: id as never }))?.['status']).toBe('active');
    await page.locator(`#theme-edit-${id}`).waitFor();
  });

  it('downloads the codebook as CSV with the themes in it', async () => {
    const page = await signedIn(['facilitator']);
    const label = uniquePhrase('Exporterat tema');
    await createTheme(page, label, `${label} en`);
    await open(page, '/backoffice/codebook');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner kodboken som CSV' }).click()]);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    expect(csv).toContain(label);
    expect(csv.split('\n')[0]).toMatch(/label/i);
  });

  it('imports a CSV file and reports the counts', async () => {
    const page = await signedIn(['facilitator']);
    const label = uniquePhrase('Importerat');
    await createTheme(page, label, `${label} en`);
    const exported = await page.request.get(`${harness.baseUrl}/api/v1/codebook.csv`);
    const csv = await exported.text();
    await open(page, '/backoffice/codebook');
    await page.locator('#codebook-import-file').setInputFiles({ name: 'kodbok.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Importen är klar' }).textContent()).toMatch(/0 nya teman/);
  });
});

describe('the campaigns screen', () => {
  it('creates a campaign, shows its link and QR code, and the link opens the form that stores the campaign’s context', async () => {
    const page = await signedIn(['facilitator']);
    const code = `kampanj-${randomUUID().slice(0, 8)}`;
    await open(page, '/backoffice/campaigns');
    await page.getByRole('button', { name: 'Ny kampanj' }).click();
    await page.getByLabel('Namn', { exact: true }).fill('Östra sjukhuset efter våg 2');
    await page.getByLabel('Kod', { exact: true }).fill(code);
    await page.getByLabel('Plats', { exact: true }).fill('Östra sjukhuset');
    await page.getByLabel('Införandevåg').fill('2');
    await page.getByLabel('Efter införandet').check();
    await page.getByLabel(/Förvald vårdform/).selectOption('emergency');
    await page.getByRole('button', { name: 'Skapa kampanjen' }).click();

    await page.locator('#campaign-link-heading').waitFor();
    expect(await page.locator('#campaign-link-url').inputValue()).toBe(`${harness.baseUrl}/?c=${code}`);
    const qr = page.locator('.qr-panel img');
    expect(await qr.getAttribute('alt')).toContain('Östra sjukhuset efter våg 2');
    await expect.poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    expect(await harness.db().collection('campaigns').countDocuments({ code })).toBe(1);
    expect(await page.locator('table').textContent()).toContain(code);

    const [form] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: /Öppna länken/ }).click()]);
    await form.waitForLoadState();
    expect(new URL(form.url()).searchParams.get('c')).toBe(code);
    await form.locator('.language-switcher').waitFor();
    const marker = uniquePhrase('Via kampanjlänken');
    await answerEveryPage(form, { story: marker });
    await submit(form);
    await receiptCodeOnPage(form);
    const stored = await harness.db().collection('submissions').findOne({ 'story.whatHappened': marker });
    expect(stored).toMatchObject({ campaign: code, campaignContext: { status: 'open', site: 'Östra sjukhuset', rolloutWave: 2, phase: 'after', careSetting: 'emergency' } });
    // The campaign's care setting was ticked for the person; they ticked two more.
    expect([...(stored?.['care']?.settings ?? [])].sort()).toEqual(['digital_services_1177', 'emergency', 'primary_care']);
  });

  it('closes a campaign from today', async () => {
    const page = await signedIn(['facilitator']);
    const code = `stang-${randomUUID().slice(0, 8)}`;
    const created = await apiAs(page, 'POST', '/api/v1/campaigns', { code, name: `Stängs ${code}`, site: 'Plats', rolloutWave: 1, phase: 'before', opensOn: '2026-01-01' });
    expect(created.status).toBe(201);
    await open(page, '/backoffice/campaigns');
    await page.getByRole('button', { name: `Stäng kampanjen Stängs ${code}` }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'är stängd' }).count()).toBe(1);
    const stored = await harness.db().collection('campaigns').findOne({ code });
    expect(typeof stored?.['closesOn']).toBe('string');
  });
});

describe('the users screen (admin)', () => {
  it('creates a user with roles; a common password is refused with the server’s reason', async () => {
    const page = await signedIn(['admin']);
    const email = `ny-${randomUUID().slice(0, 8)}@vgregion.se`;
    await open(page, '/backoffice/users');
    await page.getByRole('button', { name: 'Ny användare' }).click();
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Namn', { exact: true }).fill('Alva Berg');
    await page.getByLabel('Facilitator').check();
    await page.getByLabel('Programpersonal').check();
    await page.getByLabel('Första lösenord').fill('password1234');
    await page.getByRole('button', { name: 'Skapa användaren' }).click();
    await expect.poll(() => page.locator('#user-password-error').textContent()).toContain('för vanligt');
    expect(await harness.db().collection('users').countDocuments({ email })).toBe(0);

    await page.getByLabel('Första lösenord').fill('kanel bulle fika i solen');
    await page.getByRole('button', { name: 'Skapa användaren' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: email }).count()).toBe(1);
    const stored = await harness.db().collection('users').findOne({ email });
    expect(stored).toMatchObject({ displayName: 'Alva Berg', roles: ['facilitator', 'staff'] });
    await expect.poll(() => page.locator('table').textContent()).toContain(email);
  });

  it('changes a user’s roles in a dialog and disables the account', async () => {
    const page = await signedIn(['admin']);
    const email = await createBackofficeUser(['staff'], 'Byter Roll');
    const user = await harness.db().collection('users').findOne({ email });
    const id = String(user?.['_id']);
    await open(page, '/backoffice/users');
    await page.locator(`#user-roles-${id}`).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Administratör').check();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Rollerna för Byter Roll' }).count()).toBe(1);
    expect((await harness.db().collection('users').findOne({ email }))?.['roles']).toEqual(['staff', 'admin']);
    // Focus went back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`user-roles-${id}`);

    await page.locator(`#user-toggle-${id}`).click();
    await expect.poll(async () => (await harness.db().collection('users').findOne({ email }))?.['disabled']).toBe(true);
  });
});

describe('the contacts screen (admin)', () => {
  it('fetches contact details only on request, and the view is audited without the details', async () => {
    const page = await signedIn(['admin']);
    const name = `Kontakt ${uniquePhrase('Person').split(' ')[1]}`;
    await seedStory(page, story(uniquePhrase('Vill vara med'), { followUp: { name, email: 'kontakt.person@exempel.se' }, consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } }));
    const adminId = String((await (await page.request.get(`${harness.baseUrl}/api/v1/session`)).json()).user.id);
    const viewed = () => harness.db().collection('auditEvents').countDocuments({ action: 'contact.viewed', actorId: adminId });

    await open(page, '/backoffice/contacts');
    await page.getByRole('button', { name: 'Gallra nu' }).waitFor();
    expect(await page.locator('table').count()).toBe(0);
    expect(await viewed()).toBe(0);

    await page.getByRole('button', { name: 'Visa kontaktuppgifter' }).click();
    await expect.poll(() => page.locator('table').textContent()).toContain(name);
    expect(await page.locator('table').textContent()).toContain('kontakt.person@exempel.se');
    expect(await viewed()).toBe(1);
    const event = await harness.db().collection('auditEvents').findOne({ action: 'contact.viewed', actorId: adminId });
    expect(JSON.stringify(event)).not.toContain(name);
    expect(JSON.stringify(event)).not.toContain('kontakt.person@exempel.se');
  });

  it('runs retention now and says how many were deleted', async () => {
    const page = await signedIn(['admin']);
    await open(page, '/backoffice/contacts');
    await page.getByRole('button', { name: 'Gallra nu' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Gallringen är klar' }).count()).toBe(1);
    await expect.poll(() => page.locator('#contacts-retention ~ p').first().textContent()).toContain('dagar');
  });
});

describe('the audit screen (admin)', () => {
  it('filters by event and target, and exports what the filter shows', async () => {
    const page = await signedIn(['admin']);
    const email = await createBackofficeUser(['staff'], 'Granskas');
    const target = await harness.db().collection('users').findOne({ email });
    const targetId = String(target?.['_id']);
    expect((await apiAs(page, 'POST', '/api/v1/users', { email: `logg-${randomUUID().slice(0, 6)}@vgregion.se`, displayName: 'Loggad', roles: ['staff'], password: 'en lång mening som lösenord' })).status).toBe(201);
    const patched = await page.request.fetch(`${harness.baseUrl}/api/v1/users/${targetId}`, {
      method: 'PATCH',
      headers: { 'X-CSRF-Token': String((await (await page.request.get(`${harness.baseUrl}/api/v1/session`)).json()).csrfToken), Origin: harness.baseUrl },
      data: { roles: ['facilitator'] },
    });
    expect(patched.status()).toBe(200);

    await open(page, '/backoffice/audit');
    await page.locator('table').waitFor();
    await page.locator('#audit-action').fill('user.');
    await page.locator('#audit-targetType').selectOption('user');
    await page.locator('#audit-targetId').fill(targetId);
    await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr').textContent()).toContain('user.updated');
    expect(await page.locator('tbody tr').textContent()).toContain(targetId);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('audit-results');

    const href = await page.getByRole('link', { name: /Ladda ner de här händelserna/ }).getAttribute('href');
    expect(href).toContain('action=user.');
    expect(href).toContain(`targetId=${targetId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Ladda ner de här händelserna/ }).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(2);
    expect(csv).toContain('user.updated');
  });

  it('refuses an end date before the start date with a message next to the field', async () => {
    const page = await signedIn(['admin']);
    await open(page, '/backoffice/audit');
    await page.getByLabel(/Från och med/).fill('2026-05-10');
    await page.getByLabel(/Till och med/).fill('2026-05-01');
    await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await expect.poll(() => page.locator('#audit-to-error').textContent()).toContain('före från-datumet');
  });
});

describe('assisted entry', () => {
  it('stores a story on someone’s behalf with channel assisted, the chosen language and consent, and shows the receipt code', async () => {
    const page = await signedIn(['staff']);
    const marker = uniquePhrase('Inskriven av personal');
    await open(page, '/backoffice/assisted');
    await page.getByRole('button', { name: 'Spara berättelsen' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('Välj vilket språk berättelsen är på');
    expect(await page.locator('#assisted-consent-storyProcessing-error').textContent()).toContain('Kryssa i rutan när personen har samtyckt');

    await page.getByLabel('Vilket språk är berättelsen på?').selectOption('fi');
    await page.getByLabel('Närstående', { exact: true }).check();
    await page.getByLabel('Förälder').check();
    await page.getByLabel('Akutmottagning').check();
    await page.getByLabel('Den senaste månaden').check();
    await page.getByLabel('Väntetider').check();
    await page.getByLabel('Vad hände?').fill(marker);
    await page.getByLabel('Bra', { exact: true }).check();
    await page.getByLabel('Ja', { exact: true }).check();
    await page.getByLabel('Namn', { exact: true }).fill('Aino Virtanen');
    await page.getByLabel(/^Telefonnummer/).fill('070-111 22 33');
    await page.getByLabel(/samtyckt till att regionen sparar kontaktuppgifterna/).check();
    await page.getByLabel(/samtyckt till att berättelsen sparas/).check();
    await page.getByRole('button', { name: 'Spara berättelsen' }).click();

    const code = (await page.locator('.receipt-code').textContent({ timeout: 15_000 }))?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const stored = await harness.db().collection('submissions').findOne({ 'story.whatHappened': marker });
    expect(stored).toMatchObject({
      channel: 'assisted',
      locale: 'fi',
      respondent: { role: 'relative', relationship: 'parent' },
      care: { settings: ['emergency'], when: 'last_month' },
      topics: ['waiting_times'],
      rating: 4,
      hasFollowUp: true,
    });
    expect(await harness.db().collection('auditEvents').countDocuments({ action: 'story.assisted_entry', targetId: stored?.['_id'] })).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('sparad');
  });
});
