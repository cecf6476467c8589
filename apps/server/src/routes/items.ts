import fastifyMultipart from '@fastify/multipart';
import {
  addItemAttachment,
  ApproveInput,
  cleanFileName,
  createItem,
  createItemFromDocx,
  diffItemVersion,
  getItem,
  ItemInput,
  ItemListQuery,
  listItems,
  removeItemAttachment,
  SecrecyInput,
  SendBackInput,
  sendBackItem,
  setInterpretationLink,
  startRevision,
  submitItem,
  updateItemDraft,
  withdrawItem,
  approveItem,
  recordSecrecyReview,
  WithdrawInput,
  previewChecks,
  dismissFinding,
  DismissInput,
} from '@xxgk/app';
import { findItemAttachment } from '@xxgk/db';
import { DISCLOSURE_KINDS, DomainError, ITEM_STATUSES, REVIEW_STAGES, REVIEW_STEPS, VALIDITY_KINDS } from '@xxgk/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { refuseNul } from '../plugins/request-guards.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { errorResponses, IdParams } from './schemas.ts';

const Finding = z.object({
  check: z.string(),
  severity: z.enum(['severe', 'warning']),
  field: z.string(),
  text: z.string(),
  excerpt: z.string(),
  line: z.number().optional(),
  message: z.string(),
  suggestion: z.string().optional(),
  fingerprint: z.string(),
});

const Attachment = z.object({
  id: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
});

const ItemDetailOut = z
  .object({
    id: z.number(),
    agencyId: z.number(),
    agencyName: z.string(),
    columnId: z.number(),
    columnName: z.string(),
    status: z.enum(ITEM_STATUSES),
    reviewStage: z.enum(REVIEW_STAGES).nullable(),
    indexNo: z.string().nullable(),
    publishedAt: z.string().nullable(),
    scheduledFor: z.string().nullable(),
    revisedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawnReason: z.string().nullable(),
    publishedVersion: z.number().nullable(),
    workingVersion: z.number().nullable(),
    content: z.object({
      version: z.number(),
      title: z.string(),
      docNo: z.string(),
      publisher: z.string(),
      writtenOn: z.string(),
      topic: z.string(),
      genre: z.string(),
      keywords: z.string(),
      summary: z.string(),
      disclosure: z.enum(DISCLOSURE_KINDS),
      withheldReason: z.string(),
      validity: z.enum(VALIDITY_KINDS),
      bodyHtml: z.string(),
      bodyText: z.string(),
      changeNote: z.string(),
      updatedAt: z.string(),
    }),
    attachments: z.array(Attachment),
    reviews: z.array(
      z.object({
        id: z.number(),
        version: z.number(),
        step: z.enum(REVIEW_STEPS),
        verdict: z.string().nullable(),
        opinion: z.string(),
        findings: z.array(Finding),
        userName: z.string(),
        at: z.string(),
      }),
    ),
    findings: z.array(Finding),
    scanFindings: z.array(Finding),
    versions: z.array(z.object({ version: z.number(), changeNote: z.string(), createdAt: z.string() })),
    interpretations: z.array(z.object({ id: z.number(), title: z.string() })),
    policies: z.array(z.object({ id: z.number(), title: z.string() })),
    actions: z.object({
      edit: z.boolean(),
      submit: z.boolean(),
      approve: z.enum(REVIEW_STAGES).nullable(),
      secrecy: z.boolean(),
      sendBack: z.boolean(),
      withdraw: z.boolean(),
      revise: z.boolean(),
    }),
  })
  .meta({ id: 'ItemDetail' });

const ItemListOut = z.object({
  rows: z.array(
    z.object({
      id: z.number(),
      columnId: z.number(),
      status: z.enum(ITEM_STATUSES),
      reviewStage: z.enum(REVIEW_STAGES).nullable(),
      indexNo: z.string().nullable(),
      publishedAt: z.string().nullable(),
      scheduledFor: z.string().nullable(),
      updatedAt: z.string(),
      title: z.string(),
      docNo: z.string(),
      version: z.number(),
      working: z.boolean(),
      findings: z.object({ severe: z.number(), warning: z.number() }).nullable(),
    }),
  ),
  total: z.number(),
});

const TAG = ['主动公开信息'];

