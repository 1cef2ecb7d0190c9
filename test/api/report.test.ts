import { parse, type DefaultTreeAdapterMap } from 'parse5';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../api/contract/index.ts';
import { driverCollection } from '../../api/src/db/collections.ts';
import { createTagRepository } from '../../api/src/tagging/repository.ts';
import { buildFollowUp, buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { docxParagraphs, unzip } from '../support/officeFiles.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { bytesBody } from '../support/bytesBody.ts';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const K = 5;
const XSS_LABEL_SV = '<img src=x onerror=alert(1)>Bemötande';
const XSS_LABEL_EN = '<script>alert(2)</script>Respect';
const XSS_QUOTE = `<script>alert('kvot')</script> ${uniquePhrase('Ingen svarade i telefon')}`;
const ARABIC = `انتظرت طويلا في غرفة الانتظار ولم يخبرني أحد بشيء ${uniquePhrase('ar')}`;
const CONTACT = buildFollowUp();

let t: TestApp;
let staff: StaffSession;
let facilitator: StaffSession;
let admin: StaffSession;
let today = '2027-01-10';
const themeIds = { waiting: '', respect: '', parking: '' };
const storyIds: string[] = [];
const storyTexts = new Map<string, string>();

function* elements(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      yield child;
      yield* elements(child);
      if (child.tagName === 'template') yield* elements((child as DefaultTreeAdapterMap['template']).content);
    }
  }
}
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
function textOf(node: ParentNode): string {
  return node.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : 'childNodes' in child ? textOf(child) : '')).join('');
}

/** The report parsed by the HTML standard's parser, with every parse error it reported. */
function parseReport(html: string) {
  const errors: string[] = [];
  const document = parse(html, { onParseError: (error) => errors.push(`${error.code} at ${error.startLine}:${error.startCol}`) });
  return { document, errors, all: [...elements(document)] };
}

const report = (query: Record<string, string>, who: StaffSession = staff) =>
  request(t.app)
    .get('/api/v1/reports/summary.html')
    .query(query)
    .set(who.headers)
    .buffer(true)
    .parse((res, callback) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => callback(null, body));
    });
const docx = (query: Record<string, string>, who: StaffSession = staff) =>
  request(t.app)
    .get('/api/v1/reports/quotes.docx')
    .query(query)
    .set(who.headers)
    .buffer(true)
    .parse(bytesBody);
const summaryOf = async (query: Record<string, string>): Promise<Summary> => {
  const res = await request(t.app).get('/api/v1/summaries').query(query).set(staff.headers);
  expect(res.status).toBe(200);
  return res.body as Summary;
};

