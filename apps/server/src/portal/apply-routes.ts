import fastifyMultipart from '@fastify/multipart';
import { applicationReceipt, applyOnline, lookupApplication, type UploadedFile } from '@xxgk/app';
import { isDomainError, lastFour } from '@xxgk/core';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../context.ts';
import { refuseNul } from '../plugins/request-guards.ts';
import { metaOf } from '../plugins/session.ts';
import { applyPage, receiptPage, statusPage, type FormValues } from './apply.ts';
import { VIEW_COOKIE, viewOf, withView } from './layout.ts';
import { loadSite } from './site.ts';

/** Lookups one address may make in a window: enough for a person, too few to guess codes. */
const LOOKUPS_PER_WINDOW = 20;
const LOOKUP_WINDOW_MS = 10 * 60_000;

/**
 * 依申请公开 on the portal: the application form (/apply, ?agency= pre-selects), the receipt, and the
 * status page (/apply/status). Works without JavaScript; nothing here is cached, since it carries
 * the applicant's own details.
 */
export function applyRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { ctx } = deps;
  const lookups = new Map<string, number[]>();

  const send = (request: FastifyRequest, reply: FastifyReply, status: number, body: string) => {
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(withView(body, viewOf(request.cookies[VIEW_COOKIE])));
  };

  const site = () => loadSite(ctx.db);

  const tooManyLookups = (ip: string): boolean => {
    const now = ctx.now().getTime();
    const recent = (lookups.get(ip) ?? []).filter((t) => now - t < LOOKUP_WINDOW_MS);
    recent.push(now);
    lookups.set(ip, recent);
    if (lookups.size > 10_000) {
      lookups.clear();
    }
    return recent.length > LOOKUPS_PER_WINDOW;
  };

  return async (app) => {
    await app.register(fastifyMultipart, {
      limits: { fileSize: ctx.maxUploadBytes, files: 1, fields: 40, fieldSize: 10_000 },
    });

    app.get('/apply', { schema: { hide: true } }, async (request, reply) => {
      const { agencies, siteName } = await site();
      const agency = (request.query as { agency?: string }).agency ?? '';
      return send(request, reply, 200, applyPage(siteName, agencies, { agencyId: agency }, {}));
    });

    app.post('/apply', { schema: { hide: true } }, async (request, reply) => {
      const { agencies, siteName } = await site();
      const values: Record<string, string> = {};
      let identityFile: UploadedFile | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const bytes = await part.toBuffer();
            if (part.fieldname === 'identityFile' && part.filename !== '' && bytes.length > 0) {
              identityFile = { fileName: part.filename, bytes };
            }
          } else {
            values[part.fieldname] = String(part.value);
          }
        }
      } catch {
        const errors = { identityFile: `文件过大：不能超过 ${Math.round(ctx.maxUploadBytes / 1048576)} MB` };
        return send(request, reply, 400, applyPage(siteName, agencies, values, errors));
      }
      // Multipart fields are read here, after the request guards' hook: checked for U+0000 the same way.
      refuseNul(values);
      // A field people never see: a form that fills it in was filled by a program.
      if ((values['website'] ?? '') !== '') {
        request.log.warn({ ip: request.ip }, 'application form honeypot filled');
        return send(request, reply, 400, applyPage(siteName, agencies, values, {}, '提交未成功，请稍后重试'));
      }
      try {
        const submitted = await applyOnline(ctx, { input: values as FormValues, identityFile, meta: metaOf(request) });
        return send(request, reply, 201, receiptPage(siteName, submitted, lastFour(values['phone'] ?? '')));
      } catch (error) {
        if (isDomainError(error) && (error.code === 'VALIDATION_FAILED' || error.code === 'TOO_MANY_ATTEMPTS')) {
          const errors = Object.fromEntries(error.issues.map((i) => [i.path === '' ? 'form' : i.path, i.message]));
          const summary = error.code === 'TOO_MANY_ATTEMPTS' ? error.message : undefined;
          return send(
            request,
            reply,
            error.code === 'TOO_MANY_ATTEMPTS' ? 429 : 400,
            applyPage(siteName, agencies, values, errors, summary),
          );
        }
        throw error;
      }
    });

    app.get('/apply/status', { schema: { hide: true } }, async (request, reply) => {
      const { siteName } = await site();
      return send(request, reply, 200, statusPage(siteName, '', undefined, undefined));
    });

    app.post('/apply/status', { schema: { hide: true } }, async (request, reply) => {
      const { siteName } = await site();
      const form = request.body as { code?: string; key?: string };
      const code = (form.code ?? '').trim().slice(0, 20);
      if (tooManyLookups(request.ip)) {
        return send(request, reply, 429, statusPage(siteName, code, '查询过于频繁，请 10 分钟后再试', undefined));
      }
      try {
        const view = await lookupApplication(ctx, { trackingCode: code, key: form.key ?? '' });
        return send(request, reply, 200, statusPage(siteName, view.trackingCode, undefined, view));
      } catch (error) {
        if (isDomainError(error) && error.code === 'NOT_FOUND') {
          return send(request, reply, 404, statusPage(siteName, code, error.message, undefined));
        }
        throw error;
      }
    });

    app.post('/apply/receipt', { schema: { hide: true } }, async (request, reply) => {
      const form = request.body as { code?: string; key?: string };
      // A receipt is a lookup too (code and last four), and the dearer one: counted with the status page's.
      if (tooManyLookups(request.ip)) {
        const { siteName } = await site();
        const code = (form.code ?? '').trim().slice(0, 20);
        return send(request, reply, 429, statusPage(siteName, code, '查询过于频繁，请 10 分钟后再试', undefined));
      }
      try {
        const receipt = await applicationReceipt(ctx, { trackingCode: form.code ?? '', key: form.key ?? '' });
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(receipt.fileName)}`)
          .send(receipt.bytes);
      } catch (error) {
        // CONFLICT: the application's stored dates cannot be computed; no receipt is written from them.
        if (isDomainError(error) && (error.code === 'NOT_FOUND' || error.code === 'CONFLICT')) {
          const { siteName } = await site();
          const status = error.code === 'NOT_FOUND' ? 404 : 409;
          return send(request, reply, status, statusPage(siteName, form.code ?? '', error.message, undefined));
        }
        throw error;
      }
    });
  };
}
