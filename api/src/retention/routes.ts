import type { RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { RetentionStatusSchema } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { requestIdOf } from '../http/security.ts';
import { retentionStatus, runRetention } from './service.ts';

export function retentionRoutes(deps: {
  readonly connection: Connection;
  readonly audit: AuditLog;
  readonly today: () => string;
  readonly contactRetentionDays: number;
}): RouteDefinition[] {
  const status: RequestHandler = async (_req, res) => {
    res.json(await retentionStatus({ audit: deps.audit, today: deps.today(), days: deps.contactRetentionDays }));
  };
  const run: RequestHandler = async (_req, res) => {
    const result = await runRetention({
      connection: deps.connection,
      audit: deps.audit,
      today: deps.today(),
      days: deps.contactRetentionDays,
      actorId: actorIdOf(res),
      requestId: requestIdOf(res),
    });
    res.json(result);
  };
  return [
    {
      method: 'get',
      path: '/api/v1/retention',
      access: ['admin'],
      handlers: [status],
      operation: {
        operationId: 'getRetention',
        summary: 'How long contact details are kept, and the last retention run',
        responses: { '200': { description: 'Retention settings and the last run.', content: { 'application/json': { schema: RetentionStatusSchema } } }, ...errorResponses(401, 403, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/retention/run',
      access: ['admin'],
      handlers: [run],
      operation: {
        operationId: 'runRetention',
        summary: 'Delete expired contact details now (audited as retention.run)',
        description: 'The same job the server runs at start and every `RETENTION_INTERVAL_MINUTES`. Needs no body.',
        responses: {
          '200': {
            description: 'How many contact details were deleted, and the oldest story day whose details are kept.',
            content: { 'application/json': { schema: z.strictObject({ deleted: z.int(), oldestKept: z.string() }).meta({ id: 'RetentionRunResult' }) } },
          },
          ...errorResponses(401, 403, 503),
        },
      },
    },
  ];
}
