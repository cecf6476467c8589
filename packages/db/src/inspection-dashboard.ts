import type { Executor } from './connection.ts';
import { listScanFindings, type ScanFindingListRow } from './inspection.ts';
import type {
  AnnualReportStatus,
  ApplicationRow,
  CatalogColumnRow,
  ErrorReportStatus,
  ItemRow,
  ScanFindingRow,
} from './schema.ts';

/**
 * The reads behind the 政务公开办's dashboard and the monthly inspection report (app/inspection):
 * each agency's columns and what was published in them, scanner findings, applications, annual
 * reports and the public's error reports. The compiled SQL of the aggregates is snapshotted for both
 * dialects (inspection-dashboard.test.ts, __snapshots__/). Ids lists get a -1 so an empty list is
 * still valid SQL.
 */

type ApplicationClock = Pick<ApplicationRow, 'agency_id' | 'received_on' | 'due_on' | 'decided_on' | 'clock_status'>;

/** The agencies' applications, by what their deadlines are judged from. */
function applicationClocks(ex: Executor, ids: readonly number[]) {
  return ex
    .selectFrom('applications')
    .select(['agency_id', 'received_on', 'due_on', 'decided_on', 'clock_status'])
    .where('agency_id', 'in', ids);
}

/** What column freshness is computed from (app/inspection/freshness.ts). */
export interface ColumnFreshnessFacts {
  /** The agencies' columns, by agency in catalog order. */
  readonly columns: readonly Pick<
    CatalogColumnRow,
    'id' | 'agency_id' | 'parent_id' | 'code' | 'name' | 'kind' | 'sort_order'
  >[];
  /** Per column: how many items are published in it and the latest publication instant. */
  readonly stats: readonly { column_id: number; last: string | null; n: number }[];
  /** Per agency: published annual report versions, the latest's date and the latest year. */
  readonly reports: readonly { agency_id: number; last: string | null; year: number | null; n: number }[];
}

