import {
  addCatalogColumn,
  ColumnInput,
  getCatalog,
  removeCatalogColumn,
  updateCatalogColumnDetails,
  type CatalogColumn,
} from '@xxgk/app';
import { COLUMN_KINDS } from '@xxgk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { errorResponses, IdParams } from './schemas.ts';

// Registered under an id: the tree refers to itself, which OpenAPI writes as a component reference.
const ColumnOut: z.ZodType<CatalogColumn> = z
  .object({
    id: z.number(),
    parentId: z.number().nullable(),
    code: z.string().nullable(),
    name: z.string(),
    kind: z.enum(COLUMN_KINDS),
    article20: z.number().nullable(),
    sortOrder: z.number(),
    get children() {
      return z.array(ColumnOut);
    },
  })
  .meta({ id: 'CatalogColumn' });

export function catalogRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/agencies/:id/catalog',
      {
        schema: {
          tags: ['信息公开目录'],
          summary: '机关的信息公开目录（栏目树）',
          params: IdParams,
          response: { 200: z.object({ columns: z.array(ColumnOut) }), ...errorResponses },
        },
      },
      async (request) => {
        requireSession(request);
        return { columns: await getCatalog(deps.ctx.db, request.params.id) };
      },
    );
    app.post(
      '/api/agencies/:id/catalog/columns',
      {
        schema: {
          tags: ['信息公开目录'],
          summary: '新增栏目',
          params: IdParams,
          body: ColumnInput,
          response: { 201: ColumnOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const column = await addCatalogColumn(deps.ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
        return reply.code(201).send(column);
      },
    );
    app.put(
      '/api/catalog/columns/:id',
      {
        schema: {
          tags: ['信息公开目录'],
          summary: '修改栏目（名称、类型、排序、上级）',
          params: IdParams,
          body: ColumnInput,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await updateCatalogColumnDetails(deps.ctx, {
          actor: session.actor,
          columnId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
        return reply.code(204).send(null);
      },
    );
    app.delete(
      '/api/catalog/columns/:id',
      {
        schema: {
          tags: ['信息公开目录'],
          summary: '删除没有子栏目的栏目',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await removeCatalogColumn(deps.ctx, {
          actor: session.actor,
          columnId: request.params.id,
          meta: metaOf(request),
        });
        return reply.code(204).send(null);
      },
    );
  };
}
