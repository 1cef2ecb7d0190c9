import { randomUUID } from 'node:crypto';
import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';
import { contactModel, type ContactDocument } from './model.ts';

export interface NewContact {
  readonly submissionId: string;
  readonly envelope: string;
  readonly keyId: string;
  /** The day the story was received; retention counts from it. */
  readonly createdOn: string;
}

export interface StoredContact extends NewContact {
  readonly id: string;
}

export interface ContactPageRequest {
  /** Contact details of stories received before this day have expired and are never read. */
  readonly oldestKept: string;
  /** Keyset: contacts after this one in the order newest story first. */
  readonly after?: { readonly createdOn: string; readonly id: string } | undefined;
  readonly limit: number;
}

export interface ContactRepository {
  /** Stores the contact unless the story already has one (a retried request). */
  insertIfAbsent(contact: NewContact): Promise<void>;
  existsForSubmission(submissionId: string): Promise<boolean>;
  deleteForSubmission(submissionId: string): Promise<void>;
  /** Unexpired contacts, newest story first, `_id` breaking ties. */
  listKept(request: ContactPageRequest): Promise<StoredContact[]>;
  countKept(oldestKept: string): Promise<number>;
  /** The retention job: deletes contact details of stories received before `oldestKept`; returns how many. */
  deleteReceivedBefore(oldestKept: string): Promise<number>;
  ensureIndexes(): Promise<void>;
}

type ContactRecord = ContactDocument & { _id: string };

export function createContactRepository(connection: Connection): ContactRepository {
  const Contact = contactModel(connection);
  // Range filters go through the driver: Mongoose's sanitizeFilter would turn `$gte` into a literal.
  const collection = () => driverCollection<ContactRecord>(connection, 'contacts');
  return {
    async insertIfAbsent(contact) {
      try {
        await Contact.insertOne({ _id: randomUUID(), ...contact });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    },
    async existsForSubmission(submissionId) {
      return (await Contact.countDocuments({ submissionId })) > 0;
    },
    async deleteForSubmission(submissionId) {
      await Contact.deleteMany({ submissionId });
    },
    async listKept(request) {
      const query: Filter<ContactRecord> = { createdOn: { $gte: request.oldestKept } };
      if (request.after !== undefined) {
        const { createdOn, id } = request.after;
        query.$or = [{ createdOn: { $lt: createdOn } }, { createdOn, _id: { $lt: id } }];
      }
      const documents = await collection().find(query).sort({ createdOn: -1, _id: -1 }).limit(request.limit).toArray();
      return documents.map((document) => ({
        id: document._id,
        submissionId: document.submissionId,
        envelope: document.envelope,
        keyId: document.keyId,
        createdOn: document.createdOn,
      }));
    },
    async countKept(oldestKept) {
      return collection().countDocuments({ createdOn: { $gte: oldestKept } });
    },
    async deleteReceivedBefore(oldestKept) {
      const result = await collection().deleteMany({ createdOn: { $lt: oldestKept } });
      return result.deletedCount;
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'contacts');
      await Contact.createIndexes();
    },
  };
}
