import type { RequestHandler } from 'express';
import { z } from 'zod';
import { EmergingQuerySchema, EmergingRunSchema, ThemeFromClusterResultSchema, ThemeFromClusterSchema } from '../../contract/index.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { NotFoundError } from '../http/errors.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { jsonBody } from '../http/security.ts';
import { presentTheme } from '../themes/presenter.ts';
import type { EmergingService } from './service.ts';

/** The people who work with the codebook: the same roles that may create a theme. */
const WORKERS = ['facilitator', 'admin'] as const;

const ClusterParams = z.object({ runId: z.string(), clusterId: z.string() });
const RUN_ID = /^[0-9a-f-]{36}$/;
const CLUSTER_ID = /^[1-9][0-9]{0,3}$/;

export function emergingRoutes(deps: { service: EmergingService; now: () => Date }): RouteDefinition[] {
  const { service } = deps;
  const run: RequestHandler = async (req, res) => {
    const query = parseBody(EmergingQuerySchema, { ...req.query });
    res.json(await service.run(query, actorIdOf(res)));
  };
  const createTheme: RequestHandler = async (req, res) => {
    const { runId, clusterId } = ClusterParams.parse(req.params);
    // Ids that cannot exist are not looked up (and never reach a dotted update path).
    if (!RUN_ID.test(runId) || !CLUSTER_ID.test(clusterId)) throw new NotFoundError('No such clustering run or cluster.');
    const input = parseBody(ThemeFromClusterSchema, req.body);
    const { theme, usage, tagged, missing } = await service.createTheme(runId, clusterId, input, actorIdOf(res), deps.now());
    res.status(201).json({ theme: presentTheme(theme, usage), tagged, missing });
  };
  return [
    {
      method: 'get',
      path: '/api/v1/emerging-themes',
      access: WORKERS,
      handlers: [run],
      operation: {
        operationId: 'getEmergingThemes',
        summary:
          'Clusters of untagged stories (those with a strong suggestion left out unless includeSuggested=true), across languages: size, top terms, three quotes (masked text) and members; a stored run is returned while the stories and the codebook are unchanged',
        requestParams: { query: EmergingQuerySchema },
        responses: {
          '200': { description: 'The run: a stable snapshot that a new theme can be made from.', content: { 'application/json': { schema: EmergingRunSchema } } },
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
    {
      method: 'post',
      path: '/api/v1/emerging-themes/:runId/clusters/:clusterId/theme',
      access: WORKERS,
      handlers: [jsonBody, createTheme],
      operation: {
        operationId: 'createThemeFromCluster',
        summary: 'Make a cluster into a new theme (as POST /themes) and tag every member story that still exists with it; once per cluster',
        requestParams: { path: ClusterParams },
        requestBody: { required: true, content: { 'application/json': { schema: ThemeFromClusterSchema } } },
        responses: {
          '201': { description: 'The theme, and how many stories were tagged.', content: { 'application/json': { schema: ThemeFromClusterResultSchema } } },
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 503),
        },
      },
    },
  ];
}
