import { readFile } from 'node:fs/promises';
import { InputError, UsageError } from './errors.ts';

/** The input text: the file argument, or standard input when there is none or it is `-`. */
export async function readInput(file: string | undefined, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (file !== undefined && file !== '-') {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'}`);
    }
  }
  if (stdin.isTTY === true) throw new UsageError('no input: give an NDJSON file or pipe one to standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export interface NdjsonLine {
  /** 1-based line number in the input. */
  readonly line: number;
  readonly value: Record<string, unknown>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One JSON object per line; blank lines are skipped. A line that is not a JSON object is an error naming the line. */
export function parseNdjson(text: string, source: string): NdjsonLine[] {
  const lines: NdjsonLine[] = [];
  const raw = text.replace(/^\uFEFF/, '').split('\n');
  for (const [index, content] of raw.entries()) {
    if (content.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch {
      // The parser's message quotes the line, which may be story text: say where, not what.
      throw new InputError(`${source} line ${index + 1}: not valid JSON`);
    }
    if (!isRecord(value)) throw new InputError(`${source} line ${index + 1}: expected a JSON object (one story per line)`);
    lines.push({ line: index + 1, value });
  }
  return lines;
}
