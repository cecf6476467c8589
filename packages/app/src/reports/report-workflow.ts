import {
  can,
  cellLabel,
  cellValue,
  checkReport,
  DomainError,
  hasErrors,
  SECTION_TITLES,
  shanghaiDate,
  sumReports,
  type Actor,
  type AnnualReport,
  type Finding,
} from '@xxgk/core';
import { bumpPortalGeneration, type AgencyRow, type AnnualReportRow, type Executor } from '@xxgk/db';
import { readReportFile } from '@xxgk/documents';
import { z } from 'zod';
import { requireAgency, requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit, denied } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { EARLIEST_DATE, legalDate, parseField, parseInput } from '../validation.ts';
import { computeLiveReport, documentsClause, reportCellRecords, tableParagraphs } from './live-report.ts';
import { agencyReportDeadline } from './report-reminders.ts';

/** Refuses (and so rolls back) a change made from a stale read of the report. */
function claimed(result: { numUpdatedRows: bigint }): void {
  if (Number(result.numUpdatedRows) !== 1) {
    throw new DomainError('CONFLICT', '报告刚被他人处理，请刷新后再操作');
  }
}

/** The key a warning's explanation is filed under: its rule and cells. */
export function findingKey(f: Finding): string {
  return `${f.rule}:${f.cells.join(',')}`;
}

type Sections = Record<string, string>;

export const REPORT_STATUS_LABELS = {
  draft: '草稿',
  submitted: '已提交，待审核',
  returned: '已退回修改',
  published: '已发布',
} as const;

