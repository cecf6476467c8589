/*
 * Annual reports (年度报告) in the database: the report row an agency drafts, submits and has
 * reviewed, its published versions, and the agency's templates for sections 五 and 六. The figures
 * the report is computed from are read in annual-report-facts.ts.
 */

import type { Insertable, Selectable } from 'kysely';
import type { Executor } from './connection.ts';
import { updateLocked, type LockedPatch } from './lock-version.ts';
import type {
  AnnualReportRow,
  AnnualReportTable,
  AnnualReportVersionRow,
  AnnualReportVersionTable,
  ReportTemplateTable,
} from './schema.ts';

export async function findAnnualReport(
  ex: Executor,
  agencyId: number,
  year: number,
): Promise<AnnualReportRow | undefined> {
  return ex
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Every agency's report for the year (an agency without one has no row). */
export async function listAnnualReportsOfYear(ex: Executor, year: number): Promise<AnnualReportRow[]> {
  return ex.selectFrom('annual_reports').selectAll().where('year', '=', year).execute();
}

/** The agencies that have published a report for the year. */
export async function listAgencyIdsPublishedFor(ex: Executor, year: number): Promise<number[]> {
  const rows = await ex
    .selectFrom('annual_reports')
    .select('agency_id')
    .where('year', '=', year)
    .where('published_version', '>', 0)
    .execute();
  return rows.map((r) => r.agency_id);
}

export async function insertAnnualReport(
  ex: Executor,
  row: Omit<Insertable<AnnualReportTable>, 'id'>,
): Promise<AnnualReportRow> {
  return ex.insertInto('annual_reports').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Changes the report only if nobody changed it since `seen` was read (the one optimistic lock,
 * lock-version.ts). Returns the new lock version, or undefined when `seen` is stale.
 */
export async function updateAnnualReportLocked(
  ex: Executor,
  seen: Pick<AnnualReportRow, 'id' | 'lock_version'>,
  patch: LockedPatch<'annual_reports'>,
): Promise<number | undefined> {
  return updateLocked(ex, 'annual_reports', seen, patch);
}

/** Reopening is not guarded by the lock: it only follows a published report, and moves the version on. */
export async function reopenAnnualReport(
  ex: Executor,
  seen: Pick<AnnualReportRow, 'id' | 'lock_version'>,
  patch: { reopen_reason: string; updated_at: string },
): Promise<void> {
  await ex
    .updateTable('annual_reports')
    .set({ status: 'draft', review_comment: '', ...patch, lock_version: seen.lock_version + 1 })
    .where('id', '=', seen.id)
    .execute();
}

export async function insertAnnualReportVersion(
  ex: Executor,
  row: Omit<Insertable<AnnualReportVersionTable>, 'id'>,
): Promise<void> {
  await ex.insertInto('annual_report_versions').values(row).execute();
}

/** A report's published versions, newest first. */
export async function listAnnualReportVersions(ex: Executor, reportId: number): Promise<AnnualReportVersionRow[]> {
  return ex
    .selectFrom('annual_report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('version', 'desc')
    .execute();
}

/** The latest published version of a report, if any. */
export async function findLatestAnnualReportVersion(
  ex: Executor,
  reportId: number,
): Promise<AnnualReportVersionRow | undefined> {
  return ex
    .selectFrom('annual_report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

/** The agency's published versions for the year, newest first, without their JSON (the portal's 修订记录). */
export async function listPublishedVersionsOf(
  ex: Executor,
  agencyId: number,
  year: number,
): Promise<Pick<AnnualReportVersionRow, 'version' | 'published_on' | 'reason' | 'changes'>[]> {
  return ex
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
}

/** One published version of the agency's report for the year: the given one, else the latest. */
export async function findPublishedVersionOf(
  ex: Executor,
  agencyId: number,
  year: number,
  version?: number,
): Promise<Pick<AnnualReportVersionRow, 'report_json' | 'version' | 'published_on'> | undefined> {
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
  return query.executeTakeFirst();
}

export interface PublishedReportListing {
  agency_id: number;
  agency_name: string;
  year: number;
  published_version: number;
  published_on: string;
}

/** Every published report at its latest version, newest year first (all agencies, or one). */
export async function listPublishedReportListings(ex: Executor, agencyId?: number): Promise<PublishedReportListing[]> {
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

/** The agency's own starting text for section 5 or 6, if it saved one. */
export async function findReportTemplate(ex: Executor, agencyId: number, section: number): Promise<string | undefined> {
  const row = await ex
    .selectFrom('report_templates')
    .select('body')
    .where('agency_id', '=', agencyId)
    .where('section', '=', section)
    .executeTakeFirst();
  return row?.body;
}

/** Keeps (or replaces) the agency's starting text for a section. */
export async function upsertReportTemplate(
  ex: Executor,
  row: Omit<Selectable<ReportTemplateTable>, 'id'>,
): Promise<void> {
  const { body, updated_by, updated_at } = row;
  await ex
    .insertInto('report_templates')
    .values(row)
    .onConflict((oc) => oc.columns(['agency_id', 'section']).doUpdateSet({ body, updated_by, updated_at }))
    .execute();
}
