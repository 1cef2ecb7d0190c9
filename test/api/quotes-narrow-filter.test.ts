import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../api/contract/index.ts';
import { createSummaryRepository } from '../../api/src/summaries/repository.ts';
import { createSummaryService } from '../../api/src/summaries/service.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { bytesBody } from '../support/bytesBody.ts';
import { uniquePhrase } from '../support/markers.ts';
import { docxParagraphs, unzip } from '../support/officeFiles.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// Quotes must come from the stories that match the filter, however many newer tags of the theme lie outside it:
// here six Finnish stories were tagged first and sixty Swedish ones after them.
const FINNISH = 6;
const SWEDISH = 60;

let t: TestApp;
let staff: StaffSession;
let themeId = '';
const finnishTexts = new Set<string>();

beforeAll(async () => {
  t = await createTestApp();
  const facilitator = await signInAs(t, ['facilitator']);
  staff = await signInAs(t, ['staff']);
  const label = uniquePhrase('Uppföljning');
  themeId = String((await request(t.app).post('/api/v1/themes').set(facilitator.headers).send({ labels: { sv: label, en: label } })).body.id);
  const tell = async (locale: 'fi' | 'sv', whatHappened: string) => {
    const submitted = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission({ locale, story: { whatHappened } }));
    expect(submitted.status).toBe(201);
    const tagged = await request(t.app).post(`/api/v1/stories/${String(submitted.body.id)}/tags`).set(facilitator.headers).send({ themeId });
    expect(tagged.status).toBe(201);
  };
  for (let i = 0; i < FINNISH; i += 1) {
    const text = `Kukaan ei soittanut minulle takaisin tulosten jälkeen ${uniquePhrase('fi')}`;
    finnishTexts.add(text);
    await tell('fi', text);
  }
  for (let i = 0; i < SWEDISH; i += 1) await tell('sv', `Ingen ringde tillbaka efter provsvaren ${uniquePhrase('sv')}`);
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('quotes for a narrow filter', () => {
  it('come from the matching stories in the summary, whether the stories are grouped in the app or on the server', async () => {
    const fromApi = await request(t.app).get('/api/v1/summaries').query({ locale: 'fi', theme: themeId }).set(staff.headers);
    expect(fromApi.status).toBe(200);
    const viaHttp: Summary = fromApi.body;
    for (const summary of [
      viaHttp,
      await createSummaryService({ repository: createSummaryRepository(t.connection, { grouping: 'server' }), k: 5 }).summarize({ locale: 'fi', theme: themeId }, { storyIds: false }),
    ]) {
      const theme = summary.themes.find((entry) => entry.themeId === themeId);
      expect(theme?.count).toBe(FINNISH);
      const quotes = theme?.detail?.quotes ?? [];
      expect(quotes).toHaveLength(3);
      for (const quote of quotes) {
        expect(quote.lang).toBe('fi');
        expect(finnishTexts.has(quote.text), quote.text).toBe(true);
      }
    }
  });

  it('fill the quote bank with every matching story, none from outside the filter', async () => {
    const res = await request(t.app)
      .get('/api/v1/reports/quotes.docx')
      .query({ locale: 'fi', theme: themeId })
      .set(staff.headers)
      .buffer(true)
      .parse(bytesBody);
    expect(res.status).toBe(200);
    const quotes = docxParagraphs(unzip(res.body as Buffer).read('word/document.xml')).filter((paragraph) => paragraph.style === 'Quote');
    expect(quotes.map((quote) => quote.text).sort()).toEqual([...finnishTexts].sort());
  });
});
