import { createUser, CreateUserInput, listUsers, resetPassword, updateUser, UpdateUserInput } from '@xxgk/app';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { errorResponses, IdParams, UserOut } from './schemas.ts';

const UsersQuery = z.object({
  agencyId: z.coerce.number().int().positive().optional(),
  search: z.string().trim().max(64).optional(),
});

export function userRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users',
      {
        schema: {
          tags: ['用户'],
          summary: '可管理的用户列表',
          querystring: UsersQuery,
          response: { 200: z.object({ users: z.array(UserOut) }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        const users = await listUsers(deps.ctx, {
          actor: session.actor,
          meta: metaOf(request),
          ...(request.query.agencyId === undefined ? {} : { agencyId: request.query.agencyId }),
          ...(request.query.search === undefined ? {} : { search: request.query.search }),
        });
        return { users };
      },
    );

    app.post(
      '/api/users',
      {
        schema: {
          tags: ['用户'],
          summary: '新建用户',
          body: CreateUserInput,
          response: { 201: UserOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const user = await createUser(deps.ctx, { actor: session.actor, input: request.body, meta: metaOf(request) });
        return reply.code(201).send(user);
      },
    );

    app.put(
      '/api/users/:id',
      {
        schema: {
          tags: ['用户'],
          summary: '修改用户信息、角色或状态',
          params: IdParams,
          body: UpdateUserInput,
          response: { 200: UserOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return updateUser(deps.ctx, {
          actor: session.actor,
          userId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );

    app.post(
      '/api/users/:id/reset-password',
      {
        schema: {
          tags: ['用户'],
          summary: '重置密码（同时解除锁定，用户下次登录须修改密码）',
          params: IdParams,
          body: z.object({ newPassword: z.string().min(1, '请输入新密码').max(256) }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await resetPassword(deps.ctx, {
          actor: session.actor,
          user: { id: request.params.id },
          newPassword: request.body.newPassword,
          meta: metaOf(request),
        });
        return reply.code(204).send(null);
      },
    );
  };
}
