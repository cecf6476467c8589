import fastifyMultipart from '@fastify/multipart';
import {
  addApplicationScan,
  applicationAlerts,
  applicationFile,
  ApplicationListQuery,
  getApplication,
  HandlingInput,
  IntakeInput,
  listApplications,
  recordHandlingStep,
  registerApplication,
} from '@xxgk/app';
import { DomainError } from '@xxgk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { IdParams } from './schemas.ts';

const TAG = ['依申请公开'];

export function applicationRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { ctx } = deps;
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: ctx.maxUploadBytes, files: 1 } });

    app.get(
      '/api/agencies/:id/applications',
      {
        schema: {
          tags: TAG,
          summary: '机关的政府信息公开申请（未办结、临期/超期或全部）',
          params: IdParams,
          querystring: ApplicationListQuery,
        },
      },
      async (request) => {
        const session = requireSession(request);
        return listApplications(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          query: request.query,
          meta: metaOf(request),
        });
      },
    );

    app.get(
      '/api/applications/alerts',
      { schema: { tags: TAG, summary: '工作台：可见机关的未办结申请数、超期数和3个工作日内到期数' } },
      async (request) => {
        const session = requireSession(request);
        return { agencies: await applicationAlerts(ctx, { actor: session.actor }) };
      },
    );

    app.post(
      '/api/applications',
      {
        schema: {
          tags: TAG,
          summary: '登记当面、邮寄、传真或电子邮件收到的申请（收到日期与确认日期按条例第三十一条）',
          body: z.object({ application: z.record(z.string(), z.unknown()), intake: IntakeInput }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const created = await registerApplication(ctx, {
          actor: session.actor,
          input: request.body.application,
          intake: request.body.intake,
          meta: metaOf(request),
        });
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/api/applications/:id',
      { schema: { tags: TAG, summary: '申请详情：申请人、所需信息、办理台账和期限说明', params: IdParams } },
      async (request) => {
        const session = requireSession(request);
        return getApplication(ctx, { actor: session.actor, applicationId: request.params.id, meta: metaOf(request) });
      },
    );

    app.post(
      '/api/applications/:id/steps',
      {
        schema: {
          tags: TAG,
          summary: '登记办理事项（确认收件、补正、延期、征求意见、收费、答复等），按期限规则校验',
          params: IdParams,
          body: HandlingInput,
        },
      },
      async (request) => {
        const session = requireSession(request);
        return recordHandlingStep(ctx, {
          actor: session.actor,
          applicationId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );

    app.post(
      '/api/applications/:id/scans',
      { schema: { tags: TAG, summary: '上传纸质申请等的扫描件', consumes: ['multipart/form-data'], params: IdParams } },
      async (request, reply) => {
        const session = requireSession(request);
        const file = await request.file();
        if (file === undefined) {
          throw new DomainError('VALIDATION_FAILED', '请选择文件');
        }
        const bytes = await file.toBuffer().catch(() => {
          throw new DomainError('VALIDATION_FAILED', `文件过大：不能超过 ${ctx.maxUploadBytes / 1048576} MB`);
        });
        const saved = await addApplicationScan(ctx, {
          actor: session.actor,
          applicationId: request.params.id,
          file: { fileName: file.filename, bytes },
          meta: metaOf(request),
        });
        return reply.code(201).send(saved);
      },
    );

    app.get(
      '/api/applications/:id/files/:fileId',
      {
        schema: {
          tags: TAG,
          summary: '下载申请的文件（身份证明、扫描件）',
          params: z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const file = await applicationFile(ctx, {
          actor: session.actor,
          applicationId: request.params.id,
          fileId: request.params.fileId,
          meta: metaOf(request),
        });
        return reply
          .type(file.mediaType)
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(file.bytes);
      },
    );
  };
}
