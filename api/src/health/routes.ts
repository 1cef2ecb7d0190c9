import type { RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { pingDatabase } from '../db/connection.ts';
import type { RouteDefinition } from '../http/route.ts';

const HealthSchema = z.strictObject({ status: z.enum(['ok', 'unavailable']) }).meta({ id: 'Health' });

export function healthRoutes(deps: { readonly connection: Connection }): RouteDefinition[] {
  const alive: RequestHandler = (_req, res) => {
    res.json({ status: 'ok' });
  };
  const ready: RequestHandler = async (_req, res) => {
    if (await pingDatabase(deps.connection)) res.json({ status: 'ok' });
    else res.status(503).set('Retry-After', '5').json({ status: 'unavailable' });
  };
  const json = { 'application/json': { schema: HealthSchema } };
  return [
    {
      method: 'get',
      path: '/healthz',
      access: 'public',
      handlers: [alive],
      operation: { operationId: 'healthz', summary: 'The process is alive', responses: { '200': { description: 'Alive.', content: json } } },
    },
    {
      method: 'get',
      path: '/readyz',
      access: 'public',
      handlers: [ready],
      operation: {
        operationId: 'readyz',
        summary: 'The database answers a ping',
        responses: {
          '200': { description: 'Ready.', content: json },
          '503': { description: 'The database cannot be reached.', content: json },
        },
      },
    },
  ];
}
