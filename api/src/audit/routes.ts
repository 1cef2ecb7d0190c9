import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AuditEventSchema, AuditQuerySchema, type AuditEvent, type AuditQuery } from '../../contract/index.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { ValidationError } from '../http/errors.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { requestIdOf } from '../http/security.ts';
import { sendCsv, toCsv } from './csv.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { AuditFilter, AuditLog } from './repository.ts';

const DEFAULT_PAGE_SIZE = 200;
/** One export file holds at most this many events; narrow it with `from`/`to` for more. */
export const AUDIT_EXPORT_MAX = 50_000;

const CSV_COLUMNS = ['at', 'action', 'outcome', 'actorId', 'targetType', 'targetId', 'requestId', 'detail'] as const;

function filterOf(query: AuditQuery, limit: number): AuditFilter {
  const filter: AuditFilter = {
    action: query.action,
    actorId: query.actorId,
    targetType: query.targetType,
    targetId: query.targetId,
    outcome: query.outcome,
    from: query.from,
    to: query.to,
    limit,
  };
  if (query.after === undefined) return filter;
  const cursor = decodeCursor(query.after);
  const at = new Date(cursor.sortKey);
  if (Number.isNaN(at.getTime())) throw new ValidationError({ after: 'query.after.invalid' });
  return { ...filter, after: { at, id: cursor.id } };
}

/** The filters as they were asked for (`filterAction`, …; no dotted keys, which FerretDB refuses), for the export's audit event. */
function filterDetail(query: AuditQuery): Record<string, string> {
  const detail: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (key !== 'after' && key !== 'limit' && value !== undefined) detail[`filter${key.charAt(0).toUpperCase()}${key.slice(1)}`] = String(value);
  return detail;
}

export function auditRoutes(deps: { audit: AuditLog }): RouteDefinition[] {
  const list: RequestHandler = async (req, res) => {
    const query = parseBody(AuditQuerySchema, req.query);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const events = await deps.audit.list(filterOf(query, limit + 1));
    const page = events.slice(0, limit);
    const last = page.at(-1);
    if (events.length > limit && last !== undefined) {
      const next = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (key !== 'after' && value !== undefined) next.set(key, String(value));
      next.set('after', encodeCursor(last.at, last.id));
      res.set('Link', `</api/v1/audit?${next.toString()}>; rel="next"`);
    }
    res.json(page);
  };

  const exportCsv: RequestHandler = async (req, res) => {
    const query = parseBody(AuditQuerySchema, req.query);
    const events = await deps.audit.list(filterOf(query, AUDIT_EXPORT_MAX + 1));
    const truncated = events.length > AUDIT_EXPORT_MAX;
    const rows = events.slice(0, AUDIT_EXPORT_MAX);
    const requestId = requestIdOf(res);
    await deps.audit.record({
      action: 'audit.exported',
      outcome: 'success',
      actorId: actorIdOf(res),
      targetType: 'auditEvents',
      ...(requestId === undefined ? {} : { requestId }),
      detail: { count: rows.length, truncated, ...filterDetail(query) },
    });
    const csv = toCsv(
      CSV_COLUMNS,
      rows.map((event: AuditEvent) => [
        event.at,
        event.action,
        event.outcome,
        event.actorId,
        event.targetType,
        event.targetId,
        event.requestId,
        event.detail === undefined ? undefined : JSON.stringify(event.detail),
      ]),
    );
    if (truncated) res.set('X-Export-Truncated', 'true');
    sendCsv(res, `medskapa-audit-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  };

  return [
    {
      method: 'get',
      path: '/api/v1/audit',
      access: ['admin'],
      handlers: [list],
      operation: {
        operationId: 'listAuditEvents',
        summary: 'The append-only audit log, newest first',
        description:
          '`action` matches exactly, or as a prefix when it ends in a dot (`theme.`). `from`/`to` are UTC days, inclusive. ' +
          'When there are more events, `Link: <…>; rel="next"` gives the next page.',
        requestParams: { query: AuditQuerySchema },
        responses: {
          '200': {
            description: 'Events, at most `limit` (default 200).',
            headers: z.object({ Link: z.string().optional().meta({ description: 'The next page: `</api/v1/audit?…&after=…>; rel="next"`' }) }),
            content: { 'application/json': { schema: z.array(AuditEventSchema) } },
          },
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
    {
      method: 'get',
      path: '/api/v1/audit.csv',
      access: ['admin'],
      handlers: [exportCsv],
      operation: {
        operationId: 'exportAuditEvents',
        summary: 'Export the audit log as CSV (audited)',
        description: `The same filters as the list, newest first, at most ${AUDIT_EXPORT_MAX} events (then \`X-Export-Truncated: true\`). The export itself is audited as \`audit.exported\`.`,
        requestParams: { query: AuditQuerySchema },
        responses: {
          '200': { description: `CSV with the columns ${CSV_COLUMNS.join(', ')}.`, content: { 'text/csv': { schema: z.string() } } },
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
  ];
}
