import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseKeyring } from '../../api/src/contacts/contactCipher.ts';
import { createApp } from '../../api/src/app.ts';
import { createLogger } from '../../api/src/logger.ts';
import { buildFollowUp, buildSubmission, newKey } from '../support/builders.ts';
import { signInAs } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// Key rotation as docs/operations.md describes it: put the new key first in CONTACT_KEY (the old one after it),
// restart, run `npm run contacts:rotate`, check that no contact is left under the old key, then drop the old key.
const OLD = `old2026:${randomBytes(32).toString('base64')}`;
const NEW = `new2027:${randomBytes(32).toString('base64')}`;
const APP_SECRET = randomBytes(32).toString('base64');

let t: TestApp;

function rotate(contactKey: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['api/src/contacts/rotateCli.ts'], {
    env: { ...process.env, MONGODB_URI: `${inject('mongodbUri')}${t.connection.name}`, CONTACT_KEY: contactKey, APP_SECRET, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** The app as it runs with this CONTACT_KEY, on the same database. */
function appWith(contactKey: string) {
  return createApp({
    connection: t.connection,
    logger: createLogger('silent'),
    secrets: { contactKeyring: parseKeyring(contactKey), appSecret: Buffer.from(APP_SECRET, 'utf8') },
    options: { submissionRateLimit: 0, receiptRateLimit: 0, rateLimitStore: 'memory', trustProxy: false },
  }).app;
}

beforeAll(async () => {
  t = await createTestApp({ secrets: { contactKeyring: parseKeyring(OLD), appSecret: Buffer.from(APP_SECRET, 'utf8') } });
  for (let i = 0; i < 5; i += 1) {
    const res = await request(t.app)
      .post('/api/v1/submissions')
      .set('Idempotency-Key', newKey())
      .send(buildSubmission({ followUp: buildFollowUp(), consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } }));
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

describe('npm run contacts:rotate', () => {
  it('re-encrypts every contact under the new key; afterwards the old key can go', async () => {
    const contacts = t.connection.db!.collection('contacts');
    const before = await contacts.find({}).sort({ _id: 1 }).toArray();
    expect(before.every((contact) => contact['keyId'] === 'old2026')).toBe(true);

    // New key first: new contacts use it at once; old ones still decrypt.
    const rotated = await rotate(`${NEW},${OLD}`);
    expect(rotated.code, rotated.output).toBe(0);
    expect(rotated.output).toContain('Re-encrypted 5 of 5 contacts');
    const after = await contacts.find({}).sort({ _id: 1 }).toArray();
    expect(after.map((contact) => contact['keyId'])).toEqual(before.map(() => 'new2027'));
    after.forEach((contact, i) => {
      expect(contact['envelope']).not.toBe(before[i]?.['envelope']);
      expect(String(contact['envelope'])).toMatch(/^v1\.new2027\./);
    });
    // Running it again changes nothing.
    expect((await rotate(`${NEW},${OLD}`)).output).toContain('Re-encrypted 0 of 0 contacts');

    // With only the new key left, every contact is still readable (the AAD still binds each to its story).
    const app = appWith(NEW);
    const admin = await signInAs({ ...t, app }, ['admin']);
    const listed = await request(app).get('/api/v1/contacts?limit=500').set(admin.headers);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(5);
    expect(listed.body.items.every((item: { readable: boolean; email?: string }) => item.readable && item.email === buildFollowUp().email)).toBe(true);
    const audit = await t.connection.db!.collection('auditEvents').findOne({ action: 'contacts.keys_rotated', 'detail.reencrypted': 5 });
    expect(audit).toMatchObject({ outcome: 'success', detail: { activeKeyId: 'new2027', examined: 5 } });
    expect(JSON.stringify(audit)).not.toContain(buildFollowUp().email);
  });

  it('a contact under a key that is not in CONTACT_KEY is left alone and reported (exit 1)', async () => {
    const third = `third:${randomBytes(32).toString('base64')}`;
    const res = await rotate(third);
    expect(res.code).toBe(1);
    expect(res.output).toContain('Could not read {"new2027":5}');
    expect(await t.connection.db!.collection('contacts').countDocuments({ keyId: 'new2027' })).toBe(5);
  });
});
