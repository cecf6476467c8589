import { lookupErrorReport, submitErrorReport, type ErrorReportInput } from '@xxgk/app';
import { isDomainError } from '@xxgk/core';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../context.ts';
import { metaOf } from '../plugins/session.ts';
import { feedbackPage, feedbackReceiptPage, feedbackStatusPage } from './feedback.ts';
import { VIEW_COOKIE, viewOf, withView } from './layout.ts';
import { loadSite } from './site.ts';

/** Reports and look-ups one address may make in a window: enough for a person, too few to flood an agency. */
const PER_WINDOW = 10;
const WINDOW_MS = 10 * 60_000;

/** 我要纠错: /feedback (the form), its receipt, /feedback/status (the answer by code). Not cached. */
export function feedbackRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { ctx } = deps;
  const recent = new Map<string, number[]>();
  const tooMany = (ip: string): boolean => {
    const now = ctx.now().getTime();
    const times = (recent.get(ip) ?? []).filter((t) => now - t < WINDOW_MS);
    times.push(now);
    recent.set(ip, times);
    if (recent.size > 10_000) {
      recent.clear();
    }
    return times.length > PER_WINDOW;
  };
  const send = (request: FastifyRequest, reply: FastifyReply, status: number, body: string) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(withView(body, viewOf(request.cookies[VIEW_COOKIE])));

  return async (app) => {
    app.get('/feedback', { schema: { hide: true } }, async (request, reply) => {
      const { siteName } = await loadSite(ctx.db);
      const q = request.query as { page?: string; title?: string };
      // Only a page of this site: a path, never //other.host or a scheme.
      const pageUrl = typeof q.page === 'string' && /^\/(?![/\\])\S*$/u.test(q.page) ? q.page.slice(0, 500) : '/';
      return send(
        request,
        reply,
        200,
        feedbackPage(siteName, { pageUrl, pageTitle: (q.title ?? '').slice(0, 200) }, {}),
      );
    });

    app.post('/feedback', { schema: { hide: true } }, async (request, reply) => {
      const { siteName } = await loadSite(ctx.db);
      const values = Object.fromEntries(
        Object.entries((request.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
      );
      if ((values['website'] ?? '') !== '') {
        request.log.warn({ ip: request.ip }, 'feedback form honeypot filled');
        return send(request, reply, 400, feedbackPage(siteName, values, {}, '提交未成功，请稍后重试'));
      }
      if (tooMany(request.ip)) {
        return send(request, reply, 429, feedbackPage(siteName, values, {}, '提交过于频繁，请 10 分钟后再试'));
      }
      try {
        const r = await submitErrorReport(ctx, { input: values as unknown as ErrorReportInput, meta: metaOf(request) });
        return send(request, reply, 201, feedbackReceiptPage(siteName, r));
      } catch (error) {
        if (isDomainError(error) && error.code === 'VALIDATION_FAILED') {
          const errors = Object.fromEntries(error.issues.map((i) => [i.path === '' ? 'form' : i.path, i.message]));
          return send(request, reply, 400, feedbackPage(siteName, values, errors));
        }
        throw error;
      }
    });

    app.get('/feedback/status', { schema: { hide: true } }, async (request, reply) => {
      const { siteName } = await loadSite(ctx.db);
      return send(request, reply, 200, feedbackStatusPage(siteName, '', undefined, undefined));
    });

    app.post('/feedback/status', { schema: { hide: true } }, async (request, reply) => {
      const { siteName } = await loadSite(ctx.db);
      const code = String((request.body as { code?: string } | undefined)?.code ?? '').slice(0, 20);
      if (tooMany(request.ip)) {
        return send(
          request,
          reply,
          429,
          feedbackStatusPage(siteName, code, '查询过于频繁，请 10 分钟后再试', undefined),
        );
      }
      try {
        const view = await lookupErrorReport(ctx, { code });
        return send(request, reply, 200, feedbackStatusPage(siteName, view.code, undefined, view));
      } catch (error) {
        if (isDomainError(error) && error.code === 'NOT_FOUND') {
          return send(request, reply, 404, feedbackStatusPage(siteName, code, error.message, undefined));
        }
        throw error;
      }
    });
  };
}
