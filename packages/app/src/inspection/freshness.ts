import {
  addDays,
  chineseDate,
  columnStatus,
  freshnessReasons,
  shanghaiDate,
  staleOn,
  type ColumnKind,
  type FreshnessStatus,
} from '@xxgk/core';
import { columnFreshnessFacts, listAgencies, type AgencyRow, type Executor } from '@xxgk/db';
import type { AppContext } from '../context.ts';
import { agencyReportDeadline } from '../reports/report-reminders.ts';
import { ranToday, recordJobRun } from '../jobs/job-runs.ts';
import { queueMail } from '../notifications/mail.ts';
import { usersWithPermission } from '../users/users-with-permission.ts';

/**
 * Each agency's columns against the freshness rules (core/inspection/freshness.ts). Only leaf columns
 * are counted (a parent shows what its children hold). The 政府信息公开指南 column is generated from the
 * agency's particulars and never blank; the 年报 column holds the published annual reports.
 */
export interface ColumnFreshness {
  readonly columnId: number;
  /** 法定主动公开内容 › 行政许可 */
  readonly path: string;
  readonly kind: ColumnKind;
  readonly items: number;
  readonly lastPublishedOn: string | null;
  /** The day it goes (or went) stale; null for static columns. */
  readonly staleOn: string | null;
  readonly status: FreshnessStatus;
}

export interface AgencyFreshness {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly columns: readonly ColumnFreshness[];
  readonly stale: number;
  readonly blank: number;
  readonly dueSoon: number;
  readonly homeLastPublishedOn: string | null;
  readonly homeStale: boolean;
  /** Whether the inspection would fail the agency, and why. */
  readonly fails: boolean;
  readonly reasons: readonly string[];
}

/** Freshness of each agency's columns on `today` (YYYY-MM-DD, Beijing). */
export async function agencyFreshness(
  ex: Executor,
  agencies: readonly AgencyRow[],
  today: string,
): Promise<AgencyFreshness[]> {
  if (agencies.length === 0) {
    return [];
  }
  const { columns, stats, reports } = await columnFreshnessFacts(
    ex,
    agencies.map((a) => a.id),
  );
  const byColumn = new Map(stats.map((s) => [s.column_id, s]));
  const reportsOf = new Map(reports.map((r) => [r.agency_id, r]));
  const parents = new Set(columns.map((c) => c.parent_id).filter((p): p is number => p !== null));
  const names = new Map(columns.map((c) => [c.id, c]));
  const pathOf = (id: number): string => {
    const c = names.get(id);
    return c === undefined ? '' : c.parent_id === null ? c.name : `${pathOf(c.parent_id)} › ${c.name}`;
  };
  return agencies.map((agency) => {
    const own = columns.filter((c) => c.agency_id === agency.id && !parents.has(c.id));
    const result: ColumnFreshness[] = own.map((c) => {
      let items = byColumn.get(c.id)?.n ?? 0;
      let lastAt = byColumn.get(c.id)?.last ?? null;
      let last = lastAt === null ? null : shanghaiDate(new Date(String(lastAt)));
      if (c.code === 'guide') {
        // Generated from the agency's particulars: never blank, kept current by the platform.
        return {
          columnId: c.id,
          path: pathOf(c.id),
          kind: c.kind,
          items: 1,
          lastPublishedOn: null,
          staleOn: null,
          status: 'static',
        };
      }
      if (c.code === 'annual-reports') {
        // Updated once a year by law: stale when last year's report is not out by its deadline
        // (条例 第四十九条), not by the 6-month rule.
        const r = reportsOf.get(agency.id);
        items += r?.n ?? 0;
        lastAt = r?.last ?? null;
        last = lastAt === null ? last : ([last ?? '', String(lastAt)].sort().at(-1) ?? null);
        const year = Number(today.slice(0, 4)) - 1;
        const deadline = agencyReportDeadline(agency.kind, year);
        const done = Number(r?.year ?? 0) >= year;
        const status: FreshnessStatus = !done && today > deadline ? 'stale' : items === 0 ? 'blank' : 'static';
        const due = done ? agencyReportDeadline(agency.kind, year + 1) : deadline;
        return {
          columnId: c.id,
          path: pathOf(c.id),
          kind: c.kind,
          items,
          lastPublishedOn: last,
          staleOn: addDays(due, 1),
          status,
        };
      }
      const status = columnStatus(c.kind, items, last, today);
      return {
        columnId: c.id,
        path: pathOf(c.id),
        kind: c.kind,
        items,
        lastPublishedOn: last,
        staleOn: c.kind === 'static' || last === null ? null : staleOn(c.kind, last),
        status,
      };
    });
    const lastAny = result
      .map((c) => c.lastPublishedOn)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1);
    const homeLastPublishedOn = lastAny ?? null;
    const stale = result.filter((c) => c.status === 'stale').length;
    const blank = result.filter((c) => c.status === 'blank').length;
    const { homeStale, reasons } = freshnessReasons({ stale, blank, homeLastPublishedOn }, today);
    return {
      agencyId: agency.id,
      agencyName: agency.name,
      columns: result,
      stale,
      blank,
      dueSoon: result.filter((c) => c.status === 'due_soon').length,
      homeLastPublishedOn,
      homeStale,
      fails: reasons.length > 0,
      reasons,
    };
  });
}

