import {
  addWordingRule,
  ErrorReportReplyInput,
  inspectionDashboard,
  inspectionRecords,
  listErrorReports,
  listWordingRules,
  monthlyInspectionFile,
  monthlyInspectionReport,
  removeWordingRule,
  replyErrorReport,
  scanPublished,
  publishedInMonth,
  agencyInspection,
  inspectedAgencies,
  WordingRuleInput,
  ERROR_REPORT_KINDS,
  legalMonth,
} from '@xxgk/app';
import { WORDING_CATEGORIES, WORDING_RULE_KINDS } from '@xxgk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { errorResponses, IdParams } from './schemas.ts';

const TAG = ['监督检查'];

const WordingRuleOut = z.object({
  id: z.number().nullable(),
  source: z.string(),
  kind: z.enum(WORDING_RULE_KINDS),
  text: z.string().optional(),
  pattern: z.string().optional(),
  replacement: z.string(),
  category: z.enum(WORDING_CATEGORIES),
  severity: z.enum(['severe', 'warning']),
  startsOn: z.string().nullable().optional(),
  endsOn: z.string().nullable().optional(),
  unlessPresent: z.string().optional(),
  note: z.string().optional(),
  createdBy: z.string(),
});

const Verdict = z.object({ fails: z.boolean(), reasons: z.array(z.string()).readonly() });
const FRESHNESS_STATUSES = ['fresh', 'due_soon', 'stale', 'blank', 'static'] as const;
const ColumnOut = z.object({
  columnId: z.number(),
  path: z.string(),
  kind: z.enum(['dynamic', 'document', 'static']),
  items: z.number(),
  lastPublishedOn: z.string().nullable(),
  staleOn: z.string().nullable(),
  status: z.enum(FRESHNESS_STATUSES),
});
const Severity = z.enum(['severe', 'warning']);

const DashboardOut = z.object({
  today: z.string(),
  year: z.number(),
  months: z.array(z.string()).readonly(),
  agencies: z
    .array(
      z.object({
        agencyId: z.number(),
        agencyName: z.string(),
        kind: z.string(),
        freshness: z.object({
          agencyId: z.number(),
          agencyName: z.string(),
          stale: z.number(),
          blank: z.number(),
          dueSoon: z.number(),
          homeLastPublishedOn: z.string().nullable(),
          homeStale: z.boolean(),
          fails: z.boolean(),
          reasons: z.array(z.string()).readonly(),
        }),
        findings: z.object({ severe: z.number(), warning: z.number(), fixed30: z.number(), dismissed: z.number() }),
        applications: z.object({
          received: z.number(),
          decided: z.number(),
          onTime: z.number(),
          late: z.number(),
          overdue: z.number(),
          medianWorkingDays: z.number().nullable(),
        }),
        report: z.object({
          year: z.number(),
          status: z.string(),
          label: z.string(),
          deadline: z.string(),
          late: z.boolean(),
        }),
        errorReports: z.object({ open: z.number(), overdue: z.number(), replied: z.number() }),
        itemsByMonth: z.array(z.object({ month: z.string(), column: z.string(), count: z.number() })).readonly(),
        verdict: Verdict,
        score: z.number(),
        penalties: z.array(z.string()).readonly(),
      }),
    )
    .readonly(),
  ranking: z
    .array(z.object({ agencyId: z.number(), agencyName: z.string(), score: z.number(), fails: z.boolean() }))
    .readonly(),
  scoring: z.array(z.string()).readonly(),
});

/** The records behind a figure: a title and rows whose columns depend on the kind. */
const RecordsOut = z.object({
  title: z.string(),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});

const AgencyInspectionOut = z.object({
  agencyName: z.string(),
  verdict: Verdict,
  columns: z.array(ColumnOut).readonly(),
  findings: z.array(
    z.object({
      id: z.number(),
      itemId: z.number().nullable(),
      title: z.string(),
      check: z.string(),
      severity: Severity,
      message: z.string(),
    }),
  ),
  errorReports: z.object({ open: z.number(), overdue: z.number() }),
});

const MonthlyReportOut = z.object({
  issuer: z.string(),
  title: z.string(),
  monthLabel: z.string(),
  issuedOn: z.string(),
  summary: z.array(z.string()).readonly(),
  agencies: z
    .array(
      z.object({
        agencyName: z.string(),
        published: z.number(),
        stale: z.number(),
        blank: z.number(),
        severe: z.number(),
        warning: z.number(),
        fixed: z.number(),
        applicationsReceived: z.number(),
        applicationsOverdue: z.number(),
        errorReportsOverdue: z.number(),
        verdict: z.string(),
        reasons: z.string(),
      }),
    )
    .readonly(),
  problemsByAgency: z.array(z.object({ agencyName: z.string(), lines: z.array(z.string()).readonly() })).readonly(),
  requirements: z.array(z.string()).readonly(),
  problems: z
    .array(
      z.object({
        agencyName: z.string(),
        where: z.string(),
        kind: z.string(),
        severity: z.string(),
        description: z.string(),
        suggestion: z.string(),
        state: z.string(),
      }),
    )
    .readonly(),
  columns: z
    .array(
      z.object({
        agencyName: z.string(),
        column: z.string(),
        kind: z.string(),
        lastPublishedOn: z.string(),
        status: z.string(),
      }),
    )
    .readonly(),
});

