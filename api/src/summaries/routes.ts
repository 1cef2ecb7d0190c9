import type { RequestHandler } from 'express';
import { SummaryQuerySchema, SummarySchema } from '../../contract/index.ts';
import { activeSession } from '../auth/middleware.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import type { SummaryService } from './service.ts';

/** The issue names staff and facilitators; an admin needs one of those roles too. */
const READERS = ['staff', 'facilitator'] as const;

export function summaryRoutes(deps: { service: SummaryService }): RouteDefinition[] {
  const summary: RequestHandler = async (req, res) => {
    const query = parseBody(SummaryQuerySchema, req.query);
    const roles = activeSession(res)?.user.roles ?? [];
    res.json(await deps.service.summarize(query, { storyIds: roles.includes('facilitator') }));
  };
  return [
    {
      method: 'get',
      path: '/api/v1/summaries',
      access: READERS,
      handlers: [summary],
      operation: {
        operationId: 'getSummary',
        summary: 'Per theme: count, share, monthly trend, ratings, role and care-setting breakdowns, co-occurring themes and quotes, for a filter; every number below k is hidden, with the cells that would reveal it',
        requestParams: { query: SummaryQuerySchema },
        responses: {
          '200': { description: 'The summary, with small-number suppression applied.', content: { 'application/json': { schema: SummarySchema } } },
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
  ];
}
