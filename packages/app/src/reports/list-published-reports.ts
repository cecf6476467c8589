import type { Executor } from '@xxgk/db';

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
