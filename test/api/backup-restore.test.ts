import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BSON, type Document } from 'mongodb';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TRANSIENT_COLLECTIONS, pruneBackups } from '../../api/src/backup/backup.ts';
import { connectDatabase } from '../../api/src/db/connection.ts';
import { seedStarterCodebook } from '../../api/src/themes/seed.ts';
import { buildFollowUp, buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { signInAs, STAFF_PASSWORD } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// Runs the restore procedure of docs/operations.md ("Backup and restore", app-level): `npm run backup`, then
// `npm run restore` into an empty database, both as the commands an operator types, against the suite's FerretDB.
// MEDSKAPA_RESTORE_STORIES sets the size (default 2 000 stories, so the suite stays short; the figure in
// docs/operations.md was measured with MEDSKAPA_RESTORE_STORIES=10000). The times are printed.
const STORIES = Number(process.env['MEDSKAPA_RESTORE_STORIES'] ?? 2000);
const REAL_STORIES = 24;

let source: TestApp;
let work: string;
/** The backup the first test makes and restores; the later tests reuse it and its restored database. */
let directory = '';
let restoredName = '';
const targets: Connection[] = [];
const uri = (dbName: string) => `${inject('mongodbUri')}${dbName}`;

function run(args: string[], dbName: string): Promise<{ code: number | null; output: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['api/src/backup/cli.ts', ...args], {
    env: { ...process.env, MONGODB_URI: uri(dbName), NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output, ms: performance.now() - started })));
}

async function target(): Promise<{ name: string; connection: Connection }> {
  const name = `t_restore_${randomUUID().slice(0, 8)}`;
  const connection = await connectDatabase({ uri: inject('mongodbUri'), dbName: name, serverSelectionTimeoutMs: 2000 });
  targets.push(connection);
  return { name, connection };
}

/** Every document of every kept collection, canonical Extended JSON, in _id order. */
async function snapshot(connection: Connection): Promise<Map<string, string[]>> {
  const db = connection.getClient().db(connection.name);
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((info) => info.name)
    .filter((name) => !TRANSIENT_COLLECTIONS.has(name) && !name.startsWith('system.'))
    .sort();
  const result = new Map<string, string[]>();
  for (const name of names) {
    const documents = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    result.set(name, documents.map((document) => BSON.EJSON.stringify(document, { relaxed: false })));
  }
  return result;
}

async function indexKeys(connection: Connection): Promise<Record<string, string[]>> {
  const db = connection.getClient().db(connection.name);
  const result: Record<string, string[]> = {};
  for (const info of await db.listCollections({}, { nameOnly: true }).toArray()) {
    const indexes = await db.collection(info.name).listIndexes().toArray();
    result[info.name] = indexes.map((index: Document) => `${JSON.stringify(index['key'])}${index['unique'] === true ? ' unique' : ''}`).sort();
  }
  return result;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'medskapa-backup-'));
  source = await createTestApp();
  await seedStarterCodebook(source.connection);
  const facilitator = await signInAs(source, ['facilitator'], 'Facilitator');
  await signInAs(source, ['admin'], 'Admin');
  const theme = (await request(source.app).get('/api/v1/themes?status=active').set(facilitator.headers)).body[0] as { id: string };

  // Real stories through the API: masking, contact details (encrypted), receipts, tags, audit events.
  for (let i = 0; i < REAL_STORIES; i += 1) {
    const res = await request(source.app)
      .post('/api/v1/submissions')
      .set('Idempotency-Key', newKey())
      .send(
        buildSubmission({
          story: { whatHappened: uniquePhrase('Berättelse för säkerhetskopian') },
          ...(i % 3 === 0 ? { followUp: buildFollowUp(), consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' } } : {}),
        }),
      );
    expect(res.status).toBe(201);
    if (i % 2 === 0) {
      const tagged = await request(source.app).post(`/api/v1/stories/${res.body.id}/tags`).set(facilitator.headers).send({ themeId: theme.id });
      expect(tagged.status).toBe(201);
    }
  }
  // The volume: copies of a real stored story under new ids (and new unique hashes), written through the driver.
  const submissions = source.connection.getClient().db(source.connection.name).collection('submissions');
  const model = await submissions.findOne({});
  expect(model).not.toBeNull();
  for (let done = REAL_STORIES; done < STORIES; ) {
    const batch: Document[] = [];
    for (; batch.length < 1000 && done < STORIES; done += 1) {
      batch.push({ ...model, _id: randomUUID(), idempotencyKeyHash: randomBytes(32).toString('hex'), receiptHash: randomBytes(32).toString('hex') });
    }
    await submissions.insertMany(batch);
  }
}, 600_000);

afterAll(async () => {
  for (const connection of targets) {
    await connection.dropDatabase().catch(() => {});
    await connection.close();
  }
  await source?.close();
  await rm(work, { recursive: true, force: true });
});

