import { can, type Actor, type AnnualReport } from '@xxgk/core';
import { listAnnualReportVersions, type AnnualReportRow } from '@xxgk/db';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { type Sections, findReport, assemble } from './report-rows.ts';
import { REPORT_STATUS_LABELS } from './report-status-labels.ts';
import { type Consolidation, consolidatedReport } from './consolidated-report.ts';
import { publishedReport } from './published-report.ts';

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
  const versions = row === undefined ? [] : await listAnnualReportVersions(ctx.db, row.id);
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
