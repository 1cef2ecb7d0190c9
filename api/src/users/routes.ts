import type { RequestHandler } from 'express';
import { z } from 'zod';
import { CreateUserSchema, UpdateUserSchema, UserSchema } from '../../contract/index.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { jsonBody } from '../http/security.ts';
import { presentUser } from './presenter.ts';
import type { UserRepository } from './repository.ts';
import type { UserService } from './service.ts';

const UserParams = z.object({ id: z.string() });

export function userRoutes(deps: { users: UserRepository; service: UserService }): RouteDefinition[] {
  const list: RequestHandler = async (_req, res) => {
    res.json((await deps.users.list()).map(presentUser));
  };
  const create: RequestHandler = async (req, res) => {
    const user = await deps.service.createUser(parseBody(CreateUserSchema, req.body), actorIdOf(res));
    res.status(201).json(presentUser(user));
  };
  const update: RequestHandler = async (req, res) => {
    const { id } = UserParams.parse(req.params);
    res.json(presentUser(await deps.service.updateUser(id, parseBody(UpdateUserSchema, req.body), actorIdOf(res))));
  };
  const user = { 'application/json': { schema: UserSchema } };
  return [
    {
      method: 'get',
      path: '/api/v1/users',
      access: ['admin'],
      handlers: [list],
      operation: { operationId: 'listUsers', summary: 'Back-office users and their roles', responses: { '200': { description: 'Users.', content: { 'application/json': { schema: z.array(UserSchema) } } }, ...errorResponses(401, 403, 503) } },
    },
    {
      method: 'post',
      path: '/api/v1/users',
      access: ['admin'],
      handlers: [jsonBody, create],
      operation: {
        operationId: 'createUser',
        summary: 'Create a back-office user',
        requestBody: { required: true, content: { 'application/json': { schema: CreateUserSchema } } },
        responses: { '201': { description: 'Created.', content: user }, ...errorResponses(400, 401, 403, 409, 415, 503) },
      },
    },
    {
      method: 'patch',
      path: '/api/v1/users/:id',
      access: ['admin'],
      handlers: [jsonBody, update],
      operation: {
        operationId: 'updateUser',
        summary: 'Change roles or disable a user; their sessions end at once',
        requestParams: { path: UserParams },
        requestBody: { required: true, content: { 'application/json': { schema: UpdateUserSchema } } },
        responses: { '200': { description: 'Updated.', content: user }, ...errorResponses(400, 401, 403, 404, 415, 503) },
      },
    },
  ];
}
