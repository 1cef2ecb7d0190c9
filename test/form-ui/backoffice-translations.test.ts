import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The back office speaks Swedish and English: both must say everything, with the same variables, nothing empty.
const localesDir = path.resolve(import.meta.dirname, '../../form-ui/src/backoffice/locales');
const NAMESPACES = ['core', 'admin', 'analysis', 'reports'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function load(language: 'sv' | 'en', namespace: string): Tree {
  return JSON.parse(readFileSync(path.join(localesDir, language, `${namespace}.json`), 'utf8')) as Tree;
}

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') found.set(full, value);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) for (const [leaf, text] of leaves(value, full)) found.set(leaf, text);
    else found.set(full, `<not a string: ${JSON.stringify(value)}>`);
  }
  return found;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1]).sort();
const tags = (text: string) => [...text.matchAll(/<\/?(\d+)>/g)].map((match) => match[0]).sort();
const base = (key: string) => key.replace(PLURAL_SUFFIX, '');

describe.each(NAMESPACES.map((namespace) => [namespace] as const))('back-office translations: %s', (namespace) => {
  const sv = leaves(load('sv', namespace));
  const en = leaves(load('en', namespace));

  it('has the same keys in Swedish and English', () => {
    expect([...en.keys()].sort()).toEqual([...sv.keys()].sort());
  });

  it('has only non-empty strings', () => {
    for (const [language, entries] of [['sv', sv], ['en', en]] as const) {
      for (const [key, text] of entries) {
        expect(text.startsWith('<not a string'), `${language} ${key}`).toBe(false);
        expect(text.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same interpolation variables and tags in both languages', () => {
    for (const [key, text] of sv) {
      const other = en.get(key);
      if (other === undefined) continue;
      expect(variables(other), `${namespace}:${key}`).toEqual(variables(text));
      expect(tags(other), `${namespace}:${key}`).toEqual(tags(text));
    }
  });

  it('gives every plural both the one and the other form', () => {
    const plurals = new Set([...sv.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map(base));
    for (const plural of plurals) {
      for (const entries of [sv, en]) {
        expect(entries.has(`${plural}_one`), `${plural}_one`).toBe(true);
        expect(entries.has(`${plural}_other`), `${plural}_other`).toBe(true);
      }
    }
  });

  it('leaves no English in the Swedish text where the two are identical by mistake', () => {
    // Some words are the same in both (Status, Partner); longer sentences that match are a missed translation.
    const identical = [...sv].filter(([key, text]) => en.get(key) === text && text.split(/\s+/).length > 3).map(([key]) => key);
    expect(identical).toEqual([]);
  });
});

describe('back-office translations: core', () => {
  it('names every story list value the back office shows', async () => {
    const { LOCALES, CARE_SETTINGS, RESPONDENT_ROLES, RELATIONSHIPS, AGE_GROUPS, CARE_WHEN, TOPICS, CHANNELS, REDACTION_KINDS } = await import('../../api/contract/lists.ts');
    const { CAMPAIGN_PHASES } = await import('../../api/contract/campaigns.ts');
    const { STORY_STATUSES, STORY_TEXT_FIELDS } = await import('../../api/contract/stories.ts');
    const core = leaves(load('sv', 'core'));
    const expected = [
      ...LOCALES.map((value) => `lists.locale.${value}`),
      ...CARE_SETTINGS.map((value) => `lists.careSetting.${value}`),
      ...RESPONDENT_ROLES.map((value) => `lists.role.${value}`),
      ...RELATIONSHIPS.map((value) => `lists.relationship.${value}`),
      ...AGE_GROUPS.map((value) => `lists.ageGroup.${value}`),
      ...CARE_WHEN.map((value) => `lists.when.${value}`),
      ...TOPICS.map((value) => `lists.topic.${value}`),
      ...CHANNELS.map((value) => `lists.channel.${value}`),
      ...[...REDACTION_KINDS, 'manual'].map((value) => `lists.redaction.${value}`),
      ...CAMPAIGN_PHASES.map((value) => `lists.phase.${value}`),
      ...STORY_STATUSES.map((value) => `status.${value}`),
      ...STORY_TEXT_FIELDS.map((value) => `story.fields.${value}`),
      ...['facilitator', 'staff', 'admin'].map((value) => `roles.${value}`),
    ];
    expect(expected.filter((key) => !core.has(key))).toEqual([]);
  });
});
