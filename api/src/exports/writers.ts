import { EventEmitter, once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { csvRecord, xmlSafe, type Cell, type CsvDialect } from './cells.ts';

/**
 * Writers for a file that is read a batch at a time. Each waits while the client is slower than the database
 * (backpressure), so memory stays bounded whatever the number of rows; each stops reading when the client goes
 * away, which ends the row source (and closes its cursor). They resolve true when the whole file was sent.
 */

const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED', 'ECONNRESET', 'EPIPE', 'ABORT_ERR']);

/** The client closed the connection (a cancelled or dropped download), as opposed to a failure on our side. */
export function isClientGone(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && CLIENT_GONE.has(error.code);
}

/** Text chunks (CSV, NDJSON) through `pipeline`, which pulls the next batch only when the response has room. */
export async function sendText(res: Response, chunks: AsyncIterable<string>): Promise<boolean> {
  try {
    await pipeline(Readable.from(chunks), res);
  } catch (error) {
    if (!isClientGone(error)) throw error;
    return false;
  }
  return true;
}

export async function* csvChunks(header: ReadonlyArray<string>, batches: AsyncIterable<ReadonlyArray<ReadonlyArray<Cell>>>, dialect: CsvDialect): AsyncGenerator<string> {
  yield dialect.bom + csvRecord(header, dialect);
  for await (const batch of batches) {
    let chunk = '';
    for (const row of batch) chunk += csvRecord(row, dialect);
    yield chunk;
  }
}

export async function* ndjsonChunks(batches: AsyncIterable<ReadonlyArray<unknown>>): AsyncGenerator<string> {
  for await (const batch of batches) {
    let chunk = '';
    for (const record of batch) chunk += `${JSON.stringify(record)}\n`;
    if (chunk !== '') yield chunk;
  }
}

function xlsxValue(cell: Cell): string | number | null {
  // Text stays a text cell (never a formula); characters XML cannot carry are dropped.
  return typeof cell === 'string' ? xmlSafe(cell) : cell;
}

/**
 * The zip compressor's input behind an exceljs streaming worksheet. exceljs 4.4 writes the sheet's XML into it without
 * waiting when the compressor is behind (its StreamBuf ignores the answer of write()), so uncompressed XML piled up in
 * memory: 260 MB outside the V8 heap after 200 000 rows. Found through exceljs internals (the version is pinned);
 * test/api/xlsx-writer.test.ts fails if they change.
 */
export function sheetCompressorInputs(sheet: object): EventEmitter[] {
  const stream: unknown = Reflect.get(sheet, '_stream');
  const pipes: unknown = typeof stream === 'object' && stream !== null ? Reflect.get(stream, 'pipes') : undefined;
  return Array.isArray(pipes) ? pipes.filter((pipe): pipe is EventEmitter => pipe instanceof EventEmitter) : [];
}

/** Whether a (readable-stream) writable has more queued than its high-water mark: it emits 'drain' when it has not. */
export function isBackedUp(input: EventEmitter): boolean {
  const state: unknown = Reflect.get(input, '_writableState');
  return typeof state === 'object' && state !== null && Reflect.get(state, 'needDrain') === true;
}

/**
 * One worksheet through exceljs's streaming writer (no shared strings, no styles), waiting after each batch for the
 * compressor and for the client, so nothing grows with the rows.
 */
export async function sendXlsx(
  res: Response,
  sheetName: string,
  header: ReadonlyArray<string>,
  batches: AsyncIterable<ReadonlyArray<ReadonlyArray<Cell>>>,
  signal: AbortSignal,
): Promise<boolean> {
  const out = new PassThrough();
  const sent = pipeline(out, res).then(
    () => true,
    (error: unknown) => {
      if (!isClientGone(error)) throw error;
      return false;
    },
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).commit();
  try {
    for await (const batch of batches) {
      for (const row of batch) sheet.addRow(row.map(xlsxValue)).commit();
      if (signal.aborted) break;
      for (const input of sheetCompressorInputs(sheet)) if (isBackedUp(input)) await once(input, 'drain', { signal });
      if (out.writableNeedDrain) await once(out, 'drain', { signal });
    }
  } catch (error) {
    if (!signal.aborted) {
      out.destroy();
      await sent.catch(() => false);
      throw error;
    }
  }
  if (signal.aborted) {
    out.destroy();
    await sent;
    return false;
  }
  sheet.commit();
  await workbook.commit();
  return sent;
}
