import { DomainError, hasErrors, type Actor } from '@xxgk/core';
import { updateAnnualReportLocked } from '@xxgk/db';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { claimed, type Sections, findReport, assemble } from './report-rows.ts';
import { findingKey } from './finding-key.ts';
import { REPORT_STATUS_LABELS } from './report-status-labels.ts';
import { type ReportDraft, getReportDraft } from './get-report-draft.ts';

/**
 * Submits the report to the 政务公开办: the tables are computed and frozen with the narrative, every
 * rule is run; an error blocks submission, a warning needs a written explanation.
 *
 * Over 80 lines, kept whole: the three refusals (errors, unexplained warnings, unwritten sections) each
 * name their issues for the form, in the order the editor fixes them, before the one guarded write.
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
    claimed(
      await updateAnnualReportLocked(trx, row, {
        status: 'submitted',
        report_json: JSON.stringify(report),
        submitted_by: actor.userId === 0 ? null : actor.userId,
        submitted_at: now,
        updated_at: now,
      }),
    );
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
