import { can, type Actor, type AnnualReport } from '@xxgk/core';
import { listAgencies, listAnnualReportsOfYear } from '@xxgk/db';
import type { AppContext } from '../context.ts';
import { agencyReportDeadline } from './report-reminders.ts';
import { type Sections, assemble } from './report-rows.ts';
import { REPORT_STATUS_LABELS } from './report-status-labels.ts';

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
  const agencies = (await listAgencies(ctx.db)).filter((a) => can(actor, 'report.review', a));
  const rows = await listAnnualReportsOfYear(ctx.db, year);
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
