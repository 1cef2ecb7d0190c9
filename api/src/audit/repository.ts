import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import type { AuditEvent } from '../../contract/index.ts';

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at'>;

interface AuditDocument extends Omit<AuditEvent, 'id' | 'at'> {
  _id: string;
  at: Date;
  day: string;
}

/** Append-only: this module only inserts and reads; nothing here updates or deletes an audit event. */
export interface AuditLog {
  record(event: NewAuditEvent): Promise<void>;
  list(filter: { action?: string; actorId?: string; limit: number }): Promise<AuditEvent[]>;
  ensureIndexes(): Promise<void>;
}

export function createAuditLog(connection: Connection, now: () => Date = () => new Date()): AuditLog {
  const collection = () => driverCollection<AuditDocument>(connection, 'auditEvents');
  return {
    async record(event) {
      const at = now();
      await collection().insertOne({ _id: randomUUID(), at, day: at.toISOString().slice(0, 10), ...event });
    },
    async list(filter) {
      const query: Record<string, string> = {};
      if (filter.action !== undefined) query['action'] = filter.action;
      if (filter.actorId !== undefined) query['actorId'] = filter.actorId;
      const documents = await collection()
        .find(query, { projection: { day: 0 } })
        .sort({ at: -1, _id: -1 })
        .limit(filter.limit)
        .toArray();
      return documents.map(({ _id, at, ...rest }) => ({ id: _id, at: at.toISOString(), ...rest }));
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'auditEvents');
      await collection().createIndex({ day: 1 });
      await collection().createIndex({ action: 1, at: -1 });
      await collection().createIndex({ actorId: 1, at: -1 });
    },
  };
}
