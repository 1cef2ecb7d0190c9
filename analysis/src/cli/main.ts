#!/usr/bin/env node
// medskapa-analysis: the analysis library over NDJSON exports. A thin adapter — arguments, files, standard output
// and exit codes (0 done, 1 runtime error, 2 usage error); all analysis lives in analysis/src and stays pure.
import { clusterCommand } from './commands/cluster.ts';
import { evalCommand } from './commands/eval.ts';
import { suggestCommand } from './commands/suggest.ts';
import { summarizeCommand } from './commands/summarize.ts';
import { type Command, parseCommandArgs } from './command.ts';
import { InputError, UsageError } from './errors.ts';

const COMMANDS: readonly Command[] = [suggestCommand, clusterCommand, summarizeCommand, evalCommand];

const USAGE = `usage: medskapa-analysis <command> [options] [FILE]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join('\n')}

Input is NDJSON, one story per line, as the stories export writes it (GET /api/v1/exports/stories?format=ndjson):
{"locale", "story": {"whatHappened", …}, "topics", "themes": [{"themeId"}], "receivedOn", "rating",
"respondentRole", "careSettings"}; "id", "language", "gold" (for eval) and the story detail's "tags",
"respondent": {"role"} and "care": {"settings"} are read too.
Output goes to standard output as JSON (default) or Markdown (--format markdown).
Run medskapa-analysis <command> --help for a command's options.`;

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    process.stderr.write(`medskapa-analysis: unknown command ${JSON.stringify(name)}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const { values, input, format, help } = parseCommandArgs(command, args);
    if (help) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    const output = await command.run(values, input, format);
    process.stdout.write(output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`medskapa-analysis ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`medskapa-analysis ${command.name}: ${error.message}\n`);
      return 1;
    }
    // Library errors (e.g. a suppression setting the engine refuses) carry no story text.
    process.stderr.write(`medskapa-analysis ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
