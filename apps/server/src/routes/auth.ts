import { changeOwnPassword, ChangeOwnPasswordInput, logIn, LogInInput, logOut, type ResolvedSession } from '@xxgk/app';
import { describePasswordPolicy, grantableRoles, permissionsOf } from '@xxgk/core';
import { findAgency } from '@xxgk/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { clearSessionCookie, metaOf, requireSession, setSessionCookie } from '../plugins/session.ts';
import { errorResponses, ErrorOut, MeOut } from './schemas.ts';

const LoginBody = LogInInput.omit({ userAgent: true });

async function me(
  deps: ServerDeps,
  session: Pick<ResolvedSession, 'actor' | 'csrfToken' | 'expiresAt' | 'mustChangePassword'>,
) {
  const { actor } = session;
  const agency = await findAgency(deps.ctx.db, actor.agency.id);
  const permissions = permissionsOf(actor);
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      agency: { id: actor.agency.id, name: agency?.name ?? '', path: actor.agency.path },
      roles: [...actor.roles],
      permissions,
      grantableRoles: [...grantableRoles(actor)],
      mustChangePassword: session.mustChangePassword,
      passwordRule: describePasswordPolicy(deps.config.security.passwordPolicy),
    },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    now: deps.ctx.now().toISOString(),
  };
}

export function authRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['登录'],
          summary: '用户名密码登录，成功后设置会话 Cookie',
          body: LoginBody,
          response: { 200: MeOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 423: ErrorOut, 429: ErrorOut },
        },
        config: { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const result = await logIn(
          deps.ctx,
          { ...request.body, userAgent: request.headers['user-agent'] ?? '' },
          metaOf(request),
        );
        setSessionCookie(deps, reply, result.token);
        return me(deps, result);
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['登录'], summary: '退出登录', response: { 204: z.null(), ...errorResponses } } },
      async (request, reply) => {
        const session = requireSession(request);
        await logOut(deps.ctx, session.actor, session.sessionId, metaOf(request));
        clearSessionCookie(deps, reply);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/auth/me',
      {
        schema: {
          tags: ['登录'],
          summary: '当前登录用户、权限和 CSRF 令牌',
          response: { 200: MeOut, ...errorResponses },
        },
      },
      async (request) => me(deps, requireSession(request)),
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['登录'],
          summary: '修改本人密码',
          body: ChangeOwnPasswordInput,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await changeOwnPassword(deps.ctx, {
          actor: session.actor,
          input: request.body,
          sessionId: session.sessionId,
          meta: metaOf(request),
        });
        return reply.code(204).send(null);
      },
    );
  };
}
