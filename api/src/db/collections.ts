import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';

/** The driver's collection on the connection's database: for the writes and reads that need no Mongoose. */
export function driverCollection<T extends Document>(connection: Connection, name: string): Collection<T> {
  return connection.getClient().db(connection.name).collection<T>(name);
}

/** Creates a collection once; MongoDB answers NamespaceExists (48) every later time, which is fine. */
export async function ensureCollection(connection: Connection, name: string): Promise<void> {
  try {
    await connection.getClient().db(connection.name).createCollection(name);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 48)) throw error;
  }
}
