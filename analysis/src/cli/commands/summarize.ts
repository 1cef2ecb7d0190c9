import { type Count, type Ratio, type StoryGroup, summarizeStories, type SummaryTables } from '../../summaries/summarize.ts';
import { SUPPRESSION_K_DEFAULT, SUPPRESSION_K_MIN } from '../../summaries/suppression.ts';
import { loadCodebook } from '../codebook.ts';
import { type Command, FORMAT_HELP, INPUT_HELP, json, numberOption, readStories, stringOption } from '../command.ts';
import { InputError, UsageError } from '../errors.ts';
import { fixed, markdownTable } from '../markdown.ts';
import type { CliStory } from '../stories.ts';

const BY = ['theme', 'month', 'role', 'careSetting'] as const;
type By = (typeof BY)[number];
const isBy = (value: string): value is By => BY.some((by) => by === value);

interface ByRow {
  readonly key: string;
  readonly label?: string;
  readonly count: Count;
  readonly share?: Ratio;
}

/** Stories that agree on every attribute a summary looks at, counted together: what the API's `$group` returns. */
function groupStories(stories: readonly CliStory[], themesOf: (story: CliStory) => string[], source: string): StoryGroup[] {
  const groups = new Map<string, { group: Omit<StoryGroup, 'count'>; count: number }>();
  for (const story of stories) {
    if (story.month === undefined) throw new InputError(`${source} line ${story.line}: no "receivedOn" (summarize counts per month)`);
    if (story.role === undefined) throw new InputError(`${source} line ${story.line}: no "respondent.role" (summarize counts per role)`);
    const group = { themes: [...new Set(themesOf(story))].sort(), month: story.month, rating: story.rating, role: story.role, careSettings: [...story.careSettings].sort() };
    const key = JSON.stringify([group.themes, group.month, group.rating ?? null, group.role, group.careSettings]);
    const entry = groups.get(key);
    if (entry === undefined) groups.set(key, { group, count: 1 });
    else entry.count += 1;
  }
  return [...groups.values()].map(({ group, count }) => ({ ...group, count }));
}

function byRows(tables: SummaryTables, by: By, label: (themeId: string) => string | undefined): ByRow[] {
  const overall = tables.overall;
  if (by === 'theme') {
    return tables.themes.map((theme) => {
      const themeLabel = label(theme.themeId);
      return { key: theme.themeId, ...(themeLabel === undefined ? {} : { label: themeLabel }), count: theme.count, share: theme.share };
    });
  }
  if (overall === undefined) return [];
  if (by === 'month') return overall.trend.map((entry) => ({ key: entry.month, count: entry.count }));
  if (by === 'role') return overall.byRole.map((entry) => ({ key: entry.role, count: entry.count }));
  return overall.byCareSetting.map((entry) => ({ key: entry.careSetting, count: entry.count }));
}

const HIDDEN = '–';
const countText = (count: Count): string => (typeof count === 'number' ? String(count) : HIDDEN);
const ratioText = (ratio: Ratio | undefined, percent: boolean): string =>
  ratio === null || ratio === undefined ? '' : typeof ratio === 'number' ? (percent ? `${(ratio * 100).toFixed(1)} %` : fixed(ratio)) : HIDDEN;