async function findReport(ex: Executor, agencyId: number, year: number): Promise<AnnualReportRow | undefined> {
  return ex
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export interface Consolidation {
  /** The departments and towns whose published reports are in the sum. */
  readonly included: { agencyId: number; agencyName: string; version: number }[];
  /** Those that have not published theirs yet. */
  readonly missing: { agencyId: number; agencyName: string }[];
}

/**
 * A people's government's report: its own registers plus the published reports of the departments
 * and towns directly under it, summed; section 一 drafted from the sum, naming who has not published.
 */
export async function consolidatedReport(
  ex: Executor,
  agency: AgencyRow,
  year: number,
  options: { computedForMissing?: boolean } = {},
): Promise<{ report: AnnualReport; consolidation: Consolidation }> {
  const own = await computeLiveReport(ex, agency, year);
  const children = await ex
    .selectFrom('agencies')
    .selectAll()
    .where('parent_id', '=', agency.id)
    .orderBy('sort_order')
    .execute();
  const included: Consolidation['included'] = [];
  const missing: Consolidation['missing'] = [];
  const parts: AnnualReport[] = [own];
  for (const child of children) {
    const published = await publishedReport(ex, child.id, year);
    if (published === undefined) {
      missing.push({ agencyId: child.id, agencyName: child.name });
      if (options.computedForMissing === true) {
        parts.push(await computeLiveReport(ex, child, year));
      }
    } else {
      included.push({ agencyId: child.id, agencyName: child.name, version: published.version });
      parts.push(published.report);
    }
  }
  const report = sumReports(year, agency.name, parts);
  // Section 五 starts from the government's own template, followed by what its departments and towns wrote.
  const theirs = included.flatMap((part, i) => {
    const text =
      parts[i + 1]?.sections
        .find((x) => x.number === 5)
        ?.text?.split('\n')[0]
        ?.trim() ?? '';
    return text === '' ? [] : [`${part.agencyName}：${text}`];
  });
  report.sections = own.sections.map((s) =>
    s.number === 5 && theirs.length > 0
      ? { ...s, text: [s.text ?? '', '各部门、乡镇（街道）报告的主要问题：', ...theirs].join('\n') }
      : s.number === 1
        ? {
            ...s,
            text: [
              `${year}年，${agency.name}及所属${children.length}个部门、乡镇（街道）认真贯彻落实《中华人民共和国政府信息公开条例》。本报告汇总本级和${included.length}个已发布年度报告的部门、乡镇（街道）的数据${missing.length > 0 ? `（${missing.map((m) => m.agencyName).join('、')}尚未发布，未计入）` : ''}。`,
              `（一）主动公开。本年${documentsClause(report)}`,
              ...tableParagraphs(report),
            ].join('\n'),
          }
        : s,
  );
  return { report, consolidation: { included, missing } };
}

/** The report's tables: the agency's own registers, or for a people's government the consolidation. */
async function tablesOf(
  ex: Executor,
  agency: AgencyRow,
  year: number,
  options: { computedForMissing?: boolean } = {},
): Promise<{ report: AnnualReport; consolidation: Consolidation | null }> {
  if (agency.kind === 'government') {
    return consolidatedReport(ex, agency, year, options);
  }
  return { report: await computeLiveReport(ex, agency, year), consolidation: null };
}

/** The report with the saved narrative over the computed tables, checked against last year's. */
async function assemble(
  ex: Executor,
  agency: AgencyRow,
  year: number,
  sections: Sections | null,
): Promise<{ report: AnnualReport; consolidation: Consolidation | null }> {
  const { report, consolidation } = await tablesOf(ex, agency, year);
  if (sections !== null) {
    report.sections = report.sections.map((s) => ({ ...s, text: sections[String(s.number)] ?? s.text ?? '' }));
  }
  // Without a published report for last year, the cross-year rules use last year computed from the registers;
  // a government's computed last year sums what its departments' registers give where they published nothing.
  const previous =
    (await publishedReport(ex, agency.id, year - 1))?.report ??
    (await tablesOf(ex, agency, year - 1, { computedForMissing: true })).report;
  report.findings = checkReport(report, { previous });
  return { report, consolidation };
}

export interface ReportDraft {
  readonly agencyId: number;
  readonly year: number;
  readonly status: AnnualReportRow['status'] | 'new';
  readonly statusLabel: string;
  readonly report: AnnualReport;
  readonly explanations: Record<string, string>;
  readonly reviewComment: string;
  readonly reopenReason: string;
  readonly lockVersion: number;
  /** Last year's section 五, for reference while writing this year's. */
  readonly lastYearSectionFive: string;
  readonly versions: { version: number; publishedOn: string; approvedBy: string; reason: string; changes: string }[];
  readonly canEdit: boolean;
  readonly canReview: boolean;
  /** For a people's government: whose published reports are summed in, and who has not published. */
  readonly consolidation: Consolidation | null;
}

/** The year's report as its editor and reviewer see it: the draft (or what was submitted), checked. */
export async function getReportDraft(
  ctx: AppContext,
  { actor, agencyId, year, meta }: { actor: Actor; agencyId: number; year: number; meta: RequestMeta },
): Promise<ReportDraft> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'agency.read',
    action: 'annual_report.read',
  });
  const row = await findReport(ctx.db, agency.id, year);
  const frozen = row !== undefined && row.report_json !== null && row.status !== 'draft' && row.status !== 'returned';
  const { report, consolidation } = frozen
    ? {
        report: JSON.parse(row.report_json as string) as AnnualReport,
        consolidation:
          agency.kind === 'government' ? (await consolidatedReport(ctx.db, agency, year)).consolidation : null,
      }
    : await assemble(ctx.db, agency, year, row === undefined ? null : (JSON.parse(row.sections) as Sections));
  const last = await publishedReport(ctx.db, agency.id, year - 1);
  const versions =
    row === undefined
      ? []
      : await ctx.db
          .selectFrom('annual_report_versions')
          .selectAll()
          .where('report_id', '=', row.id)
          .orderBy('version', 'desc')
          .execute();
  return {
    agencyId: agency.id,
    year,
    status: row?.status ?? 'new',
    statusLabel: row === undefined ? '未开始' : REPORT_STATUS_LABELS[row.status],
    report,
    explanations: row === undefined ? {} : (JSON.parse(row.explanations) as Record<string, string>),
    reviewComment: row?.review_comment ?? '',
    reopenReason: row?.reopen_reason ?? '',
    lockVersion: row?.lock_version ?? 0,
    lastYearSectionFive: last?.report.sections.find((s) => s.number === 5)?.text ?? '',
    versions: versions.map((v) => ({
      version: v.version,
      publishedOn: v.published_on,
      approvedBy: v.approved_by,
      reason: v.reason,
      changes: v.changes,
    })),
    canEdit:
      can(actor, 'report.edit', agency) && (row === undefined || row.status === 'draft' || row.status === 'returned'),
    canReview: can(actor, 'report.review', agency) && row?.status === 'submitted' && row.submitted_by !== actor.userId,
    consolidation,
  };
}

