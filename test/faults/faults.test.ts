import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_LABELS, FaultBed, faultMode, runFault, TIMINGS, type FaultKind } from './harness.ts';
import { formatTable, type FaultResult } from './measure.ts';

// One fault per run, under a fixed-rate load with the form's retry policy; see harness.ts for the pass criteria.
const mode = faultMode();
const timings = TIMINGS[mode];
const results: FaultResult[] = [];
let bed: FaultBed;

beforeAll(async () => {
  bed = await FaultBed.create();
});

afterAll(async () => {
  await bed?.destroy();
  if (results.length === 0) return;
  const table = formatTable(results);
  const report = path.join(bed.runDir, 'table.md');
  await writeFile(report, `${table}\n`);
  process.stdout.write(`\nFault injection (${mode}: ${timings.ratePerSecond} stories/s, outage ${timings.outageMs / 1000} s)\n${table}\n`);
  process.stdout.write(`Attempt logs and API logs: ${bed.runDir}\n`);
});

// MEDSKAPA_FAULT_ONLY=api-kill (comma-separated) runs only those faults, when working on one.
const only = process.env['MEDSKAPA_FAULT_ONLY']?.split(',');
const kinds = (Object.keys(FAULT_LABELS) as FaultKind[]).filter((kind) => only === undefined || only.includes(kind));

describe(`fault injection (${mode})`, () => {
  for (const kind of kinds) {
    it(`${FAULT_LABELS[kind]}: every acknowledged story stored once and unchanged, none lost, only 503 + Retry-After during the outage, recovery within 5 s`, async () => {
      const run = await runFault(bed, kind, timings);
      results.push(run.result);
      process.stdout.write(`\n${FAULT_LABELS[kind]}\n${run.notes.map((note) => `  ${note}`).join('\n')}\n`);
      expect(run.failures).toEqual([]);
      expect(run.result.lost).toBe(0);
      expect(run.result.duplicates).toBe(0);
      expect(run.result.acknowledged).toBe(run.result.sent);
    });
  }
});
