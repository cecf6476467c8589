/*
 * What an agency's annual report is computed from (app reports/live-report.ts): its applications,
 * the items it published in the year by column, and the year's fee notices and payments. These are
 * the report aggregates whose compiled SQL is snapshotted (annual-report-facts.test.ts); the appeals
 * are read by appeals.ts, the normative documents by normative.ts.
 */

import type { ApplicationEventRow, ApplicationRow, CatalogColumnRow, ItemRow } from './schema.ts';
import type { Executor } from './connection.ts';

export type ApplicationRecordRow = Pick<
  ApplicationRow,
  'id' | 'tracking_code' | 'info_title' | 'applicant_kind' | 'received_on' | 'outcome_code' | 'decided_on'
>;

/** Every application of the agency, with what tables 三 counts it by, in the order registered. */
export async function listApplicationRecordRows(ex: Executor, agencyId: number): Promise<ApplicationRecordRow[]> {
  return ex
    .selectFrom('applications')
    .select(['id', 'tracking_code', 'info_title', 'applicant_kind', 'received_on', 'outcome_code', 'decided_on'])
    .where('agency_id', '=', agencyId)
    .orderBy('id')
    .execute();
}

/**
 * The agency's items published from the last day of the year before through the first day of the
 * year after (stored instants; the caller keeps those on a Beijing day of the year).
 */
export async function listItemsPublishedAround(
  ex: Executor,
  agencyId: number,
  year: number,
): Promise<Pick<ItemRow, 'column_id' | 'published_at'>[]> {
  return ex
    .selectFrom('items')
    .select(['column_id', 'published_at'])
    .where('agency_id', '=', agencyId)
    .where('published_at', 'is not', null)
    .where('published_at', '>=', `${year - 1}-12-31`)
    .where('published_at', '<', `${year + 1}-01-02`)
    .execute();
}

/** The agency's catalogue columns, to find each item's top-level column. */
export async function listAgencyColumnTree(
  ex: Executor,
  agencyId: number,
): Promise<Pick<CatalogColumnRow, 'id' | 'parent_id' | 'name' | 'sort_order'>[]> {
  return ex
    .selectFrom('catalog_columns')
    .select(['id', 'parent_id', 'name', 'sort_order'])
    .where('agency_id', '=', agencyId)
    .execute();
}

/** The agency's fee notices sent and fees paid in the year (section 六's 信息处理费). */
export async function listFeeEventsOfYear(
  ex: Executor,
  agencyId: number,
  year: number,
): Promise<Pick<ApplicationEventRow, 'type' | 'payload' | 'application_id'>[]> {
  return ex
    .selectFrom('application_events')
    .innerJoin('applications', 'applications.id', 'application_events.application_id')
    .select(['application_events.type', 'application_events.payload', 'application_events.application_id'])
    .where('applications.agency_id', '=', agencyId)
    .where('application_events.type', 'in', ['fee_notice_sent', 'fee_paid'])
    .where('application_events.on_date', '>=', `${year}-01-01`)
    .where('application_events.on_date', '<=', `${year}-12-31`)
    .execute();
}
