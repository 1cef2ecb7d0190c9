import type { Connection } from 'mongoose';
import { createContactRepository } from '../contacts/repository.ts';
import { createSubmissionRepository } from '../feedback/repository.ts';

/** Creates collections and indexes explicitly; safe to run at every start. */
export async function ensureIndexes(connection: Connection): Promise<void> {
  await createSubmissionRepository(connection).ensureIndexes();
  await createContactRepository(connection).ensureIndexes();
}
