import type { AnnualReport } from '@xxgk/core';
import type { Executor } from '@xxgk/db';

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
