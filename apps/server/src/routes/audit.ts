import { AuditQuery, listAuditLog } from '@xxgk/app';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { AuditEntryOut, errorResponses } from './schemas.ts';

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

export function auditRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['审计日志'],
          summary: '审计日志（按权限范围，可筛选，最新在前）',
          querystring: AuditQuery,
          response: { 200: z.object({ total: z.number(), entries: z.array(AuditEntryOut) }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        const page = await listAuditLog(deps.ctx, {
          actor: session.actor,
          query: request.query,
          meta: metaOf(request),
        });
        return {
          total: page.total,
          entries: page.rows.map((r) => ({
            id: r.id,
            at: r.at,
            actorUserId: r.actor_user_id,
            actorName: r.actor_name,
            agencyId: r.agency_id,
            agencyName: r.agency_name,
            action: r.action,
            targetType: r.target_type,
            targetId: r.target_id,
            outcome: r.outcome,
            note: r.note,
            before: parseJson(r.before_json),
            after: parseJson(r.after_json),
            ip: r.ip,
            requestId: r.request_id,
            hash: r.hash,
          })),
        };
      },
    );
  };
}
