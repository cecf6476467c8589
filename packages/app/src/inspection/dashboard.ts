import {
  addDays,
  addMonths,
  can,
  CLOSED_CLOCK_STATUSES,
  DateRangeError,
  inspectionVerdict,
  scanCheckLabel,
  shanghaiDate,
  shanghaiDayStart,
  workingDaysBetween,
  type Actor,
  type Verdict,
  type WorkCalendar,
} from '@xxgk/core';
import {
  dashboardFacts,
  listAgencies,
  listAgencyErrorReports,
  listApplicationsWithDueDate,
  listColumnTree,
  listPublishedBetween,
  listScanFindings,
  type AgencyRow,
  type Executor,
} from '@xxgk/db';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import { authorize } from '../audit.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { agencyReportDeadline } from '../reports/report-reminders.ts';
import { REPORT_STATUS_LABELS } from '../reports/report-status-labels.ts';
import { agencyFreshness, type AgencyFreshness } from './freshness.ts';
import { legalMonth, parseField, plausibleDates } from '../validation.ts';

/**
 * The 政务公开办's dashboard (issue 8 §3): for every agency it oversees and for the city — items
 * published per month by column, stale and blank columns, scanner findings open and fixed,
 * applications received / on time / overdue with the median handling time, last year's annual
 * report, the public's error reports — and a ranking. Every figure names the records behind it
 * (the drill-down routes list them).
 */
export interface AgencyInspection {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly kind: string;
  readonly freshness: Omit<AgencyFreshness, 'columns'>;
  readonly findings: {
    readonly severe: number;
    readonly warning: number;
    readonly fixed30: number;
    readonly dismissed: number;
  };
  readonly applications: {
    readonly received: number;
    readonly decided: number;
    readonly onTime: number;
    readonly late: number;
    /** Open and past the due date today. */
    readonly overdue: number;
    readonly medianWorkingDays: number | null;
  };
  readonly report: {
    readonly year: number;
    readonly status: string;
    readonly label: string;
    readonly deadline: string;
    readonly late: boolean;
  };
  readonly errorReports: { readonly open: number; readonly overdue: number; readonly replied: number };
  /** Items published per month (the last 12), by top-level column. */
  readonly itemsByMonth: readonly { readonly month: string; readonly column: string; readonly count: number }[];
  /** Whether an inspection today would fail the agency (单项否决), and why. */
  readonly verdict: Verdict;
  readonly score: number;
  readonly penalties: readonly string[];
}

export interface InspectionDashboard {
  readonly today: string;
  readonly year: number;
  readonly months: readonly string[];
  readonly agencies: readonly AgencyInspection[];
  /** Agencies best first: passing before failing, then by score. */
  readonly ranking: readonly {
    readonly agencyId: number;
    readonly agencyName: string;
    readonly score: number;
    readonly fails: boolean;
  }[];
  readonly scoring: readonly string[];
}

/**
 * The ranking's score: our own reading, not an official formula (the 19号 checklist's point scheme is
 * not published in full, docs/rules.md#inspection). It starts at 100; a failing agency (单项否决) ranks below
 * every passing one whatever its score.
 */
export const SCORING = {
  staleColumn: 2,
  blankColumn: 2,
  severeFinding: 5,
  warningFinding: 1,
  warningCap: 20,
  overdueApplication: 5,
  lateDecision: 2,
  reportLate: 10,
  overdueErrorReport: 2,
} as const;

export const SCORING_RULES: readonly string[] = [
  `超期未更新栏目、空白栏目：每个扣 ${SCORING.staleColumn} 分`,
  `未处理的严重检查问题：每个扣 ${SCORING.severeFinding} 分；一般问题每个扣 ${SCORING.warningFinding} 分（最多扣 ${SCORING.warningCap} 分）`,
  `超期未答复的依申请公开：每件扣 ${SCORING.overdueApplication} 分；本年逾期答复的每件扣 ${SCORING.lateDecision} 分`,
  `上年度年报逾期未发布：扣 ${SCORING.reportLate} 分`,
  `超期未答复的网民纠错：每件扣 ${SCORING.overdueErrorReport} 分`,
  '存在单项否决情形（超期或空白栏目≥5个、首页2周未更新、公开未去标识化的个人信息、严重表述错误）的，排在所有合格单位之后',
];

function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The `n` months up to and including today's, oldest first, as YYYY-MM. */
function lastMonths(today: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addMonths(`${today.slice(0, 7)}-01`, i - (n - 1)).slice(0, 7));
}

