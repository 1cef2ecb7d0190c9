import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverCollection } from '../../api/src/db/collections.ts';
import { createExportRepository, openExportCursors } from '../../api/src/exports/repository.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

/** Enough stories that the file is far larger than the socket buffers: the server must wait for the reader. */
const STORIES = 4000;

let t: TestApp;
let staff: StaffSession;
let server: http.Server;

function letters(length: number): string {
  return [...randomBytes(length)].map((byte, index) => (index % 7 === 6 ? ' ' : String.fromCharCode(97 + (byte % 26)))).join('');
}

beforeAll(async () => {
  t = await createTestApp();
  staff = await signInAs(t, ['staff']);
  const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission());
  expect(res.status).toBe(201);
  const submissions = driverCollection<{ _id: string } & Record<string, unknown>>(t.connection, 'submissions');
  const template = await submissions.findOne({ _id: res.body.id });
  const copies = Array.from({ length: STORIES - 1 }, () => ({ ...template, _id: randomUUID(), idempotencyKeyHash: randomUUID(), receiptHash: randomUUID(), requestHash: randomUUID(), story: { whatHappened: letters(2500) } }));
  for (let start = 0; start < copies.length; start += 1000) await submissions.insertMany(copies.slice(start, start + 1000));
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** Starts a download, reads its first 256 KB, then drops the connection as a cancelled browser download does. */
function startAndDrop(path: string): Promise<{ rows: string | undefined; openWhileStreaming: number }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: staff.headers }, (res) => {
      let received = 0;
      const onData = (chunk: Buffer) => {
        received += chunk.length;
        // Past the header and the first batches: the cursor is being read.
        if (received < 256 * 1024) return;
        res.off('data', onData);
        const openWhileStreaming = openExportCursors();
        req.destroy();
        resolve({ rows: res.headers['x-export-rows']?.toString(), openWhileStreaming });
      };
      res.on('data', onData);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
  });
}

describe('a cancelled or dropped export', () => {
  for (const format of ['csv', 'ndjson', 'xlsx'] as const) {
    it(`${format}: closes the database cursor and is audited as cancelled`, async () => {
      const before = await driverCollection(t.connection, 'auditEvents').countDocuments({ action: 'export.stories' });
      const { rows, openWhileStreaming } = await startAndDrop(`/api/v1/exports/stories?format=${format}`);
      expect(rows).toBe(String(STORIES));
      expect(openWhileStreaming).toBe(1);
      await expect.poll(() => openExportCursors(), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => driverCollection(t.connection, 'auditEvents').countDocuments({ action: 'export.stories' }), { timeout: 10_000 }).toBe(before + 1);
      const event = await driverCollection<Record<string, unknown>>(t.connection, 'auditEvents').findOne({ action: 'export.stories' }, { sort: { at: -1, _id: -1 } });
      expect(event).toMatchObject({ outcome: 'success', actorId: staff.userId, detail: { format, end: 'cancelled', expectedRows: STORIES } });
      const detail = event?.['detail'] as { rows: number };
      expect(detail.rows).toBeLessThan(STORIES);
    }, 60_000);
  }

  it('counts for the progress header within its time budget, and gives up (no total) rather than delay the file', async () => {
    const repository = createExportRepository(t.connection);
    expect(await repository.countStories({})).toBe(STORIES);
    // FerretDB reads every story to count them; 1 ms is never enough for 4 000.
    expect(await repository.countStories({}, 1)).toBeUndefined();
  }, 60_000);

  it('a finished export leaves no cursor open either', async () => {
    const res = await request(t.app).get('/api/v1/exports/stories?format=ndjson&locale=sv').set(staff.headers);
    expect(res.status).toBe(200);
    expect(res.text.split('\n').filter((line) => line !== '')).toHaveLength(STORIES);
    expect(openExportCursors()).toBe(0);
  }, 60_000);
});
