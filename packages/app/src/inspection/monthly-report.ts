import {
  addDays,
  addMonths,
  fieldLabel,
  chineseDate,
  CLOSED_CLOCK_STATUSES,
  COLUMN_KIND_LABELS,
  DomainError,
  FRESHNESS_LABELS,
  inspectionVerdict,
  scanCheckLabel,
  shanghaiDate,
  shanghaiDayStart,
  type Actor,
} from '@xxgk/core';
import { findAgency, monthlyInspectionFacts } from '@xxgk/db';
import {
  renderInspectionDocx,
  renderInspectionXlsx,
  type InspectionAgencyRow,
  type InspectionReportContent,
} from '@xxgk/documents';
import { audit } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { inspectedAgencies } from './dashboard.ts';
import { agencyFreshness } from './freshness.ts';
import { legalMonth, parseField, plausibleDates } from '../validation.ts';

/**
 * The monthly inspection report (月度检查情况通报): for month M, each agency's figures as of the
 * month's last day (today, for the current month) — what it published, stale and blank columns,
 * open scanner findings and those fixed in the month, applications received and overdue, error
 * reports overdue — its verdict by the 19号 single-veto rules, the problems named one by one, and
 * the requirements. Issued by the actor's own agency (the 政务公开办's government).
 */
