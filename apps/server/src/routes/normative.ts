import {
  legalDate,
  listNormativeRegister,
  NormativeEventInput,
  NormativeInput,
  getNormativeYearCounts,
  recordNormativeEvent,
  registerNormativeDocument,
  reportYear,
} from '@xxgk/app';
import { NORMATIVE_EVENT_KINDS, NORMATIVE_KINDS } from '@xxgk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { errorResponses, IdParams } from './schemas.ts';

const Entry = z
  .object({
    id: z.number(),
    kind: z.enum(NORMATIVE_KINDS),
    title: z.string(),
    docNo: z.string(),
    issuedOn: z.string(),
    effectiveOn: z.string().nullable(),
    validUntil: z.string().nullable(),
    itemId: z.number().nullable(),
    events: z.array(
      z.object({
        id: z.number(),
        kind: z.enum(NORMATIVE_EVENT_KINDS),
        on: z.string(),
        byDocNo: z.string(),
        byTitle: z.string(),
        note: z.string(),
      }),
    ),
    status: z.enum(['not_yet', 'in_force', 'abolished', 'expired']),
    cleanup: z.enum(['past_validity', 'review_due']).nullable(),
  })
  .meta({ id: 'NormativeEntry' });

const Tally = z.object({ issued: z.number(), abolished: z.number(), inForce: z.number() });
const TAG = ['规范性文件登记簿'];

export function normativeRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { ctx } = deps;
  return async (app) => {
    app.get(
      '/api/agencies/:id/normative',
      {
        schema: {
          tags: TAG,
          summary: '规章和行政规范性文件登记簿（asOf 指定查询日期的效力状态）',
          params: IdParams,
          querystring: z.object({ asOf: legalDate('查询日期').optional() }),
          response: { 200: z.object({ documents: z.array(Entry) }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        const documents = await listNormativeRegister(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          ...(request.query.asOf === undefined ? {} : { asOf: request.query.asOf }),
          meta: metaOf(request),
        });
        return { documents };
      },
    );
    app.post(
      '/api/agencies/:id/normative',
      {
        schema: {
          tags: TAG,
          summary: '登记规章或行政规范性文件',
          params: IdParams,
          body: NormativeInput,
          response: { 201: Entry, ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const entry = await registerNormativeDocument(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
        return reply.code(201).send(entry);
      },
    );
    app.post(
      '/api/normative/:id/events',
      {
        schema: {
          tags: TAG,
          summary: '登记修订、废止或失效',
          params: IdParams,
          body: NormativeEventInput,
          response: { 200: Entry, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return recordNormativeEvent(ctx, {
          actor: session.actor,
          documentId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );
    app.get(
      '/api/agencies/:id/normative/counts',
      {
        schema: {
          tags: TAG,
          summary: '年度报告表二：本年制发、本年废止、现行有效件数',
          params: IdParams,
          querystring: z.object({ year: reportYear(() => ctx.now()) }),
          response: { 200: z.object({ regulations: Tally, normativeDocuments: Tally }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return getNormativeYearCounts(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          year: request.query.year,
          meta: metaOf(request),
        });
      },
    );
  };
}
