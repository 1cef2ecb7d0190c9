import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCsv, importCsv } from '../../form-ui/scripts/i18n.ts';

const source = path.resolve(import.meta.dirname, '../../form-ui/src/i18n/locales');
const copy = mkdtempSync(path.join(tmpdir(), 'medskapa-i18n-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('translator workflow (i18n:export / i18n:import)', () => {
  it('exports one row per key with a column per language, readable by spreadsheet programs', () => {
    const csv = exportCsv(source);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(csv.slice(1));
    expect(rows[0]).toEqual(['namespace', 'key', 'sv', ...readdirSync(source).filter((l) => l !== 'sv').sort()]);
    const title = rows.find((row) => row[1] === 'start.title');
    expect(title?.[2]).toBe('Berätta om din upplevelse av vården');
    expect(rows.find((row) => row[1] === 'story.remaining_few')).toBeDefined();
  });

  it('imports an edited sheet back into the locale files, and a round trip changes nothing', () => {
    cpSync(source, copy, { recursive: true });
    const csv = exportCsv(copy);
    importCsv(csv, copy);
    for (const locale of readdirSync(source)) {
      for (const file of ['translation.json', 'validation.json']) {
        expect(JSON.parse(readFileSync(path.join(copy, locale, file), 'utf8')), `${locale}/${file}`).toEqual(
          JSON.parse(readFileSync(path.join(source, locale, file), 'utf8')),
        );
      }
    }
    const edited = csv.replace('Berätta om din upplevelse av vården', 'Berätta om vården');
    importCsv(edited, copy);
    expect(JSON.parse(readFileSync(path.join(copy, 'sv', 'translation.json'), 'utf8')).start.title).toBe('Berätta om vården');
  });
});
