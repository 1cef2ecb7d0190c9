import type { Connection } from 'mongoose';

/**
 * Runs writes to one document one after another within this process.
 *
 * FerretDB v1 applies an update by reading the whole document and writing it back, so two concurrent updates of
 * one document can lose one of them, even when they set different fields (measured on v1.24.2/SQLite: 20
 * concurrent `$inc`s on two fields lost an update in 50 of 50 rounds). MongoDB updates a document atomically, so
 * there this only orders writes; on FerretDB it keeps, for example, the suggestion worker from writing back a
 * story's text as it was before a facilitator's de-identification.
 */
export type DocumentLock = <T>(key: string, work: () => Promise<T>) => Promise<T>;

function createDocumentLock(): DocumentLock {
  const tails = new Map<string, Promise<void>>();
  return async (key, work) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

const locks = new WeakMap<Connection, DocumentLock>();

/** The lock for stories (the `submissions` collection) on this connection: one per process and database. */
export function storyWriteLock(connection: Connection): DocumentLock {
  let lock = locks.get(connection);
  if (lock === undefined) {
    lock = createDocumentLock();
    locks.set(connection, lock);
  }
  return lock;
}