beforeAll(async () => {
  t = await createTestApp({ today: () => today });
  staff = await signInAs(t, ['staff'], 'Siv Staff');
  facilitator = await signInAs(t, ['facilitator'], 'Fia Facilitator');
  admin = await signInAs(t, ['admin'], 'Ada Admin');
  for (const [key, labels] of [
    ['waiting', { sv: 'Väntetider', en: 'Waiting times' }],
    ['respect', { sv: XSS_LABEL_SV, en: XSS_LABEL_EN }],
    ['parking', { sv: 'Parkering', en: 'Parking' }],
  ] as const) {
    const res = await request(t.app).post('/api/v1/themes').set(facilitator.headers).send({ labels });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    themeIds[key] = String(res.body.id);
  }
  const res = await request(t.app)
    .post('/api/v1/campaigns')
    .set(facilitator.headers)
    .send({ code: 'akuten-vt27', name: 'Akuten våren 2027', site: 'Sahlgrenska', rolloutWave: 1, phase: 'before', opensOn: '2026-12-01' });
  expect(res.status).toBe(201);

  for (let i = 0; i < 24; i += 1) {
    today = `2027-0${1 + (i % 3)}-1${i % 10}`;
    const locale = i % 4 === 0 ? 'ar' : i % 4 === 1 ? 'en' : 'sv';
    const whatHappened = i === 1 ? XSS_QUOTE : locale === 'ar' ? `${ARABIC} ${i}` : uniquePhrase(locale === 'en' ? 'We waited a long time' : 'Vi väntade länge');
    const res = await request(t.app)
      .post('/api/v1/submissions')
      .set('Idempotency-Key', newKey())
      .send({
        ...buildSubmission({ locale, rating: 1 + (i % 5), story: { whatHappened } }),
        ...(i % 3 === 0 ? { campaign: 'akuten-vt27' } : {}),
        ...(i === 2 ? { followUp: CONTACT, consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } } : {}),
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    storyIds.push(String(res.body.id));
  }
  const stories = await driverCollection<{ _id: string; story: { whatHappened: string } }>(t.connection, 'submissions').find({}).toArray();
  for (const story of stories) storyTexts.set(story._id, story.story.whatHappened);

  const tags = createTagRepository(t.connection);
  let at = Date.parse('2027-04-01T08:00:00Z');
  const tag = (storyId: string, themeId: string) => tags.add({ storyId, themeId, kind: 'story' }, new Date((at += 1000)));
  for (let i = 0; i < 18; i += 1) await tag(storyIds[i]!, themeIds.waiting);
  for (let i = 6; i < 15; i += 1) await tag(storyIds[i]!, themeIds.respect);
  for (const i of [20, 21]) await tag(storyIds[i]!, themeIds.parking);
  // Excerpts are the quotes chosen first: two Arabic stories and the one with a script in it.
  for (const i of [0, 4, 1]) {
    const text = storyTexts.get(storyIds[i]!)!;
    await tags.add({ storyId: storyIds[i]!, themeId: themeIds.waiting, kind: 'excerpt', field: 'whatHappened', start: 0, end: text.length }, new Date((at += 1000)));
  }
  today = '2027-06-01';
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/reports/summary.html', () => {
  it('is one valid HTML file, an attachment, with no script, nothing loaded from elsewhere and its own strict policy', async () => {
    const res = await report({});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="medskapa-rapport-2027-06-01\.html"$/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain('sandbox');
    const html = String(res.body);
    const { document, errors, all } = parseReport(html);
    expect(errors).toEqual([]);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const root = all.find((element) => element.tagName === 'html')!;
    expect(attr(root, 'lang')).toBe('sv');
    expect(all.filter((element) => element.tagName === 'script')).toEqual([]);
    for (const element of all) {
      for (const { name, value } of element.attrs) {
        expect(name.startsWith('on'), `${element.tagName} ${name}`).toBe(false);
        if (['src', 'href', 'xlink:href', 'action', 'srcset', 'poster', 'data'].includes(name)) expect(value, `${element.tagName} ${name}`).toMatch(/^#[a-z0-9-]+$/);
      }
      expect(['link', 'iframe', 'object', 'embed', 'img', 'base', 'form'].includes(element.tagName), element.tagName).toBe(false);
    }
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).not.toMatch(/@import/);
    const csp = all.find((element) => attr(element, 'http-equiv') === 'Content-Security-Policy');
    expect(attr(csp!, 'content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
    // Every in-page link lands on an element that exists, and ids are unique.
    const ids = all.map((element) => attr(element, 'id')).filter((id) => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    for (const link of all.filter((element) => element.tagName === 'a')) expect(ids).toContain(attr(link, 'href')!.slice(1));
    // Title page, contents, method with the k in use, print rules.
    expect(textOf(document)).toContain('Skapad av');
    expect(textOf(document)).toContain('Medskapa');
    expect(all.some((element) => element.tagName === 'nav')).toBe(true);
    const method = all.find((element) => attr(element, 'id') === 'method')!;
    expect(textOf(method)).toContain(`inga antal mellan 1 och ${K - 1}`);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('counter(page)');
    // Every chart has its data table beside it.
    const charts = all.filter((element) => element.tagName === 'svg');
    expect(charts.length).toBeGreaterThan(5);
    for (const figure of all.filter((element) => element.tagName === 'figure' && !attr(element, 'class')?.includes('quote'))) {
      const inside = [...elements(figure)];
      expect(inside.some((element) => element.tagName === 'svg')).toBe(true);
      expect(inside.some((element) => element.tagName === 'table')).toBe(true);
    }
  });

  it('has a section for each theme with a shown count, ranked as the summary ranks them, and none for a hidden one', async () => {
    const summary = await summaryOf({});
    const { all } = parseReport(String((await report({})).body));
    const sections = all.filter((element) => attr(element, 'class') === 'theme');
    const shown = summary.themes.filter((theme) => typeof theme.count === 'number');
    expect(sections.map((section) => attr(section, 'data-theme-id'))).toEqual(shown.map((theme) => theme.themeId));
    expect(shown.map((theme) => theme.themeId)).toEqual([themeIds.waiting, themeIds.respect]);
    expect(sections.map((section) => attr(section, 'data-theme-id'))).not.toContain(themeIds.parking);
    const contents = all.find((element) => element.tagName === 'nav')!;
    expect(textOf(contents)).toContain('Väntetider');
    expect(textOf(contents)).toContain(XSS_LABEL_SV);
  });

  for (const query of [{}, { locale: 'ar' }, { campaign: 'akuten-vt27' }, { from: '2027-02', to: '2027-03', role: 'relative' }] as Array<Record<string, string>>) {
    it(`shows exactly the summaries API's numbers and none below k (${JSON.stringify(query)})`, async () => {
      const summary = await summaryOf(query);
      const { all } = parseReport(String((await report(query)).body));
      const counts = all.filter((element) => attr(element, 'data-count') !== undefined).map((element) => Number(attr(element, 'data-count')));
      for (const value of counts) expect(value === 0 || value >= K, `count ${value}`).toBe(true);
      const tableCounts = (id: string) => {
        const figure = all.find((element) => attr(element, 'id') === id);
        if (figure === undefined) return undefined;
        return [...elements(figure)].filter((element) => element.tagName === 'td' && /^num( hidden-value)?$/.test(attr(element, 'class') ?? '')).map((cell) => (attr(cell, 'data-suppressed') === 'true' ? 'hidden' : Number(attr(cell, 'data-count'))));
      };
      const expected = (value: number | { suppressed: true }) => (typeof value === 'number' ? value : 'hidden');
      if (typeof summary.total !== 'number' || summary.total === 0) {
        expect(tableCounts('ranking')).toBeUndefined();
        return;
      }
      expect(tableCounts('ranking')).toEqual(summary.themes.map((theme) => expected(theme.count)));
      expect(tableCounts('overall-trend')).toEqual(summary.overall!.trend.map((entry) => expected(entry.count)));
      expect(tableCounts('overall-role')).toEqual(summary.overall!.byRole.map((entry) => expected(entry.count)));
      expect(tableCounts('overall-care')).toEqual(summary.overall!.byCareSetting.map((entry) => expected(entry.count)));
      const ratings = summary.overall!.ratings;
      expect(tableCounts('overall-ratings')).toEqual([...ratings.distribution.map((entry) => expected(entry.count)), expected(ratings.rated), expected(ratings.unrated)]);
      const sections = summary.themes.filter((theme) => theme.detail !== undefined && typeof theme.count === 'number');
      for (const [index, theme] of sections.entries()) {
        const detail = theme.detail!;
        expect(tableCounts(`theme-${index + 1}-trend`)).toEqual(detail.trend.map((entry) => expected(entry.count)));
        expect(tableCounts(`theme-${index + 1}-role`)).toEqual(detail.byRole.map((entry) => expected(entry.count)));
        const section = all.find((element) => attr(element, 'id') === `theme-${index + 1}`)!;
        expect(attr([...elements(section)].find((element) => attr(element, 'data-theme-count') !== undefined)!, 'data-theme-count')).toBe(String(theme.count));
        const quotes = [...elements(section)].filter((element) => element.tagName === 'blockquote');
        expect(quotes.map((quote) => textOf(quote))).toEqual(detail.quotes.map((quote) => quote.text));
        expect(quotes.map((quote) => attr(quote, 'lang'))).toEqual(detail.quotes.map((quote) => quote.lang));
        for (const quote of quotes) expect(attr(quote, 'dir')).toBe('auto');
      }
    });
  }

  it('shows theme labels and quotes with markup in them as text, never as elements', async () => {
    const res = await report({});
    const html = String(res.body);
    const { all, document } = parseReport(html);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Bemötande');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&#39;kvot&#39;)&lt;/script&gt;');
    expect(all.filter((element) => ['script', 'img'].includes(element.tagName))).toEqual([]);
    expect(textOf(document)).toContain(XSS_QUOTE.slice(0, 40));
    const english = parseReport(String((await report({ lang: 'en' })).body));
    expect(attr(english.all.find((element) => element.tagName === 'html')!, 'lang')).toBe('en');
    expect(textOf(english.document)).toContain(XSS_LABEL_EN);
    expect(english.all.filter((element) => element.tagName === 'script')).toEqual([]);
    expect(english.errors).toEqual([]);
  });

  it('names the campaign and the other filters on the title page', async () => {
    const { all } = parseReport(String((await report({ campaign: 'akuten-vt27', careSetting: 'primary_care', locale: 'sv' })).body));
    const title = all.find((element) => element.tagName === 'header')!;
    expect(textOf(title)).toContain('Kampanj: Akuten våren 2027 (akuten-vt27)');
    expect(textOf(title)).toContain('Vårdform: Vårdcentral');
    expect(textOf(title)).toContain('Språk: svenska');
  });

  it('never contains contact details', async () => {
    for (const lang of ['sv', 'en']) {
      const html = String((await report({ lang })).body);
      for (const detail of [CONTACT.name, CONTACT.email!, CONTACT.phone!]) expect(html).not.toContain(detail);
    }
  });

  it('answers 400 for a bad filter or language, 401 signed out, and is open to staff, facilitators and administrators', async () => {
    for (const query of [{ lang: 'ar' }, { from: 'soon' }, { from: '2027-05', to: '2027-01' }, { role: 'doctor' }, { unknown: '1' }]) {
      const res = await request(t.app).get('/api/v1/reports/summary.html').query(query).set(staff.headers);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await request(t.app).get('/api/v1/reports/summary.html')).status).toBe(401);
    expect((await request(t.app).get('/api/v1/reports/quotes.docx')).status).toBe(401);
    for (const who of [facilitator, admin]) {
      expect((await report({}, who)).status).toBe(200);
      expect((await docx({}, who)).status).toBe(200);
    }
  });

  it('writes an audit entry per report with the filter and the number of themes, and no story text', async () => {
    const before = new Date();
    await report({ locale: 'ar', lang: 'en' });
    const events = await driverCollection<{ action: string; actorId?: string; at: Date; detail?: Record<string, unknown> }>(t.connection, 'auditEvents')
      .find({ action: 'export.report', at: { $gte: before } })
      .toArray();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.actorId).toBe(staff.userId);
    expect(event!.detail).toMatchObject({ format: 'html', lang: 'en', filter: JSON.stringify({ locale: 'ar' }), themes: 1, k: K });
    expect(JSON.stringify(event)).not.toContain('انتظرت');
  });
});

describe('GET /api/v1/reports/quotes.docx', () => {
  it('is a Word document with a heading per shown theme in rank order and its masked quotes, each with language and month', async () => {
    const res = await docx({});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="medskapa-citatbank-2027-06-01.docx"');
    const { read } = unzip(res.body as Buffer);
    const xml = read('word/document.xml');
    const list = docxParagraphs(xml);
    expect(list.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['1. Väntetider', `2. ${XSS_LABEL_SV}`]);
    expect(list.find((p) => p.style === 'Title')?.text).toBe('Citatbank: berättelser om vården, tema för tema');
    expect(xml).not.toContain('Parkering');
    // The markup in a label and a quote is text in the XML, not markup.
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;Bemötande');
    const quotes = list.flatMap((p, index) => (p.style === 'Quote' ? [{ ...p, meta: list[index + 1]!.text }] : []));
    expect(quotes.length).toBeGreaterThan(3);
    const texts = [...storyTexts.values()];
    for (const quote of quotes) {
      expect(texts.some((text) => text.startsWith(quote.text.replace(/ …$/, ''))), quote.text).toBe(true);
      expect(quote.meta).toMatch(/^Språk: (arabiska|engelska|svenska) · Månad: (januari|februari|mars) 2027 · /);
      const arabic = /[\u0600-\u06FF]/.test(quote.text);
      expect(quote.bidi, quote.text).toBe(arabic);
      expect(quote.rtl, quote.text).toBe(arabic);
      if (arabic) expect(quote.meta).toContain('Språk: arabiska');
    }
    expect(quotes.some((quote) => quote.bidi)).toBe(true);
    expect(quotes.some((quote) => quote.text.startsWith("<script>alert('kvot')</script>"))).toBe(true);
    // Ten quotes at most per theme, each from another story.
    const headings = list.flatMap((p, index) => (p.style === 'Heading1' ? [index] : []));
    for (const [n, start] of headings.entries()) {
      const end = headings[n + 1] ?? list.length;
      const own = list.slice(start, end).filter((p) => p.style === 'Quote');
      expect(own.length).toBeGreaterThan(0);
      expect(own.length).toBeLessThanOrEqual(10);
      expect(new Set(own.map((p) => p.text)).size).toBe(own.length);
    }
    // Document properties and language, for screen readers and Word's navigation.
    const core = read('docProps/core.xml');
    expect(core).toContain('<dc:title>Citatbank: berättelser om vården, tema för tema</dc:title>');
    expect(core).toContain('<dc:creator>Medskapa</dc:creator>');
    expect(read('word/styles.xml')).toMatch(/<w:lang [^>]*w:val="sv-SE"/);
    const everything = ['word/document.xml', 'docProps/core.xml', 'word/footer1.xml'].map((name) => read(name)).join('\n');
    for (const detail of [CONTACT.name, CONTACT.email!, CONTACT.phone!]) expect(everything).not.toContain(detail);
  });

  it('quotes only themes with at least k stories in the filter, in English when asked', async () => {
    const res = await docx({ locale: 'ar', lang: 'en' });
    expect(res.status).toBe(200);
    const list = docxParagraphs(unzip(res.body as Buffer).read('word/document.xml'));
    // Among the Arabic stories the respect theme has two: fewer than k, so no heading and no quotes.
    expect(list.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['1. Waiting times']);
    const quotes = list.filter((p) => p.style === 'Quote');
    expect(quotes.length).toBe(5);
    for (const quote of quotes) expect(quote.bidi && quote.rtl).toBe(true);
    expect(list.find((p) => p.style === 'Title')?.text).toBe('Quote bank: stories about care, theme by theme');
  });

  it('has no headings and says so when no theme may be quoted', async () => {
    const list = docxParagraphs(unzip((await docx({ from: '2026-01', to: '2026-02' })).body as Buffer).read('word/document.xml'));
    expect(list.filter((p) => p.style === 'Heading1')).toEqual([]);
    expect(list.map((p) => p.text)).toContain('Det finns inga teman med tillräckligt många berättelser för att visa citat.');
  });

  it('writes an audit entry with the filter, the number of themes and quotes', async () => {
    const before = new Date();
    await docx({ campaign: 'akuten-vt27' });
    const events = await driverCollection<{ action: string; actorId?: string; at: Date; detail?: Record<string, unknown> }>(t.connection, 'auditEvents')
      .find({ action: 'export.quotes', at: { $gte: before } })
      .toArray();
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(staff.userId);
    expect(events[0]!.detail).toMatchObject({ format: 'docx', lang: 'sv', filter: JSON.stringify({ campaign: 'akuten-vt27' }), k: K });
    expect(typeof events[0]!.detail!['quotes']).toBe('number');
    expect(typeof events[0]!.detail!['themes']).toBe('number');
  });
});
