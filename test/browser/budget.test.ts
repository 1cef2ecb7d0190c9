import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

// The public form's first load must stay within 130 KB of gzipped JavaScript (see RESULTS.md for figures).
const BUDGET = 130 * 1024;

describe('the public form bundle', () => {
  const dist = inject('formDist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;

  it('loads at most 130 KB of gzipped JavaScript on the first page', () => {
    const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, file) => sum + gz(file), 0);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('loads other languages, validation and the Ethiopic font only when needed', () => {
    const assets = readdirSync(path.join(dist, 'assets'));
    for (const name of ['translation', 'stepValidation', 'ethiopicFont']) {
      const chunk = assets.find((file) => file.startsWith(`${name}-`));
      expect(chunk, name).toBeDefined();
      expect(html).not.toContain(chunk);
    }
    expect(assets.filter((file) => file.startsWith('translation-') && file.endsWith('.js')).length).toBeGreaterThanOrEqual(9);
  });

  it('can never load the back office: no chunk reachable from the form, eagerly or lazily, is a back-office chunk', () => {
    const assets = path.join(dist, 'assets');
    const backofficeHtml = readFileSync(path.join(dist, 'backoffice.html'), 'utf8');
    const backofficeEntry = /src="\/assets\/([^"]+\.js)"/.exec(backofficeHtml)?.[1];
    expect(backofficeEntry).toBeDefined();
    // Every chunk the form can reach: static imports, dynamic imports and Vite's preload lists, followed to the end.
    const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    const reachable = new Set<string>();
    const queue = [entry!];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (reachable.has(file)) continue;
      reachable.add(file);
      const code = readFileSync(path.join(assets, file), 'utf8');
      for (const match of code.matchAll(/(?:\.\/|assets\/)([A-Za-z0-9_.-]+\.js)/g)) queue.push(match[1]!);
    }
    expect(reachable.size).toBeGreaterThan(3);
    expect([...reachable].filter((file) => file === backofficeEntry || /Screen|backoffice/i.test(file))).toEqual([]);
  });

  it('has a usable start page in the HTML itself, before any JavaScript runs', () => {
    expect(html).toContain('<h1 class="page-heading">Berätta om din upplevelse av vården</h1>');
    expect(html).toContain('href="tel:112"');
    expect(html).toContain('patientnämnden');
  });
});

describe('serving the form', () => {
  it('compresses the form files but never API answers', async () => {
    const base = inject('baseUrl');
    const html = readFileSync(path.join(inject('formDist'), 'index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${base}${script}`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(asset.headers.get('content-encoding')).toMatch(/gzip|br/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const api = await fetch(`${base}/api/v1/openapi.json`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(api.headers.get('content-encoding')).toBeNull();
  });
});
