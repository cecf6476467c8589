import { listPublicAgencies } from '@xxgk/app';
import type { FastifyPluginAsync } from 'fastify';
import type { ServerDeps } from '../context.ts';
import { homePage } from './home.ts';

export function portalRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => {
      const agencies = await listPublicAgencies(deps.ctx.db);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(homePage(agencies));
    });
  };
}
