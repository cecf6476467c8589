import type { Executor } from '@xxgk/db';

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