const ErrorReportOut = z.object({
  id: z.number(),
  code: z.string(),
  agencyId: z.number(),
  agencyName: z.string(),
  itemId: z.number().nullable(),
  pageUrl: z.string(),
  pageTitle: z.string(),
  kind: z.enum(ERROR_REPORT_KINDS),
  description: z.string(),
  contactName: z.string(),
  contact: z.string(),
  status: z.enum(['open', 'replied']),
  receivedAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  reply: z.string(),
  repliedAt: z.string().nullable(),
  repliedBy: z.string(),
});
const Month = z.object({ month: legalMonth('月份') });

/**
 * The 政务公开办's inspection (issue 8): the dashboard and the records behind each figure, the monthly
 * report, running the scan now, the city's 错敏 rules, and the public's error reports.
 */
export function inspectionRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { ctx } = deps;
  return async (app) => {
    app.get(
      '/api/inspection/dashboard',
      {
        schema: {
          tags: TAG,
          summary: '监督工作台：各单位栏目更新、检查问题、依申请公开、年报和纠错情况及排名',
          response: { 200: DashboardOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return inspectionDashboard(ctx, { actor: session.actor, meta: metaOf(request) });
      },
    );

    app.get(
      '/api/agencies/:id/inspection',
      {
        schema: {
          tags: TAG,
          summary: '本单位检查情况：需要更新的栏目、已发布信息中的问题、待答复的网民纠错',
          params: IdParams,
          response: { 200: AgencyInspectionOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return agencyInspection(ctx, { actor: session.actor, meta: metaOf(request), agencyId: request.params.id });
      },
    );

    app.get(
      '/api/inspection/records',
      {
        schema: {
          tags: TAG,
          summary: '下钻：工作台上一个数字背后的栏目、问题、申请或纠错',
          querystring: z.object({
            agencyId: z.coerce.number().int().positive(),
            kind: z.enum(['columns', 'findings', 'applications', 'error_reports']),
          }),
          response: { 200: RecordsOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return inspectionRecords(ctx, { actor: session.actor, meta: metaOf(request), ...request.query });
      },
    );

    app.get(
      '/api/inspection/items',
      {
        schema: {
          tags: TAG,
          summary: '下钻：某月在某一级栏目发布的信息（所监督的全部单位）',
          querystring: z.object({
            month: Month.shape.month,
            column: z.string().max(100).default(''),
          }),
          response: { 200: RecordsOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return publishedInMonth(ctx, { actor: session.actor, meta: metaOf(request), ...request.query });
      },
    );

    app.get(
      '/api/inspection/monthly-report',
      {
        schema: {
          tags: TAG,
          summary: '月度检查情况通报（预览）',
          querystring: Month,
          response: { 200: MonthlyReportOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return monthlyInspectionReport(ctx, {
          actor: session.actor,
          meta: metaOf(request),
          month: request.query.month,
        });
      },
    );

    app.get(
      '/api/inspection/monthly-report.:format',
      {
        schema: {
          tags: TAG,
          summary: '下载月度检查情况通报（DOCX 或 XLSX）',
          params: z.object({ format: z.enum(['docx', 'xlsx']) }),
          querystring: Month,
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const file = await monthlyInspectionFile(ctx, {
          actor: session.actor,
          meta: metaOf(request),
          month: request.query.month,
          format: request.params.format,
        });
        return reply
          .type(
            request.params.format === 'docx'
              ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(file.bytes);
      },
    );

    app.post(
      '/api/inspection/scan',
      {
        schema: {
          tags: TAG,
          summary: '立即检查已发布信息（平时每天自动检查一次）',
          response: {
            200: z.object({ items: z.number(), found: z.number(), fixed: z.number(), open: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const session = requireSession(request);
        const agencies = await inspectedAgencies(ctx, session.actor, metaOf(request));
        return scanPublished(ctx, { agencyIds: agencies.map((a) => a.id) });
      },
    );

    app.get(
      '/api/wording-rules',
      {
        schema: {
          tags: TAG,
          summary: '错敏词库：本市规则和内置规则',
          response: { 200: z.array(WordingRuleOut).readonly(), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return listWordingRules(ctx, { actor: session.actor, meta: metaOf(request) });
      },
    );

    app.post(
      '/api/wording-rules',
      {
        schema: {
          tags: TAG,
          summary: '新增本市词库规则（领导任职、更名、本地错误表述）',
          body: WordingRuleInput,
          response: { 200: WordingRuleOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return addWordingRule(ctx, { actor: session.actor, input: request.body, meta: metaOf(request) });
      },
    );

    app.delete(
      '/api/wording-rules/:id',
      {
        schema: {
          tags: TAG,
          summary: '删除本市词库规则',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await removeWordingRule(ctx, { actor: session.actor, ruleId: request.params.id, meta: metaOf(request) });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/error-reports',
      {
        schema: {
          tags: TAG,
          summary: '网民纠错（我要纠错）：本单位的，或所监督各单位的',
          querystring: z.object({ status: z.enum(['open', 'replied']).optional() }),
          response: { 200: z.array(ErrorReportOut), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return listErrorReports(ctx, {
          actor: session.actor,
          meta: metaOf(request),
          ...(request.query.status === undefined ? {} : { status: request.query.status }),
        });
      },
    );

    app.post(
      '/api/error-reports/:id/reply',
      {
        schema: {
          tags: TAG,
          summary: '答复网民纠错',
          params: IdParams,
          body: ErrorReportReplyInput,
          response: { 200: ErrorReportOut, ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return replyErrorReport(ctx, {
          actor: session.actor,
          reportId: request.params.id,
          input: request.body,
          meta: metaOf(request),
        });
      },
    );
  };
}