/** The agencies the actor oversees (inspection.read), the actor's own first. */
export async function inspectedAgencies(ctx: AppContext, actor: Actor, meta: RequestMeta): Promise<AgencyRow[]> {
  const agencies = (await listAgencies(ctx.db)).filter((a) => can(actor, 'inspection.read', a));
  if (agencies.length === 0) {
    await authorize(ctx, actor, meta, 'inspection.read', actor.agency, {
      action: 'inspection.read',
      targetType: 'agency',
      targetId: actor.agency.id,
    });
  }
  return agencies;
}

export async function inspectionDashboard(
  ctx: AppContext,
  { actor, meta }: { actor: Actor; meta: RequestMeta },
): Promise<InspectionDashboard> {
  const agencies = await inspectedAgencies(ctx, actor, meta);
  const ids = agencies.map((a) => a.id);
  const today = shanghaiDate(ctx.now());
  const year = Number(today.slice(0, 4));
  const months = lastMonths(today, 12);
  const freshness = await agencyFreshness(ctx.db, agencies, today);
  const calendar = await loadCalendar(ctx.db);

  const monthAgo = shanghaiDayStart(addDays(today, -30));
  const {
    findings: findingRows,
    applications,
    reports,
    errorReports,
    items,
  } = await dashboardFacts(ctx.db, {
    agencyIds: ids,
    since: `${year}-01-01`,
    reportYear: year - 1,
    publishedFrom: shanghaiDayStart(`${months[0]}-01`),
  });
  // Items per month by top-level column: the column's root ancestor.
  const rootName = await rootColumnNames(ctx.db, ids);

  const out: AgencyInspection[] = agencies.map((agency) => {
    const f = freshness.find((x) => x.agencyId === agency.id)!;
    const own = findingRows.filter((r) => r.agency_id === agency.id);
    const open = own.filter((r) => r.fixed_at === null && r.dismissed_at === null);
    const findings = {
      severe: open.filter((r) => r.severity === 'severe').length,
      warning: open.filter((r) => r.severity === 'warning').length,
      fixed30: own.filter((r) => r.fixed_at !== null && r.fixed_at >= monthAgo).length,
      dismissed: own.filter((r) => r.dismissed_at !== null).length,
    };
    const apps = applications.filter((a) => a.agency_id === agency.id);
    const closed = new Set<string>(CLOSED_CLOCK_STATUSES);
    const decidedThisYear = apps.filter((a) => a.decided_on !== null && a.decided_on >= `${year}-01-01`);
    const late = decidedThisYear.filter((a) => a.due_on !== null && a.decided_on! > a.due_on).length;
    const overdue = apps.filter(
      (a) => !closed.has(a.clock_status) && a.due_on !== null && a.due_on < today && a.decided_on === null,
    ).length;
    const days = decidedThisYear.flatMap((a) => handlingDays(calendar, a.received_on, a.decided_on!));
    const report = reports.find((r) => r.agency_id === agency.id);
    const deadline = agencyReportDeadline(agency.kind, year - 1);
    const reportLate = report?.status !== 'published' && today > deadline;
    const errors = errorReports.filter((r) => r.agency_id === agency.id);
    const errorOverdue = errors.filter((r) => r.status === 'open' && r.due_on < today).length;
    const counts = new Map<string, number>();
    for (const it of items.filter((i) => i.agency_id === agency.id)) {
      const key = `${shanghaiDate(new Date(it.published_at!)).slice(0, 7)}|${rootName(it.column_id)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const penalties: string[] = [];
    let score = 100;
    const take = (points: number, why: string) => {
      if (points > 0) {
        score -= points;
        penalties.push(`${why}（-${points}）`);
      }
    };
    take(f.stale * SCORING.staleColumn, `超期未更新栏目 ${f.stale} 个`);
    take(f.blank * SCORING.blankColumn, `空白栏目 ${f.blank} 个`);
    take(findings.severe * SCORING.severeFinding, `严重检查问题 ${findings.severe} 个`);
    take(
      Math.min(SCORING.warningCap, findings.warning * SCORING.warningFinding),
      `一般检查问题 ${findings.warning} 个`,
    );
    take(overdue * SCORING.overdueApplication, `超期未答复申请 ${overdue} 件`);
    take(late * SCORING.lateDecision, `本年逾期答复 ${late} 件`);
    take(reportLate ? SCORING.reportLate : 0, `${year - 1} 年度报告逾期未发布`);
    take(errorOverdue * SCORING.overdueErrorReport, `超期未答复纠错 ${errorOverdue} 件`);
    const { columns: _columns, ...summary } = f;
    return {
      agencyId: agency.id,
      agencyName: agency.name,
      kind: agency.kind,
      freshness: summary,
      findings,
      verdict: inspectionVerdict(
        f.reasons,
        open.map((r) => ({ check: r.check_code, severity: r.severity })),
      ),
      applications: {
        received: apps.filter((a) => a.received_on !== null && a.received_on >= `${year}-01-01`).length,
        decided: decidedThisYear.length,
        onTime: decidedThisYear.length - late,
        late,
        overdue,
        medianWorkingDays: median(days),
      },
      report: {
        year: year - 1,
        status: report?.status ?? 'new',
        label: report === undefined ? '未开始' : REPORT_STATUS_LABELS[report.status],
        deadline,
        late: reportLate,
      },
      errorReports: {
        open: errors.filter((r) => r.status === 'open').length,
        overdue: errorOverdue,
        replied: errors.filter((r) => r.status === 'replied').length,
      },
      itemsByMonth: [...counts].map(([key, count]) => {
        const [month = '', column = ''] = key.split('|');
        return { month, column, count };
      }),
      score: Math.max(0, score),
      penalties,
    };
  });
  const ranking = [...out]
    .sort((a, b) => Number(a.verdict.fails) - Number(b.verdict.fails) || b.score - a.score || a.agencyId - b.agencyId)
    .map((a) => ({ agencyId: a.agencyId, agencyName: a.agencyName, score: a.score, fails: a.verdict.fails }));
  return { today, year, months, agencies: out, ranking, scoring: SCORING_RULES };
}

/** The records behind a dashboard figure. */
export type DrillKind = 'columns' | 'findings' | 'applications' | 'error_reports';

/** The root column of each of these agencies' columns, by column id. */
async function rootColumnNames(ex: Executor, agencyIds: readonly number[]): Promise<(columnId: number) => string> {
  const columns = await listColumnTree(ex, agencyIds);
  const byId = new Map(columns.map((c) => [c.id, c]));
  return (id) => {
    let c = byId.get(id);
    while (c?.parent_id !== null && c?.parent_id !== undefined) {
      c = byId.get(c.parent_id);
    }
    return c?.name ?? '';
  };
}

/**
 * The items behind the monthly chart's bar: published in `month` (Beijing) in the top-level column
 * `column`, across every agency the actor oversees.
 */
export async function publishedInMonth(
  ctx: AppContext,
  { actor, meta, month, column }: { actor: Actor; meta: RequestMeta; month: string; column: string },
): Promise<{ title: string; rows: Record<string, string | number | null>[] }> {
  parseField('month', legalMonth('月份', plausibleDates(shanghaiDate(ctx.now()))), month);
  const agencies = await inspectedAgencies(ctx, actor, meta);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = shanghaiDayStart(`${month}-01`);
  const to = shanghaiDayStart(addMonths(`${month}-01`, 1));
  const rootOf = await rootColumnNames(ctx.db, [...names.keys()]);
  const rows = await listPublishedBetween(ctx.db, { agencyIds: [...names.keys()], from, to });
  return {
    title: `${y}年${m}月发布的信息：${column}`,
    rows: rows
      .filter((r) => column === '' || rootOf(r.column_id) === column)
      .map((r) => ({
        itemId: r.id,
        agency: names.get(r.agency_id) ?? '',
        title: r.title,
        indexNo: r.index_no,
        publishedOn: shanghaiDate(new Date(r.published_at!)),
        state: r.status === 'withdrawn' ? '已撤稿' : '已发布',
      })),
  };
}

export async function inspectionRecords(
  ctx: AppContext,
  { actor, meta, agencyId, kind }: { actor: Actor; meta: RequestMeta; agencyId: number; kind: DrillKind },
): Promise<{ title: string; rows: Record<string, string | number | null>[] }> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'inspection.read',
    action: 'inspection.read',
  });
  const today = shanghaiDate(ctx.now());
  switch (kind) {
    case 'columns': {
      const [f] = await agencyFreshness(ctx.db, [agency], today);
      return {
        title: `${agency.name}：栏目更新情况`,
        rows: (f?.columns ?? []).map((c) => ({
          columnId: c.columnId,
          path: c.path,
          kind: c.kind,
          items: c.items,
          lastPublishedOn: c.lastPublishedOn,
          staleOn: c.staleOn,
          status: c.status,
        })),
      };
    }
    case 'findings': {
      // Open ones first (severe before warnings), then those fixed or dismissed.
      const rows = (await listScanFindings(ctx.db, [agency.id])).sort(
        (a, b) =>
          Number(a.fixed_at !== null || a.dismissed_at !== null) -
            Number(b.fixed_at !== null || b.dismissed_at !== null) ||
          Number(a.severity !== 'severe') - Number(b.severity !== 'severe') ||
          a.id - b.id,
      );
      return {
        title: `${agency.name}：检查发现的问题`,
        rows: rows.map((r) => ({
          id: r.id,
          itemId: r.item_id,
          title: r.title ?? '',
          field: r.field,
          check: scanCheckLabel(r.check_code),
          severity: r.severity,
          excerpt: r.excerpt,
          message: r.message,
          suggestion: r.suggestion,
          foundAt: r.found_at,
          state: r.dismissed_at !== null ? '已排除' : r.fixed_at !== null ? '已整改' : '待整改',
        })),
      };
    }
    case 'applications': {
      const rows = await listApplicationsWithDueDate(ctx.db, agency.id);
      const closed = new Set<string>(CLOSED_CLOCK_STATUSES);
      return {
        title: `${agency.name}：超期和逾期答复的申请`,
        rows: rows
          .filter(
            (a) =>
              (a.decided_on === null && !closed.has(a.clock_status) && a.due_on! < today) ||
              (a.decided_on !== null && a.decided_on > a.due_on!),
          )
          .map((a) => ({
            id: a.id,
            trackingCode: a.tracking_code,
            title: a.info_title,
            receivedOn: a.received_on,
            dueOn: a.due_on,
            decidedOn: a.decided_on,
            state: a.decided_on === null ? '超期未答复' : '逾期答复',
          })),
      };
    }
    case 'error_reports': {
      const rows = await listAgencyErrorReports(ctx.db, { agencyIds: [agency.id] });
      return {
        title: `${agency.name}：网民纠错`,
        rows: rows.map((r) => ({
          id: r.id,
          code: r.code,
          title: r.page_title || r.page_url,
          description: r.description,
          receivedAt: r.received_at,
          dueOn: r.due_on,
          state: r.status === 'replied' ? '已答复' : r.due_on < today ? '超期未答复' : '待答复',
        })),
      };
    }
  }
}

/**
 * One agency's own inspection picture, for its staff's 工作台: columns that need an item (stale, about to
 * be, blank), what the daily scan found in its published items, and the public's error reports
 * waiting for an answer — with the verdict an inspection would give today.
 */
export async function agencyInspection(
  ctx: AppContext,
  { actor, meta, agencyId }: { actor: Actor; meta: RequestMeta; agencyId: number },
) {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'item.read',
    action: 'inspection.agency',
  });
  const today = shanghaiDate(ctx.now());
  const [freshness] = await agencyFreshness(ctx.db, [agency], today);
  const findings = (await listScanFindings(ctx.db, [agency.id])).filter(
    (f) => f.fixed_at === null && f.dismissed_at === null,
  );
  const errors = await listAgencyErrorReports(ctx.db, { agencyIds: [agency.id], status: 'open' });
  return {
    agencyName: agency.name,
    verdict: inspectionVerdict(
      freshness?.reasons ?? [],
      findings.map((f) => ({ check: f.check_code, severity: f.severity })),
    ),
    columns: (freshness?.columns ?? []).filter(
      (c) => c.status === 'stale' || c.status === 'due_soon' || c.status === 'blank',
    ),
    findings: findings.map((f) => ({
      id: f.id,
      itemId: f.item_id,
      title: f.title ?? '',
      check: scanCheckLabel(f.check_code),
      severity: f.severity,
      message: f.message,
    })),
    errorReports: { open: errors.length, overdue: errors.filter((e) => e.due_on < today).length },
  };
}

/**
 * Working days from receipt to decision, for the median handling time; none for stored dates the
 * calendar refuses (more than ten years apart, issue 18): one absurd record must not fail the page.
 */
function handlingDays(calendar: WorkCalendar, received: string | null, decided: string): number[] {
  if (received === null) {
    return [];
  }
  try {
    return [workingDaysBetween(calendar, received, decided).days];
  } catch (error) {
    if (error instanceof DateRangeError) {
      return [];
    }
    throw error;
  }
}
