import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';

/**
 * RFC 4180 CSV for spreadsheets: a BOM so Excel reads UTF-8, and text cells that a spreadsheet would run as a
 * formula (`= + - @`, tab, CR, NUL) get a leading `'`.
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined>>): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      bom: true,
      header: true,
      columns: [...columns],
      record_delimiter: 'windows',
      escape_formulas: true,
      cast: { string: (value) => (value.startsWith('\0') ? `'${value}` : value), boolean: (value) => String(value) },
    },
  );
}

export function sendCsv(res: Response, fileName: string, csv: string): void {
  res
    .status(200)
    .type('text/csv; charset=utf-8')
    .set('Content-Disposition', `attachment; filename="${fileName}"`)
    .set('X-Content-Type-Options', 'nosniff')
    .send(csv);
}
