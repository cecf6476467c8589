import { DomainError, type Actor } from '@xxgk/core';
import { reopenAnnualReport } from '@xxgk/db';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { findReport } from './report-rows.ts';
import { type ReportDraft, getReportDraft } from './get-report-draft.ts';

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
    await reopenAnnualReport(trx, row, { reopen_reason: text.slice(0, 2000), updated_at: iso(ctx.now()) });
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
