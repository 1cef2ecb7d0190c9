import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import {
  AddExcerptSchema,
  AddNoteSchema,
  AddTagSchema,
  BulkTagResultSchema,
  BulkTagSchema,
  ExcerptSchema,
  NoteSchema,
  RedactSpanSchema,
  StoryDetailSchema,
  StoryPageSchema,
  StoryQuerySchema,
  StoryTagSchema,
  UpdateStorySchema,
} from '../../contract/index.ts';
import { activeSession } from '../auth/middleware.ts';
import { AppError } from '../http/errors.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { jsonBody } from '../http/security.ts';
import { presentExcerpt, presentNote, presentStory, presentSummary } from './presenter.ts';
import type { Actor, StoryService } from './service.ts';

const FACILITATORS = ['facilitator', 'admin'] as const;
const StoryParams = z.object({ id: z.string().max(64) });
const TagParams = z.object({ id: z.string().max(64), tagId: z.string().max(64) });

function actorOf(res: Response): Actor {
  const session = activeSession(res);
  if (session === undefined) throw new AppError(401, 'unauthorized', 'Sign in to continue.');
  return { id: session.user.id, displayName: session.user.displayName };
}

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export function storyRoutes(deps: { service: StoryService }): RouteDefinition[] {
  const { service } = deps;
  const list: RequestHandler = async (req, res) => {
    const query = parseBody(StoryQuerySchema, req.query);
    const page = await service.list(query);
    res.json({ items: page.items.map(presentSummary), total: page.total, ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) });
  };
  const detail: RequestHandler = async (req, res) => {
    const { id } = StoryParams.parse(req.params);
    res.json(presentStory(await service.view(id)));
  };
  const update: RequestHandler = async (req, res) => {
    const { id } = StoryParams.parse(req.params);
    res.json(presentStory(await service.update(id, parseBody(UpdateStorySchema, req.body), actorOf(res))));
  };
  const addTag: RequestHandler = async (req, res) => {
    const { id } = StoryParams.parse(req.params);
    const tag = await service.addTag(id, parseBody(AddTagSchema, req.body).themeId, actorOf(res));
    res.status(201).json({ id: tag.id, themeId: tag.themeId, createdAt: tag.createdAt.toISOString(), ...(tag.createdBy === undefined ? {} : { createdBy: tag.createdBy }) });
  };
  const removeTag = (kind: 'story' | 'excerpt'): RequestHandler => async (req, res) => {
    const { id, tagId } = TagParams.parse(req.params);
    await service.removeTag(id, tagId, kind, actorOf(res));
    res.status(204).end();
  };
  const addExcerpt: RequestHandler = async (req, res) => {
    const { id } = StoryParams.parse(req.params);
    const { tag, fieldText } = await service.addExcerpt(id, parseBody(AddExcerptSchema, req.body), actorOf(res));
    res.status(201).json(presentExcerpt(tag, fieldText));
  };
  const addNote: RequestHandler = async (req, res) => {
    const { id } = StoryParams.parse(req.params);
    res.status(201).json(presentNote(await service.addNote(id, parseBody(AddNoteSchema, req.body).text, actorOf(res))));
  };
  const redact: RequestHandler = async (req, res) => {
    const { id } = StoryParams.parse(req.params);
    res.json(presentStory(await service.redact(id, parseBody(RedactSpanSchema, req.body), actorOf(res))));
  };
  const bulk: RequestHandler = async (req, res) => {
    const input = parseBody(BulkTagSchema, req.body);
    res.json(await service.bulkTag(input.storyIds, input.themeId, actorOf(res)));
  };

  const path = { path: StoryParams };
  return [
    {
      method: 'get',
      path: '/api/v1/stories',
      access: FACILITATORS,
      handlers: [list],
      operation: {
        operationId: 'listStories',
        summary: 'The inbox: stories (masked) matching the filters, newest first, a page at a time (keyset cursor), with the total',
        requestParams: { query: StoryQuerySchema },
        responses: { '200': { description: 'A page of stories.', content: json(StoryPageSchema) }, ...errorResponses(400, 401, 403, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/stories/bulk-tags',
      access: FACILITATORS,
      handlers: [jsonBody, bulk],
      operation: {
        operationId: 'bulkTagStories',
        summary: 'Tag up to 100 stories with one theme',
        requestBody: { required: true, content: json(BulkTagSchema) },
        responses: { '200': { description: 'How many were tagged now and how many had the theme already.', content: json(BulkTagResultSchema) }, ...errorResponses(400, 401, 403, 415, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/stories/:id',
      access: FACILITATORS,
      handlers: [detail],
      operation: {
        operationId: 'getStory',
        summary: 'One story: every field (masked), tags, excerpts, notes and suggested themes',
        requestParams: path,
        responses: { '200': { description: 'The story.', content: json(StoryDetailSchema) }, ...errorResponses(401, 403, 404, 503) },
      },
    },
    {
      method: 'patch',
      path: '/api/v1/stories/:id',
      access: FACILITATORS,
      handlers: [jsonBody, update],
      operation: {
        operationId: 'updateStory',
        summary: 'Change the status (new → in_review → done) or the needs-attention flag',
        requestParams: path,
        requestBody: { required: true, content: json(UpdateStorySchema) },
        responses: { '200': { description: 'The story.', content: json(StoryDetailSchema) }, ...errorResponses(400, 401, 403, 404, 415, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/stories/:id/tags',
      access: FACILITATORS,
      handlers: [jsonBody, addTag],
      operation: {
        operationId: 'tagStory',
        summary: 'Tag the whole story with a theme',
        requestParams: path,
        requestBody: { required: true, content: json(AddTagSchema) },
        responses: { '201': { description: 'The tag.', content: json(StoryTagSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415, 503) },
      },
    },
    {
      method: 'delete',
      path: '/api/v1/stories/:id/tags/:tagId',
      access: FACILITATORS,
      handlers: [removeTag('story')],
      operation: {
        operationId: 'untagStory',
        summary: 'Remove a tag from the story',
        requestParams: { path: TagParams },
        responses: { '204': { description: 'Removed.' }, ...errorResponses(401, 403, 404, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/stories/:id/excerpts',
      access: FACILITATORS,
      handlers: [jsonBody, addExcerpt],
      operation: {
        operationId: 'addExcerpt',
        summary: 'Tag a selection of a text field (field + UTF-16 range) with a theme',
        requestParams: path,
        requestBody: { required: true, content: json(AddExcerptSchema) },
        responses: { '201': { description: 'The excerpt.', content: json(ExcerptSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415, 503) },
      },
    },
    {
      method: 'delete',
      path: '/api/v1/stories/:id/excerpts/:tagId',
      access: FACILITATORS,
      handlers: [removeTag('excerpt')],
      operation: {
        operationId: 'removeExcerpt',
        summary: 'Remove an excerpt',
        requestParams: { path: TagParams },
        responses: { '204': { description: 'Removed.' }, ...errorResponses(401, 403, 404, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/stories/:id/notes',
      access: FACILITATORS,
      handlers: [jsonBody, addNote],
      operation: {
        operationId: 'addStoryNote',
        summary: "Add a facilitator's note to the story",
        requestParams: path,
        requestBody: { required: true, content: json(AddNoteSchema) },
        responses: { '201': { description: 'The note.', content: json(NoteSchema) }, ...errorResponses(400, 401, 403, 404, 415, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/stories/:id/redactions',
      access: FACILITATORS,
      handlers: [jsonBody, redact],
      operation: {
        operationId: 'deidentifySpan',
        summary: 'Replace a span the automatic masking missed with [REDACTED] for good (audited; excerpts are moved to match)',
        requestParams: path,
        requestBody: { required: true, content: json(RedactSpanSchema) },
        responses: { '200': { description: 'The story after the edit.', content: json(StoryDetailSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415, 503) },
      },
    },
  ];
}
