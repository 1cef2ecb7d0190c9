import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIndexes } from '../../api/src/db/indexes.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('indexes', () => {
  it('are created explicitly, can be created again at every start, and enforce uniqueness', async () => {
    await ensureIndexes(t.connection);
    await ensureIndexes(t.connection);
    const db = t.connection.db!;
    const submissionIndexes = await db.collection('submissions').listIndexes().toArray();
    const unique = submissionIndexes.filter((index) => index['unique'] === true).map((index) => Object.keys(index['key'] as object)[0]);
    expect(unique.sort()).toEqual(['idempotencyKeyHash', 'receiptHash']);
    expect(submissionIndexes.map((index) => Object.keys(index['key'] as object).join(','))).toEqual(expect.arrayContaining(['month', 'status,month']));
    const contactIndexes = await db.collection('contacts').listIndexes().toArray();
    expect(contactIndexes.find((index) => index['key'] && 'submissionId' in (index['key'] as object))?.['unique']).toBe(true);
    await db.collection('contacts').insertOne({ _id: 'a' as never, submissionId: 's1' });
    await expect(db.collection('contacts').insertOne({ _id: 'b' as never, submissionId: 's1' })).rejects.toMatchObject({ code: 11000 });
  });
});