export const SaveSectionsInput = z.object({
  sections: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6']), z.string().max(20_000, '每部分不超过2万字')),
  explanations: z.record(z.string().max(200), z.string().max(2000)).default({}),
  /** The version the editor started from; a stale save is refused, not merged. */
  lockVersion: z.number().int().min(0),
});
export type SaveSectionsInput = z.input<typeof SaveSectionsInput>;

/** Autosave: the narrative and the explanations, while the report is a draft (or returned). */
export async function saveReportDraft(
  ctx: AppContext,
  {
    actor,
    agencyId,
    year,
    input,
    meta,
  }: { actor: Actor; agencyId: number; year: number; input: unknown; meta: RequestMeta },
): Promise<{ lockVersion: number; savedAt: string }> {
  const v = parseInput(SaveSectionsInput, input);
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'report.edit',
    action: 'annual_report.save',
  });
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findReport(trx, agency.id, year);
    if (row !== undefined && row.status !== 'draft' && row.status !== 'returned') {
      throw new DomainError(
        'CONFLICT',
        `报告${REPORT_STATUS_LABELS[row.status]}，不能修改；已发布的报告须先说明理由重新打开`,
      );
    }
    if ((row?.lock_version ?? 0) !== v.lockVersion) {
      throw new DomainError('CONFLICT', '报告已被他人修改，请刷新后再编辑（您的修改未保存）');
    }
    if (row === undefined) {
      const created = await trx
        .insertInto('annual_reports')
        .values({
          agency_id: agency.id,
          year,
          status: 'draft',
          sections: JSON.stringify(v.sections),
          explanations: JSON.stringify(v.explanations),
          report_json: null,
          submitted_by: null,
          submitted_at: null,
          reviewed_by: null,
          reviewed_at: null,
          created_at: now,
          updated_at: now,
          lock_version: 1,
        })
        .returning('lock_version')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx, actor, meta, {
        action: 'annual_report.save',
        agencyId: agency.id,
        targetType: 'annual_report',
        targetId: year,
        note: `${year}年度报告：开始起草`,
      });
      return { lockVersion: created.lock_version, savedAt: now };
    }
    const updated = await trx
      .updateTable('annual_reports')
      .set({
        sections: JSON.stringify(v.sections),
        explanations: JSON.stringify(v.explanations),
        updated_at: now,
        lock_version: row.lock_version + 1,
      })
      .where('id', '=', row.id)
      .where('lock_version', '=', row.lock_version)
      .returning('lock_version')
      .executeTakeFirst();
    if (updated === undefined) {
      throw new DomainError('CONFLICT', '报告已被他人修改，请刷新后再编辑（您的修改未保存）');
    }
    await audit(trx, ctx, actor, meta, {
      action: 'annual_report.save',
      agencyId: agency.id,
      targetType: 'annual_report',
      targetId: year,
      note: `${year}年度报告：保存草稿`,
    });
    return { lockVersion: updated.lock_version, savedAt: now };
  });
}

/**
 * Submits the report to the 政务公开办: the tables are computed and frozen with the narrative, every
 * rule is run; an error blocks submission, a warning needs a written explanation.
 */
