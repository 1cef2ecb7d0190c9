import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isBackedUp, sheetCompressorInputs } from '../../api/src/exports/writers.ts';

// The XLSX export waits for the zip compressor through exceljs internals (exceljs does not wait itself). If an
// exceljs upgrade changes them, these fail instead of the export's memory growing again unnoticed.
describe('waiting for the compressor behind an exceljs streaming sheet', () => {
  it('finds one compressor input, which backs up when rows come faster than it compresses and drains again', async () => {
    const out = new PassThrough();
    out.resume();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Stories');
    sheet.addRow(['received_on', 'what_happened']).commit();
    const inputs = sheetCompressorInputs(sheet);
    expect(inputs).toHaveLength(1);
    const [input] = inputs;

    // 2 000 rows of 1 kB without yielding: far more than the compressor's 16 kB buffer.
    for (let row = 0; row < 2000; row += 1) sheet.addRow(['2027-03-14', 'väntan '.repeat(150)]).commit();
    expect(isBackedUp(input!)).toBe(true);
    await once(input!, 'drain');
    expect(isBackedUp(input!)).toBe(false);

    sheet.commit();
    await workbook.commit();
  });

  it('finds nothing on an object that is not an exceljs sheet, rather than failing', () => {
    expect(sheetCompressorInputs({})).toEqual([]);
    expect(sheetCompressorInputs({ _stream: { pipes: 'no' } })).toEqual([]);
  });
});
