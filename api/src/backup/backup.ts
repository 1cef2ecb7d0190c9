import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { BSON, type Db, type Document } from 'mongodb';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { ensureIndexes } from '../db/indexes.ts';

/**
 * A portable backup made through the driver, so it works the same on MongoDB and on FerretDB: one gzipped file
 * of canonical Extended JSON per collection (one document a line, types kept exactly: dates, binaries, longs),
 * and a manifest with counts and SHA-256 checksums. Documents are copied as stored, so contact details stay
 * encrypted (they can only be read with the same CONTACT_KEY). Indexes are not copied: restore creates them
 * with the app's own ensureIndexes, exactly as a fresh start would.
 */
export const BACKUP_FORMAT = 'medskapa-backup/1';

/** Short-lived state that a restore must not bring back: sessions, rate-limit counters, sign-in throttling. */
export const TRANSIENT_COLLECTIONS: ReadonlySet<string> = new Set(['sessions', 'rateLimits', 'signInFailures']);

const BATCH = 1000;

const ManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  database: z.string(),
  collections: z.array(
    z.strictObject({
      name: z.string().regex(/^[A-Za-z0-9_.-]{1,120}$/),
      file: z.string().regex(/^[A-Za-z0-9_.-]{1,140}\.ndjson\.gz$/),
      documents: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type BackupManifest = z.infer<typeof ManifestSchema>;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

function databaseOf(connection: Connection): Db {
  return connection.getClient().db(connection.name);
}

async function collectionNames(db: Db): Promise<string[]> {
  const infos = await db.listCollections({}, { nameOnly: true }).toArray();
  return infos
    .map((info) => info.name)
    .filter((name) => !name.startsWith('system.') && !TRANSIENT_COLLECTIONS.has(name))
    .sort();
}

/** Passes bytes through while hashing them. */
function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
}

/** Writes a backup of every collection into `directory` (created; must not exist yet). Streams: memory stays flat. */
export async function backupDatabase(connection: Connection, directory: string, now = new Date()): Promise<BackupManifest> {
  const db = databaseOf(connection);
  // Written under a temporary name and renamed at the end, so a half-written backup never looks complete.
  const partial = `${directory}.partial`;
  await mkdir(path.dirname(directory), { recursive: true });
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial);
  const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: now.toISOString(), database: db.databaseName, collections: [] };
  for (const name of await collectionNames(db)) {
    const file = `${name}.ndjson.gz`;
    let documents = 0;
    const hash = createHash('sha256');
    const cursor = db.collection(name).find({}, { batchSize: BATCH });
    async function* lines() {
      for await (const document of cursor) {
        documents += 1;
        yield `${BSON.EJSON.stringify(document, { relaxed: false })}\n`;
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), hashing(hash), createWriteStream(path.join(partial, file)));
    manifest.collections.push({ name, file, documents, sha256: hash.digest('hex') });
  }
  await writeFile(path.join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(partial, directory);
  return manifest;
}

export async function readManifest(directory: string): Promise<BackupManifest> {
  let raw: string;
  try {
    raw = await readFile(path.join(directory, 'manifest.json'), 'utf8');
  } catch {
    throw new BackupError(`${directory} has no manifest.json: not a complete Medskapa backup`);
  }
  const parsed = ManifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new BackupError(`${directory}/manifest.json is not a ${BACKUP_FORMAT} manifest`);
  return parsed.data;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

/** Checks every file against the manifest before anything is written to the database. */
export async function verifyBackup(directory: string): Promise<BackupManifest> {
  const manifest = await readManifest(directory);
  for (const entry of manifest.collections) {
    const actual = await sha256Of(path.join(directory, entry.file)).catch(() => 'missing');
    if (actual !== entry.sha256) throw new BackupError(`${entry.file} does not match its checksum in the manifest (damaged or changed)`);
  }
  return manifest;
}

export interface RestoreResult {
  readonly collections: number;
  readonly documents: number;
}

/**
 * Restores a backup into the connection's database. The target must be empty (apart from the indexes a start
 * creates) unless `drop` is set, which first drops every collection the backup holds and every transient one.
 */
export async function restoreDatabase(connection: Connection, directory: string, options: { drop?: boolean } = {}): Promise<RestoreResult> {
  const manifest = await verifyBackup(directory);
  const db = databaseOf(connection);
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name));
  if (options.drop === true) {
    for (const name of existing) {
      if (!name.startsWith('system.')) await db.collection(name).drop();
    }
  } else {
    for (const name of existing) {
      if (name.startsWith('system.') || TRANSIENT_COLLECTIONS.has(name)) continue;
      if ((await db.collection(name).countDocuments({}, { limit: 1 })) > 0) {
        throw new BackupError(`the database "${db.databaseName}" is not empty (collection ${name}); restore into an empty database, or pass --drop`);
      }
    }
  }
  let documents = 0;
  for (const entry of manifest.collections) {
    const collection = db.collection(entry.name);
    const input = createReadStream(path.join(directory, entry.file)).pipe(createGunzip());
    let batch: Document[] = [];
    let count = 0;
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (line === '') continue;
      batch.push(BSON.EJSON.parse(line, { relaxed: false }));
      if (batch.length >= BATCH) {
        await collection.insertMany(batch, { ordered: true });
        count += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) await collection.insertMany(batch, { ordered: true });
    count += batch.length;
    if (count !== entry.documents) throw new BackupError(`${entry.name}: restored ${count} documents, the manifest says ${entry.documents}`);
    documents += count;
  }
  // Collections and indexes exactly as the app creates them at start (unique keys included).
  await ensureIndexes(connection);
  return { collections: manifest.collections.length, documents };
}

/** Keeps the newest `keep` backups named `medskapa-*` in `parent`; returns what it removed. */
export async function pruneBackups(parent: string, keep: number): Promise<string[]> {
  const names = (await readdir(parent, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && /^medskapa-\d{8}T\d{6}Z$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const removed = names.slice(keep);
  for (const name of removed) await rm(path.join(parent, name), { recursive: true, force: true });
  return removed;
}

/** `medskapa-20270315T021500Z`: sorts by time. */
export function backupName(now: Date): string {
  return `medskapa-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`;
}
