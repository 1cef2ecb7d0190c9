// Translator workflow: `npm run i18n:export [file.csv]` writes every key with one column per language
// (UTF-8 with BOM, so spreadsheet programs read åäö, Arabic and Ethiopic correctly); `npm run i18n:import file.csv`
// writes the columns back into form-ui/src/i18n/locales/<lang>/<namespace>.json. Arrays (crisis words) are
// one cell, one entry per line.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const LOCALES_DIR = path.resolve(import.meta.dirname, '../src/i18n/locales');
const NAMESPACES = ['translation', 'validation'];

type Tree = { [key: string]: string | string[] | Tree };

function flatten(tree: Tree, prefix = '', into = new Map<string, string | string[]>()): Map<string, string | string[]> {
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string' || Array.isArray(value)) into.set(full, value);
    else flatten(value, full, into);
  }
  return into;
}

function unflatten(entries: ReadonlyArray<[string, string | string[]]>): Tree {
  const tree: Tree = {};
  for (const [key, value] of entries) {
    const parts = key.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) {
      const child = node[part];
      if (typeof child === 'object' && !Array.isArray(child)) node = child;
      else node = node[part] = {};
    }
    node[parts.at(-1) ?? key] = value;
  }
  return tree;
}

export function locales(): string[] {
  const all = readdirSync(LOCALES_DIR).sort();
  return ['sv', ...all.filter((locale) => locale !== 'sv')];
}

export function exportCsv(directory = LOCALES_DIR): string {
  const languages = locales();
  const rows: string[][] = [['namespace', 'key', ...languages]];
  for (const namespace of NAMESPACES) {
    const maps = languages.map((locale) => flatten(JSON.parse(readFileSync(path.join(directory, locale, `${namespace}.json`), 'utf8'))));
    const keys = [...new Set(maps.flatMap((map) => [...map.keys()]))];
    for (const key of keys) {
      rows.push([namespace, key, ...maps.map((map) => {
        const value = map.get(key);
        return Array.isArray(value) ? value.join('\n') : (value ?? '');
      })]);
    }
  }
  return `\uFEFF${stringify(rows, { record_delimiter: 'windows' })}`;
}

export function importCsv(csv: string, directory = LOCALES_DIR): string[] {
  const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: false });
  const [header, ...data] = rows;
  if (header === undefined || header[0] !== 'namespace' || header[1] !== 'key') throw new Error('not a Medskapa translation sheet');
  const languages = header.slice(2);
  const arrayKeys = new Set<string>();
  for (const namespace of NAMESPACES) {
    for (const [key, value] of flatten(JSON.parse(readFileSync(path.join(directory, 'sv', `${namespace}.json`), 'utf8')))) {
      if (Array.isArray(value)) arrayKeys.add(`${namespace}:${key}`);
    }
  }
  const written: string[] = [];
  for (const [index, locale] of languages.entries()) {
    for (const namespace of NAMESPACES) {
      const entries: Array<[string, string | string[]]> = data
        .filter((row) => row[0] === namespace && (row[index + 2] ?? '') !== '')
        .map((row) => {
          const key = row[1] ?? '';
          const cell = row[index + 2] ?? '';
          return [key, arrayKeys.has(`${namespace}:${key}`) ? cell.split(/\r?\n/).filter((line) => line !== '') : cell];
        });
      const file = path.join(directory, locale, `${namespace}.json`);
      writeFileSync(file, `${JSON.stringify(unflatten(entries), null, 2)}\n`);
      written.push(file);
    }
  }
  return written;
}

if (import.meta.main) {
  const [command, file] = process.argv.slice(2);
  if (command === 'export') {
    const csv = exportCsv();
    if (file === undefined) process.stdout.write(csv);
    else writeFileSync(file, csv);
  } else if (command === 'import' && file !== undefined) {
    for (const written of importCsv(readFileSync(file, 'utf8'))) process.stdout.write(`wrote ${written}\n`);
  } else {
    process.stderr.write('usage: npm run i18n:export [file.csv] | npm run i18n:import file.csv\n');
    process.exitCode = 2;
  }
}