export const summarizeCommand: Command = {
  name: 'summarize',
  summary: 'counts per theme, month, role and care setting with small-number suppression',
  usage: `medskapa-analysis summarize [--k 5] [--by theme|month|role|careSetting] [--codebook codebook.json] [FILE]

The summary staff report from: per theme the count and share of stories, and overall and per theme the trend per
month, the rating distribution and mean, and counts by role and care setting; with small-number suppression: a
group smaller than k, and any cell from which such a group could be worked out, is hidden ({"suppressed": true}
in JSON, ${HIDDEN} in Markdown). Each line needs "receivedOn" and "respondent.role"; themes come from "themes" and
"tags".

Options:
  --k N                   smallest group shown (default ${SUPPRESSION_K_DEFAULT}, never below ${SUPPRESSION_K_MIN})
  --by AXIS               print one table: theme, month, role or careSetting (default: the whole summary)
  --codebook FILE         the codebook as JSON: theme labels, starter keys and merged themes resolved
${FORMAT_HELP}
${INPUT_HELP}`,
  options: { k: { type: 'string' }, by: { type: 'string' }, codebook: { type: 'string' } },
  async run(values, input, format) {
    const k = numberOption(values, 'k', SUPPRESSION_K_DEFAULT, { min: SUPPRESSION_K_MIN, max: 1_000_000, integer: true });
    const byOption = stringOption(values, 'by');
    if (byOption !== undefined && !isBy(byOption)) throw new UsageError(`--by must be one of ${BY.join(', ')}, not ${byOption}`);
    const codebookFile = stringOption(values, 'codebook');
    const codebook = codebookFile === undefined ? undefined : await loadCodebook(codebookFile);
    const stories = await readStories(input);
    const source = input === undefined || input === '-' ? 'stdin' : input;
    const themesOf = (story: CliStory): string[] =>
      story.themes.map((reference) => {
        if (codebook === undefined) return reference;
        const id = codebook.resolve(reference);
        if (id === undefined) throw new InputError(`${source} line ${story.line}: theme ${reference} is not in the codebook`);
        return id;
      });
    const roles = [...new Set(stories.flatMap((story) => (story.role === undefined ? [] : [story.role])))].sort();
    const careSettings = [...new Set(stories.flatMap((story) => story.careSettings))].sort();
    const tables = summarizeStories(groupStories(stories, themesOf, source), { k, roles, careSettings });
    const label = (themeId: string): string | undefined => codebook?.label(themeId);

    if (byOption !== undefined) {
      const rows = byRows(tables, byOption, label);
      if (format === 'json') return json({ k, total: tables.total, by: byOption, rows });
      const header = byOption === 'theme' ? ['theme', 'stories', 'share'] : [byOption, 'stories'];
      const body = rows.map((item) => (byOption === 'theme' ? [item.label ?? item.key, countText(item.count), ratioText(item.share, true)] : [item.key, countText(item.count)]));
      return `# Stories by ${byOption}\n\n${summaryLine(tables)}\n\n${markdownTable(header, body)}\n\n${footnote(k)}\n`;
    }
    if (format === 'json') return json(codebook === undefined ? tables : { ...tables, labels: Object.fromEntries(tables.themes.map((theme) => [theme.themeId, label(theme.themeId)])) });
    const parts = [`# Summary`, '', summaryLine(tables), ''];
    parts.push('## Themes', '', markdownTable(['theme', 'stories', 'share'], byRows(tables, 'theme', label).map((item) => [item.label ?? item.key, countText(item.count), ratioText(item.share, true)])), '');
    const overall = tables.overall;
    if (overall !== undefined) {
      parts.push('## Per month', '', markdownTable(['month', 'stories'], overall.trend.map((entry) => [entry.month, countText(entry.count)])), '');
      parts.push('## Ratings', '', markdownTable(['rating', 'stories'], [...overall.ratings.distribution.map((entry) => [String(entry.rating), countText(entry.count)]), ['no rating', countText(overall.ratings.unrated)], ['mean', ratioText(overall.ratings.mean, false)]]), '');
      parts.push('## By role', '', markdownTable(['role', 'stories'], overall.byRole.map((entry) => [entry.role, countText(entry.count)])), '');
      parts.push('## By care setting', '', markdownTable(['care setting', 'stories'], overall.byCareSetting.map((entry) => [entry.careSetting, countText(entry.count)])), '');
    }
    parts.push(footnote(k), '');
    return parts.join('\n');
  },
};

function summaryLine(tables: SummaryTables): string {
  return typeof tables.total === 'number' ? `${tables.total} stories; k = ${tables.k}.` : `Fewer than ${tables.k} stories: nothing can be shown.`;
}

function footnote(k: number): string {
  return `${HIDDEN} hidden: fewer than ${k} stories, or a number from which such a group could be worked out.`;
}
