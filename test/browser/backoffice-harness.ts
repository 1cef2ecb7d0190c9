import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import type { Download, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { Role } from '../../api/contract/index.ts';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';

export const BACKOFFICE_PASSWORD = 'a long passphrase for the browser tests';

/** Creates a user in the browser app's database (as `npm run users -- add` would) and returns the e-mail. */
export async function createBackofficeUser(roles: Role[], name = 'Test Facilitator'): Promise<string> {
  const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@vgregion.se`;
  const connection = await mongoose.createConnection(inject('browserMongodbUri'), { dbName: inject('browserDbName') }).asPromise();
  try {
    await createUserRepository(connection).create({ email, displayName: name, roles, passwordHash: await hashPassword(BACKOFFICE_PASSWORD) }, new Date());
  } finally {
    await connection.close();
  }
  return email;
}

/** Signs in through the real sign-in page and waits for the workspace to show. */
export async function signInThroughPage(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/backoffice/`);
  await page.getByLabel(/e-post|e-mail/i).fill(email);
  await page.getByLabel(/lösenord|password/i).fill(BACKOFFICE_PASSWORD);
  await page.getByRole('button', { name: /logga in|sign in/i }).click();
  await expect.poll(() => page.getByRole('button', { name: /logga ut|sign out/i }).count()).toBeGreaterThan(0);
}

/** Clicks Download on the exports screen and returns the file the browser saved (through a Blob URL and an <a download>). */
export async function downloadThroughScreen(page: Page): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: /^(Ladda ner|Download)$/ }).click()]);
  expect(await download.failure()).toBeNull();
  return { download, bytes: await readFile((await download.path())!) };
}

/** A driver connection to the browser app's database, for checking what the UI stored. */
export async function withBrowserDb<T>(use: (db: ReturnType<MongoClient['db']>) => Promise<T>): Promise<T> {
  const client = await MongoClient.connect(inject('browserMongodbUri'));
  try {
    return await use(client.db(inject('browserDbName')));
  } finally {
    await client.close();
  }
}
