import fastifyMultipart from '@fastify/multipart';
import {
  addApplicationFile,
  applicationAlerts,
  applicationFile,
  ApplicationFilterQuery,
  ApplicationListQuery,
  exportApplicationRegister,
  getApplication,
  HandlingInput,
  IntakeInput,
  listApplications,
  recordHandlingStep,
  registerApplication,
  revealIdentityNumber,
  agencySeal,
  AppealInput,
  issueLetter,
  IssueLetterInput,
  letterDraft,
  LetterTemplateInput,
  listLetterTemplates,
  previewLetterTemplate,
  resetLetterTemplate,
  saveAppeal,
  saveLetterTemplate,
  setAgencySeal,
} from '@xxgk/app';
import { LETTER_KINDS } from '@xxgk/core';
import { DomainError } from '@xxgk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import {
  AlertsOut,
  AppealOut,
  ApplicationDetailOut,
  ApplicationListOut,
  IssuedOut,
  LetterDraftOut,
  LetterTemplateOut,
  PreviewOut,
  StepOut,
  SubmittedOut,
} from './application-schemas.ts';
import { errorResponses, IdParams } from './schemas.ts';

const TAG = ['依申请公开'];
const LetterParams = z.object({ id: z.coerce.number().int().positive(), kind: z.enum(LETTER_KINDS) });

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
          response: { 200: ApplicationListOut, ...errorResponses },
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
      '/api/agencies/:id/applications.xlsx',
      {
        schema: {
          tags: TAG,
          summary: '导出申请登记台账（XLSX，与列表相同的筛选；证件号码和电话已掩码）',
          params: IdParams,
          querystring: ApplicationFilterQuery,
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const file = await exportApplicationRegister(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          query: request.query,
          meta: metaOf(request),
        });
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(file.bytes);
      },
    );

    app.get(
      '/api/applications/alerts',
      {
        schema: {
          tags: TAG,
          summary: '工作台：可见机关的未办结申请数、超期数和3个工作日内到期数',
          response: { 200: AlertsOut, ...errorResponses },
        },
      },
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
          response: { 201: SubmittedOut, ...errorResponses },
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
      {
        schema: {
          tags: TAG,
          summary: '申请详情：申请人（证件号码掩码）、所需信息、办理台账、期限说明、文书、复议诉讼和可能的重复申请',
          params: IdParams,
          response: { 200: ApplicationDetailOut, ...errorResponses },
        },
      },
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
          response: { 200: StepOut, ...errorResponses },
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
      {
        schema: {
          tags: TAG,
          summary: '上传纸质申请等的扫描件（kind=scan），或提供给申请人的政府信息（kind=released）',
          consumes: ['multipart/form-data'],
          params: IdParams,
          querystring: z.object({ kind: z.enum(['scan', 'released']).default('scan') }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const file = await request.file();
        if (file === undefined) {
          throw new DomainError('VALIDATION_FAILED', '请选择文件');
        }
        const bytes = await file.toBuffer().catch(() => {
          throw new DomainError('VALIDATION_FAILED', `文件过大：不能超过 ${ctx.maxUploadBytes / 1048576} MB`);
        });
        const saved = await addApplicationFile(ctx, {
          actor: session.actor,
          applicationId: request.params.id,
          file: { fileName: file.filename, bytes },
          kind: request.query.kind,
          meta: metaOf(request),
        });
        return reply.code(201).send(saved);
      },
    );

    app.post(
      '/api/applications/:id/identity',
      {
        schema: {
          tags: TAG,
          summary: '查看完整证件号码（记入审计日志）',
          params: IdParams,
          response: { 200: z.object({ idNumber: z.string() }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return revealIdentityNumber(ctx, {
          actor: session.actor,
          applicationId: request.params.id,
          meta: metaOf(request),
        });
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

    app.get(
      '/api/applications/:id/letters/:kind',
      {
        schema: {
          tags: TAG,
          summary: '文书草稿：按本机关模板列出需填写的字段，并由申请记录预填',
          response: { 200: LetterDraftOut, ...errorResponses },
          params: LetterParams,
        },
      },
      async (request) => {
        const session = requireSession(request);
        return letterDraft(ctx, {
          actor: session.actor,
          applicationId: request.params.id,
          kind: request.params.kind,
          meta: metaOf(request),
        });
      },
    );

    app.post(
      '/api/applications/:id/letters/:kind',
      {
        schema: {
          tags: TAG,
          summary: '出具文书（生成 DOCX 和 PDF，加盖依申请公开专用章，记入办理台账）；必填字段为空时拒绝',
          response: { 201: IssuedOut, ...errorResponses },
          params: LetterParams,
          body: IssueLetterInput,
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const issued = await issueLetter(ctx, {
          actor: session.actor,
          applicationId: request.params.id,
          kind: request.params.kind,
          input: request.body,
          meta: metaOf(request),
        });
        return reply.code(201).send(issued);
      },
    );

    app.post(
      '/api/applications/:id/appeals',
      {
        schema: {
          tags: TAG,
          summary: '登记因该申请引起的行政复议或行政诉讼（年度报告表四）',
          params: IdParams,
          body: AppealInput,
          response: { 201: AppealOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const saved = await saveAppeal(ctx, {
          actor: session.actor,
          applicationId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
        return reply.code(201).send(saved);
      },
    );

    app.put(
      '/api/applications/:id/appeals/:appealId',
      {
        schema: {
          tags: TAG,
          summary: '更正或登记复议、诉讼的进展和结果',
          response: { 200: AppealOut, ...errorResponses },
          params: z.object({ id: z.coerce.number().int().positive(), appealId: z.coerce.number().int().positive() }),
          body: AppealInput,
        },
      },
      async (request) => {
        const session = requireSession(request);
        return saveAppeal(ctx, {
          actor: session.actor,
          applicationId: request.params.id,
          appealId: request.params.appealId,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );

    app.get(
      '/api/agencies/:id/letter-templates',
      {
        schema: {
          tags: TAG,
          summary: '本机关的文书模板（未修改的为系统默认文本）',
          params: IdParams,
          response: { 200: z.object({ templates: z.array(LetterTemplateOut).readonly() }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return {
          templates: await listLetterTemplates(ctx, {
            actor: session.actor,
            agencyId: request.params.id,
            meta: metaOf(request),
          }),
        };
      },
    );

    app.post(
      '/api/agencies/:id/letter-templates/:kind/preview',
      {
        schema: {
          tags: TAG,
          summary: '预览文书模板（以示例数据填充），并列出模板的问题',
          response: { 200: PreviewOut, ...errorResponses },
          params: LetterParams,
          body: LetterTemplateInput,
        },
      },
      async (request) => {
        const session = requireSession(request);
        return previewLetterTemplate(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          kind: request.params.kind,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );

    app.put(
      '/api/agencies/:id/letter-templates/:kind',
      {
        schema: {
          tags: TAG,
          summary: '保存本机关的文书模板（须保留法定必备字段）',
          response: { 200: LetterTemplateOut, ...errorResponses },
          params: LetterParams,
          body: LetterTemplateInput,
        },
      },
      async (request) => {
        const session = requireSession(request);
        return saveLetterTemplate(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          kind: request.params.kind,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );

    app.delete(
      '/api/agencies/:id/letter-templates/:kind',
      { schema: { tags: TAG, summary: '文书模板恢复为系统默认文本', params: LetterParams } },
      async (request, reply) => {
        const session = requireSession(request);
        await resetLetterTemplate(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          kind: request.params.kind,
          meta: metaOf(request),
        });
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/agencies/:id/seal',
      {
        schema: {
          tags: TAG,
          summary: '上传依申请公开专用章图片（PNG，透明背景）',
          consumes: ['multipart/form-data'],
          params: IdParams,
        },
      },
      async (request) => {
        const session = requireSession(request);
        const file = await request.file();
        if (file === undefined) {
          throw new DomainError('VALIDATION_FAILED', '请选择专用章图片');
        }
        const bytes = await file.toBuffer().catch(() => {
          throw new DomainError('VALIDATION_FAILED', `文件过大：不能超过 ${ctx.maxUploadBytes / 1048576} MB`);
        });
        return setAgencySeal(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          file: { fileName: file.filename, bytes },
          meta: metaOf(request),
        });
      },
    );

    app.delete(
      '/api/agencies/:id/seal',
      { schema: { tags: TAG, summary: '删除依申请公开专用章图片', params: IdParams } },
      async (request) => {
        const session = requireSession(request);
        return setAgencySeal(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          file: null,
          meta: metaOf(request),
        });
      },
    );

    app.get(
      '/api/agencies/:id/seal',
      { schema: { tags: TAG, summary: '依申请公开专用章图片', params: IdParams } },
      async (request, reply) => {
        const session = requireSession(request);
        const seal = await agencySeal(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          meta: metaOf(request),
        });
        if (seal === undefined) {
          throw new DomainError('NOT_FOUND', '尚未上传专用章图片');
        }
        return reply.type('image/png').header('cache-control', 'no-store').send(seal);
      },
    );
  };
}
