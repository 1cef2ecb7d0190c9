import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The files inside a zip (a DOCX or XLSX), as text, read with the system's unzip. */
export interface UnzippedFiles {
  readonly names: ReadonlyArray<string>;
  /** One file's text; a name that is not in the zip fails with the names that are. */
  read(name: string): string;
  /** Every file's text, one after the other (for a search through the whole file). */
  all(): string;
}

export function unzip(bytes: Buffer): UnzippedFiles {
  const directory = mkdtempSync(path.join(tmpdir(), 'medskapa-unzip-'));
  const file = path.join(directory, 'file.zip');
  writeFileSync(file, bytes);
  try {
    const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((name) => name !== '' && !name.endsWith('/'));
    // unzip reads a name as a pattern: '[Content_Types].xml' is asked for as '[[]Content_Types].xml'.
    const literal = (name: string) => name.replace(/[[*?]/g, (character) => `[${character}]`);
    const files = new Map(names.map((name) => [name, execFileSync('unzip', ['-p', file, literal(name)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })]));
    return {
      names,
      read(name) {
        const text = files.get(name);
        if (text === undefined) throw new Error(`${name} is not in the file (${names.join(', ')})`);
        return text;
      },
      all: () => [...files.values()].join('\n'),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const decodeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A DOCX's word/document.xml as paragraphs: style, text, and whether it is right to left. */
export function docxParagraphs(xml: string) {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>(.*?)<\/w:p>/gs)].map((match) => {
    const body = match[1] ?? '';
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1],
      text: decodeXml([...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
      bidi: /<w:bidi\/>/.test(body),
      rtl: /<w:rtl\/>/.test(body),
    };
  });
}
