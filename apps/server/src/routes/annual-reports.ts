import fastifyMultipart from '@fastify/multipart';
import {
  decisionCountsTemplate,
  getReportDraft,
  importDecisionCounts,
  importPublishedReport,
  listDecisionCounts,
  liveReport,
  reopenReport,
  reportCell,
  reportStatuses,
  reportYear,
  ReviewInput,
  reviewReport,
  saveDecisionMonth,
  saveReportDraft,
  saveSectionTemplate,
  SaveSectionsInput,
  submitReport,
} from '@xxgk/app';
import { DomainError } from '@xxgk/core';
import { renderFlaggedTables } from '@xxgk/documents';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { DecisionMonthOut, errorResponses, ReportDraftOut } from './schemas.ts';

const TAG = ['年度报告'];

/** Drill-down: the records behind one number of the report (app reportCell). */
const CellDrillOut = z.object({
  cell: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  records: z.array(
    z.object({
      kind: z.enum(['application', 'appeal', 'normative', 'month', 'report']),
      id: z.number(),
      label: z.string(),
      detail: z.string(),
      href: z.string(),
    }),
  ),
});

/** One agency's report for the year, on the 政务公开办's desk (app reportStatuses). */
const ReportStatusOut = z.object({
  agencyId: z.number(),
  agencyName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  deadline: z.string(),
  errors: z.number(),
  warnings: z.number(),
});
export function annualReportRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { ctx } = deps;
  // 2008 through the current year by the server's clock (issue 18: every date-like input bounded).
  const year = reportYear(() => ctx.now());
  const YearParams = z.object({ id: z.coerce.number().int().positive(), year });
  const Year = z.object({ year });
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1 } });

    app.get(
      '/api/agencies/:id/reports/:year/live',
      {
        schema: {
          tags: TAG,
          summary:
            '由实时数据计算的年度报告（表二、表三、表四和总体情况草稿），附 R1–R12 校验结果；表格中每个数字可下钻',
          params: YearParams,
          response: { 200: z.object({ report: z.unknown(), tablesHtml: z.string() }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        const report = await liveReport(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          year: request.params.year,
          meta: metaOf(request),
        });
        return {
          report,
          tablesHtml: renderFlaggedTables(
            report,
            report.findings.flatMap((f) => f.cells),
          ),
        };
      },
    );

    app.get(
      '/api/agencies/:id/reports/:year/cells',
      {
        schema: {
          tags: TAG,
          summary: '下钻：报告中一个数字背后的申请、案件、规范性文件或月度数据',
          params: YearParams,
          querystring: z.object({ cell: z.string().max(100) }),
          response: { 200: CellDrillOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return reportCell(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          year: request.params.year,
          cell: request.query.cell,
          meta: metaOf(request),
        });
      },
    );

    app.get(
      '/api/agencies/:id/decision-counts',
      {
        schema: {
          tags: TAG,
          summary: '行政许可、处罚、强制决定数和行政事业性收费的月度数据',
          params: z.object({ id: z.coerce.number().int().positive() }),
          querystring: Year,
          response: {
            200: z.object({
              months: z.array(DecisionMonthOut),
              missing: z.array(z.number()),
              total: z.object({
                licensing: z.number(),
                penalties: z.number(),
                coercion: z.number(),
                feesFen: z.number(),
              }),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return listDecisionCounts(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          year: request.query.year,
          meta: metaOf(request),
        });
      },
    );

    app.put(
      '/api/agencies/:id/decision-counts',
      {
        schema: {
          tags: TAG,
          summary: '填报一个月的数据（覆盖该月已填数据）',
          params: z.object({ id: z.coerce.number().int().positive() }),
          // The fields only: the use case reads the numbers and checks them, the year and the amount
          // (decision-counts.ts), each with its own message.
          body: z.object({
            year: z.union([z.number(), z.string()]),
            month: z.union([z.number(), z.string()]),
            licensing: z.union([z.number(), z.string()]),
            penalties: z.union([z.number(), z.string()]),
            coercion: z.union([z.number(), z.string()]),
            feesYuan: z.union([z.number(), z.string()]),
          }),
          response: { 200: z.object({ months: z.array(DecisionMonthOut) }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return {
          months: await saveDecisionMonth(ctx, {
            actor: session.actor,
            agencyId: request.params.id,
            input: request.body,
            meta: metaOf(request),
          }),
        };
      },
    );

    app.post(
      '/api/agencies/:id/decision-counts/import',
      {
        schema: {
          tags: TAG,
          summary: '从模板 XLSX 或 CSV 导入月度数据（逐行校验，有错误则不导入）',
          consumes: ['multipart/form-data'],
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 200: z.object({ imported: z.number(), years: z.array(z.number()) }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        const file = await request.file();
        if (file === undefined) {
          throw new DomainError('VALIDATION_FAILED', '请选择文件');
        }
        const bytes = await file.toBuffer().catch(() => {
          throw new DomainError('VALIDATION_FAILED', '文件过大：不能超过 5 MB');
        });
        return importDecisionCounts(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          file: { fileName: file.filename, bytes },
          meta: metaOf(request),
        });
      },
    );

    app.get(
      '/api/decision-counts/template.xlsx',
      { schema: { tags: TAG, summary: '月度数据导入模板（XLSX）', querystring: Year } },
      async (request, reply) => {
        requireSession(request);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(`${request.query.year}年行政许可处罚强制收费月度数据.xlsx`)}`,
          )
          .send(await decisionCountsTemplate(request.query.year));
      },
    );

    const withTables = (draft: Awaited<ReturnType<typeof getReportDraft>>) => ({
      ...draft,
      tablesHtml: renderFlaggedTables(
        draft.report,
        draft.report.findings.flatMap((f) => f.cells),
      ),
    });

    app.get(
      '/api/agencies/:id/reports/:year',
      {
        schema: {
          tags: TAG,
          summary: '年度报告：草稿（表格实时计算）或已提交/已发布的报告，含校验结果、审核意见和发布版本',
          params: YearParams,
          response: { 200: ReportDraftOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return withTables(
          await getReportDraft(ctx, {
            actor: session.actor,
            agencyId: request.params.id,
            year: request.params.year,
            meta: metaOf(request),
          }),
        );
      },
    );

    app.put(
      '/api/agencies/:id/reports/:year',
      {
        schema: {
          tags: TAG,
          summary: '保存草稿（自动保存）：各部分文字和对警告的说明；lockVersion 不符时拒绝',
          params: YearParams,
          body: SaveSectionsInput,
          response: { 200: z.object({ lockVersion: z.number(), savedAt: z.string() }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return saveReportDraft(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          year: request.params.year,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );

    app.post(
      '/api/agencies/:id/reports/:year/submit',
      {
        schema: {
          tags: TAG,
          summary: '提交审核（有错误不能提交，警告须有书面说明）',
          params: YearParams,
          response: { 200: ReportDraftOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return withTables(
          await submitReport(ctx, {
            actor: session.actor,
            agencyId: request.params.id,
            year: request.params.year,
            meta: metaOf(request),
          }),
        );
      },
    );

    app.post(
      '/api/agencies/:id/reports/:year/review',
      {
        schema: {
          tags: TAG,
          summary: '政务公开办审核：退回（须写意见）或批准（批准即发布）',
          params: YearParams,
          body: ReviewInput,
          response: { 200: ReportDraftOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return withTables(
          await reviewReport(ctx, {
            actor: session.actor,
            agencyId: request.params.id,
            year: request.params.year,
            input: request.body,
            meta: metaOf(request),
          }),
        );
      },
    );

    app.post(
      '/api/agencies/:id/reports/:year/reopen',
      {
        schema: {
          tags: TAG,
          summary: '重新打开已发布的报告（须说明理由，修改后须重新审核）',
          params: YearParams,
          body: z.object({ reason: z.string().max(2000) }),
          response: { 200: ReportDraftOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return withTables(
          await reopenReport(ctx, {
            actor: session.actor,
            agencyId: request.params.id,
            year: request.params.year,
            reason: request.body.reason,
            meta: metaOf(request),
          }),
        );
      },
    );

    app.get(
      '/api/reports/status',
      {
        schema: {
          tags: TAG,
          summary: '政务公开办：所辖各机关某年度报告的状态',
          querystring: Year,
          response: { 200: z.object({ agencies: z.array(ReportStatusOut) }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return { agencies: await reportStatuses(ctx, { actor: session.actor, year: request.query.year }) };
      },
    );

    app.post(
      '/api/agencies/:id/reports/:year/import',
      {
        schema: {
          tags: TAG,
          summary: '导入使用本平台之前已发布的年度报告（DOCX、PDF、HTML 或文本），供次年跨年度校验',
          consumes: ['multipart/form-data'],
          params: YearParams,
          response: { 200: ReportDraftOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        const file = await request.file();
        if (file === undefined) {
          throw new DomainError('VALIDATION_FAILED', '请选择报告文件');
        }
        const bytes = await file.toBuffer().catch(() => {
          throw new DomainError('VALIDATION_FAILED', '文件过大：不能超过 5 MB');
        });
        const publishedOn = (file.fields['publishedOn'] as { value?: string } | undefined)?.value ?? '';
        return withTables(
          await importPublishedReport(ctx, {
            actor: session.actor,
            agencyId: request.params.id,
            year: request.params.year,
            publishedOn,
            file: { fileName: file.filename, bytes },
            meta: metaOf(request),
          }),
        );
      },
    );

    app.put(
      '/api/agencies/:id/report-templates/:section',
      {
        schema: {
          tags: TAG,
          summary: '将第五或第六部分的文字存为本机关模板（{年度}、{信息处理费} 每年自动填入）',
          params: z.object({ id: z.coerce.number().int().positive(), section: z.coerce.number().int() }),
          body: z.object({ body: z.string().max(20_000) }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await saveSectionTemplate(ctx, {
          actor: session.actor,
          agencyId: request.params.id,
          section: request.params.section,
          body: request.body.body,
          meta: metaOf(request),
        });
        return reply.code(204).send();
      },
    );
  };
}
