import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { InputError, UsageError } from './errors.ts';
import { parseNdjson, readInput } from './input.ts';
import { progressBar } from './progress.ts';
import { type CliStory, parseStory } from './stories.ts';

export type Format = 'json' | 'markdown';

/** One subcommand: its usage text, its options, and what it prints. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: ParseArgsOptionsConfig;
  run(values: ParsedValues, input: string | undefined, format: Format): Promise<string>;
}

export type ParsedValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

export const COMMON_OPTIONS = {
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

export const FORMAT_HELP = `  --format json|markdown  output format (default json)
  -h, --help              this help`;

export const INPUT_HELP = `Input: an NDJSON file (one story per line), or standard input when FILE is absent or '-'.`;

/** Parses a command's arguments; anything wrong is a UsageError (exit 2). */
export function parseCommandArgs(command: Command, args: readonly string[]): { values: ParsedValues; input: string | undefined; format: Format; help: boolean } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`${command.name} takes one input file; got ${positionals.length}`);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'markdown') throw new UsageError(`--format must be json or markdown, not ${String(format)}`);
  return { values, input: positionals[0], format, help: values.help === true };
}

export function stringOption(values: ParsedValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(values: ParsedValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** A number option within bounds; the default when absent. */
export function numberOption(values: ParsedValues, name: string, fallback: number, check: { min: number; max: number; integer?: boolean }): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < check.min || value > check.max || (check.integer === true && !Number.isInteger(value))) {
    throw new UsageError(`--${name} must be ${check.integer === true ? 'a whole number' : 'a number'} from ${check.min} to ${check.max}, not ${raw}`);
  }
  return value;
}

/** Reads and parses the stories; ids must be unique (a story counted twice would skew every number). */
export async function readStories(input: string | undefined): Promise<CliStory[]> {
  const source = input === undefined || input === '-' ? 'stdin' : input;
  const lines = parseNdjson(await readInput(input), source);
  const stories: CliStory[] = [];
  const lineOf = new Map<string, number>();
  for (const line of lines) {
    const story = parseStory(line, source);
    const earlier = lineOf.get(story.id);
    if (earlier !== undefined) throw new InputError(`${source} line ${line.line}: id ${story.id} already on line ${earlier}`);
    lineOf.set(story.id, line.line);
    stories.push(story);
  }
  return stories;
}

/** Maps every story through `work`, with a progress bar on a terminal. */
export function withProgress<T, R>(label: string, items: readonly T[], work: (item: T) => R): R[] {
  const bar = progressBar(label, items.length);
  const results = items.map((item) => {
    const result = work(item);
    bar.tick();
    return result;
  });
  bar.done();
  return results;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
