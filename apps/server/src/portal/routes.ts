import { getCatalog, listPublicAgencies } from '@xxgk/app';
import { z } from 'zod';
import { agencyPage } from './agency.ts';
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

    app.get(
      '/agencies/:id',
      { schema: { hide: true, params: z.object({ id: z.coerce.number().int().positive() }) } },
      async (request, reply) => {
        const { id } = request.params as { id: number };
        const agencies = await listPublicAgencies(deps.ctx.db);
        const agency = agencies.find((a) => a.id === id);
        if (agency === undefined) {
          return reply.callNotFound();
        }
        const root = agencies.find((a) => a.parentId === null);
        const siteName = root?.name.replace(/人民政府$/, '') ?? '';
        const catalog = await getCatalog(deps.ctx.db, id);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'public, max-age=60')
          .send(agencyPage(agency, catalog, siteName));
      },
    );
  };
}