export async function monthlyInspectionReport(
  ctx: AppContext,
  { actor, meta, month }: { actor: Actor; meta: RequestMeta; month: string },
): Promise<InspectionReportContent> {
  const today = shanghaiDate(ctx.now());
  parseField('month', legalMonth('月份', plausibleDates(today)), month);
  if (`${month}-01` > today) {
    throw new DomainError('VALIDATION_FAILED', `${month} 尚未开始，不能生成通报`);
  }
  const agencies = await inspectedAgencies(ctx, actor, meta);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const monthEnd = addDays(addMonths(`${month}-01`, 1), -1);
  const asOf = monthEnd < today ? monthEnd : today;
  // Instants bounded by Beijing days, as the dashboard's months are.
  const from = shanghaiDayStart(`${month}-01`);
  const to = shanghaiDayStart(addDays(asOf, 1));
  const freshness = await agencyFreshness(ctx.db, agencies, asOf);
  const { published, findings, applications, errorReports } = await monthlyInspectionFacts(ctx.db, {
    agencyIds: agencies.map((a) => a.id),
    from,
    to,
  });
  const openAt = (f: { fixed_at: string | null; dismissed_at: string | null }) =>
    (f.fixed_at === null || f.fixed_at >= to) && (f.dismissed_at === null || f.dismissed_at >= to);
  const closed = new Set<string>(CLOSED_CLOCK_STATUSES);

  const rows: InspectionAgencyRow[] = [];
  const problemsByAgency: { agencyName: string; lines: string[] }[] = [];
  const problems: InspectionReportContent['problems'][number][] = [];
  const columns: InspectionReportContent['columns'][number][] = [];
  for (const agency of agencies) {
    const f = freshness.find((x) => x.agencyId === agency.id)!;
    const own = findings.filter((x) => x.agency_id === agency.id);
    const open = own.filter(openAt);
    const overdue = applications.filter(
      (a) =>
        a.agency_id === agency.id &&
        a.due_on !== null &&
        a.due_on < asOf &&
        (a.decided_on === null ? !closed.has(a.clock_status) : a.decided_on > asOf),
    ).length;
    const errorsOverdue = errorReports.filter(
      (r) =>
        r.agency_id === agency.id &&
        r.due_on < asOf &&
        (r.replied_at === null || shanghaiDate(new Date(r.replied_at)) > asOf),
    ).length;
    const { reasons } = inspectionVerdict(
      f.reasons,
      open.map((x) => ({ check: x.check_code, severity: x.severity })),
    );
    const severe = open.filter((x) => x.severity === 'severe');
    rows.push({
      agencyName: agency.name,
      published: published.filter((p) => p.agency_id === agency.id).length,
      stale: f.stale,
      blank: f.blank,
      severe: severe.length,
      warning: open.length - severe.length,
      fixed: own.filter((x) => x.fixed_at !== null && x.fixed_at >= from && x.fixed_at < to).length,
      applicationsReceived: applications.filter(
        (a) => a.agency_id === agency.id && a.received_on !== null && a.received_on.startsWith(month),
      ).length,
      applicationsOverdue: overdue,
      errorReportsOverdue: errorsOverdue,
      verdict: reasons.length > 0 ? '不合格' : '合格',
      reasons: reasons.join('；'),
    });
    const lines: string[] = [];
    const stale = f.columns.filter((c) => c.status === 'stale');
    const blank = f.columns.filter((c) => c.status === 'blank');
    if (stale.length > 0) {
      lines.push(
        `超期未更新栏目 ${stale.length} 个：${stale.map((c) => `“${c.path}”（最近更新 ${c.lastPublishedOn}）`).join('、')}。`,
      );
    }
    if (blank.length > 0) {
      lines.push(`空白栏目 ${blank.length} 个：${blank.map((c) => `“${c.path}”`).join('、')}。`);
    }
    if (f.homeStale) {
      lines.push(
        f.homeLastPublishedOn === null ? '首页从未更新。' : `首页最近更新于 ${f.homeLastPublishedOn}，已超过 2 周。`,
      );
    }
    const byCheck = new Map<string, number>();
    for (const x of open) {
      byCheck.set(x.check_code, (byCheck.get(x.check_code) ?? 0) + 1);
    }
    for (const [check, n] of byCheck) {
      lines.push(
        `${scanCheckLabel(check)} ${n} 处${open.some((x) => x.check_code === check && x.severity === 'severe') ? '（严重）' : ''}。`,
      );
    }
    if (overdue > 0) {
      lines.push(`依申请公开超期未答复 ${overdue} 件。`);
    }
    if (errorsOverdue > 0) {
      lines.push(`网民纠错超期未答复 ${errorsOverdue} 件。`);
    }
    if (lines.length > 0) {
      problemsByAgency.push({ agencyName: agency.name, lines });
    }
    for (const x of open) {
      problems.push({
        agencyName: agency.name,
        where: x.item_id === null ? fieldLabel(x.field) : `《${x.title ?? ''}》${fieldLabel(x.field)}`,
        kind: scanCheckLabel(x.check_code),
        severity: x.severity === 'severe' ? '严重' : '一般',
        description: x.excerpt === '' ? x.message : `${x.message}：${x.excerpt}`,
        suggestion: x.suggestion,
        state: '待整改',
      });
    }
    for (const c of [...stale, ...blank]) {
      columns.push({
        agencyName: agency.name,
        column: c.path,
        kind: COLUMN_KIND_LABELS[c.kind],
        lastPublishedOn: c.lastPublishedOn ?? '从未发布',
        status: FRESHNESS_LABELS[c.status],
      });
    }
  }
  const issuer = (await findAgency(ctx.db, actor.agency.id))?.name ?? '';
  const monthLabel = `${y}年${m}月`;
  const failing = rows.filter((r) => r.verdict === '不合格');
  const total = (key: 'published' | 'severe' | 'warning' | 'fixed' | 'applicationsReceived' | 'applicationsOverdue') =>
    rows.reduce((s, r) => s + r[key], 0);
  const summary = [
    `${monthLabel}，按照《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）和本市政务公开工作要求，对 ${rows.length} 家单位的政府信息公开专栏进行了检查（截至 ${chineseDate(asOf)}）。本月共发布信息 ${total('published')} 条，受理依申请公开 ${total('applicationsReceived')} 件。`,
    failing.length === 0
      ? '检查结果：各单位均未发现单项否决情形。'
      : `检查结果：${rows.length - failing.length} 家合格，${failing.length} 家不合格（${failing.map((r) => r.agencyName).join('、')}）。`,
    `错敏信息和个人信息排查：现存严重问题 ${total('severe')} 处、一般问题 ${total('warning')} 处，本月已整改 ${total('fixed')} 处；依申请公开超期未答复 ${total('applicationsOverdue')} 件。`,
  ];
  await audit(ctx.db, ctx, actor, meta, {
    action: 'inspection.monthly_report',
    agencyId: actor.agency.id,
    targetType: 'agency',
    targetId: actor.agency.id,
    note: `生成 ${monthLabel} 检查情况通报`,
  });
  return {
    issuer,
    title: `${issuer.replace(/人民政府$/u, '')}政府信息公开检查情况通报（${monthLabel}）`,
    monthLabel,
    issuedOn: chineseDate(today),
    summary,
    agencies: rows,
    problemsByAgency,
    requirements: [
      '各单位要对照问题清单逐项整改，于 5 个工作日内完成，并在平台中更新信息；确属误报的，由审核人在平台中说明理由后排除。',
      '动态类栏目 2 周内、文件类栏目 6 个月内应有更新，无内容可发布的栏目应予调整，不得保留空白栏目。',
      '公开前严格执行三审三校和保密审查制度，涉及个人信息的，按照最小必要原则去标识化处理后再公开。',
      '依申请公开要严格在法定期限内答复，网民纠错应在规定时限内答复。',
    ],
    problems,
    columns,
  };
}

/** The report as a file: DOCX to send round, XLSX for the office's own sums. */
export async function monthlyInspectionFile(
  ctx: AppContext,
  args: { actor: Actor; meta: RequestMeta; month: string; format: 'docx' | 'xlsx' },
): Promise<{ fileName: string; bytes: Buffer }> {
  const content = await monthlyInspectionReport(ctx, args);
  const bytes = args.format === 'docx' ? await renderInspectionDocx(content) : await renderInspectionXlsx(content);
  return { fileName: `${content.title}.${args.format}`, bytes };
}
