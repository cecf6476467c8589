import { DomainError, type Actor } from '@xxgk/core';
import { insertAnnualReport, updateAnnualReportLocked } from '@xxgk/db';
import { z } from 'zod';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { findReport } from './report-rows.ts';
import { REPORT_STATUS_LABELS } from './report-status-labels.ts';

export const SaveSectionsInput = z.object({
  sections: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6']), z.string().max(20_000, '每部分不超过2万字')),
  explanations: z.record(z.string().max(200), z.string().max(2000)).default({}),
  /** The version the editor started from; a stale save is refused, not merged. */
  lockVersion: z.number().int().min(0),
});
export type SaveSectionsInput = z.input<typeof SaveSectionsInput>;

/**
 * Autosave: the narrative and the explanations, while the report is a draft (or returned).
 *
 * Over 80 lines, kept whole: the first save (an insert) and every later one (an update guarded by the
 * lock version) stand side by side in one transaction, so the stale-save rule reads in one place.
 */
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
      const created = await insertAnnualReport(trx, {
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
      });
      await audit(trx, ctx, actor, meta, {
        action: 'annual_report.save',
        agencyId: agency.id,
        targetType: 'annual_report',
        targetId: year,
        note: `${year}年度报告：开始起草`,
      });
      return { lockVersion: created.lock_version, savedAt: now };
    }
    const lockVersion = await updateAnnualReportLocked(trx, row, {
      sections: JSON.stringify(v.sections),
      explanations: JSON.stringify(v.explanations),
      updated_at: now,
    });
    if (lockVersion === undefined) {
      throw new DomainError('CONFLICT', '报告已被他人修改，请刷新后再编辑（您的修改未保存）');
    }
    await audit(trx, ctx, actor, meta, {
      action: 'annual_report.save',
      agencyId: agency.id,
      targetType: 'annual_report',
      targetId: year,
      note: `${year}年度报告：保存草稿`,
    });
    return { lockVersion, savedAt: now };
  });
}
