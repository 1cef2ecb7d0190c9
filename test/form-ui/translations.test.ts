import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../form-ui/src/i18n/languages.ts';

// The translation completeness check: fails when a key, plural form, variable or tag is missing or unused.
const root = path.resolve(import.meta.dirname, '../..');
const localesDir = path.join(root, 'form-ui/src/i18n/locales');
const NAMESPACES = ['translation', 'validation'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | string[] | Tree };

function load(locale: string, namespace: string): Tree {
  return JSON.parse(readFileSync(path.join(localesDir, locale, `${namespace}.json`), 'utf8')) as Tree;
}

function leaves(tree: Tree, prefix = ''): Map<string, string | string[]> {
  const found = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string' || Array.isArray(value)) found.set(full, value);
    else for (const [leaf, text] of leaves(value, full)) found.set(leaf, text);
  }
  return found;
}

const base = (key: string) => key.replace(PLURAL_SUFFIX, '');
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
const tags = (text: string) => [...text.matchAll(/<\/?(\d+)>/g)].map((match) => match[0]).sort();
const pluralLocale = (locale: string) => (locale === 'sv-x-lattlast' ? 'sv' : locale === 'prs' ? 'fa' : locale);

const source = NAMESPACES.map((namespace) => [namespace, leaves(load('sv', namespace))] as const);

describe('translations', () => {
  it('ship a folder for every form language and no other', () => {
    expect(readdirSync(localesDir).sort()).toEqual(LANGUAGES.map((language) => language.code).sort());
  });

  describe.each(LANGUAGES.map((language) => [language.code] as const))('%s', (locale) => {
    it('has _meta.json saying honestly whether it is a draft or reviewed', () => {
      const meta = JSON.parse(readFileSync(path.join(localesDir, locale, '_meta.json'), 'utf8')) as Record<string, unknown>;
      expect(['draft', 'reviewed', 'source']).toContain(meta['status']);
      expect(typeof meta['reviewedByNativeSpeaker']).toBe('boolean');
    });

    it.each(NAMESPACES.map((namespace) => [namespace] as const))('%s: every key, plural form, variable and tag, nothing empty, nothing extra', (namespace) => {
      const sv = source.find(([name]) => name === namespace)![1];
      const target = leaves(load(locale, namespace));
      expect([...new Set([...target.keys()].map(base))].sort()).toEqual([...new Set([...sv.keys()].map(base))].sort());

      const categories = new Intl.PluralRules(pluralLocale(locale)).resolvedOptions().pluralCategories;
      const pluralBases = new Set([...sv.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map(base));
      for (const pluralBase of pluralBases) {
        const forms = [...target.keys()].filter((key) => base(key) === pluralBase && PLURAL_SUFFIX.test(key)).map((key) => key.slice(pluralBase.length + 1));
        expect(forms.sort(), `${locale} ${pluralBase}`).toEqual([...categories].sort());
      }

      for (const [key, value] of target) {
        const reference = sv.get(key) ?? sv.get(`${base(key)}_other`);
        expect(reference, `${locale} ${key} has no Swedish source`).toBeDefined();
        if (Array.isArray(value)) {
          expect(value.length, `${locale} ${key}`).toBeGreaterThan(0);
          continue;
        }
        expect(value.trim(), `${locale} ${key} is empty`).not.toBe('');
        if (typeof reference === 'string') {
          expect(variables(value), `${locale} ${key} variables`).toEqual(variables(reference));
          expect(tags(value), `${locale} ${key} tags`).toEqual(tags(reference));
        }
      }
    });
  });
});

describe('the Swedish source', () => {
  // The back office has its own Swedish and English namespaces (test/form-ui/backoffice-translations.test.ts).
  const backoffice = path.join(root, 'form-ui/src/backoffice');
  const code = readdirRecursive(path.join(root, 'form-ui/src'))
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith(backoffice))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  // The public form's part of the API: the submission contract and what the story routes add to it.
  const contract = [
    ...['submission.ts', 'errors.ts'].map((file) => path.join(root, 'api/contract', file)),
    ...readdirRecursive(path.join(root, 'api/src/feedback')),
    ...readdirRecursive(path.join(root, 'api/src/http')),
  ]
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it('has no unused translation keys: each is named in the form code, or under a prefix the code builds keys from', () => {
    const prefixes = [...code.matchAll(/`([a-zA-Z.]+)\.\$\{/g)].map((match) => `${match[1]}.`);
    const unused = [...source[0]![1].keys()]
      .map(base)
      .filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !prefixes.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });

  it('translates every message key the API contract and the form can produce', () => {
    const validation = new Set([...source[1]![1].keys()]);
    const produced = new Set<string>();
    for (const match of `${contract}\n${code}`.matchAll(/(?:keyed|choice|text|distinctList)\((?:[A-Z_]+, )?'([a-zA-Z.]+)'/g)) {
      produced.add(`${match[1]}.required`);
      produced.add(`${match[1]}.invalid`);
    }
    for (const match of `${contract}\n${code}`.matchAll(/'((?:validation|locale|channel|campaign|idempotencyKey|respondent|care|topics|story|rating|takePart|followUp|consent)\.[a-zA-Z.]+\.?[a-zA-Z]*)'/g)) {
      const key = match[1]!;
      if (/\.(required|invalid|tooShort|tooLong|tooMany|duplicate|notAllowed|onlyForRelative|notNull|invalidType|unknownField|forbiddenKey|tooDeep)$/.test(key)) produced.add(key);
    }
    expect(produced.size).toBeGreaterThan(40);
    expect([...produced].filter((key) => !validation.has(key)).sort()).toEqual([]);
  });
});

function readdirRecursive(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    return entry.isDirectory() ? readdirRecursive(full) : [full];
  });
}
