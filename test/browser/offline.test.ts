import { uniquePhrase } from '../support/markers.ts';
import { describe, expect, inject, it } from 'vitest';
import { freePort, startServerProcess, waitFor } from '../support/processes.ts';
import { useBrowser } from './harness.ts';
import { answerEveryPage, receiptCodeOnPage, submit } from './journey.ts';

const harness = useBrowser();

describe('nothing lost', () => {
  it('a story sent while the API is down waits on the device and is stored exactly once when the API returns', async () => {
    const port = await freePort();
    const env = { ...inject('serverEnv'), PORT: String(port) };
    const base = `http://127.0.0.1:${port}`;
    let server = startServerProcess(env);
    expect(await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 30_000)).toBe(true);

    const { page } = await harness.newPage();
    const marker = uniquePhrase('Utan nät');
    await page.goto(`${base}/?lang=sv`);
    await answerEveryPage(page, { story: marker });

    server.child.kill('SIGTERM');
    await server.exited;
    await submit(page);
    await page.locator('.status').filter({ hasText: 'sparad på den här enheten' }).waitFor({ timeout: 20_000 });
    const waiting = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('medskapa');
          request.onsuccess = () => {
            const count = request.result.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    expect(waiting).toBe(1);
    expect(await harness.db().collection('submissions').countDocuments({ 'story.whatHappened': marker })).toBe(0);

    server = startServerProcess(env);
    try {
      expect(await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 30_000)).toBe(true);
      await receiptCodeOnPage(page);
      expect(await harness.db().collection('submissions').countDocuments({ 'story.whatHappened': marker })).toBe(1);
      const left = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const request = indexedDB.open('medskapa');
            request.onsuccess = () => {
              const count = request.result.transaction('outbox').objectStore('outbox').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      );
      expect(left).toBe(0);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 90_000);
});
