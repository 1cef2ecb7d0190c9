import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryExportRecordSchema, type StoryExportRecord } from '../../api/contract/index.ts';
import { driverCollection } from '../../api/src/db/collections.ts';
import { STORY_COLUMNS } from '../../api/src/exports/storyTable.ts';
import { THEME_COLUMNS } from '../../api/src/exports/themeTable.ts';
import { buildFollowUp, buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { bytesBody } from '../support/bytesBody.ts';

/** LibreOffice is the spreadsheet program the files are checked with; in CI its absence is a failure, not a skip. */
function findSoffice(): string | undefined {
  for (const candidate of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/usr/local/bin/soffice']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
const SOFFICE = findSoffice();
if (SOFFICE === undefined) {
  if (process.env['CI'] === 'true') throw new Error('soffice (Debian package libreoffice-calc) is required in CI for the export tests');
  process.stderr.write('\n\n*** SKIPPING the LibreOffice export tests: soffice is not installed (apt-get install -y libreoffice-calc) ***\n\n');
}

const work = mkdtempSync(path.join(tmpdir(), 'medskapa-exports-'));
const K = 5;

/**
 * Opens the file in LibreOffice Calc (headless) and saves it again as UTF-8 CSV with `,` — what a person would see
 * in the cells. CSV input is read with the separator and locale of its profile (Swedish for sv-excel).
 */
function openInCalc(body: Buffer, kind: 'sv-excel' | 'rfc4180' | 'xlsx'): string[][] {
  const name = `${randomUUID()}.${kind === 'xlsx' ? 'xlsx' : 'csv'}`;
  const input = path.join(work, name);
  const outDir = path.join(work, `out-${randomUUID()}`);
  writeFileSync(input, body);
  const filter = kind === 'sv-excel' ? ['--infilter=CSV:59,34,76,1,,1053'] : kind === 'rfc4180' ? ['--infilter=CSV:44,34,76,1,,1033'] : [];
  execFileSync(
    SOFFICE ?? 'soffice',
    [`-env:UserInstallation=file://${work}/profile`, '--headless', ...filter, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false', '--outdir', outDir, input],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const converted = readFileSync(path.join(outDir, name.replace(/\.xlsx$/, '.csv')), 'utf8');
  return parse(converted, { relax_column_count: true, bom: true });
}

let t: TestApp;
let staff: StaffSession;
let facilitator: StaffSession;
let admin: StaffSession;
const marker = uniquePhrase('exportmarker');
const followUp = buildFollowUp();
const receiptCodes: string[] = [];
const PAYLOADS = ['=HYPERLINK("http://example.org";"klicka")', '@SUM(A:A)', '+A:A', '-A:A'];
let waitingTheme = '';
let smallTheme = '';
const storyIds: string[] = [];

const get = (url: string, who: StaffSession) =>
  request(t.app)
    .get(url)
    .set(who.headers)
    .buffer(true)
    .parse(bytesBody);

async function submit(overrides: Parameters<typeof buildSubmission>[0]): Promise<string> {
  const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission(overrides));
  expect(res.status).toBe(201);
  receiptCodes.push(String(res.body.receiptCode));
  storyIds.push(String(res.body.id));
  return String(res.body.id);
}

async function tag(storyId: string, themeId: string): Promise<void> {
  const res = await request(t.app).post(`/api/v1/stories/${storyId}/tags`).set(facilitator.headers).send({ themeId });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp({ today: () => '2027-03-15' });
  staff = await signInAs(t, ['staff']);
  facilitator = await signInAs(t, ['facilitator']);
  admin = await signInAs(t, ['admin']);
  const theme = async (sv: string, en: string) => {
    const res = await request(t.app).post('/api/v1/themes').set(facilitator.headers).send({ labels: { sv, en } });
    expect(res.status).toBe(201);
    return String(res.body.id);
  };
  waitingTheme = await theme('Väntan på besked', 'Waiting for news');
  smallTheme = await theme('Parkering', 'Parking');

  // The stories the cell-by-cell checks look at: Swedish, Arabic, line breaks, formula payloads, contact details.
  const swedish = await submit({
    story: {
      whatHappened: `${marker} Åsa fick vänta länge på ögonmottagningen.\nSedan kom svaret på en gång.`,
      whatWorkedWell: PAYLOADS[0]!,
      whatCouldBeBetter: PAYLOADS[1]!,
      idea: PAYLOADS[2]!,
    },
    followUp,
    consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' },
  });
  await submit({
    locale: 'ar',
    story: { whatHappened: `${marker} انتظرت طويلا في غرفة الطوارئ\nولم يشرح لي أحد السبب`, whatCouldBeBetter: PAYLOADS[3]! },
    rating: 2,
  });
  await tag(swedish, waitingTheme);
  const text = String((await request(t.app).get(`/api/v1/stories/${swedish}`).set(facilitator.headers)).body.story.whatHappened);
  const start = text.indexOf('vänta länge');
  const excerpt = await request(t.app)
    .post(`/api/v1/stories/${swedish}/excerpts`)
    .set(facilitator.headers)
    .send({ themeId: waitingTheme, field: 'whatHappened', start, end: start + 'vänta länge'.length });
  expect(excerpt.status).toBe(201);
  // Enough stories for one theme to be shown, and a theme with two stories that must stay hidden.
  for (let index = 0; index < 6; index += 1) await tag(await submit({ story: { whatHappened: `${uniquePhrase('väntan')} och ingen ringde tillbaka.` } }), waitingTheme);
  for (let index = 0; index < 2; index += 1) await tag(await submit({ story: { whatHappened: `${uniquePhrase('parkering')} kostade för mycket.` } }), smallTheme);
}, 120_000);

afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

function storyRowWith(rows: string[][], phrase: string): string[] {
  const column = rows[0]!.indexOf('what_happened');
  const row = rows.find((cells) => cells[column]?.includes(phrase) === true);
  expect(row, phrase).toBeDefined();
  return row!;
}

function cell(rows: string[][], row: string[], column: string): string | undefined {
  return row[rows[0]!.indexOf(column)];
}

describe.skipIf(SOFFICE === undefined)('story exports opened in LibreOffice Calc', () => {
  for (const format of ['sv-excel', 'rfc4180', 'xlsx'] as const) {
    it(`${format}: every cell reads back as stored — Swedish, Arabic, line breaks inside cells, formula payloads as text`, async () => {
      const url = format === 'xlsx' ? '/api/v1/exports/stories?format=xlsx' : `/api/v1/exports/stories?format=csv&profile=${format}`;
      const res = await get(url, staff);
      expect(res.status).toBe(200);
      expect(res.headers['x-export-rows']).toBe(String(storyIds.length));
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="medskapa-berattelser-2027-03-15.${format === 'xlsx' ? 'xlsx' : 'csv'}"`);
      const body: Buffer = res.body;
      if (format === 'sv-excel') {
        expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(body.toString('utf8')).toContain(`received_on;language;channel`);
      }
      if (format === 'rfc4180') {
        expect(body[0]).toBe('r'.charCodeAt(0));
        expect(body.toString('utf8').startsWith(`${STORY_COLUMNS.join(',')}\r\n`)).toBe(true);
      }
      if (format !== 'xlsx') {
        // Records end in CRLF; the line break inside a cell stays a bare LF within quotes.
        expect(body.toString('utf8').split('\r\n').filter((line) => line !== '')).toHaveLength(storyIds.length + 1);
      }

      const rows = openInCalc(body, format);
      expect(rows[0]).toEqual([...STORY_COLUMNS]);
      expect(rows).toHaveLength(storyIds.length + 1);
      const swedish = storyRowWith(rows, marker + ' Åsa');
      expect(cell(rows, swedish, 'what_happened')).toBe(`${marker} Åsa fick vänta länge på ögonmottagningen.\nSedan kom svaret på en gång.`);
      expect(cell(rows, swedish, 'language')).toBe('sv');
      expect(cell(rows, swedish, 'rating')).toBe('4');
      expect(cell(rows, swedish, 'care_settings')).toBe('primary_care');
      expect(cell(rows, swedish, 'topics')).toBe('digital_services; access_and_booking');
      expect(cell(rows, swedish, 'themes')).toBe('Väntan på besked');
      expect(cell(rows, swedish, 'excerpts')).toBe('Väntan på besked: vänta länge');
      expect(cell(rows, swedish, 'received_on')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // A formula is never run: CSV shows the payload behind an apostrophe, XLSX keeps it as a text cell.
      const shown = (payload: string) => (format === 'xlsx' ? payload : `'${payload}`);
      expect(cell(rows, swedish, 'what_worked_well')).toBe(shown(PAYLOADS[0]!));
      expect(cell(rows, swedish, 'what_could_be_better')).toBe(shown(PAYLOADS[1]!));
      expect(cell(rows, swedish, 'idea')).toBe(shown(PAYLOADS[2]!));
      const arabic = storyRowWith(rows, 'انتظرت طويلا');
      expect(cell(rows, arabic, 'what_happened')).toBe(`${marker} انتظرت طويلا في غرفة الطوارئ\nولم يشرح لي أحد السبب`);
      expect(cell(rows, arabic, 'language')).toBe('ar');
      expect(cell(rows, arabic, 'rating')).toBe('2');
      expect(cell(rows, arabic, 'what_could_be_better')).toBe(shown(PAYLOADS[3]!));
      expect(cell(rows, arabic, 'themes')).toBe('');

      const everything = JSON.stringify(rows);
      for (const secret of [followUp.name, followUp.email, followUp.phone, ...receiptCodes]) expect(everything, secret).not.toContain(secret);
    }, 60_000);
  }

  it('a filter with no stories gives a file with the header row only, in every format', async () => {
    for (const format of ['sv-excel', 'rfc4180', 'xlsx'] as const) {
      const url = `/api/v1/exports/stories?campaign=no-such-campaign&${format === 'xlsx' ? 'format=xlsx' : `format=csv&profile=${format}`}`;
      const res = await get(url, facilitator);
      expect(res.status).toBe(200);
      expect(res.headers['x-export-rows']).toBe('0');
      expect(openInCalc(res.body, format)).toEqual([[...STORY_COLUMNS]]);
    }
    const ndjson = await get('/api/v1/exports/stories?campaign=no-such-campaign&format=ndjson', admin);
    expect(ndjson.status).toBe(200);
    expect(ndjson.body.length).toBe(0);
  }, 60_000);
});

describe.skipIf(SOFFICE === undefined)('theme table exports opened in LibreOffice Calc', () => {
  for (const format of ['sv-excel', 'rfc4180', 'xlsx'] as const) {
    it(`${format}: the summary's numbers, and no count between 1 and k-1 anywhere`, async () => {
      const url = format === 'xlsx' ? '/api/v1/exports/themes?format=xlsx' : `/api/v1/exports/themes?format=csv&profile=${format}`;
      const res = await get(url, staff);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="medskapa-teman-2027-03-15.${format === 'xlsx' ? 'xlsx' : 'csv'}"`);
      const summary = (await request(t.app).get('/api/v1/summaries').set(staff.headers)).body;
      const rows = openInCalc(res.body, format);
      expect(rows[0]).toEqual([...THEME_COLUMNS]);
      expect(res.headers['x-export-rows']).toBe(String(rows.length - 1));
      expect(rows[1]!.slice(2, 4)).toEqual(['Alla berättelser', String(summary.total)]);
      const waiting = rows.find((row) => row[0] === waitingTheme)!;
      expect(waiting.slice(2, 5)).toEqual(['Väntan på besked', '7', String(Math.round((7 / storyIds.length) * 1000) / 10)]);
      // The two parking stories are a hidden number, written as text.
      const parking = rows.find((row) => row[0] === smallTheme)!;
      expect(parking[3]).toBe('visas inte');
      expect(parking[4]).toBe('visas inte');
      const countColumns = THEME_COLUMNS.flatMap((name, index) => (name === 'stories' || name === 'rated' || name.startsWith('role_') || name.startsWith('care_') ? [index] : []));
      let hidden = 0;
      for (const row of rows.slice(1)) {
        for (const index of countColumns) {
          const value = row[index] ?? '';
          if (value === 'visas inte') hidden += 1;
          else {
            expect(value, `${row[0]} ${THEME_COLUMNS[index]}`).toMatch(/^\d+$/);
            const number = Number(value);
            expect(number === 0 || number >= K, `${row[0]} ${THEME_COLUMNS[index]} = ${number}`).toBe(true);
          }
        }
      }
      expect(hidden).toBeGreaterThan(0);
    }, 60_000);
  }

  it('writes the hidden numbers in English when asked', async () => {
    const res = await get('/api/v1/exports/themes?format=csv&profile=rfc4180&lang=en', staff);
    const text = res.body.toString('utf8');
    expect(text).toContain('not shown');
    expect(text).not.toContain('färre');
    expect(text).toContain('Waiting for news');
    expect(res.headers['content-disposition']).toContain('medskapa-themes-2027-03-15.csv');
  });
});

describe('story exports as NDJSON, and what no export may carry', () => {
  it('one record per line with tags and excerpts; never contact details, receipt codes or hashes', async () => {
    const res = await get('/api/v1/exports/stories?format=ndjson', facilitator);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body.toString('utf8').split('\n').filter((line: string) => line !== '');
    expect(lines).toHaveLength(storyIds.length);
    const records: StoryExportRecord[] = lines.map((line: string) => StoryExportRecordSchema.parse(JSON.parse(line)));
    const swedish = records.find((record) => record.story.whatHappened.includes(`${marker} Åsa`))!;
    expect(swedish.themes).toEqual([{ themeId: waitingTheme, label: 'Väntan på besked' }]);
    expect(swedish.excerpts).toEqual([{ themeId: waitingTheme, label: 'Väntan på besked', field: 'whatHappened', text: 'vänta länge' }]);
    expect(swedish.story.whatWorkedWell).toBe(PAYLOADS[0]);

    const stored = await driverCollection<Record<string, unknown>>(t.connection, 'submissions').find({}).toArray();
    const secrets = [followUp.name, followUp.email, followUp.phone, ...receiptCodes, ...stored.flatMap((story) => [String(story['receiptHash']), String(story['requestHash']), String(story['idempotencyKeyHash'])])];
    for (const format of ['format=ndjson', 'format=csv&profile=sv-excel', 'format=csv&profile=rfc4180']) {
      const text = (await get(`/api/v1/exports/stories?${format}`, staff)).body.toString('utf8');
      for (const secret of secrets) expect(text, `${format}: ${secret}`).not.toContain(secret);
      expect(text).not.toMatch(/hasFollowUp|receipt|followUp/i);
    }
  });

  it('narrows with the dashboard filters', async () => {
    const res = await get(`/api/v1/exports/stories?format=ndjson&locale=ar&theme=${waitingTheme}`, staff);
    expect(res.headers['x-export-rows']).toBe('0');
    const arabic = await get('/api/v1/exports/stories?format=ndjson&locale=ar', staff);
    expect(arabic.headers['x-export-rows']).toBe('1');
    expect(arabic.body.toString('utf8')).toContain('انتظرت طويلا');
  });

  it('rejects unknown formats, profiles and filters with 400 and field keys', async () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/exports/stories?format=pdf', 'query.format.invalid'],
      ['/api/v1/exports/themes?format=ndjson', 'query.format.invalid'],
      ['/api/v1/exports/stories?format=csv&profile=excel', 'query.profile.invalid'],
      ['/api/v1/exports/stories?format=csv&role=doctor', 'query.role.invalid'],
      ['/api/v1/exports/themes?format=csv&from=2027-05&to=2027-01', 'query.to.beforeFrom'],
    ];
    for (const [url, key] of cases) {
      const res = await request(t.app).get(url).set(staff.headers);
      expect(res.status, url).toBe(400);
      expect(JSON.stringify(res.body.error.fields), url).toContain(key);
    }
    expect((await request(t.app).get('/api/v1/exports/stories?format=csv&password=x').set(staff.headers)).status).toBe(400);
    expect((await request(t.app).get('/api/v1/exports/stories?format=csv')).status).toBe(401);
  });

  it('audits every export: who, kind, format, profile, filter and rows, never text', async () => {
    const before = await driverCollection<Record<string, unknown>>(t.connection, 'auditEvents').countDocuments({ action: { $in: ['export.stories', 'export.themes'] } });
    await get(`/api/v1/exports/stories?format=csv&profile=rfc4180&locale=ar&careSetting=primary_care`, staff);
    await get(`/api/v1/exports/themes?format=xlsx&theme=${waitingTheme}`, facilitator);
    // The entry is written once the last byte has gone, so it may land just after the response.
    const exportEvents = () =>
      driverCollection<Record<string, unknown>>(t.connection, 'auditEvents')
        .find({ action: { $in: ['export.stories', 'export.themes'] } })
        .sort({ at: 1, _id: 1 })
        .toArray();
    await expect.poll(async () => (await exportEvents()).length).toBe(before + 2);
    const events = await exportEvents();
    const [stories, themes] = events.slice(-2);
    expect(stories).toMatchObject({
      action: 'export.stories',
      outcome: 'success',
      actorId: staff.userId,
      detail: { format: 'csv', profile: 'rfc4180', lang: 'sv', filter: 'careSetting=primary_care&locale=ar', rows: 1, expectedRows: 1, end: 'completed' },
    });
    expect(themes).toMatchObject({ action: 'export.themes', actorId: facilitator.userId, detail: { format: 'xlsx', filter: `theme=${waitingTheme}`, end: 'completed' } });
    expect(JSON.stringify(events)).not.toContain(marker);
  });
});
