/**
 * Takes the README's dashboard screenshot (docs/images/dashboard.png): builds the back office, starts a throwaway
 * FerretDB and the real app, sends made-up stories through the public API, tags them, and photographs the
 * overview as a staff member sees it. Not a test; run by hand after changing the dashboard:
 *   node test/support/dashboard-screenshot.ts
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { chromium } from 'playwright-core';
import type { Theme } from '../../api/contract/index.ts';
import { loadConfig } from '../../api/src/config.ts';
import { ensureFerretdbBinary, removeDirectory, startFerretdb } from '../../api/src/db/embeddedFerretdb.ts';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { CHROMIUM_ARGS } from '../browser/harness.ts';
import { buildSubmission, newKey } from './builders.ts';
import { freePort, startServerProcess, waitFor } from './processes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const output = path.join(root, 'docs/images/dashboard.png');
const PASSWORD = 'a long passphrase for the screenshot';

const STORIES = [
  { text: 'Vi fick vänta i fyra timmar på akuten utan att någon sa hur länge det skulle dröja.', locale: 'sv', settings: ['emergency'] },
  { text: 'Sköterskan tog sig tid och förklarade varje steg, det gjorde mig lugn.', locale: 'sv', settings: ['hospital_inpatient'] },
  { text: 'Det var svårt att få en tid på vårdcentralen, telefonkön stängde innan jag kom fram.', locale: 'sv', settings: ['primary_care'] },
  { text: 'Min pappa fick ingen tolk trots att vi bad om det när vi bokade.', locale: 'sv', settings: ['specialist_outpatient'] },
  { text: 'انتظرنا طويلا في قسم الطوارئ ولم يشرح لنا أحد السبب.', locale: 'ar', settings: ['emergency'] },
  { text: 'The staff were kind, but nobody told us which medicines had changed at discharge.', locale: 'en', settings: ['hospital_inpatient'] },
  { text: 'Provsvaren kom i appen innan läkaren hade ringt, och vi förstod inte vad de betydde.', locale: 'sv', settings: ['digital_services_1177', 'primary_care'] },
] as const;

async function main(): Promise<void> {
  const formDist = await mkdtemp(path.join(tmpdir(), 'medskapa-shot-dist-'));
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', formDist, '--emptyOutDir'], {
    cwd: path.join(root, 'form-ui'),
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('form build failed');
  const directory = await mkdtemp(path.join(tmpdir(), 'medskapa-shot-db-'));
  const ferretdb = await startFerretdb(await ensureFerretdbBinary(loadConfig({}).ferretdbCacheDir), { handler: 'sqlite', directory });
  const uri = `${ferretdb.uri}screenshot`;
  const port = await freePort();
  const server = startServerProcess({
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    MONGODB_URI: uri,
    CONTACT_KEY: `shot:${randomBytes(32).toString('base64')}`,
    APP_SECRET: randomBytes(32).toString('hex'),
    SUBMISSION_RATE_LIMIT: '0',
    RECEIPT_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
    FORM_UI_DIST: formDist,
  });
  const base = `http://127.0.0.1:${port}`;
  const client = await MongoClient.connect(ferretdb.uri);
  try {
    if (!(await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 30_000))) throw new Error(`the app did not start:\n${server.output()}`);
    const connection = await mongoose.createConnection(ferretdb.uri, { dbName: 'screenshot' }).asPromise();
    const users = createUserRepository(connection);
    await users.create({ email: 'facilitator@vgregion.se', displayName: 'Fia Facilitator', roles: ['facilitator'], passwordHash: await hashPassword(PASSWORD) }, new Date());
    await users.create({ email: 'staff@vgregion.se', displayName: 'Sam Programstöd', roles: ['staff'], passwordHash: await hashPassword(PASSWORD) }, new Date());
    await connection.close();

    const signIn = async (email: string) => {
      const response = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      const body = (await response.json()) as { csrfToken: string };
      return { Cookie: response.headers.getSetCookie()[0]!.split(';')[0]!, 'X-CSRF-Token': body.csrfToken };
    };
    const facilitator = await signIn('facilitator@vgregion.se');
    process.stdout.write('seeding stories …\n');
    let themes = ((await (await fetch(`${base}/api/v1/themes`, { headers: facilitator })).json()) as Theme[]).filter((theme) => theme.status === 'active').slice(0, 6);
    if (themes.length < 4) {
      const names = [['Väntetider', 'Waiting times'], ['Bemötande', 'How we were treated'], ['Information', 'Information'], ['Tolk och språk', 'Interpreting and language'], ['Digitala tjänster', 'Digital services']] as const;
      themes = [];
      for (const [sv, en] of names) {
        const response = await fetch(`${base}/api/v1/themes`, { method: 'POST', headers: { ...facilitator, 'Content-Type': 'application/json' }, body: JSON.stringify({ labels: { sv, en } }) });
        if (response.status !== 201) throw new Error(`theme: ${response.status} ${await response.text()}`);
        themes.push((await response.json()) as Theme);
      }
    }
    const submissions = client.db('screenshot').collection<{ _id: string; receivedOn: string; month: string }>('submissions');
    const months = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'];
    // A made-up spring: more stories each month, the first theme growing fastest.
    for (let index = 0; index < 150; index += 1) {
      const story = STORIES[index % STORIES.length]!;
      const month = months[Math.min(months.length - 1, Math.floor(Math.sqrt(index * 0.24)))]!;
      const submission = buildSubmission({
        locale: story.locale,
        rating: [2, 3, 4, 4, 5, 1, 3][index % 7]!,
        respondent: index % 3 === 0 ? { role: 'patient', ageGroup: '65_79' } : { role: 'relative', relationship: 'child', ageGroup: '45_64' },
        care: { settings: [...story.settings], when: 'last_6_months' },
      });
      submission.story = { whatHappened: story.text };
      const before = new Set(await submissions.distinct('_id'));
      const response = await fetch(`${base}/api/v1/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() }, body: JSON.stringify(submission) });
      if (response.status !== 201) throw new Error(`submission: ${response.status} ${await response.text()}`);
      const id = (await submissions.distinct('_id')).find((candidate) => !before.has(candidate))!;
      const chosen = themes.filter((_, themeIndex) => (index + themeIndex * 3) % (themeIndex + 2) === 0 || (themeIndex === 0 && index % 2 === 0));
      for (const theme of chosen.slice(0, 3)) {
        const tagged = await fetch(`${base}/api/v1/stories/${id}/tags`, { method: 'POST', headers: { ...facilitator, 'Content-Type': 'application/json' }, body: JSON.stringify({ themeId: theme.id }) });
        if (tagged.status !== 201) throw new Error(`tag: ${tagged.status} ${await tagged.text()}`);
      }
      await submissions.updateOne({ _id: id }, { $set: { receivedOn: `${month}-${String((index % 27) + 1).padStart(2, '0')}`, month } });
    }

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.addInitScript("window.localStorage.setItem('medskapa.backoffice.lang', 'sv')");
    await page.goto(`${base}/backoffice/`);
    await page.getByLabel(/e-post/i).fill('staff@vgregion.se');
    await page.getByLabel(/lösenord/i).fill(PASSWORD);
    await page.getByRole('button', { name: /logga in/i }).click();
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await page.goto(`${base}/backoffice/dashboard?from=2027-04&to=2027-06`);
    await page.locator('.dashboard-total, .status-line--error').first().waitFor();
    if ((await page.locator('.dashboard-chart svg').count()) === 0) {
      await page.screenshot({ path: '/tmp/dashboard-failed.png', fullPage: true });
      throw new Error(`no charts: ${await page.locator('main').innerText()}`);
    }
    await page.screenshot({ path: output, clip: { x: 0, y: 0, width: 1280, height: 2000 }, fullPage: true });
    await browser.close();
    process.stdout.write(`wrote ${path.relative(root, output)}\n`);
  } finally {
    await client.close();
    server.child.kill('SIGTERM');
    await server.exited;
    await ferretdb.stop();
    await removeDirectory(directory);
    await removeDirectory(formDist);
  }
}

await main();