describe('backup and restore (npm run backup / npm run restore)', () => {
  it(`restores ${STORIES} stories with users, themes, tags, contacts and the audit log, document by document`, async () => {
    const backup = await run(['backup', '--out', work], source.connection.name);
    expect(backup.code, backup.output).toBe(0);
    directory = /to (\S+) \(/.exec(backup.output)?.[1] ?? '';
    expect(path.basename(directory)).toMatch(/^medskapa-\d{8}T\d{6}Z$/);
    const manifest = JSON.parse(await readFile(path.join(directory, 'manifest.json'), 'utf8')) as { collections: { name: string; documents: number }[] };
    const backedUp = Object.fromEntries(manifest.collections.map((entry) => [entry.name, entry.documents]));
    expect(backedUp['submissions']).toBe(STORIES);
    for (const name of ['users', 'themes', 'tags', 'contacts', 'auditEvents']) expect(backedUp[name], name).toBeGreaterThan(0);
    // Sessions and counters are not part of a backup.
    expect(backedUp['sessions']).toBeUndefined();
    // Contact details stay encrypted in the files: no name, address or phone number in clear.
    const stdout = execFileSync('gzip', ['-dc', path.join(directory, 'contacts.ndjson.gz')]).toString('utf8');
    expect(stdout).toContain('"envelope"');
    expect(stdout).not.toContain(buildFollowUp().email);
    expect(stdout).not.toContain(buildFollowUp().name);

    const { name, connection } = await target();
    const restore = await run(['restore', '--from', directory], name);
    expect(restore.code, restore.output).toBe(0);
    restoredName = name;
    process.stdout.write(`${STORIES} stories, ${manifest.collections.length} collections: backup ${Math.round(backup.ms)} ms, restore ${Math.round(restore.ms)} ms (${restore.output.trim()})\n`);

    const before = await snapshot(source.connection);
    const after = await snapshot(connection);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [collection, documents] of before) {
      const restored = after.get(collection) ?? [];
      expect(restored.length, collection).toBe(documents.length);
      for (let i = 0; i < documents.length; i += 1) {
        if (restored[i] !== documents[i]) expect(restored[i], `${collection} #${i}`).toBe(documents[i]);
      }
    }
    // The indexes are the app's own, as at a fresh start (unique keys included).
    const sourceIndexes = await indexKeys(source.connection);
    const targetIndexes = await indexKeys(connection);
    for (const [collection, keys] of Object.entries(targetIndexes)) {
      if (!TRANSIENT_COLLECTIONS.has(collection)) expect(keys, collection).toEqual(sourceIndexes[collection]);
    }
  }, 600_000);

  it('the restored database works: the same users sign in, and contacts decrypt with the same CONTACT_KEY', async () => {
    const name = restoredName;
    expect(name).not.toBe('');
    const restored = await createTestApp({ dbName: name, secrets: source.secrets });
    try {
      const admin = (await restored.connection.getClient().db(name).collection('users').findOne({ roles: 'admin' })) as { email: string } | null;
      const signIn = await request(restored.app).post('/api/v1/session').send({ email: admin?.email, password: STAFF_PASSWORD });
      expect(signIn.status).toBe(201);
      const cookie = String(signIn.headers['set-cookie']?.[0]).split(';')[0] ?? '';
      const contacts = await request(restored.app).get('/api/v1/contacts?limit=500').set('Cookie', cookie);
      expect(contacts.status).toBe(200);
      expect(contacts.body.items.length).toBe(Math.ceil(REAL_STORIES / 3));
      expect(contacts.body.items.every((item: { readable: boolean; email?: string }) => item.readable && item.email === buildFollowUp().email)).toBe(true);
      // A unique index is back: a second account with the same address is refused.
      const users = restored.connection.getClient().db(name).collection('users');
      await expect(users.insertOne({ _id: randomUUID() as never, email: admin?.email })).rejects.toThrow();
    } finally {
      await restored.connection.close();
    }
  }, 600_000);

  it('refuses a database that is not empty (unless --drop) and a damaged backup, before writing anything', async () => {
    const { name, connection } = await target();
    await connection.getClient().db(name).collection('themes').insertOne({ _id: 'left-over' as never });
    const refused = await run(['restore', '--from', directory], name);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('is not empty');
    const dropped = await run(['restore', '--from', directory, '--drop'], name);
    expect(dropped.code, dropped.output).toBe(0);
    expect(await connection.getClient().db(name).collection('themes').countDocuments({ _id: 'left-over' as never })).toBe(0);

    const damaged = path.join(work, 'damaged');
    await mkdir(damaged);
    for (const file of await readdir(directory)) await writeFile(path.join(damaged, file), await readFile(path.join(directory, file)));
    const file = path.join(damaged, 'users.ndjson.gz');
    const bytes = await readFile(file);
    bytes[bytes.length - 12] = (bytes[bytes.length - 12] ?? 0) ^ 0xff;
    await writeFile(file, bytes);
    const empty = await target();
    const result = await run(['restore', '--from', damaged], empty.name);
    expect(result.code).toBe(1);
    expect(result.output).toContain('does not match its checksum');
    expect((await empty.connection.getClient().db(empty.name).listCollections().toArray()).length).toBe(0);
    expect((await run(['restore', '--from', work], empty.name)).output).toContain('no manifest.json');
  }, 600_000);

  it('--keep N keeps the newest N backups', async () => {
    const parent = path.join(work, 'pruning');
    for (const stamp of ['20270101T020000Z', '20270102T020000Z', '20270103T020000Z', '20270104T020000Z']) await mkdir(path.join(parent, `medskapa-${stamp}`), { recursive: true });
    await mkdir(path.join(parent, 'something-else'));
    expect(await pruneBackups(parent, 2)).toEqual(['medskapa-20270102T020000Z', 'medskapa-20270101T020000Z']);
    expect((await readdir(parent)).sort()).toEqual(['medskapa-20270103T020000Z', 'medskapa-20270104T020000Z', 'something-else']);
  });
});
