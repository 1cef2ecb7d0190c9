import type { RequestHandler } from 'express';
import { z } from 'zod';
import {
  AgreementCoderOptionSchema,
  AgreementCodesSchema,
  AgreementResultsSchema,
  AgreementRoundSchema,
  AgreementRoundSummarySchema,
  CreateAgreementRoundSchema,
  SaveAgreementCodesSchema,
} from '../../contract/index.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { jsonBody } from '../http/security.ts';
import { presentCodes, presentResults, presentRound, presentRoundSummary } from './presenter.ts';
import type { AgreementService } from './service.ts';

const FACILITATORS = ['facilitator', 'admin'] as const;
const RoundParams = z.object({ id: z.string().max(64) });
const CodesParams = z.object({ id: z.string().max(64), storyId: z.string().max(64) });
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export function agreementRoutes(deps: { service: AgreementService }): RouteDefinition[] {
  const { service } = deps;
  const coders: RequestHandler = async (_req, res) => {
    res.json(await service.coderOptions());
  };
  const create: RequestHandler = async (req, res) => {
    const input = parseBody(CreateAgreementRoundSchema, req.body);
    res.status(201).json(presentRoundSummary(await service.createRound(input, actorIdOf(res))));
  };
  const list: RequestHandler = async (_req, res) => {
    res.json((await service.listRounds(actorIdOf(res))).map(presentRoundSummary));
  };
  const detail: RequestHandler = async (req, res) => {
    const { id } = parseBody(RoundParams, req.params);
    res.json(presentRound(await service.viewRound(id, actorIdOf(res))));
  };
  const code: RequestHandler = async (req, res) => {
    const { id, storyId } = parseBody(CodesParams, req.params);
    const actorId = actorIdOf(res);
    // The round and the coder are checked before the body, so a non-coder learns nothing from validation errors.
    await service.requireCoderOf(id, actorId, 'code');
    const { themeIds } = parseBody(SaveAgreementCodesSchema, req.body);
    res.json(presentCodes(await service.saveCodes(id, storyId, themeIds, actorId)));
  };
  const finish: RequestHandler = async (req, res) => {
    const { id } = parseBody(RoundParams, req.params);
    res.json(presentRoundSummary(await service.finish(id, actorIdOf(res))));
  };
  const results: RequestHandler = async (req, res) => {
    const { id } = parseBody(RoundParams, req.params);
    res.json(presentResults(await service.results(id)));
  };

  return [
    {
      method: 'get',
      path: '/api/v1/agreement/coders',
      access: FACILITATORS,
      handlers: [coders],
      operation: {
        operationId: 'listAgreementCoders',
        summary: 'Who may code in an agreement round: active facilitators and admins (names only)',
        responses: { '200': { description: 'Possible coders.', content: json(z.array(AgreementCoderOptionSchema)) }, ...errorResponses(401, 403, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/agreement/rounds',
      access: FACILITATORS,
      handlers: [jsonBody, create],
      operation: {
        operationId: 'createAgreementRound',
        summary: 'Start a round of double coding: two coders, a seeded sample of stories from a filter, the themes in scope (audited)',
        requestBody: { required: true, content: json(CreateAgreementRoundSchema) },
        responses: { '201': { description: 'The round.', content: json(AgreementRoundSummarySchema) }, ...errorResponses(400, 401, 403, 415, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/agreement/rounds',
      access: FACILITATORS,
      handlers: [list],
      operation: {
        operationId: 'listAgreementRounds',
        summary: 'Agreement rounds, newest first, with how far each coder has come (counts only)',
        responses: { '200': { description: 'Rounds.', content: json(z.array(AgreementRoundSummarySchema)) }, ...errorResponses(401, 403, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/agreement/rounds/:id',
      access: FACILITATORS,
      handlers: [detail],
      operation: {
        operationId: 'getAgreementRound',
        summary: "A round: the sampled stories (masked, without tags), the themes in scope, and the signed-in coder's own codes",
        requestParams: { path: RoundParams },
        responses: { '200': { description: 'The round.', content: json(AgreementRoundSchema) }, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    {
      method: 'put',
      path: '/api/v1/agreement/rounds/:id/codes/:storyId',
      access: FACILITATORS,
      handlers: [jsonBody, code],
      operation: {
        operationId: 'saveAgreementCodes',
        summary: "Save the signed-in coder's themes for one sampled story (only the round's two coders; the story's tags do not change)",
        requestParams: { path: CodesParams },
        requestBody: { required: true, content: json(SaveAgreementCodesSchema) },
        responses: {
          '200': { description: 'The saved codes.', content: json(AgreementCodesSchema) },
          ...errorResponses(400, 401, 403, 404, 409, 415, 503),
        },
      },
    },
    {
      method: 'post',
      path: '/api/v1/agreement/rounds/:id/finish',
      access: FACILITATORS,
      handlers: [finish],
      operation: {
        operationId: 'finishAgreementRound',
        summary: "Finish coding (only the round's coders; every story must be coded; the codes are then fixed; audited)",
        requestParams: { path: RoundParams },
        responses: { '200': { description: 'The round.', content: json(AgreementRoundSummarySchema) }, ...errorResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/agreement/rounds/:id/results',
      access: FACILITATORS,
      handlers: [results],
      operation: {
        operationId: 'getAgreementResults',
        summary: "Cohen's kappa per theme and overall, and the stories the coders disagree on; 409 until both coders have finished",
        requestParams: { path: RoundParams },
        responses: { '200': { description: 'The results.', content: json(AgreementResultsSchema) }, ...errorResponses(400, 401, 403, 404, 409, 503) },
      },
    },
  ];
}
