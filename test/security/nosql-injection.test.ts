import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFollowUp } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { percentEncode } from './support/hostile.ts';
import { createResponseChecker, fetchDocument, operationsOf, type CheckedResponse, type Operation, type OpenApiDocument } from './support/openapi.ts';
import { listen, send } from './support/requests.ts';
import { buildWorld, submitStory, type World } from './support/world.ts';

// Operator injection through the query string on every filter of every GET route that takes one (read from the
// OpenAPI document, so a new filter is covered without touching this file). An injected filter must be refused (400)
// or read as the literal text it is: it may never find more than a filter value that matches nothing.

let t: TestApp;
let server: Server;
let closeServer: () => Promise<void>;
let doc: OpenApiDocument;
let world: World;
let check: ReturnType<typeof createResponseChecker>;

beforeAll(async () => {
  t = await createTestApp();
  ({ server, close: closeServer } = await listen(t));
  doc = await fetchDocument(t);
  check = createResponseChecker(doc);
  world = await buildWorld(t);
  // Enough stories that a widened filter would show (summaries hide groups under 5).
  for (const locale of ['sv', 'en', 'fi', 'ar', 'uk', 'so'] as const) {
    await submitStory(t, { locale, followUp: buildFollowUp(), consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } });
  }
});

afterAll(async () => {
  await closeServer?.();
  await t?.close();
});

/** How many things an answer holds: stories found, audit events, contacts, themes, CSV rows. */
function sizeOf(res: CheckedResponse): number {
  const contentType = String(res.headers['content-type'] ?? '');
  if (contentType.startsWith('text/csv')) return res.text.trim().split('\n').length - 1;
  const body = res.body;
  if (Array.isArray(body)) return body.length;
  if (typeof body === 'object' && body !== null) {
    const total: unknown = Reflect.get(body, 'total');
    if (typeof total === 'number') return total;
    // A suppressed total still means "some": at least one.
    if (typeof total === 'object' && total !== null) return 1;
    const items: unknown = Reflect.get(body, 'items');
    if (Array.isArray(items)) return items.length;
  }
  return 0;
}

interface Injection {
  readonly name: string;
  readonly query: (parameter: string) => string;
  /** Keys the schema does not know: always refused. */
  readonly mustRefuse: boolean;
}

const pair = (key: string, value: string) => `${key}=${percentEncode(value)}`;

const INJECTIONS: Injection[] = [
  { name: '[$ne]', query: (p) => `${p}[$ne]=x`, mustRefuse: true },
  { name: '[$ne] encoded', query: (p) => `${percentEncode(`${p}[$ne]`)}=x`, mustRefuse: true },
  { name: '[$regex]=.*', query: (p) => `${p}[$regex]=.*`, mustRefuse: true },
  { name: '[$gt]=', query: (p) => `${p}[$gt]=`, mustRefuse: true },
  { name: '[$exists]=true', query: (p) => `${p}[$exists]=true`, mustRefuse: true },
  { name: '[$where]', query: (p) => `${p}[$where]=${percentEncode('sleep(1000)||true')}`, mustRefuse: true },
  { name: '[]=', query: (p) => `${p}[]=a&${p}[]=b`, mustRefuse: true },
  { name: '.$ne', query: (p) => `${p}.$ne=x`, mustRefuse: true },
  { name: 'a JSON operator as the value', query: (p) => pair(p, '{"$ne":null}'), mustRefuse: false },
  { name: 'a JSON regex as the value', query: (p) => pair(p, '{"$regex":".*"}'), mustRefuse: false },
  { name: 'a regex as the value', query: (p) => pair(p, '.*'), mustRefuse: false },
  { name: '$ne as the value', query: (p) => pair(p, '$ne'), mustRefuse: false },
  { name: 'a JSON array as the value', query: (p) => pair(p, '["a","b"]'), mustRefuse: false },
  { name: 'the parameter twice', query: (p) => `${pair(p, 'zzqx')}&${pair(p, '{"$ne":null}')}`, mustRefuse: false },
  { name: '__proto__ beside it', query: (p) => `${pair(p, 'zzqx')}&__proto__[${p}]=x`, mustRefuse: true },
];

/** The last value in a query string, decoded. */
function valueOf(query: string): string {
  return decodeURIComponent(query.split('&').at(-1)!.split('=').slice(1).join('='));
}

