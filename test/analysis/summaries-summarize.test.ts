import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsBetween, quotableThemes, summarizeStories, type StoryGroup, type SummaryTables } from '../../analysis/src/index.ts';
import { auditTable, countsIn, readerView as fullReaderView } from './support/summariesAudit.ts';

const ROLES = ['patient', 'relative', 'patient_and_relative'] as const;
const SETTINGS = ['primary_care', 'emergency', 'psychiatry', 'dental'] as const;
const THEMES = ['access', 'booking', 'care', 'dignity', 'empathy', 'food'] as const;
const MONTHS = ['2026-11', '2026-12', '2027-01', '2027-02', '2027-03'] as const;

interface Story {
  readonly themes: string[];
  readonly month: string;
  readonly rating?: number;
  readonly role: string;
  readonly careSettings: string[];
}

interface Filter {
  readonly theme?: string;
  readonly careSetting?: string;
  readonly role?: string;
}

const storyArb: fc.Arbitrary<Story> = fc.record(
  {
    themes: fc.subarray([...THEMES], { minLength: 0, maxLength: 3 }),
    month: fc.constantFrom(...MONTHS),
    rating: fc.integer({ min: 1, max: 5 }),
    role: fc.constantFrom(...ROLES),
    careSettings: fc.subarray([...SETTINGS], { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: ['themes', 'month', 'role', 'careSettings'] },
);
const filterArb: fc.Arbitrary<Filter> = fc.record(
  { theme: fc.constantFrom(...THEMES), careSetting: fc.constantFrom(...SETTINGS), role: fc.constantFrom(...ROLES) },
  { requiredKeys: [] },
);

const matches = (story: Story, filter: Filter): boolean =>
  (filter.theme === undefined || story.themes.includes(filter.theme)) &&
  (filter.careSetting === undefined || story.careSettings.includes(filter.careSetting)) &&
  (filter.role === undefined || story.role === filter.role);

/** What the database's `$group` returns: one row per distinct combination, with a count. */
function groupStories(stories: readonly Story[]): StoryGroup[] {
  const groups = new Map<string, { story: Story; count: number }>();
  for (const story of stories) {
    const id = JSON.stringify([[...story.themes].sort(), story.month, story.rating ?? null, story.role, story.careSettings]);
    const entry = groups.get(id);
    if (entry === undefined) groups.set(id, { story, count: 1 });
    else entry.count += 1;
  }
  return [...groups.values()].map(({ story, count }) => ({ ...story, themes: [...story.themes].sort(), count }));
}

const readerView = (tables: SummaryTables, stories: readonly Story[], filter: Filter) =>
  fullReaderView(tables, stories, filter, { roles: ROLES, careSettings: SETTINGS, themes: THEMES });

describe('summaries from story groups', () => {
  it('counts themes, trends, ratings, roles, care settings and co-occurrence exactly when every group is large', () => {
    const stories: Story[] = [];
    for (let i = 0; i < 60; i += 1) {
      stories.push({ themes: i % 2 === 0 ? ['access', 'booking'] : ['access'], month: i < 30 ? '2027-01' : '2027-03', rating: 5, role: 'patient', careSettings: ['primary_care'] });
    }
    const tables = summarizeStories(groupStories(stories), { k: 5, roles: ROLES, careSettings: SETTINGS });
    expect(tables.total).toBe(60);
    expect(tables.months).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(tables.themes.map((theme) => [theme.themeId, theme.count, theme.share])).toEqual([
      ['access', 60, 1],
      ['booking', 30, 0.5],
    ]);
    const access = tables.themes[0]!.detail!;
    expect(access.trend).toEqual([
      { month: '2027-01', count: 30 },
      { month: '2027-02', count: 0 },
      { month: '2027-03', count: 30 },
    ]);
    expect(access.ratings).toEqual({
      distribution: [1, 2, 3, 4].map((rating) => ({ rating, count: 0 })).concat([{ rating: 5, count: 60 }]),
      rated: 60,
      unrated: 0,
      mean: 5,
    });
    expect(access.coOccurring).toEqual([{ themeId: 'booking', count: 30 }]);
    expect(quotableThemes(tables)).toEqual(['access', 'booking']);
  });

  it('hides a small theme with all its breakdowns and never quotes from it; ranks shown themes first', () => {
    const stories: Story[] = Array.from({ length: 20 }, (_, i) => ({ themes: i < 3 ? ['food', 'access'] : ['access'], month: '2027-01', rating: 4, role: 'relative', careSettings: ['dental'] }));
    const tables = summarizeStories(groupStories(stories), { k: 5, roles: ROLES, careSettings: SETTINGS });
    expect(tables.themes.map((theme) => theme.themeId)).toEqual(['access', 'food']);
    const food = tables.themes[1]!;
    expect(food).toEqual({ themeId: 'food', count: { suppressed: true }, share: { suppressed: true } });
    expect(tables.themes[0]!.detail!.coOccurring).toEqual([{ themeId: 'food', count: { suppressed: true } }]);
    expect(quotableThemes(tables)).toEqual(['access']);
  });

  it('shows no themes and no breakdowns when the whole selection is smaller than k', () => {
    const stories: Story[] = Array.from({ length: 4 }, () => ({ themes: ['access'], month: '2027-01', role: 'patient', careSettings: ['dental'] }));
    const tables = summarizeStories(groupStories(stories), { k: 5, roles: ROLES, careSettings: SETTINGS });
    expect(tables).toEqual({ k: 5, total: { suppressed: true }, months: ['2027-01'], themes: [] });
  });

  it('hides the mean when a rating cell is hidden, and says null when nobody rated', () => {
    const rated = Array.from({ length: 12 }, (_, i): Story => ({ themes: [], month: '2027-01', rating: i < 2 ? 1 : 4, role: 'patient', careSettings: ['dental'] }));
    const tables = summarizeStories(groupStories(rated), { k: 5, roles: ROLES, careSettings: SETTINGS });
    expect(tables.overall!.ratings.mean).toEqual({ suppressed: true });
    const unrated = Array.from({ length: 8 }, (): Story => ({ themes: [], month: '2027-01', role: 'patient', careSettings: ['dental'] }));
    expect(summarizeStories(groupStories(unrated), { k: 5, roles: ROLES, careSettings: SETTINGS }).overall!.ratings.mean).toBeNull();
  });

  it('with a theme filter, hides a co-occurrence together with the theme count it equals', () => {
    // Theme "food": 5 stories, one in each month, so its trend would be five 1s and its count must go too.
    // Every story has "access" (the filter), so the access–food pair equals food's count and must go with it.
    const stories: Story[] = [];
    MONTHS.forEach((month) => {
      stories.push({ themes: ['access', 'food'], month, role: 'patient', careSettings: ['dental'] });
      for (let i = 0; i < 6; i += 1) stories.push({ themes: ['access'], month, role: 'patient', careSettings: ['dental'] });
    });
    const filter = { theme: 'access' };
    const tables = summarizeStories(groupStories(stories), { k: 5, roles: ROLES, careSettings: SETTINGS, filter });
    const food = tables.themes.find((theme) => theme.themeId === 'food')!;
    expect(food.count).toEqual({ suppressed: true });
    expect(tables.themes.find((theme) => theme.themeId === 'access')!.detail!.coOccurring).toEqual([{ themeId: 'food', count: { suppressed: true } }]);
    expect(auditTable({ k: 5, ...readerView(tables, stories, filter) })).toEqual([]);
  });

  it('fills the months between the first and the last', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-02', '2027-02')).toEqual(['2027-02']);
  });

  it('property: whatever the stories and the filter, every shown number is the brute-force count, none is below k, and no hidden one can be worked out', () => {
    fc.assert(
      fc.property(fc.array(storyArb, { minLength: 0, maxLength: 120 }), filterArb, fc.integer({ min: 3, max: 7 }), (all, filter, k) => {
        const stories = all.filter((story) => matches(story, filter));
        const tables = summarizeStories(groupStories(stories), { k, roles: ROLES, careSettings: SETTINGS, filter });
        for (const { path, value } of countsIn(tables)) expect(value === 0 || value >= k, `${path} = ${value}`).toBe(true);
        const view = readerView(tables, stories, filter);
        expect(auditTable({ k, ...view })).toEqual([]);
        if (typeof tables.total !== 'number') expect(tables.themes).toEqual([]);
        for (const themeId of quotableThemes(tables)) expect(stories.filter((s) => s.themes.includes(themeId)).length).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 300 },
    );
  });
});