/** Reads the one file of a multipart request, with its other fields. */
async function oneFile(request: FastifyRequest, maxBytes: number) {
  const file = await request.file();
  if (file === undefined) {
    throw new DomainError('VALIDATION_FAILED', '请选择文件', { issues: [{ path: 'file', message: '请选择文件' }] });
  }
  // Item attachments and Word imports keep this name: without bidi or invisible characters (issue 18).
  const fileName = cleanFileName(file.filename);
  const bytes = await file.toBuffer().catch(() => {
    throw new DomainError('VALIDATION_FAILED', `文件“${fileName}”过大：不能超过 ${maxBytes / 1048576} MB`);
  });
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(file.fields)) {
    if (field !== undefined && !Array.isArray(field) && field.type === 'field') {
      fields[name] = String(field.value);
    }
  }
  // Multipart fields are read here, after the request guards' hook: checked for U+0000 the same way.
  refuseNul(fields);
  return { fileName, bytes, fields };
}

export function itemRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { ctx } = deps;
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: ctx.maxUploadBytes, files: 1 } });

    app.get(
      '/api/agencies/:id/items',
      {
        schema: {
          tags: TAG,
          summary: '机关的信息列表（按状态、审核环节、栏目、标题筛选）',
          params: IdParams,
          querystring: ItemListQuery,
          response: { 200: ItemListOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return listItems(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          query: request.query,
          meta: metaOf(request),
        });
      },
    );

    app.post(
      '/api/agencies/:id/items',
      {
        schema: {
          tags: TAG,
          summary: '新建信息草稿',
          params: IdParams,
          body: ItemInput,
          response: { 201: ItemDetailOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const item = await createItem(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
        return reply.code(201).send(item);
      },
    );

    app.post(
      '/api/agencies/:id/items/from-docx',
      {
        schema: {
          tags: TAG,
          summary: '上传 Word 公文（.docx），生成带标题、发文字号、成文日期和正文的草稿；表单字段 columnId 指定栏目',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: z.object({ item: ItemDetailOut, warnings: z.array(z.string()) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const { fileName, bytes, fields } = await oneFile(request, ctx.maxUploadBytes);
        const columnId = Number(fields['columnId']);
        if (!Number.isInteger(columnId) || columnId <= 0) {
          throw new DomainError('VALIDATION_FAILED', '请选择栏目', {
            issues: [{ path: 'columnId', message: '请选择栏目' }],
          });
        }
        const result = await createItemFromDocx(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          columnId,
          fileName,
          bytes,
          meta: metaOf(request),
        });
        return reply.code(201).send(result);
      },
    );

    app.get(
      '/api/items/:id',
      {
        schema: {
          tags: TAG,
          summary: '信息详情（含审核记录、版本和可执行的操作）',
          params: IdParams,
          response: { 200: ItemDetailOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return getItem(ctx, { actor: session.actor, itemId: request.params.id, meta: metaOf(request) });
      },
    );

    app.put(
      '/api/items/:id',
      {
        schema: {
          tags: TAG,
          summary: '保存草稿或修订稿',
          params: IdParams,
          body: ItemInput,
          response: { 200: ItemDetailOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return updateItemDraft(ctx, {
          actor: session.actor,
          itemId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );

    const step = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      run: (
        actor: ReturnType<typeof requireSession>['actor'],
        itemId: number,
        input: z.output<B>,
        request: FastifyRequest,
      ) => Promise<unknown>,
    ) =>
      app.post(
        `/api/items/:id/${path}`,
        { schema: { tags: TAG, summary, params: IdParams, body, response: { 200: ItemDetailOut, ...errorResponses } } },
        async (request) => {
          const session = requireSession(request);
          return run(session.actor, request.params.id, request.body as z.output<B>, request) as never;
        },
      );

    app.post(
      '/api/items/:id/check',
      {
        schema: {
          tags: TAG,
          summary: '预检：运行送审前检查（错敏词、个人信息、发文字号和日期、链接、附件），不改变信息',
          params: IdParams,
          response: {
            200: z.object({ findings: z.array(Finding), blocking: z.array(Finding), dismissed: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return previewChecks(ctx, { actor: session.actor, itemId: request.params.id, meta: metaOf(request) });
      },
    );

    app.post(
      '/api/items/:id/findings/dismiss',
      {
        schema: {
          tags: TAG,
          summary: '排除误报：审核人说明理由后排除一条检查结果，同一处文字不再提示（记入审计日志）',
          params: IdParams,
          body: DismissInput,
          response: { 200: z.object({ dismissed: Finding }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return dismissFinding(ctx, {
          actor: session.actor,
          itemId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );

    step(
      'submit',
      '送审（先运行送审前检查，严重问题会阻止送审）',
      z.object({}).optional(),
      (actor, itemId, _input, request) => submitItem(ctx, { actor, itemId, meta: metaOf(request) }),
    );
    step(
      'approve',
      '审核通过当前环节（初审、复审或终审）；终审可定时发布',
      ApproveInput.extend({ stage: z.enum(REVIEW_STAGES) }),
      (actor, itemId, { stage, ...input }, request) =>
        approveItem(ctx, { actor, itemId, stage, input, meta: metaOf(request) }),
    );
    step('secrecy', '保密审查意见', SecrecyInput, (actor, itemId, input, request) =>
      recordSecrecyReview(ctx, { actor, itemId, input, meta: metaOf(request) }),
    );
    step('return', '退回修改（须写明意见）', SendBackInput, (actor, itemId, input, request) =>
      sendBackItem(ctx, { actor, itemId, input, meta: metaOf(request) }),
    );
    step('withdraw', '撤稿（须写明理由；信息留档，索引号不再使用）', WithdrawInput, (actor, itemId, input, request) =>
      withdrawItem(ctx, { actor, itemId, input, meta: metaOf(request) }),
    );
    step(
      'revise',
      '修订已发布信息（生成新的修订稿，原文在修订稿发布前保持不变）',
      z.object({}).optional(),
      (actor, itemId, _input, request) => startRevision(ctx, { actor, itemId, meta: metaOf(request) }),
    );

    app.post(
      '/api/items/:id/attachments',
      {
        schema: {
          tags: TAG,
          summary: '上传附件（按内容识别类型：PDF、DOCX、DOC、XLSX、XLS、OFD、PNG、JPG、GIF）',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: Attachment, ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const { fileName, bytes } = await oneFile(request, ctx.maxUploadBytes);
        const attachment = await addItemAttachment(ctx, {
          actor: session.actor,
          itemId: request.params.id,
          fileName,
          bytes,
          meta: metaOf(request),
        });
        return reply.code(201).send(attachment);
      },
    );

    const AttachmentParams = z.object({
      id: z.coerce.number().int().positive(),
      attachmentId: z.coerce.number().int().positive(),
    });

    app.delete(
      '/api/items/:id/attachments/:attachmentId',
      {
        schema: {
          tags: TAG,
          summary: '删除当前稿件的附件',
          params: AttachmentParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await removeItemAttachment(ctx, {
          actor: session.actor,
          itemId: request.params.id,
          attachmentId: request.params.attachmentId,
          meta: metaOf(request),
        });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/items/:id/attachments/:attachmentId',
      { schema: { tags: TAG, summary: '下载附件（工作人员，含未发布稿件的附件）', params: AttachmentParams } },
      async (request, reply) => {
        const session = requireSession(request);
        await getItem(ctx, { actor: session.actor, itemId: request.params.id, meta: metaOf(request) });
        const row = await findItemAttachment(ctx.db, request.params.attachmentId);
        if (row?.item_id !== request.params.id) {
          throw new DomainError('NOT_FOUND', '附件不存在');
        }
        return reply
          .type(row.media_type)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
          .send(await ctx.files.get(row.storage_key));
      },
    );

    app.get(
      '/api/items/:id/versions/:version/diff',
      {
        schema: {
          tags: TAG,
          summary: '某一版与上一版的差异',
          params: z.object({ id: z.coerce.number().int().positive(), version: z.coerce.number().int().min(2) }),
          response: {
            200: z.object({
              version: z.number(),
              changeNote: z.string(),
              changes: z.array(
                z.object({
                  field: z.string(),
                  label: z.string(),
                  parts: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return diffItemVersion(ctx, {
          actor: session.actor,
          itemId: request.params.id,
          version: request.params.version,
          meta: metaOf(request),
        });
      },
    );

    const LinkParams = z.object({
      id: z.coerce.number().int().positive(),
      otherId: z.coerce.number().int().positive(),
    });
    for (const [method, linked] of [
      ['PUT', true],
      ['DELETE', false],
    ] as const) {
      app.route({
        method,
        url: '/api/items/:id/interpretations/:otherId',
        schema: {
          tags: TAG,
          summary: linked ? '关联政策解读（双向显示）' : '取消关联政策解读',
          params: LinkParams,
          response: { 204: z.null(), ...errorResponses },
        },
        handler: async (request, reply) => {
          const session = requireSession(request);
          const { id, otherId } = request.params as z.output<typeof LinkParams>;
          await setInterpretationLink(ctx, {
            actor: session.actor,
            policyItemId: id,
            interpretationItemId: otherId,
            linked,
            meta: metaOf(request),
          });
          return reply.code(204).send(null);
        },
      });
    }
  };
}