export async function submitReport(
  ctx: AppContext,
  { actor, agencyId, year, meta }: { actor: Actor; agencyId: number; year: number; meta: RequestMeta },
): Promise<ReportDraft> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'report.edit',
    action: 'annual_report.submit',
  });
  const row = await findReport(ctx.db, agency.id, year);
  if (row === undefined || (row.status !== 'draft' && row.status !== 'returned')) {
    throw new DomainError(
      'CONFLICT',
      row === undefined ? '请先起草并保存报告' : `报告${REPORT_STATUS_LABELS[row.status]}，不能提交`,
    );
  }
  const { report } = await assemble(ctx.db, agency, year, JSON.parse(row.sections) as Sections);
  if (hasErrors(report.findings)) {
    const errors = report.findings.filter((f) => f.severity === 'error');
    throw new DomainError(
      'VALIDATION_FAILED',
      `报告有 ${errors.length} 处错误，不能提交：${errors.map((f) => `${f.rule} ${f.message}`).join('；')}`,
      {
        issues: errors.map((f) => ({ path: findingKey(f), message: f.message })),
      },
    );
  }
  const explanations = JSON.parse(row.explanations) as Record<string, string>;
  const unexplained = report.findings.filter(
    (f) => f.severity === 'warning' && (explanations[findingKey(f)] ?? '').trim() === '',
  );
  if (unexplained.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `有 ${unexplained.length} 条警告需要书面说明后才能提交：${unexplained.map((f) => f.message).join('；')}`,
      {
        issues: unexplained.map((f) => ({ path: findingKey(f), message: '请说明' })),
      },
    );
  }
  // Section 五 must be written, not left as the template's “……”.
  const empty = report.sections.filter(
    (s) => [1, 5].includes(s.number) && ((s.text ?? '').trim() === '' || (s.text ?? '').includes('……')),
  );
  if (empty.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `请填写：${empty.map((s) => s.title).join('、')}（模板中的“……”须替换为实际内容）`,
      {
        issues: empty.map((s) => ({ path: `sections.${s.number}`, message: '请填写' })),
      },
    );
  }
  const now = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('annual_reports')
      .set({
        status: 'submitted',
        report_json: JSON.stringify(report),
        submitted_by: actor.userId === 0 ? null : actor.userId,
        submitted_at: now,
        updated_at: now,
        lock_version: row.lock_version + 1,
      })
      .where('id', '=', row.id)
      .where('lock_version', '=', row.lock_version)
      .executeTakeFirst();
    claimed(done);
    await audit(trx, ctx, actor, meta, {
      action: 'annual_report.submit',
      agencyId: agency.id,
      targetType: 'annual_report',
      targetId: year,
      note: `${year}年度报告提交审核（${report.findings.length} 条提示/警告已说明）`,
    });
  });
  return getReportDraft(ctx, { actor, agencyId, year, meta });
}

export const ReviewInput = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('return'), comment: z.string().trim().min(1, '退回时请写明修改意见').max(2000) }),
    z.object({ decision: z.literal('approve'), comment: z.string().max(2000).default('') }),
  ],
  { error: '请选择退回或批准' },
);
export type ReviewInput = z.input<typeof ReviewInput>;

/** A numeric cell's changes between two versions, and whether the text changed: "what changed". */
export function reportChanges(before: AnnualReport | undefined, after: AnnualReport): string {
  if (before === undefined) {
    return '首次发布';
  }
  const leaves = (node: unknown, path: string, out: Map<string, number | null>) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => out.set(`${path}[${i}]`, typeof v === 'number' ? v : null));
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        leaves(v, path === '' ? k : `${path}.${k}`, out);
      }
    } else if (typeof node === 'number') {
      out.set(path, node);
    }
  };
  const a = new Map<string, number | null>();
  const b = new Map<string, number | null>();
  for (const key of ['active', 'applications', 'appeals'] as const) {
    leaves(before[key], key, a);
    leaves(after[key], key, b);
  }
  const cells = [...b.entries()]
    .filter(([k, v]) => a.get(k) !== v)
    .map(([k, v]) => `${cellLabel(k)}：${a.get(k) ?? '空'}→${v ?? '空'}`);
  const texts = after.sections
    .filter((s) => (before.sections.find((x) => x.number === s.number)?.text ?? '') !== (s.text ?? ''))
    .map((s) => `${SECTION_TITLES[s.number - 1] ?? s.title}文字修改`);
  const all = [...cells, ...texts];
  return all.length === 0
    ? '内容未变'
    : all.length > 12
      ? `${all.slice(0, 12).join('；')}等${all.length}处`
      : all.join('；');
}

