// `npm run bench:lighthouse`: Lighthouse (mobile preset, simulated throttling) on Debian Chromium against the
// built form served by the real app; appends the scores to test/bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { loadConfig } from '../../api/src/config.ts';
import { ensureFerretdbBinary, removeDirectory, startFerretdb } from '../../api/src/db/embeddedFerretdb.ts';
import { freePort, startServerProcess, waitFor } from '../support/processes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
if (build.status !== 0) throw new Error('form build failed');

const binary = await ensureFerretdbBinary(loadConfig({}).ferretdbCacheDir);
const directory = await mkdtemp(path.join(tmpdir(), 'medskapa-lighthouse-'));
const ferretdb = await startFerretdb(binary, { handler: 'sqlite', directory });
const port = await freePort();
const server = startServerProcess({
  ...process.env,
  NODE_ENV: 'production',
  PORT: String(port),
  MONGODB_URI: `${ferretdb.uri}lighthouse`,
  CONTACT_KEY: `lh:${randomBytes(32).toString('base64')}`,
  APP_SECRET: randomBytes(32).toString('hex'),
  LOG_LEVEL: 'warn',
});
const base = `http://127.0.0.1:${port}`;
if (!(await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 30_000))) throw new Error(server.output());

const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows: string[] = [];
try {
  for (const [label, url] of [
    ['start page, sv', `${base}/?lang=sv`],
    ['start page, ar', `${base}/?lang=ar`],
    ['story page, sv', `${base}/?lang=sv&step=story`],
    ['receipt page, sv', `${base}/receipt?lang=sv`],
  ] as const) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    const lhr = result?.lhr;
    if (lhr === undefined) throw new Error(`no Lighthouse result for ${url}`);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
    rows.push(
      `| ${label} | **${score('performance')}** | **${score('accessibility')}** | ${score('best-practices')} | ${metric('first-contentful-paint')} | ${metric('largest-contentful-paint')} | ${metric('total-blocking-time')} | ${metric('cumulative-layout-shift')} |`,
    );
    process.stdout.write(`${rows.at(-1)}\n`);
  }
} finally {
  await chrome.kill();
  server.child.kill('SIGTERM');
  await server.exited;
  await ferretdb.stop();
  await removeDirectory(directory);
}

await appendFile(
  new URL('./RESULTS.md', import.meta.url),
  [
    '',
    `## Lighthouse, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    'Lighthouse 13.5.0, mobile preset (simulated slow 4G and 4× CPU slowdown), Debian Chromium, app served by `node api/src/server.ts` (production build). Targets: performance ≥ 95, accessibility 100.',
    '',
    '| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