export async function columnFreshnessFacts(ex: Executor, agencyIds: readonly number[]): Promise<ColumnFreshnessFacts> {
  const ids = [...agencyIds, -1];
  const columns = await ex
    .selectFrom('catalog_columns')
    .select(['id', 'agency_id', 'parent_id', 'code', 'name', 'kind', 'sort_order'])
    .where('agency_id', 'in', ids)
    .orderBy('agency_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const stats = await ex
    .selectFrom('items')
    .select((eb) => [
      'column_id',
      eb.fn.max('published_at').as('last'),
      eb.cast<number>(eb.fn.countAll(), 'integer').as('n'),
    ])
    .where('agency_id', 'in', ids)
    .where('status', '=', 'published')
    .groupBy('column_id')
    .execute();
  const reports = await ex
    .selectFrom('annual_report_versions as v')
    .innerJoin('annual_reports as r', 'r.id', 'v.report_id')
    .select((eb) => [
      'r.agency_id',
      eb.fn.max('v.published_on').as('last'),
      eb.fn.max('r.year').as('year'),
      eb.cast<number>(eb.fn.countAll(), 'integer').as('n'),
    ])
    .where('r.agency_id', 'in', ids)
    .groupBy('r.agency_id')
    .execute();
  return { columns, stats, reports };
}

/** The agencies' columns, for finding each one's top-level column. */
export async function listColumnTree(
  ex: Executor,
  agencyIds: readonly number[],
): Promise<Pick<CatalogColumnRow, 'id' | 'parent_id' | 'name'>[]> {
  return ex
    .selectFrom('catalog_columns')
    .select(['id', 'parent_id', 'name'])
    .where('agency_id', 'in', [...agencyIds, -1])
    .execute();
}

/** The records the dashboard's figures are counted from. */
export interface DashboardFacts {
  readonly findings: readonly Pick<
    ScanFindingRow,
    'agency_id' | 'check_code' | 'severity' | 'fixed_at' | 'dismissed_at'
  >[];
  /** Applications received or decided since `since`, and those not decided. */
  readonly applications: readonly ApplicationClock[];
  /** The annual reports of `reportYear`. */
  readonly reports: readonly { agency_id: number; status: AnnualReportStatus }[];
  readonly errorReports: readonly { agency_id: number; status: ErrorReportStatus; due_on: string }[];
  /** Items published (and those since withdrawn) from `publishedFrom` on. */
  readonly items: readonly Pick<ItemRow, 'agency_id' | 'column_id' | 'published_at'>[];
}

export async function dashboardFacts(
  ex: Executor,
  q: {
    agencyIds: readonly number[];
    /** The first day of the year counted (YYYY-MM-DD). */
    since: string;
    reportYear: number;
    /** An instant. */
    publishedFrom: string;
  },
): Promise<DashboardFacts> {
  const ids = [...q.agencyIds, -1];
  const findings = await ex
    .selectFrom('scan_findings')
    .select(['agency_id', 'check_code', 'severity', 'fixed_at', 'dismissed_at'])
    .where('agency_id', 'in', ids)
    .execute();
  const applications = await applicationClocks(ex, ids)
    .where((eb) =>
      eb.or([eb('received_on', '>=', q.since), eb('decided_on', '>=', q.since), eb('decided_on', 'is', null)]),
    )
    .execute();
  const reports = await ex
    .selectFrom('annual_reports')
    .select(['agency_id', 'status'])
    .where('year', '=', q.reportYear)
    .where('agency_id', 'in', ids)
    .execute();
  const errorReports = await ex
    .selectFrom('error_reports')
    .select(['agency_id', 'status', 'due_on'])
    .where('agency_id', 'in', ids)
    .execute();
  const items = await ex
    .selectFrom('items')
    .select(['agency_id', 'column_id', 'published_at'])
    .where('agency_id', 'in', ids)
    .where('status', 'in', ['published', 'withdrawn'])
    .where('published_at', '>=', q.publishedFrom)
    .execute();
  return { findings, applications, reports, errorReports, items };
}

/** The records the monthly inspection report is counted from. */
export interface MonthlyInspectionFacts {
  /** Items published in [from, to), withdrawn or not. */
  readonly published: readonly { agency_id: number }[];
  /** Findings found before `to`. */
  readonly findings: readonly ScanFindingListRow[];
  readonly applications: readonly ApplicationClock[];
  readonly errorReports: readonly {
    agency_id: number;
    due_on: string;
    replied_at: string | null;
    status: ErrorReportStatus;
  }[];
}

export async function monthlyInspectionFacts(
  ex: Executor,
  q: { agencyIds: readonly number[]; from: string; to: string },
): Promise<MonthlyInspectionFacts> {
  const ids = [...q.agencyIds, -1];
  const published = await ex
    .selectFrom('items')
    .select(['agency_id'])
    .where('agency_id', 'in', ids)
    .where('published_at', '>=', q.from)
    .where('published_at', '<', q.to)
    .execute();
  const findings = await listScanFindings(ex, q.agencyIds, { foundBefore: q.to });
  const applications = await applicationClocks(ex, ids).execute();
  const errorReports = await ex
    .selectFrom('error_reports')
    .select(['agency_id', 'due_on', 'replied_at', 'status'])
    .where('agency_id', 'in', ids)
    .execute();
  return { published, findings, applications, errorReports };
}

/** Items published in [from, to) and those since withdrawn, with their published titles, oldest first. */
export async function listPublishedBetween(
  ex: Executor,
  q: { agencyIds: readonly number[]; from: string; to: string },
): Promise<
  (Pick<ItemRow, 'id' | 'agency_id' | 'column_id' | 'index_no' | 'published_at' | 'status'> & { title: string })[]
> {
  return ex
    .selectFrom('items as i')
    .innerJoin('item_versions as v', (j) =>
      j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
    )
    .select(['i.id', 'i.agency_id', 'i.column_id', 'i.index_no', 'i.published_at', 'i.status', 'v.title'])
    .where('i.agency_id', 'in', [...q.agencyIds, -1])
    .where('i.status', 'in', ['published', 'withdrawn'])
    .where('i.published_at', '>=', q.from)
    .where('i.published_at', '<', q.to)
    .orderBy('i.published_at')
    .execute();
}

/** An agency's applications that have a due date, soonest due first (overdue and late ones are among them). */
export async function listApplicationsWithDueDate(
  ex: Executor,
  agencyId: number,
): Promise<
  Pick<
    ApplicationRow,
    'id' | 'tracking_code' | 'info_title' | 'received_on' | 'due_on' | 'decided_on' | 'clock_status'
  >[]
> {
  return ex
    .selectFrom('applications')
    .select(['id', 'tracking_code', 'info_title', 'received_on', 'due_on', 'decided_on', 'clock_status'])
    .where('agency_id', '=', agencyId)
    .where('due_on', 'is not', null)
    .orderBy('due_on')
    .execute();
}
