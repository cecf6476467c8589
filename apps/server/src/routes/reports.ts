import fastifyMultipart from '@fastify/multipart';
import { checkPublishedReport, recheckReport } from '@xxgk/app';
import { DomainError, type AnnualReport } from '@xxgk/core';
import { renderFindingsXlsx, renderFlaggedTables } from '@xxgk/documents';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { asAnnualReport, ReportJson } from './report-json.ts';
import { AnnualReportOut, errorResponses } from './schemas.ts';

const Checked = z.object({ report: AnnualReportOut, tablesHtml: z.string() });

const MAX_BYTES = 30 * 1024 * 1024;

function checked(report: AnnualReport) {
  return {
    report,
    tablesHtml: renderFlaggedTables(
      report,
      report.findings.flatMap((f) => f.cells),
    ),
  };
}

export function reportRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 1 } });

    app.post(
      '/api/reports/check',
      {
        schema: {
          tags: ['年报校验'],
          summary: '上传一份已发布的年度报告（DOCX、PDF、HTML 或文本），读取并按 R1–R12 校验',
          consumes: ['multipart/form-data'],
          response: { 200: Checked, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        const file = await request.file();
        if (file === undefined) {
          throw new DomainError('VALIDATION_FAILED', '请选择要校验的报告文件');
        }
        const bytes = await file.toBuffer().catch(() => {
          throw new DomainError('VALIDATION_FAILED', `文件过大：单个报告不能超过 ${MAX_BYTES / 1024 / 1024} MB`);
        });
        try {
          const report = await checkPublishedReport(deps.ctx, {
            actor: session.actor,
            fileName: file.filename,
            bytes,
            meta: metaOf(request),
          });
          return checked(report);
        } catch (error) {
          if (error instanceof DomainError) {
            throw error;
          }
          request.log.warn({ err: error, file: file.filename }, 'report could not be read');
          throw new DomainError('VALIDATION_FAILED', `无法读取“${file.filename}”：文件已损坏或不是年度报告`);
        }
      },
    );

    app.post(
      '/api/reports/recheck',
      {
        schema: {
          tags: ['年报校验'],
          summary: '重新校验已读取的报告，可给出上年报告以做跨年度校验（R5、R8、R10）',
          body: z.object({ report: ReportJson, previous: ReportJson.optional() }),
          response: { 200: Checked, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        const report = asAnnualReport(request.body.report);
        const previous = request.body.previous;
        const findings = await recheckReport(deps.ctx, {
          actor: session.actor,
          report,
          previous: previous === undefined ? undefined : asAnnualReport(previous),
          meta: metaOf(request),
        });
        return checked({ ...report, findings });
      },
    );

    app.post(
      '/api/reports/findings.xlsx',
      {
        schema: {
          tags: ['年报校验'],
          summary: '把多份报告的校验结果导出为 XLSX',
          body: z.object({ reports: z.array(ReportJson).min(1, '没有可导出的报告').max(1000) }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        // The same permission as checking; re-running the rules keeps the export honest.
        const reports: AnnualReport[] = [];
        for (const r of request.body.reports.map(asAnnualReport)) {
          reports.push({
            ...r,
            findings: await recheckReport(deps.ctx, { actor: session.actor, report: r, meta: metaOf(request) }),
          });
        }
        const bytes = await renderFindingsXlsx(reports);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('年报校验结果.xlsx')}`)
          .send(bytes);
      },
    );
  };
}
