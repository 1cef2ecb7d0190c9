import type { Connection } from 'mongoose';
import type { RetentionRun, RetentionStatus } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { createContactRepository } from '../contacts/repository.ts';
import { oldestKeptDay } from './days.ts';

export const RETENTION_RUN_ACTION = 'retention.run';

export interface RetentionRunOptions {
  readonly connection: Connection;
  readonly audit: AuditLog;
  /** Today's date in Sweden, `YYYY-MM-DD`. */
  readonly today: string;
  /** `CONTACT_RETENTION_DAYS`. */
  readonly days: number;
  /** The admin who asked for the run; absent for the scheduled job. */
  readonly actorId?: string | undefined;
  readonly requestId?: string | undefined;
}

/**
 * Deletes contact details of stories received more than `days` days ago. There are no TTL indexes on
 * FerretDB, so this job is the only way they go; reads filter by the same day, so nothing expired shows
 * between runs. Every run is audited, failed ones too.
 */
export async function runRetention(options: RetentionRunOptions): Promise<{ deleted: number; oldestKept: string }> {
  const oldestKept = oldestKeptDay(options.today, options.days);
  const who = {
    ...(options.actorId === undefined ? {} : { actorId: options.actorId }),
    ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
  };
  let deleted: number;
  try {
    deleted = await createContactRepository(options.connection).deleteReceivedBefore(oldestKept);
  } catch (error) {
    await options.audit
      .record({ action: RETENTION_RUN_ACTION, outcome: 'failure', targetType: 'contacts', ...who, detail: { oldestKept, days: options.days } })
      .catch(() => {});
    throw error;
  }
  await options.audit.record({
    action: RETENTION_RUN_ACTION,
    outcome: 'success',
    targetType: 'contacts',
    ...who,
    detail: { deleted, oldestKept, days: options.days },
  });
  return { deleted, oldestKept };
}

/** The configured period and the last successful run, read back from the audit log. */
export async function retentionStatus(options: { audit: AuditLog; today: string; days: number }): Promise<RetentionStatus> {
  const [last] = await options.audit.list({ action: RETENTION_RUN_ACTION, outcome: 'success', limit: 1 });
  let lastRun: RetentionRun | undefined;
  const deleted = last?.detail?.['deleted'];
  const oldestKept = last?.detail?.['oldestKept'];
  if (last !== undefined && typeof deleted === 'number' && typeof oldestKept === 'string') {
    lastRun = { at: last.at, deleted, oldestKept, ...(last.actorId === undefined ? {} : { actorId: last.actorId }) };
  }
  return {
    contactRetentionDays: options.days,
    oldestKept: oldestKeptDay(options.today, options.days),
    ...(lastRun === undefined ? {} : { lastRun }),
  };
}