/**
 * The 政务公开办's review: return with comments, or approve — which publishes the report (version
 * n+1) on the portal's 年报 column, with DOCX, PDF and the report-json. A reviewer does not approve
 * a report they submitted.
 */
export async function reviewReport(
  ctx: AppContext,
  {
    actor,
    agencyId,
    year,
    input,
    meta,
  }: { actor: Actor; agencyId: number; year: number; input: unknown; meta: RequestMeta },
): Promise<ReportDraft> {
  const v = parseInput(ReviewInput, input);
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'report.review',
    action: `annual_report.${v.decision}`,
  });
  const row = await findReport(ctx.db, agency.id, year);
  if (row === undefined || row.status !== 'submitted' || row.report_json === null) {
    throw new DomainError('CONFLICT', '该报告不在待审核状态');
  }
  if (row.submitted_by === actor.userId) {
    await denied(ctx, actor, meta, {
      action: `annual_report.${v.decision}`,
      targetType: 'agency',
      targetId: agencyId,
      agencyId: agency.id,
      permission: 'report.review',
    });
  }
  const now = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    const base = {
      reviewed_by: actor.userId === 0 ? null : actor.userId,
      reviewed_at: now,
      review_comment: v.comment,
      updated_at: now,
      lock_version: row.lock_version + 1,
    };
    if (v.decision === 'return') {
      claimed(
        await trx
          .updateTable('annual_reports')
          .set({ ...base, status: 'returned' })
          .where('id', '=', row.id)
          .where('lock_version', '=', row.lock_version)
          .executeTakeFirst(),
      );
    } else {
      const report = JSON.parse(row.report_json as string) as AnnualReport;
      const previous = await trx
        .selectFrom('annual_report_versions')
        .selectAll()
        .where('report_id', '=', row.id)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      const version = row.published_version + 1;
      await trx
        .insertInto('annual_report_versions')
        .values({
          report_id: row.id,
          version,
          report_json: row.report_json as string,
          published_on: shanghaiDate(ctx.now()),
          approved_by: actor.displayName,
          reason: row.reopen_reason,
          changes: reportChanges(
            previous === undefined ? undefined : (JSON.parse(previous.report_json) as AnnualReport),
            report,
          ),
          created_at: now,
        })
        .execute();
      claimed(
        await trx
          .updateTable('annual_reports')
          .set({ ...base, status: 'published', published_version: version })
          .where('id', '=', row.id)
          .where('lock_version', '=', row.lock_version)
          .executeTakeFirst(),
      );
      await bumpPortalGeneration(trx);
    }
    await audit(trx, ctx, actor, meta, {
      action: `annual_report.${v.decision}`,
      agencyId: agency.id,
      targetType: 'annual_report',
      targetId: year,
      note: v.decision === 'return' ? `${year}年度报告退回：${v.comment}` : `${year}年度报告审核通过并发布`,
    });
  });
  return getReportDraft(ctx, { actor, agencyId, year, meta });
}

/** Reopens a published report for correction: the published version stays online until the next is approved. */
export async function reopenReport(
  ctx: AppContext,
  {
    actor,
    agencyId,
    year,
    reason,
    meta,
  }: { actor: Actor; agencyId: number; year: number; reason: string; meta: RequestMeta },
): Promise<ReportDraft> {
  const text = reason.trim();
  if (text === '') {
    throw new DomainError('VALIDATION_FAILED', '重新打开已发布的报告须说明理由', {
      issues: [{ path: 'reason', message: '请说明理由' }],
    });
  }
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'report.edit',
    action: 'annual_report.reopen',
  });
  const row = await findReport(ctx.db, agency.id, year);
  if (row === undefined || row.status !== 'published') {
    throw new DomainError('CONFLICT', '只有已发布的报告需要重新打开');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('annual_reports')
      .set({
        status: 'draft',
        reopen_reason: text.slice(0, 2000),
        review_comment: '',
        updated_at: iso(ctx.now()),
        lock_version: row.lock_version + 1,
      })
      .where('id', '=', row.id)
      .execute();
    await audit(trx, ctx, actor, meta, {
      action: 'annual_report.reopen',
      agencyId: agency.id,
      targetType: 'annual_report',
      targetId: year,
      note: `${year}年度报告重新打开：${text}`,
    });
  });
  return getReportDraft(ctx, { actor, agencyId, year, meta });
}

