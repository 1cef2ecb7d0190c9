import { randomUUID } from 'node:crypto';
import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import type { AuditEvent } from '../../contract/index.ts';

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at'>;

interface AuditDocument extends Omit<AuditEvent, 'id' | 'at'> {
  _id: string;
  at: Date;
  day: string;
}

export interface AuditFilter {
  /** Exact, or a prefix when it ends in a dot (`theme.`). */
  readonly action?: string | undefined;
  readonly actorId?: string | undefined;
  readonly targetType?: string | undefined;
  readonly targetId?: string | undefined;
  readonly outcome?: AuditEvent['outcome'] | undefined;
  /** Inclusive UTC days. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Keyset: events strictly older than this one (newest first). */
  readonly after?: AuditCursor | undefined;
  readonly limit: number;
}

export interface AuditCursor {
  readonly at: Date;
  readonly id: string;
}

/** Append-only: this module only inserts and reads; nothing here updates or deletes an audit event. */
export interface AuditLog {
  record(event: NewAuditEvent): Promise<void>;
  /** Newest first; `at` then `_id` break ties, so pages never skip or repeat an event. */
  list(filter: AuditFilter): Promise<AuditEvent[]>;
  ensureIndexes(): Promise<void>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function queryFor(filter: AuditFilter): Filter<AuditDocument> {
  // Equality first (ferretdb.md §5), ranges and the cursor after.
  const query: Filter<AuditDocument> = {};
  if (filter.action !== undefined) {
    query.action = filter.action.endsWith('.') ? { $regex: `^${escapeRegExp(filter.action)}` } : filter.action;
  }
  if (filter.actorId !== undefined) query.actorId = filter.actorId;
  if (filter.targetType !== undefined) query.targetType = filter.targetType;
  if (filter.targetId !== undefined) query.targetId = filter.targetId;
  if (filter.outcome !== undefined) query.outcome = filter.outcome;
  if (filter.from !== undefined || filter.to !== undefined) {
    query.day = { ...(filter.from === undefined ? {} : { $gte: filter.from }), ...(filter.to === undefined ? {} : { $lte: filter.to }) };
  }
  if (filter.after !== undefined) {
    query.$or = [{ at: { $lt: filter.after.at } }, { at: filter.after.at, _id: { $lt: filter.after.id } }];
  }
  return query;
}

export function createAuditLog(connection: Connection, now: () => Date = () => new Date()): AuditLog {
  const collection = () => driverCollection<AuditDocument>(connection, 'auditEvents');
  return {
    async record(event) {
      const at = now();
      await collection().insertOne({ _id: randomUUID(), at, day: at.toISOString().slice(0, 10), ...event });
    },
    async list(filter) {
      const documents = await collection()
        .find(queryFor(filter), { projection: { day: 0 } })
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
      await collection().createIndex({ targetType: 1, targetId: 1, at: -1 });
    },
  };
}