/** Only the letters and digits of a value, as a person would type the same words. */
const words = (value: string) => value.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function filteredGets(): Array<{ op: Operation; parameters: string[] }> {
  return operationsOf(doc)
    .filter((op) => op.method === 'get')
    .map((op) => ({ op, parameters: (op.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) }))
    .filter(({ parameters }) => parameters.length > 0);
}

async function get(op: Operation, query: string): Promise<CheckedResponse> {
  const res = await send(server, { method: 'get', url: `${op.path}?${query}`, headers: world.admin.headers, body: undefined });
  expect(check(op, res), `${op.key}?${query}`).toEqual([]);
  return res;
}

describe('NoSQL operator injection in query strings', () => {
  it('finds every GET route with filters in the document (stories, audit, contacts, themes, summaries…)', () => {
    const paths = filteredGets().map(({ op }) => op.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/stories', '/api/v1/audit', '/api/v1/audit.csv', '/api/v1/contacts', '/api/v1/themes', '/api/v1/summaries']));
  });

  it('has data a widened filter would show', async () => {
    const stories = filteredGets().find(({ op }) => op.path === '/api/v1/stories')!.op;
    expect(sizeOf(await get(stories, 'limit=100'))).toBeGreaterThanOrEqual(8);
    const contacts = filteredGets().find(({ op }) => op.path === '/api/v1/contacts')!.op;
    expect(sizeOf(await get(contacts, 'limit=100'))).toBeGreaterThanOrEqual(7);
  });

  it('refuses operator keys and never finds more than a value that matches nothing, on every filter', async () => {
    const report: string[] = [];
    for (const { op, parameters } of filteredGets()) {
      for (const parameter of parameters) {
        const nothing = await get(op, pair(parameter, 'zzqx'));
        const nothingFound = nothing.status === 200 ? sizeOf(nothing) : 0;
        for (const injection of INJECTIONS) {
          const res = await get(op, injection.query(parameter));
          // Read as text, `{"$ne":null}` is the words "ne null" and `.*` no words at all (a search without words
          // lists everything, as an empty search does); the answer may hold no more than that literal reading.
          const literal = await get(op, pair(parameter, words(valueOf(injection.query(parameter)))));
          const ceiling = Math.max(nothingFound, literal.status === 200 ? sizeOf(literal) : 0);
          if (injection.mustRefuse) {
            if (res.status !== 400) report.push(`${op.key} ${injection.query(parameter)} → ${res.status} (expected 400)`);
            continue;
          }
          if (res.status === 400) continue;
          if (res.status !== 200) report.push(`${op.key} ${injection.query(parameter)} → ${res.status}`);
          else if (sizeOf(res) > ceiling) report.push(`${op.key} ${injection.query(parameter)} found ${sizeOf(res)} > ${ceiling}`);
        }
      }
    }
    expect(report).toEqual([]);
  });

  it('reads a search as words, never as a pattern or an operator', async () => {
    const stories = filteredGets().find(({ op }) => op.path === '/api/v1/stories')!.op;
    const marker = uniquePhrase('mönster');
    const word = marker.split(' ')[1]!;
    await submitStory(t, { story: { whatHappened: `${marker} — vi väntade länge på besked.` } });
    expect(sizeOf(await get(stories, pair('q', word)))).toBe(1);
    // Each of these would find the story if it reached the database as a pattern or an operator.
    for (const q of [`${word.slice(0, 8)}.*`, `^${word.slice(0, 8)}`, `${word.slice(0, 8)}[a-z]+`, `{"$regex":"${word.slice(0, 8)}"}`, `{"$ne":null}`]) {
      const res = await get(stories, pair('q', q));
      expect(res.status, q).toBe(200);
      expect(sizeOf(res), q).toBe(0);
    }
    expect((await get(stories, `q[$regex]=${word.slice(0, 8)}`)).status).toBe(400);
  });

  it('refuses a forged paging cursor that carries an operator', async () => {
    const forged = [
      Buffer.from(JSON.stringify(['2026-01-01', { $ne: null }])).toString('base64url'),
      Buffer.from(JSON.stringify([{ $gt: '' }, 'x'])).toString('base64url'),
      Buffer.from(JSON.stringify({ $where: '1' })).toString('base64url'),
    ];
    for (const { op, parameters } of filteredGets().filter(({ parameters }) => parameters.includes('after'))) {
      expect(parameters).toContain('after');
      for (const cursor of forged) expect((await get(op, pair('after', cursor))).status, `${op.key} ${cursor}`).toBe(400);
    }
  });
});
