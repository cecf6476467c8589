import { cellValue, type Actor } from '@xxgk/core';
import { requireAgency } from '../agencies/require-agency.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { reportCellRecords } from './live-report.ts';
import { consolidatedReport } from './consolidated-report.ts';
import { publishedReport } from './published-report.ts';

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