/** A published report (the latest version, or the one asked for). */
export async function publishedReport(
  ex: Executor,
  agencyId: number,
  year: number,
  version?: number,
): Promise<{ report: AnnualReport; version: number; publishedOn: string } | undefined> {
  let query = ex
    .selectFrom('annual_report_versions')
    .innerJoin('annual_reports', 'annual_reports.id', 'annual_report_versions.report_id')
    .select([
      'annual_report_versions.report_json',
      'annual_report_versions.version',
      'annual_report_versions.published_on',
    ])
    .where('annual_reports.agency_id', '=', agencyId)
    .where('annual_reports.year', '=', year);
  query =
    version === undefined
      ? query.orderBy('annual_report_versions.version', 'desc')
      : query.where('annual_report_versions.version', '=', version);
  const row = await query.executeTakeFirst();
  return row === undefined
    ? undefined
    : { report: JSON.parse(row.report_json) as AnnualReport, version: row.version, publishedOn: row.published_on };
}

/** Every published report (latest versions), for /open/reports.json and the portal. */
export async function listPublishedReports(ex: Executor, agencyId?: number) {
  let query = ex
    .selectFrom('annual_reports')
    .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
    .innerJoin('annual_report_versions', (j) =>
      j
        .onRef('annual_report_versions.report_id', '=', 'annual_reports.id')
        .onRef('annual_report_versions.version', '=', 'annual_reports.published_version'),
    )
    .select([
      'annual_reports.agency_id',
      'agencies.name as agency_name',
      'annual_reports.year',
      'annual_reports.published_version',
      'annual_report_versions.published_on',
    ])
    .where('annual_reports.published_version', '>', 0);
  if (agencyId !== undefined) {
    query = query.where('annual_reports.agency_id', '=', agencyId);
  }
  return query.orderBy('annual_reports.year', 'desc').orderBy('agencies.sort_order').execute();
}

/** Every agency's report status for a year with its findings, for the 政务公开办's desk. */
export async function reportStatuses(
  ctx: AppContext,
  { actor, year }: { actor: Actor; year: number },
): Promise<
  {
    agencyId: number;
    agencyName: string;
    status: string;
    statusLabel: string;
    submittedAt: string | null;
    deadline: string;
    errors: number;
    warnings: number;
  }[]
> {
  const agencies = (await ctx.db.selectFrom('agencies').selectAll().orderBy('sort_order').execute()).filter((a) =>
    can(actor, 'report.review', a),
  );
  const rows = await ctx.db.selectFrom('annual_reports').selectAll().where('year', '=', year).execute();
  const out = [];
  for (const a of agencies) {
    const r = rows.find((x) => x.agency_id === a.id);
    // Submitted and published reports are judged as frozen; drafts as they would be submitted now.
    const findings =
      r !== undefined && r.report_json !== null && (r.status === 'submitted' || r.status === 'published')
        ? (JSON.parse(r.report_json) as AnnualReport).findings
        : (await assemble(ctx.db, a, year, r === undefined ? null : (JSON.parse(r.sections) as Sections))).report
            .findings;
    out.push({
      agencyId: a.id,
      agencyName: a.name,
      status: r?.status ?? 'new',
      statusLabel: r === undefined ? '未开始' : REPORT_STATUS_LABELS[r.status],
      submittedAt: r?.submitted_at ?? null,
      deadline: agencyReportDeadline(a.kind, year),
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    });
  }
  return out;
}

