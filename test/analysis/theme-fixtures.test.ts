import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCALES, TOPICS } from '../../api/contract/lists.ts';
import { StorySchema } from '../../api/contract/submission.ts';
import { STARTER_CODEBOOK } from '../../api/src/themes/starterCodebook.ts';

// The labelled set behind `npm run eval:themes` (issue 5). These checks keep it honest as people add to it:
// a broken line, an unknown theme or a thin language would silently skew precision and recall.

const FIXTURE = new URL('../fixtures/themes/stories.ndjson', import.meta.url);

const FixtureLine = z.strictObject({
  id: z.string().regex(/^[a-z]{2,3}-\d{3}$/),
  locale: z.enum(LOCALES),
  written: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  story: z.unknown(),
  topics: z.array(z.enum(TOPICS)).max(2).optional(),
  gold: z.array(z.string()).min(1).max(3),
});
type FixtureLine = z.infer<typeof FixtureLine>;

const rawLines = readFileSync(FIXTURE, 'utf8').split('\n').filter((line) => line.trim() !== '');
const lines: FixtureLine[] = rawLines.map((line) => FixtureLine.parse(JSON.parse(line)));

const byKey = new Map(STARTER_CODEBOOK.map((theme) => [theme.key, theme]));
const hasChildren = new Set(STARTER_CODEBOOK.flatMap((theme) => (theme.parent === undefined ? [] : [theme.parent])));
const roots = STARTER_CODEBOOK.filter((theme) => theme.parent === undefined).map((theme) => theme.key);

function rootOf(key: string): string {
  let theme = byKey.get(key);
  while (theme?.parent !== undefined) theme = byKey.get(theme.parent);
  return theme?.key ?? key;
}

function ancestorsOf(key: string): string[] {
  const out: string[] = [];
  for (let parent = byKey.get(key)?.parent; parent !== undefined; parent = byKey.get(parent)?.parent) out.push(parent);
  return out;
}

/** Language group for the minimums: Dari (prs) counts with Persian. */
function languageOf(written: string): string {
  const primary = written.split('-')[0] ?? written;
  return primary === 'prs' ? 'fa' : primary;
}

function countBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const key of keysOf(item)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const MINIMUM_PER_LANGUAGE: Record<string, number> = { sv: 40, en: 40, ar: 40, fa: 40, so: 40, fi: 40, uk: 40, ti: 20 };

const SCRIPT: Record<string, RegExp> = {
  sv: /\p{Script=Latin}/u,
  en: /\p{Script=Latin}/u,
  fi: /\p{Script=Latin}/u,
  so: /\p{Script=Latin}/u,
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  uk: /\p{Script=Cyrillic}/u,
  ti: /\p{Script=Ethiopic}/u,
};

describe('theme evaluation fixtures', () => {
  it('has at least 330 lines, every one a valid fixture object', () => {
    expect(rawLines.length).toBeGreaterThanOrEqual(330);
    expect(lines).toHaveLength(rawLines.length);
  });

  it('holds only stories the public form would accept', () => {
    const rejected = lines.filter((line) => !StorySchema.safeParse(line.story).success).map((line) => line.id);
    expect(rejected).toEqual([]);
  });

  it('gives every story a unique id prefixed with its form language', () => {
    const ids = lines.map((line) => line.id);
    expect(new Set(ids).size).toBe(ids.length);
    const misnamed = lines.filter((line) => !line.id.startsWith(`${line.locale.split('-')[0]}-`)).map((line) => line.id);
    expect(misnamed).toEqual([]);
  });

  it('lists each ticked topic once', () => {
    const repeated = lines.filter((line) => line.topics !== undefined && new Set(line.topics).size !== line.topics.length);
    expect(repeated.map((line) => line.id)).toEqual([]);
  });

  it('labels with existing starter themes below the branch roots, each once and never with its own ancestor', () => {
    for (const line of lines) {
      expect(new Set(line.gold).size, line.id).toBe(line.gold.length);
      for (const key of line.gold) {
        expect(byKey.has(key), `${line.id}: ${key}`).toBe(true);
        expect(roots, `${line.id}: ${key} is a branch root`).not.toContain(key);
        const ancestors = ancestorsOf(key);
        expect(line.gold.filter((other) => ancestors.includes(other)), `${line.id}: ${key}`).toEqual([]);
      }
    }
  });

  it('has enough stories in every language they are written in', () => {
    const perLanguage = countBy(lines, (line) => [languageOf(line.written)]);
    for (const [language, minimum] of Object.entries(MINIMUM_PER_LANGUAGE)) {
      expect(perLanguage.get(language) ?? 0, language).toBeGreaterThanOrEqual(minimum);
    }
    expect(lines.filter((line) => line.written === 'prs').length).toBeGreaterThanOrEqual(3);
  });

  it('is written in the script of the language it claims', () => {
    const wrong = lines
      .filter((line) => {
        const script = SCRIPT[languageOf(line.written)];
        const text = Object.values(z.record(z.string(), z.string()).parse(line.story)).join(' ');
        return script === undefined || !script.test(text);
      })
      .map((line) => line.id);
    expect(wrong).toEqual([]);
  });

  it('has some stories written in another language than the form was in, as real respondents do', () => {
    const base = (locale: string) => (locale === 'sv-x-lattlast' ? 'sv' : locale);
    const share = lines.filter((line) => line.written !== base(line.locale)).length / lines.length;
    expect(share).toBeGreaterThanOrEqual(0.03);
    expect(share).toBeLessThanOrEqual(0.1);
  });

  it('covers every leaf theme of the experience and care information branches at least 8 times, and every scenario 3 times', () => {
    const perTheme = countBy(lines, (line) => line.gold);
    const leaves = STARTER_CODEBOOK.filter((theme) => theme.parent !== undefined && !hasChildren.has(theme.key));
    const thin: string[] = [];
    for (const leaf of leaves) {
      const minimum = rootOf(leaf.key) === 'patient-scenarios' ? 3 : 8;
      if ((perTheme.get(leaf.key) ?? 0) < minimum) thin.push(`${leaf.key}: ${perTheme.get(leaf.key) ?? 0}`);
    }
    expect(leaves.length).toBeGreaterThan(20);
    expect(thin).toEqual([]);
  });

  it('spreads themes across languages, so a per-language score means something', () => {
    for (const language of Object.keys(MINIMUM_PER_LANGUAGE)) {
      const themes = new Set(lines.filter((line) => languageOf(line.written) === language).flatMap((line) => line.gold));
      expect(themes.size, language).toBeGreaterThanOrEqual(language === 'ti' ? 15 : 20);
    }
  });
});
