import type { Connection } from 'mongoose';
import type { AuditLog } from '../audit/repository.ts';
import { driverCollection } from '../db/collections.ts';
import { decryptJson, encryptJson, type Keyring } from './contactCipher.ts';

interface StoredContact {
  _id: string;
  submissionId: string;
  envelope: string;
  keyId: string;
}

export interface RotationResult {
  /** Contacts that were under another key than the active one. */
  readonly examined: number;
  readonly reencrypted: number;
  /** Under a key that is not in the keyring (or damaged): left as they are, counted by key id. */
  readonly unreadable: Readonly<Record<string, number>>;
  /** After the run: how many contacts each key id still protects. */
  readonly byKey: Readonly<Record<string, number>>;
}

/**
 * Re-encrypts every contact that is not under the keyring's active (first) key. Safe to run while the app runs and to
 * run again: each contact is swapped only if its envelope is still the one that was read, and the new envelope binds
 * the same AAD (`contacts.followUp.<submissionId>`). The plaintext lives only in memory for one contact at a time.
 */
export async function rotateContactKeys(connection: Connection, keyring: Keyring, audit?: AuditLog): Promise<RotationResult> {
  const contacts = driverCollection<StoredContact>(connection, 'contacts');
  let examined = 0;
  let reencrypted = 0;
  const unreadable: Record<string, number> = {};
  const cursor = contacts.find({ keyId: { $ne: keyring.activeKeyId } }, { projection: { _id: 1, submissionId: 1, envelope: 1, keyId: 1 }, batchSize: 500 });
  for await (const contact of cursor) {
    examined += 1;
    const aad = `contacts.followUp.${contact.submissionId}`;
    let plain: unknown;
    try {
      plain = decryptJson(keyring, contact.envelope, aad);
    } catch {
      unreadable[contact.keyId] = (unreadable[contact.keyId] ?? 0) + 1;
      continue;
    }
    const envelope = encryptJson(keyring, plain, aad);
    const result = await contacts.updateOne({ _id: contact._id, envelope: contact.envelope }, { $set: { envelope, keyId: keyring.activeKeyId } });
    reencrypted += result.modifiedCount;
  }
  const byKey: Record<string, number> = {};
  const groups = contacts.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$keyId', n: { $sum: 1 } } }, { $sort: { _id: 1 } }]);
  for await (const group of groups) byKey[group._id] = group.n;
  await audit?.record({
    action: 'contacts.keys_rotated',
    outcome: Object.keys(unreadable).length === 0 ? 'success' : 'failure',
    detail: { activeKeyId: keyring.activeKeyId, examined, reencrypted, unreadable: Object.values(unreadable).reduce((sum, n) => sum + n, 0) },
  });
  return { examined, reencrypted, unreadable, byKey };
}
