import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { unzip } from '../support/officeFiles.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { endsSession, fetchDocument, operationsOf, pathParameters } from './support/openapi.ts';
import { bytesBody } from '../support/bytesBody.ts';

// A canary: stories carrying a personnummer (Skatteverket's test person Tolvan Tolvansson), an e-mail address and a
// phone number, in the story text and in the follow-up contact details, go through the whole flow — submit, tag,
// excerpt, de-identify, summaries, agreement coding, every readable route, the audit log and its CSV, the app's logs and
// every raw database collection. None of the three may appear anywhere in plain text. The contact details are kept
// only in the `contacts` collection, encrypted, and shown only by the admin's contacts routes (the positive control
// that proves the search would find them).

const PERSONNUMMER = '19121212-1212';
const EMAIL = 'kanariefagel.tolvan@exempel.se';
const PHONE = '070-741 29 63';
/** A surname the automatic masking cannot know; a facilitator de-identifies it by hand. */
const SURNAME = 'Kanariefågelsson';

/** Every way the three could be written: with and without separators, the century, the country code. */
const VARIANTS: Record<string, string[]> = {
  personnummer: ['19121212-1212', '191212121212', '121212-1212', '1212121212', '19121212 1212'],
  email: [EMAIL, 'kanariefagel.tolvan', 'kanariefagel.tolvan%40exempel.se'],
  phone: ['070-741 29 63', '0707412963', '070-7412963', '070 741 29 63', '+46707412963', '46707412963'],
};
const SURNAME_VARIANTS = [SURNAME, SURNAME.toLowerCase(), 'kanariefagelsson', 'Kanariefågel'];

const STORIES = 5;

let t: TestApp;
let admin: StaffSession;
let staff: StaffSession;
let coder: StaffSession;
let themeId: string;
const storyIds: string[] = [];
const receiptCodes: string[] = [];
/** Every response body the canary flow saw, by route. */
const seen: Array<{ where: string; text: string; deidentified: boolean }> = [];
/** What every export gave, decoded to text. */
const exported: Array<{ where: string; status: number; text: string }> = [];
/** Set once the surname has been removed by hand from every story. */
let deidentified = false;

const storyText = (marker: string) =>
  `${marker}. Jag heter Tolvan ${SURNAME}, mitt personnummer är ${PERSONNUMMER}. Ring mig på ${PHONE} eller mejla ${EMAIL} om ni undrar något. ` +
  'Vi fick vänta på akuten i sex timmar och ingen sa varför.';

function record(where: string, res: request.Response): request.Response {
  seen.push({ where, text: res.text ?? '', deidentified });
  return res;
}

/** A download as bytes: XLSX and DOCX are zip files, so their text is only readable once unpacked. */
function download(route: string, query: Record<string, string>, who: StaffSession) {
  return request(t.app)
    .get(route)
    .query(query)
    .set(who.headers)
    .buffer(true)
    .parse(bytesBody);
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join('\n');
}

