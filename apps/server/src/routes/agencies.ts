import { AgencyFields, createAgency, listAgencies, updateAgency } from '@xxgk/app';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { AgencyOut, errorResponses, IdParams } from './schemas.ts';

export function agencyRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/agencies',
      {
        schema: {
          tags: ['机关'],
          summary: '可见的机关列表（按层级排序）',
          response: { 200: z.object({ agencies: z.array(AgencyOut) }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return { agencies: await listAgencies(deps.ctx, { actor: session.actor }) };
      },
    );

    app.post(
      '/api/agencies',
      {
        schema: {
          tags: ['机关'],
          summary: '新建机关',
          body: AgencyFields,
          response: { 201: AgencyOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const agency = await createAgency(deps.ctx, {
          actor: session.actor,
          input: request.body,
          meta: metaOf(request),
        });
        return reply.code(201).send(agency);
      },
    );

    app.put(
      '/api/agencies/:id',
      {
        schema: {
          tags: ['机关'],
          summary: '修改机关信息',
          params: IdParams,
          body: AgencyFields,
          response: { 200: AgencyOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return updateAgency(deps.ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );
  };
}