/** A report's published versions, newest first (the portal's 修订记录). */
export async function reportVersions(ex: Executor, agencyId: number, year: number) {
  const rows = await ex
    .selectFrom('annual_report_versions')
    .innerJoin('annual_reports', 'annual_reports.id', 'annual_report_versions.report_id')
    .select([
      'annual_report_versions.version',
      'annual_report_versions.published_on',
      'annual_report_versions.reason',
      'annual_report_versions.changes',
    ])
    .where('annual_reports.agency_id', '=', agencyId)
    .where('annual_reports.year', '=', year)
    .orderBy('annual_report_versions.version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, publishedOn: r.published_on, reason: r.reason, changes: r.changes }));
}

/**
 * Brings in a report the agency published before it used xxgk (DOCX, PDF, HTML or text, read by the
 * importer), as that year's published report: the cross-year rules of the next year (R5, R8, R10)
 * then check against what was actually published. A year that already has a report here is refused.
 */
export async function importPublishedReport(
  ctx: AppContext,
  {
    actor,
    agencyId,
    year,
    file,
    publishedOn,
    meta,
  }: {
    actor: Actor;
    agencyId: number;
    year: number;
    file: { fileName: string; bytes: Uint8Array };
    publishedOn: string;
    meta: RequestMeta;
  },
): Promise<ReportDraft> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'report.edit',
    action: 'annual_report.import',
  });
  // The day it was actually published: a real date, not after today (issue 18: no absurd stored dates).
  parseField('publishedOn', legalDate('发布日期', { min: EARLIEST_DATE, max: shanghaiDate(ctx.now()) }), publishedOn);
  const report = await readReportFile(file.fileName, file.bytes);
  if (report.year !== null && report.year !== year) {
    throw new DomainError('VALIDATION_FAILED', `文件是${report.year}年度的报告，不是${year}年度的`);
  }
  if (report.applications === null) {
    throw new DomainError('VALIDATION_FAILED', '未能从文件中读出表三（收到和处理政府信息公开申请情况），请检查文件');
  }
  report.year = year;
  report.agency = agency.name;
  report.source = { ...report.source, file: file.fileName };
  const now = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    if ((await findReport(trx, agency.id, year)) !== undefined) {
      throw new DomainError('CONFLICT', `${year}年度已有报告，不能再导入`);
    }
    const row = await trx
      .insertInto('annual_reports')
      .values({
        agency_id: agency.id,
        year,
        status: 'published',
        sections: JSON.stringify(Object.fromEntries(report.sections.map((s) => [String(s.number), s.text ?? '']))),
        report_json: JSON.stringify(report),
        submitted_by: null,
        submitted_at: null,
        reviewed_by: null,
        reviewed_at: null,
        published_version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('annual_report_versions')
      .values({
        report_id: row.id,
        version: 1,
        report_json: JSON.stringify(report),
        published_on: publishedOn,
        approved_by: actor.displayName,
        reason: '',
        changes: `从已发布的文件导入（${file.fileName}）`,
        created_at: now,
      })
      .execute();
    await bumpPortalGeneration(trx);
    await audit(trx, ctx, actor, meta, {
      action: 'annual_report.import',
      agencyId: agency.id,
      targetType: 'annual_report',
      targetId: year,
      note: `导入已发布的${year}年度报告（${file.fileName}，读出 ${report.findings.length} 条校验提示）`,
    });
  });
  return getReportDraft(ctx, { actor, agencyId, year, meta });
}

/**
 * Drill-down for the report screen: the records behind a number. For a people's government the
 * number is the consolidated one: its own records, then each included department's or town's
 * published report with its share of the number.
 */
export async function reportCell(
  ctx: AppContext,
  access: { actor: Actor; agencyId: number; year: number; cell: string; meta: RequestMeta },
): Promise<Awaited<ReturnType<typeof reportCellRecords>>> {
  const own = await reportCellRecords(ctx, access);
  const agency = await requireAgency(ctx.db, access.agencyId);
  if (agency.kind !== 'government') {
    return own;
  }
  const { report, consolidation } = await consolidatedReport(ctx.db, agency, access.year);
  const records = [...own.records];
  for (const part of consolidation.included) {
    const published = await publishedReport(ctx.db, part.agencyId, access.year);
    const value = published === undefined ? null : cellValue(published.report, access.cell);
    if (value !== null && value !== 0) {
      records.push({
        kind: 'report',
        id: part.agencyId,
        label: `${part.agencyName}${access.year}年度报告（第 ${part.version} 版）`,
        detail: `计入 ${value}`,
        href: `/agencies/${part.agencyId}/reports/${access.year}`,
      });
    }
  }
  return { ...own, value: cellValue(report, access.cell), records };
}