/** The canary variants found in a text (case-insensitive), for a readable failure. */
function leaks(text: string, withSurname: boolean): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const [kind, variants] of Object.entries(VARIANTS)) for (const variant of variants) if (lower.includes(variant.toLowerCase())) found.push(`${kind} "${variant}"`);
  if (withSurname) for (const variant of SURNAME_VARIANTS) if (lower.includes(variant.toLowerCase())) found.push(`surname "${variant}"`);
  return found;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, ['admin', 'facilitator', 'staff'], 'Kanarie Admin');
  staff = await signInAs(t, ['staff'], 'Kanarie Personal');
  coder = await signInAs(t, ['facilitator'], 'Kanarie Kodare');
  const theme = record('POST /api/v1/themes', await request(t.app).post('/api/v1/themes').set(admin.headers).send({ labels: { sv: uniquePhrase('kanarie'), en: uniquePhrase('canary') } }));
  expect(theme.status).toBe(201);
  themeId = String(theme.body.id);

  for (let index = 0; index < STORIES; index += 1) {
    const marker = uniquePhrase('kanarie');
    const submission = buildSubmission({
      care: { settings: ['emergency'], unit: `Akuten, ring ${PHONE}`, when: 'last_month' },
      story: { whatHappened: storyText(marker), whatCouldBeBetter: `Skriv till ${EMAIL} eller ring ${PHONE}.`, idea: `Mitt personnummer ${PERSONNUMMER} stod på lappen.` },
      followUp: { name: `Tolvan ${SURNAME}`, email: EMAIL, phone: PHONE, preferredLanguage: 'sv', accessNeeds: `Personnummer ${PERSONNUMMER}, ring ${PHONE}` },
      consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' },
    });
    const posted = record('POST /api/v1/submissions', await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(submission));
    expect(posted.status).toBe(201);
    expect(posted.body.redactions.map((redaction: { kind: string }) => redaction.kind)).toEqual(expect.arrayContaining(['id_number', 'email', 'phone']));
    const id = String(posted.body.id);
    storyIds.push(id);
    receiptCodes.push(String(posted.body.receiptCode));

    // Tag, quote (an excerpt over the whole masked text), note, status — then de-identify the surname by hand.
    const detail = record('GET /api/v1/stories/{id}', await request(t.app).get(`/api/v1/stories/${id}`).set(admin.headers));
    const masked = String(detail.body.story.whatHappened);
    expect(record('POST tags', await request(t.app).post(`/api/v1/stories/${id}/tags`).set(admin.headers).send({ themeId })).status).toBe(201);
    expect(record('POST excerpts', await request(t.app).post(`/api/v1/stories/${id}/excerpts`).set(admin.headers).send({ themeId, field: 'whatHappened', start: 0, end: masked.length })).status).toBe(201);
    expect(record('POST notes', await request(t.app).post(`/api/v1/stories/${id}/notes`).set(admin.headers).send({ text: 'Berättelsen behöver följas upp.' })).status).toBe(201);
    expect(record('PATCH story', await request(t.app).patch(`/api/v1/stories/${id}`).set(admin.headers).send({ status: 'in_review', needsAttention: true })).status).toBe(200);
    const start = masked.indexOf(SURNAME);
    expect(start).toBeGreaterThan(0);
    const redacted = record(
      'POST redactions',
      await request(t.app).post(`/api/v1/stories/${id}/redactions`).set(admin.headers).send({ field: 'whatHappened', start, end: start + SURNAME.length, text: SURNAME }),
    );
    expect(redacted.status, redacted.text).toBe(200);
  }

  deidentified = true;

  // Agreement coding over the same stories, the suggestion model, the retention job.
  const round = record(
    'POST /api/v1/agreement/rounds',
    await request(t.app).post('/api/v1/agreement/rounds').set(admin.headers).send({ name: 'Kanarierunda', coderA: admin.userId, coderB: coder.userId, size: STORIES, themeIds: [themeId] }),
  );
  expect(round.status, round.text).toBe(201);
  const roundId = String(round.body.id);
  for (const who of [admin, coder]) {
    const view = record('GET /api/v1/agreement/rounds/{id}', await request(t.app).get(`/api/v1/agreement/rounds/${roundId}`).set(who.headers));
    for (const story of view.body.stories as Array<{ id: string }>) {
      record('PUT codes', await request(t.app).put(`/api/v1/agreement/rounds/${roundId}/codes/${story.id}`).set(who.headers).send({ themeIds: [themeId] }));
    }
  }
  record('POST finish', await request(t.app).post(`/api/v1/agreement/rounds/${roundId}/finish`).set(admin.headers));
  record('GET results', await request(t.app).get(`/api/v1/agreement/rounds/${roundId}/results`).set(admin.headers));
  record('POST /api/v1/suggestions/model', await request(t.app).post('/api/v1/suggestions/model').set(admin.headers));
  record('POST /api/v1/retention/run', await request(t.app).post('/api/v1/retention/run').set(admin.headers));

  // Every readable route in the document, with real ids: the contacts routes are the positive control, kept apart.
  const doc = await fetchDocument(t);
  for (const op of operationsOf(doc).filter((candidate) => candidate.method === 'get' && !endsSession(candidate))) {
    const values: Record<string, string> = { id: op.path.includes('/agreement/') ? roundId : storyIds[0]!, code: receiptCodes[0]! };
    const paths = pathParameters(op.path).every((name) => name in values) ? [op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name]!)] : [];
    for (const path of paths) {
      for (const who of [admin, staff]) record(`${op.key} as ${who === admin ? 'admin' : 'staff'}`, await request(t.app).get(path).set(who.headers));
    }
  }
  for (const id of storyIds) record('GET /api/v1/stories/{id}', await request(t.app).get(`/api/v1/stories/${id}`).set(admin.headers));
  for (const code of receiptCodes) record('GET /api/v1/receipts/{code}', await request(t.app).get(`/api/v1/receipts/${code}`));
  record('GET /api/v1/audit?limit=1000', await request(t.app).get('/api/v1/audit').query({ limit: 1000 }).set(admin.headers));

  // Every export, as staff would take it away: the text ones as they are, the zip ones unpacked.
  for (const who of [admin, staff]) {
    const as = who === admin ? 'admin' : 'staff';
    for (const profile of ['sv-excel', 'rfc4180']) {
      const csv = await download('/api/v1/exports/stories', { format: 'csv', profile }, who);
      exported.push({ where: `stories.csv ${profile} as ${as}`, status: csv.status, text: Buffer.from(csv.body).toString('utf8') });
    }
    const ndjson = await download('/api/v1/exports/stories', { format: 'ndjson' }, who);
    exported.push({ where: `stories.ndjson as ${as}`, status: ndjson.status, text: Buffer.from(ndjson.body).toString('utf8') });
    const xlsx = await download('/api/v1/exports/stories', { format: 'xlsx' }, who);
    exported.push({ where: `stories.xlsx as ${as}`, status: xlsx.status, text: await xlsxText(xlsx.body) });
    const themesCsv = await download('/api/v1/exports/themes', { format: 'csv' }, who);
    exported.push({ where: `themes.csv as ${as}`, status: themesCsv.status, text: Buffer.from(themesCsv.body).toString('utf8') });
    const themesXlsx = await download('/api/v1/exports/themes', { format: 'xlsx' }, who);
    exported.push({ where: `themes.xlsx as ${as}`, status: themesXlsx.status, text: await xlsxText(themesXlsx.body) });
    const report = await download('/api/v1/reports/summary.html', { lang: 'sv' }, who);
    exported.push({ where: `report.html as ${as}`, status: report.status, text: Buffer.from(report.body).toString('utf8') });
    const quotes = await download('/api/v1/reports/quotes.docx', { lang: 'sv' }, who);
    exported.push({ where: `quotes.docx as ${as}`, status: quotes.status, text: unzip(quotes.body).all() });
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('the canary: a personnummer, an e-mail address and a phone number never appear in plain text', () => {
  it('went through the whole flow (summaries show the theme with a quote, the inbox finds every story)', () => {
    const summary = seen.find((entry) => entry.where.startsWith('GET /api/v1/summaries as admin'));
    expect(summary, 'summaries were read').toBeDefined();
    const body = JSON.parse(summary!.text) as { total: unknown; themes: Array<{ themeId: string; detail?: { quotes: Array<{ text: string; source: string }> } }> };
    expect(body.total).toBe(STORIES);
    const quotes = body.themes.find((theme) => theme.themeId === themeId)?.detail?.quotes ?? [];
    // The quotes are the tagged excerpts: the masked story text, with the de-identified surname gone.
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes[0]!.source).toBe('excerpt');
    expect(quotes[0]!.text).toContain('[');
    const inbox = seen.find((entry) => entry.where.startsWith('GET /api/v1/stories as admin'));
    expect(JSON.parse(inbox!.text).total).toBe(STORIES);
    expect(seen.length).toBeGreaterThan(60);
  });

  it('in no API response (stories, inbox, summaries, agreement, audit log, exports, receipts …)', () => {
    const found = seen
      .filter((entry) => !entry.where.startsWith('GET /api/v1/contacts'))
      // The surname is only masked once a facilitator has de-identified it; from then on it is gone too.
      .flatMap((entry) => leaks(entry.text, entry.deidentified).map((leak) => `${entry.where}: ${leak}`));
    expect(found).toEqual([]);
  });

  it('in no export (stories as CSV in both profiles, NDJSON and XLSX, the theme table, the report, the quote bank)', () => {
    expect(exported).toHaveLength(16);
    for (const file of exported) expect(file.status, file.where).toBe(200);
    // The exports hold the stories (their unchanged sentence), so the search below has something to search.
    for (const file of exported.filter((entry) => entry.where.startsWith('stories.'))) expect(file.text, file.where).toContain('akuten i sex timmar');
    const found = exported.flatMap((file) => leaks(file.text, true).map((leak) => `${file.where}: ${leak}`));
    expect(found).toEqual([]);
  });

  it('in no log line the app wrote', () => {
    const logs = t.logs.join('');
    expect(logs.length).toBeGreaterThan(1000);
    expect(leaks(logs, true)).toEqual([]);
  });

  it('in no database collection except contacts, where they are only encrypted', async () => {
    const db = t.connection.db!;
    const collections = (await db.listCollections().toArray()).map((collection) => collection.name).sort();
    expect(collections).toEqual(expect.arrayContaining(['submissions', 'contacts', 'auditEvents']));
    const found: string[] = [];
    for (const name of collections) {
      const documents = await db.collection(name).find({}).toArray();
      const text = JSON.stringify(documents);
      for (const leak of leaks(text, true)) found.push(`${name}: ${leak}`);
    }
    expect(found).toEqual([]);
    const contacts = await db.collection('contacts').find({}).toArray();
    expect(contacts).toHaveLength(STORIES);
    for (const contact of contacts) expect(typeof contact['envelope']).toBe('string');
  });

  it('— positive control: the admin contacts routes decrypt exactly these details, so the search above would find them', async () => {
    const list = seen.find((entry) => entry.where === 'GET /api/v1/contacts as admin');
    expect(list).toBeDefined();
    expect(leaks(list!.text, true)).toEqual(expect.arrayContaining(['email "kanariefagel.tolvan@exempel.se"', 'phone "070-741 29 63"', `surname "${SURNAME}"`]));
    const csv = seen.find((entry) => entry.where === 'GET /api/v1/contacts.csv as admin');
    expect(leaks(csv!.text, false).length).toBeGreaterThan(0);
  });
});
