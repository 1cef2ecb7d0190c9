import type { RequestHandler } from 'express';
import { z } from 'zod';
import { StoryTagSchema, SuggestionModelSchema } from '../../contract/index.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import type { SuggestionService } from './service.ts';

const FACILITATORS = ['facilitator', 'admin'] as const;
const SuggestionParams = z.object({ id: z.string().max(64), themeId: z.string().max(64) });
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export function suggestionRoutes(deps: { service: SuggestionService }): RouteDefinition[] {
  const { service } = deps;
  const accept: RequestHandler = async (req, res) => {
    const { id, themeId } = SuggestionParams.parse(req.params);
    const tag = await service.accept(id, themeId, actorIdOf(res));
    res.status(201).json({ id: tag.id, themeId: tag.themeId, createdAt: tag.createdAt.toISOString(), ...(tag.createdBy === undefined ? {} : { createdBy: tag.createdBy }) });
  };
  const reject: RequestHandler = async (req, res) => {
    const { id, themeId } = SuggestionParams.parse(req.params);
    await service.reject(id, themeId, actorIdOf(res));
    res.status(204).end();
  };
  const model: RequestHandler = async (_req, res) => {
    res.json(await service.modelInfo());
  };
  const train: RequestHandler = async (_req, res) => {
    res.status(201).json(await service.train(actorIdOf(res)));
  };

  const path = { path: SuggestionParams };
  return [
    {
      method: 'post',
      path: '/api/v1/stories/:id/suggestions/:themeId/accept',
      access: FACILITATORS,
      handlers: [accept],
      operation: {
        operationId: 'acceptSuggestion',
        summary: 'Accept a suggested theme: tags the story with it and records the decision (the model learns from it)',
        requestParams: path,
        responses: { '201': { description: 'The tag.', content: json(StoryTagSchema) }, ...errorResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/stories/:id/suggestions/:themeId/reject',
      access: FACILITATORS,
      handlers: [reject],
      operation: {
        operationId: 'rejectSuggestion',
        summary: 'Reject a suggested theme: it is not suggested for this story again; the decision is recorded (the model learns from it)',
        requestParams: path,
        responses: { '204': { description: 'Rejected.' }, ...errorResponses(401, 403, 404, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/suggestions/model',
      access: FACILITATORS,
      handlers: [model],
      operation: {
        operationId: 'getSuggestionModel',
        summary: 'The learned model the suggestions use: version, when it was trained, from how many stories; and how many stories wait for new suggestions',
        responses: { '200': { description: 'The current model.', content: json(SuggestionModelSchema) }, ...errorResponses(401, 403, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/suggestions/model',
      access: FACILITATORS,
      handlers: [train],
      operation: {
        operationId: 'trainSuggestionModel',
        summary: 'Train the model now from the accepted tags and rejected suggestions (same data → same version); every story then gets new suggestions',
        responses: { '201': { description: 'The new model.', content: json(SuggestionModelSchema) }, ...errorResponses(401, 403, 503) },
      },
    },
  ];
}
