import { countStory, emptySuggestionCounts, RECALL_AT, type SuggestionCounts, suggestionFigures } from '../../suggest/evaluate.ts';
import { DEFAULT_MAX_SHOWN, DEFAULT_THRESHOLD } from '../../suggest/suggestThemes.ts';
import { type Command, FORMAT_HELP, INPUT_HELP, json, readStories } from '../command.ts';
import { InputError } from '../errors.ts';
import { fixed, markdownTable } from '../markdown.ts';
import { suggestAll, suggestSetup } from './suggest.ts';

interface Row {
  readonly language: string;
  readonly stories: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly recallAt3: number;
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

function row(language: string, counts: SuggestionCounts): Row {
  const figures = suggestionFigures(counts);
  return { language, stories: counts.stories, precision: round(figures.precision), recall: round(figures.recall), f1: round(figures.f1), recallAt3: round(figures.recallAt3) };
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'precision, recall, F1 and recall@3 against gold themes, per language',
  usage: `medskapa-analysis eval --codebook codebook.json [--model model.json] [FILE]

On labelled stories (every line has "gold": theme ids or starter keys), compares the suggestions shown with the
gold themes: precision, recall and F1 of the shown set (micro-averaged over stories) and recall@${RECALL_AT} of the full
ranking, overall and per language (the language the story is written in: "language" or "written" on the line,
else the form language). The same figures as npm run eval:themes, without its cross-validated model.

Options:
  --codebook FILE         the codebook as JSON (GET /api/v1/themes), required
  --model FILE            a trained theme model as JSON (optional)
  --threshold N           display threshold 0..1 (default ${DEFAULT_THRESHOLD})
  --max-shown N           at most N suggestions per story (default ${DEFAULT_MAX_SHOWN})
${FORMAT_HELP}
${INPUT_HELP}`,
  options: { codebook: { type: 'string' }, model: { type: 'string' }, threshold: { type: 'string' }, 'max-shown': { type: 'string' } },
  async run(values, input, format) {
    const setup = await suggestSetup(values);
    const stories = await readStories(input);
    const source = input === undefined || input === '-' ? 'stdin' : input;
    const golds = stories.map((story) => {
      if (story.gold === undefined) throw new InputError(`${source} line ${story.line}: no "gold" themes (eval needs labelled stories)`);
      return story.gold.map((reference) => {
        const id = setup.codebook.resolve(reference);
        if (id === undefined) throw new InputError(`${source} line ${story.line}: gold theme ${reference} is not in the codebook`);
        return id;
      });
    });
    const results = suggestAll(stories, setup, 'eval');
    const overall = emptySuggestionCounts();
    const byLanguage = new Map<string, SuggestionCounts>();
    for (const [index, story] of stories.entries()) {
      const result = results[index];
      const gold = golds[index] ?? [];
      if (result === undefined) continue;
      const shown = result.shown.map((suggestion) => suggestion.themeId);
      const ranking = result.ranking.map((suggestion) => suggestion.themeId);
      const language = story.language ?? story.locale;
      const counts = byLanguage.get(language) ?? emptySuggestionCounts();
      byLanguage.set(language, counts);
      countStory(counts, shown, ranking, gold);
      countStory(overall, shown, ranking, gold);
    }
    const languages = [...byLanguage.keys()].sort().map((language) => row(language, byLanguage.get(language) ?? emptySuggestionCounts()));
    const all = row('all', overall);
    if (format === 'json') return json({ threshold: setup.threshold, maxShown: setup.maxShown, overall: all, byLanguage: languages });
    const rows = [all, ...languages].map((item) => [item.language === 'all' ? '**all**' : item.language, String(item.stories), fixed(item.precision), fixed(item.recall), fixed(item.f1), fixed(item.recallAt3)]);
    return `# Theme suggestions against gold\n\nThreshold ${setup.threshold}, at most ${setup.maxShown} shown; micro-averaged over stories.\n\n${markdownTable(['language', 'stories', 'precision', 'recall', 'F1', `recall@${RECALL_AT}`], rows)}\n`;
  },
};
