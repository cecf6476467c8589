import { DomainError, shanghaiDate, type Actor } from '@xxgk/core';
import { bumpPortalGeneration, insertAnnualReport, insertAnnualReportVersion } from '@xxgk/db';
import { readReportFile } from '@xxgk/documents';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { EARLIEST_DATE, legalDate, parseField } from '../validation.ts';
import { findReport } from './report-rows.ts';
import { type ReportDraft, getReportDraft } from './get-report-draft.ts';

/**
 * Brings in a report the agency published before it used xxgk (DOCX, PDF, HTML or text, read by the
 * importer), as that year's published report: the cross-year rules of the next year (R5, R8, R10)
 * then check against what was actually published. A year that already has a report here is refused.
 *
 * Over 80 lines, kept whole: the file's checks come first, then the report and its version 1 are written
 * in one transaction, so a refused or failed import leaves nothing behind.
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
    const row = await insertAnnualReport(trx, {
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
    });
    await insertAnnualReportVersion(trx, {
      report_id: row.id,
      version: 1,
      report_json: JSON.stringify(report),
      published_on: publishedOn,
      approved_by: actor.displayName,
      reason: '',
      changes: `从已发布的文件导入（${file.fileName}）`,
      created_at: now,
    });
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
