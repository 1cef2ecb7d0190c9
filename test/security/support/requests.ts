import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { buildSubmission } from '../../support/builders.ts';
import { STAFF_PASSWORD } from '../../support/staffSession.ts';
import type { TestApp } from '../../support/testApp.ts';
import type { HostileBody } from './hostile.ts';
import type { CheckedResponse, Method, Operation } from './openapi.ts';
import type { World } from './world.ts';

/** A body each operation accepts, so mutations of it reach the deeper checks. */
export function validBodies(world: World): Record<string, unknown> {
  return {
    'POST /api/v1/submissions': buildSubmission(),
    'POST /api/v1/session': { email: world.admin.email, password: STAFF_PASSWORD },
    'POST /api/v1/users': { email: 'ny.person@vgregion.se', displayName: 'Ny Person', roles: ['staff'], password: 'ett långt lösenord för testet' },
    'PATCH /api/v1/users/{id}': { roles: ['staff'] },
    'POST /api/v1/campaigns': { code: 'ny-kampanj', name: 'Ny kampanj', site: 'Sahlgrenska', rolloutWave: 2, phase: 'around', opensOn: '2026-03-01' },
    'PATCH /api/v1/campaigns/{code}': { name: 'Nytt namn', closesOn: '2027-12-31' },
    'POST /api/v1/stories/bulk-tags': { themeId: world.themeId, storyIds: [world.storyId] },
    'PATCH /api/v1/stories/{id}': { status: 'in_review', needsAttention: false },
    'POST /api/v1/stories/{id}/tags': { themeId: world.themeId },
    'POST /api/v1/stories/{id}/excerpts': { themeId: world.themeId, field: 'whatHappened', start: 0, end: 3 },
    'POST /api/v1/stories/{id}/notes': { text: 'En anteckning' },
    'POST /api/v1/stories/{id}/redactions': { field: 'whatHappened', start: 0, end: 3, text: 'Min' },
    'POST /api/v1/themes': { labels: { sv: 'Nytt tema', en: 'New theme' }, keywords: { sv: ['väntetid'] }, colour: '#123456' },
    'PATCH /api/v1/themes/{id}': { labels: { sv: 'Omdöpt' }, status: 'active' },
    'POST /api/v1/themes/{id}/merge': { into: world.themeId },
    'POST /api/v1/agreement/rounds': { name: 'Runda', coderA: world.admin.userId, coderB: world.coderId, size: 1 },
    'PUT /api/v1/agreement/rounds/{id}/codes/{storyId}': { themeIds: [world.themeId] },
  };
}

/** One listening server for the whole file: supertest would otherwise open a new one per request. */
export async function listen(t: TestApp): Promise<{ server: Server; close: () => Promise<void> }> {
  const server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  if (address.port === 0) throw new Error('no port');
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SentRequest {
  readonly method: Method;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: HostileBody | undefined;
}

/** Sends one request; a hang past 10 s fails the caller. */
export async function send(server: Server, sent: SentRequest): Promise<CheckedResponse> {
  let call = request(server)[sent.method](sent.url).timeout({ response: 10_000, deadline: 20_000 }).buffer(true).parse((res, callback) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
    });
    res.on('end', () => callback(null, text));
  });
  for (const [name, value] of Object.entries(sent.headers)) call = call.set(name, value);
  if (sent.body !== undefined && sent.body.payload !== undefined) {
    if (sent.body.contentType !== undefined) call = call.set('Content-Type', sent.body.contentType);
    call = call.send(sent.body.payload);
  }
  const res = await call.ok(() => true);
  const text = typeof res.body === 'string' ? res.body : res.text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers as Record<string, string>, text, body };
}

export function describeRequest(op: Operation, sent: SentRequest): string {
  const payload = sent.body?.payload;
  const shown = payload === undefined ? '(none)' : typeof payload === 'string' ? payload.slice(0, 400) : `<${payload.length} bytes>`;
  return `${sent.method.toUpperCase()} ${sent.url.slice(0, 400)} [${op.key}] content-type=${sent.body?.contentType ?? '(none)'} body(${sent.body?.label ?? '-'})=${shown}`;
}
