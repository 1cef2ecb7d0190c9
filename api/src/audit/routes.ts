import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AuditEventSchema } from '../../contract/index.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import type { AuditLog } from './repository.ts';

const AuditQuery = z.object({
  action: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function auditRoutes(deps: { audit: AuditLog }): RouteDefinition[] {
  const list: RequestHandler = async (req, res) => {
    const query = AuditQuery.safeParse(req.query);
    const filter = query.success ? query.data : { limit: 200 };
    res.json(
      await deps.audit.list({
        limit: filter.limit,
        ...('action' in filter && filter.action !== undefined ? { action: filter.action } : {}),
        ...('actorId' in filter && filter.actorId !== undefined ? { actorId: filter.actorId } : {}),
      }),
    );
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
        requestParams: { query: AuditQuery },
        responses: { '200': { description: 'Events.', content: { 'application/json': { schema: z.array(AuditEventSchema) } } }, ...errorResponses(401, 403, 503) },
      },
    },
  ];
}
