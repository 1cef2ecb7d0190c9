import { EXPORT_ROWS_HEADER } from '@medskapa/api/contract';

export type ExportFileFormat = 'csv' | 'xlsx' | 'ndjson' | 'html' | 'docx';

/**
 * One kind of export on the exports screen. A new kind is one more entry: its API path, the formats it offers,
 * and its texts under `reports:exports.kinds.<id>` (`label`, `description`).
 */
export interface ExportKind {
  readonly id: string;
  readonly path: string;
  readonly formats: ReadonlyArray<ExportFileFormat>;
  /** Whether the CSV profile (Swedish Excel or RFC 4180) applies. */
  readonly csvProfiles: boolean;
}

export const EXPORT_KINDS: ReadonlyArray<ExportKind> = [
  { id: 'themes', path: '/api/v1/exports/themes', formats: ['xlsx', 'csv'], csvProfiles: true },
  { id: 'stories', path: '/api/v1/exports/stories', formats: ['xlsx', 'csv', 'ndjson'], csvProfiles: true },
];

export { EXPORT_ROWS_HEADER };

/** The file name from `Content-Disposition: attachment; filename="…"`, or a fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Data rows in the bytes read so far: CSV records end in CR LF (a line break inside a cell is a bare LF), NDJSON
 * lines in LF; XLSX is compressed and cannot be counted.
 */
export function countRecordEnds(chunk: Uint8Array, format: ExportFileFormat): number {
  const end = format === 'csv' ? 13 : format === 'ndjson' ? 10 : -1;
  if (end < 0) return 0;
  let count = 0;
  for (const byte of chunk) if (byte === end) count += 1;
  return count;
}
