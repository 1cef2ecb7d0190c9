import { readFile } from 'node:fs/promises';
import { isThemeModel, type ThemeModel } from '../../suggest/model.ts';
import { DEFAULT_MAX_SHOWN, DEFAULT_THRESHOLD, rankThemes, selectShown } from '../../suggest/suggestThemes.ts';
import { compileCodebook } from '../../suggest/compileCodebook.ts';
import { resolveTopicThemes } from '../../suggest/topicThemes.ts';
import type { Suggestion } from '../../suggest/types.ts';
import { type LoadedCodebook, loadCodebook } from '../codebook.ts';
import { type Command, FORMAT_HELP, INPUT_HELP, json, numberOption, type ParsedValues, readStories, requiredOption, stringOption, withProgress } from '../command.ts';
import { InputError } from '../errors.ts';
import { fixed, markdownTable } from '../markdown.ts';
import type { CliStory } from '../stories.ts';

async function loadModel(file: string): Promise<ThemeModel> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError(`model ${file}: ${error instanceof SyntaxError ? 'not valid JSON' : 'cannot be read'}`);
  }
  if (!isThemeModel(parsed)) throw new InputError(`model ${file}: not a theme model of this version (train one with the API)`);
  return parsed;
}

export interface SuggestSetup {
  readonly codebook: LoadedCodebook;
  readonly model?: ThemeModel;
  readonly threshold: number;
  readonly maxShown: number;
}

export async function suggestSetup(values: ParsedValues): Promise<SuggestSetup> {
  const codebookFile = requiredOption(values, 'codebook');
  const modelFile = stringOption(values, 'model');
  const threshold = numberOption(values, 'threshold', DEFAULT_THRESHOLD, { min: 0, max: 1 });
  const maxShown = numberOption(values, 'max-shown', DEFAULT_MAX_SHOWN, { min: 1, max: 20, integer: true });
  const codebook = await loadCodebook(codebookFile);
  return { codebook, ...(modelFile === undefined ? {} : { model: await loadModel(modelFile) }), threshold, maxShown };
}

export interface StoryRanking {
  readonly language: string;
  readonly shown: Suggestion[];
  readonly ranking: readonly Suggestion[];
}

/** Ranks and selects suggestions for each story, as the API does. */
export function suggestAll(stories: readonly CliStory[], setup: SuggestSetup, label: string): StoryRanking[] {
  const compiled = compileCodebook(setup.codebook.themes);
  const options = { threshold: setup.threshold, maxShown: setup.maxShown, topicThemes: resolveTopicThemes((key) => setup.codebook.resolve(key)) };
  return withProgress(label, stories, (story) => {
    const ranked = rankThemes({ fields: story.fields, locale: story.locale, topics: story.topics, language: story.language }, compiled, setup.model, options);
    return { language: ranked.language, shown: selectShown(ranked.ranking, compiled, options), ranking: ranked.ranking };
  });
}

export const suggestCommand: Command = {
  name: 'suggest',
  summary: 'theme suggestions with evidence for each story',
  usage: `medskapa-analysis suggest --codebook codebook.json [--model model.json] [FILE]

For each story: the themes a facilitator would be shown (score at or above the threshold, at most --max-shown,
most specific first), each with its score, the signals behind it and the evidence (matched keyword, field and
character range in the masked text).

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
    const results = suggestAll(stories, setup, 'suggest');
    const output = stories.map((story, index) => {
      const result = results[index];
      return {
        id: story.id,
        locale: story.locale,
        language: result?.language ?? story.locale,
        suggestions: (result?.shown ?? []).map((suggestion) => ({ ...suggestion, label: setup.codebook.label(suggestion.themeId) })),
      };
    });
    if (format === 'json') return json({ threshold: setup.threshold, maxShown: setup.maxShown, stories: output });
    const rows = output.flatMap((story) =>
      story.suggestions.length === 0
        ? [[story.id, story.language, '—', '', '']]
        : story.suggestions.map((suggestion) => [
            story.id,
            story.language,
            suggestion.label,
            fixed(suggestion.score),
            [...new Set(suggestion.evidence.map((item) => item.text))].join(', '),
          ]),
    );
    return `# Theme suggestions\n\n${stories.length} stories; threshold ${setup.threshold}, at most ${setup.maxShown} per story.\n\n${markdownTable(['story', 'language', 'theme', 'score', 'evidence'], rows)}\n`;
  },
};
