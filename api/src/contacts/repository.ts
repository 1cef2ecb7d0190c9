import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { ensureCollection } from '../db/collections.ts';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';
import { contactModel } from './model.ts';

export interface NewContact {
  readonly submissionId: string;
  readonly envelope: string;
  readonly keyId: string;
  readonly createdOn: string;
}

export interface ContactRepository {
  /** Stores the contact unless the story already has one (a retried request). */
  insertIfAbsent(contact: NewContact): Promise<void>;
  existsForSubmission(submissionId: string): Promise<boolean>;
  deleteForSubmission(submissionId: string): Promise<void>;
  ensureIndexes(): Promise<void>;
}

export function createContactRepository(connection: Connection): ContactRepository {
  const Contact = contactModel(connection);
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
    async ensureIndexes() {
      await ensureCollection(connection, 'contacts');
      await Contact.createIndexes();
    },
  };
}