/**
 * The daily warning: each agency's writers are told, once per column and due date, of columns about
 * to go stale (4 days before for dynamic columns, 30 for document columns) and of those already stale
 * or blank. Returns how many messages are due (one already queued for the same list is not queued again).
 */
/** Runs {@link queueFreshnessWarnings} once a Beijing day, from the server's minute timer. */
export async function queueFreshnessWarningsDaily(ctx: AppContext): Promise<number | null> {
  if (await ranToday(ctx.db, 'freshness', ctx.now())) {
    return null;
  }
  const queued = await queueFreshnessWarnings(ctx);
  await recordJobRun(ctx.db, 'freshness', ctx.now().toISOString());
  return queued;
}

export async function queueFreshnessWarnings(ctx: AppContext): Promise<number> {
  if (ctx.mail === undefined) {
    return 0;
  }
  const today = shanghaiDate(ctx.now());
  const agencies = (await listAgencies(ctx.db)).sort((a, b) => a.id - b.id);
  const all = await agencyFreshness(ctx.db, agencies, today);
  let queued = 0;
  for (const f of all) {
    const agency = agencies.find((a) => a.id === f.agencyId)!;
    const due = f.columns.filter((c) => c.status === 'due_soon' || c.status === 'stale' || c.status === 'blank');
    if (due.length === 0) {
      continue;
    }
    // One message per agency and day's list; the key holds each column's due date, so an unchanged
    // list is not sent again and a column that turns due or stale is.
    const key = due.map((c) => `${c.columnId}:${c.status}:${c.staleOn ?? ''}`).join(',');
    const lines = due.map((c) =>
      c.status === 'blank'
        ? `- ${c.path}：空白栏目（从未发布信息）`
        : c.status === 'stale'
          ? `- ${c.path}：最近更新 ${c.lastPublishedOn}，已于 ${c.staleOn} 超期`
          : `- ${c.path}：最近更新 ${c.lastPublishedOn}，将于 ${chineseDate(c.staleOn ?? today)} 超期`,
    );
    for (const u of (await usersWithPermission(ctx.db, agency, 'item.write')).filter((x) => x.email !== '')) {
      await queueMail(ctx.db, ctx, {
        kind: 'freshness',
        applicationId: null,
        dedupeKey: `freshness:${agency.id}:${u.id}:${key}`,
        to: u.email,
        subject: `【栏目更新提醒】${agency.name}有 ${due.length} 个栏目需要更新${f.fails ? '（已达到检查不合格标准）' : ''}`,
        text: [
          `${u.displayName}：`,
          '按照政府网站检查指标（国办秘函〔2019〕19号），动态类栏目 2 周内、文件类栏目 6 个月内应有更新；超期未更新或空白栏目达到 5 个即为不合格。',
          ...lines,
          ...(f.reasons.length > 0 ? [`目前：${f.reasons.join('；')}。`] : []),
          `发布信息：${ctx.mail.publicUrl}/admin/items`,
          '（本邮件由政府信息公开平台自动发送，请勿直接回复。）',
        ].join('\n'),
      });
      queued += 1;
    }
  }
  return queued;
}
