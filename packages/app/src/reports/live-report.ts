import {
  APPLICANT_CATEGORY_LABELS,
  appealCells,
  applicationCells,
  cellLabel,
  cellValue,
  checkReport,
  countActiveDisclosure,
  countAppeals,
  countApplications,
  DomainError,
  emptyReport,
  fenToYuan,
  normativeCells,
  outcomeOf,
  SECTION_TITLES,
  shanghaiDate,
  TOTAL_COLUMN,
  type Actor,
  type AnnualReport,
  type AppealRecord,
  type ApplicantCategory,
  type ApplicationRecord,
  type NormativeDocumentRecord,
  type OutcomeCode,
} from '@xxgk/core';
import {
  findReportTemplate,
  listAgencyAppeals,
  listAgencyColumnTree,
  listApplicationRecordRows,
  listFeeEventsOfYear,
  listItemsPublishedAround,
  upsertReportTemplate,
  type AgencyRow,
  type Executor,
} from '@xxgk/db';
import { requireAgency, requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { toAppealRecord } from '../applications/appeals.ts';
import { normativeCountingRecords } from '../normative/normative-register.ts';
import { decisionMonths, yearlyDecisionCounts } from './decision-counts.ts';

/** What the report is computed from: the agency's registers, each record with what names it. */
export interface LiveRecords {
  readonly applications: {
    id: number;
    trackingCode: string;
    infoTitle: string;
    record: ApplicationRecord;
  }[];
  readonly appeals: { id: number; applicationId: number; body: string; record: AppealRecord }[];
  readonly normative: { id: number; title: string; docNo: string; record: NormativeDocumentRecord }[];
}

export async function loadLiveRecords(ex: Executor, agencyId: number): Promise<LiveRecords> {
  const [applications, appeals, normative] = await Promise.all([
    listApplicationRecordRows(ex, agencyId),
    listAgencyAppeals(ex, agencyId),
    normativeCountingRecords(ex, agencyId),
  ]);
  return {
    applications: applications.map((a) => ({
      id: a.id,
      trackingCode: a.tracking_code,
      infoTitle: a.info_title,
      record: {
        applicant: a.applicant_kind,
        receivedOn: a.received_on,
        outcome:
          a.outcome_code === null || a.decided_on === null ? null : { code: a.outcome_code, decidedOn: a.decided_on },
      },
    })),
    appeals: appeals.map((c) => ({
      id: c.id,
      applicationId: c.application_id,
      body: c.body,
      record: toAppealRecord(c),
    })),
    normative,
  };
}

/**
 * Items published on the portal in the year (Beijing time), by top-level column: the facts of
 * section 一's first paragraph. An item published and later withdrawn was still published that year
 * (a DERIVED reading of “本年主动公开”).
 */
async function publishedByColumn(
  ex: Executor,
  agencyId: number,
  year: number,
): Promise<{ name: string; count: number }[]> {
  const [items, columns] = await Promise.all([
    listItemsPublishedAround(ex, agencyId, year),
    listAgencyColumnTree(ex, agencyId),
  ]);
  const byId = new Map(columns.map((c) => [c.id, c]));
  const top = (id: number): number => {
    let c = byId.get(id);
    while (c?.parent_id !== null && c?.parent_id !== undefined) {
      c = byId.get(c.parent_id);
    }
    return c?.id ?? id;
  };
  const counts = new Map<number, number>();
  for (const item of items) {
    if (item.published_at !== null && shanghaiDate(new Date(item.published_at)).startsWith(String(year))) {
      const t = top(item.column_id);
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([id, count]) => ({ id, name: byId.get(id)?.name ?? '其他', count, order: byId.get(id)?.sort_order ?? 0 }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ name, count }) => ({ name, count }));
}

/** Section 一 drafted from the year's facts, in the sample report's manner; staff edit it freely (R6 re-checks the numbers). */
export function draftOverview(
  agency: AgencyRow,
  year: number,
  report: AnnualReport,
  published: readonly { name: string; count: number }[],
): string {
  const total = published.reduce((s, c) => s + c.count, 0);
  return [
    `${year}年，${agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。现将本年度政府信息公开工作情况报告如下。`,
    `（一）主动公开。全年共发布政府信息${total}条${published.length > 0 ? `，其中${published.map((c) => `${c.name}${c.count}条`).join('、')}` : ''}；${documentsClause(report)}`,
    ...tableParagraphs(report),
  ].join('\n');
}

/** The clause of section 一 that quotes table 二's documents made. */
export function documentsClause(report: AnnualReport): string {
  return `制发规章${report.active?.regulations?.issued ?? 0}件、行政规范性文件${report.active?.normativeDocuments?.issued ?? 0}件。`;
}

/**
 * Section 一's paragraphs that quote tables 三 and 四, worded so that R6 reads them back (the one
 * place these sentences are written, for agencies' and governments' reports alike).
 */
export function tableParagraphs(report: AnnualReport): [string, string] {
  const a = report.applications;
  const t = (row: (number | null)[] | null | undefined) => row?.[TOTAL_COLUMN] ?? 0;
  const appeals = report.appeals;
  const litigation = (appeals?.litigationDirect?.[4] ?? 0) + (appeals?.litigationAfterReconsideration?.[4] ?? 0);
  return [
    `（二）依申请公开。本年新收政府信息公开申请${t(a?.newReceived)}件，上年结转${t(a?.carriedOver)}件；本年办结${t(a?.results.total)}件，结转下年度继续办理${t(a?.carriedForward)}件。`,
    `（三）行政复议和行政诉讼。本年因政府信息公开被申请行政复议${appeals?.reconsideration?.[4] ?? 0}件，被提起行政诉讼${litigation}件。`,
  ];
}

/** Section 六's paragraph on 信息处理费, from the fee notices and payments of the year. */
async function feeParagraph(ex: Executor, agencyId: number, year: number): Promise<string> {
  const events = await listFeeEventsOfYear(ex, agencyId, year);
  const notices = events.filter((e) => e.type === 'fee_notice_sent');
  if (notices.length === 0) {
    return `本年度未收取政府信息公开信息处理费。`;
  }
  const paidIds = new Set(events.filter((e) => e.type === 'fee_paid').map((e) => e.application_id));
  const amount = notices
    .filter((e) => paidIds.has(e.application_id))
    .reduce((s, e) => s + ((JSON.parse(e.payload) as { amountFen?: number }).amountFen ?? 0), 0);
  return `本年度依据《政府信息公开信息处理费管理办法》发出信息处理费收费通知${notices.length}件，申请人缴费${paidIds.size}件，收取信息处理费${fenToYuan(amount)}元。`;
}

/**
 * Where sections 五 and 六 start from when the agency has no template of its own. `{年度}` is the
 * year; `{信息处理费}` the paragraph on fees written from the fee records. The “……” are for staff to
 * replace: a report still holding them is not submitted.
 */
export const DEFAULT_SECTION_TEMPLATES: Readonly<Record<5 | 6, string>> = {
  5: '{年度}年，本机关政府信息公开工作仍存在一些不足：一是……；二是……。\n下一步，本机关将……。',
  6: '{信息处理费}',
};

/** The agency's starting text for section 5 or 6 (its own, or the default). */
export async function sectionTemplate(ex: Executor, agencyId: number, section: 5 | 6): Promise<string> {
  return (await findReportTemplate(ex, agencyId, section)) ?? DEFAULT_SECTION_TEMPLATES[section];
}

/**
 * Keeps text as the agency's starting text for section 5 or 6 of future reports (the year written as
 * `{年度}` is filled in each year).
 */
export async function saveSectionTemplate(
  ctx: AppContext,
  {
    actor,
    agencyId,
    section,
    body,
    meta,
  }: { actor: Actor; agencyId: number; section: number; body: string; meta: RequestMeta },
): Promise<void> {
  if (section !== 5 && section !== 6) {
    throw new DomainError('VALIDATION_FAILED', '只有第五、第六部分可以保存为模板');
  }
  const text = body.trim();
  if (text === '' || text.length > 20_000) {
    throw new DomainError('VALIDATION_FAILED', '模板不能为空，且不超过2万字', {
      issues: [{ path: 'body', message: '请填写模板' }],
    });
  }
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'report.edit',
    action: 'report_template.save',
  });
  const now = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    await upsertReportTemplate(trx, {
      agency_id: agency.id,
      section,
      body: text,
      updated_by: actor.displayName,
      updated_at: now,
    });
    await audit(trx, ctx, actor, meta, {
      action: 'report_template.save',
      agencyId: agency.id,
      targetType: 'agency',
      targetId: agency.id,
      note: `保存年度报告第${section === 5 ? '五' : '六'}部分模板`,
    });
  });
}

/** The report computed from the registers: tables 二、三、四, sections drafted, every rule checked. */
export async function computeLiveReport(ex: Executor, agency: AgencyRow, year: number): Promise<AnnualReport> {
  const [records, counts, published, fees] = await Promise.all([
    loadLiveRecords(ex, agency.id),
    yearlyDecisionCounts(ex, agency.id, year),
    publishedByColumn(ex, agency.id, year),
    feeParagraph(ex, agency.id, year),
  ]);
  const report = tablesFor(records, counts, agency.name, year);
  const fill = (text: string) => text.replaceAll('{年度}', String(year)).replaceAll('{信息处理费}', fees);
  const [five, six] = await Promise.all([sectionTemplate(ex, agency.id, 5), sectionTemplate(ex, agency.id, 6)]);
  report.sections = [
    { number: 1, title: SECTION_TITLES[0], text: draftOverview(agency, year, report, published) },
    { number: 2, title: SECTION_TITLES[1], text: '' },
    { number: 3, title: SECTION_TITLES[2], text: '' },
    { number: 4, title: SECTION_TITLES[3], text: '' },
    { number: 5, title: SECTION_TITLES[4], text: fill(five) },
    { number: 6, title: SECTION_TITLES[5], text: fill(six) },
  ];
  const previous = tablesFor(records, await yearlyDecisionCounts(ex, agency.id, year - 1), agency.name, year - 1);
  report.findings = checkReport(report, { previous });
  return report;
}

function tablesFor(
  records: LiveRecords,
  counts: Awaited<ReturnType<typeof yearlyDecisionCounts>>,
  agencyName: string,
  year: number,
): AnnualReport {
  const report = emptyReport({ year, agency: agencyName });
  report.active = countActiveDisclosure(
    records.normative.map((d) => d.record),
    counts,
    year,
  );
  report.applications = countApplications(
    records.applications.map((a) => a.record),
    year,
  );
  report.appeals = countAppeals(
    records.appeals.map((c) => c.record),
    year,
  );
  return report;
}

export interface CellRecord {
  readonly kind: 'application' | 'appeal' | 'normative' | 'month' | 'report';
  readonly id: number;
  /** What a person recognises: the tracking code and request, the case, the document, the month. */
  readonly label: string;
  readonly detail: string;
  /** Where staff open it in the admin. */
  readonly href: string;
}

/**
 * Drill-down: the records behind one number of a year's computed report (a cell path such as
 * `applications.results.granted[0]`). Their count equals the number, by construction (core
 * drill-down.ts, proven against the counting rules).
 */
export async function reportCellRecords(
  ctx: AppContext,
  {
    actor,
    agencyId,
    year,
    cell,
    meta,
  }: { actor: Actor; agencyId: number; year: number; cell: string; meta: RequestMeta },
): Promise<{ cell: string; label: string; value: number | null; records: CellRecord[] }> {
  if (!/^(applications|appeals|active)\.[\w.]+(\[\d\])?$/u.test(cell)) {
    throw new DomainError('VALIDATION_FAILED', '单元格不正确', { issues: [{ path: 'cell', message: '单元格不正确' }] });
  }
  const agency = await requireAgency(ctx.db, agencyId);
  // Table 二's records are public documents and monthly totals; tables 三 and 四 name applicants' requests.
  await authorize(ctx, actor, meta, cell.startsWith('active.') ? 'agency.read' : 'application.read', agency, {
    action: 'report.drill_down',
    targetType: 'agency',
    targetId: agencyId,
  });
  const records = await loadLiveRecords(ctx.db, agency.id);
  const counts = await yearlyDecisionCounts(ctx.db, agency.id, year);
  const value = cellValue(tablesFor(records, counts, agency.name, year), cell);
  const out: CellRecord[] = [];
  for (const a of records.applications) {
    if (applicationCells(a.record, year).includes(cell)) {
      out.push({
        kind: 'application',
        id: a.id,
        label: `${a.trackingCode} ${a.infoTitle}`,
        detail: [
          APPLICANT_CATEGORY_LABELS[a.record.applicant as ApplicantCategory],
          `收到 ${a.record.receivedOn ?? '—'}`,
          a.record.outcome === null
            ? '办理中'
            : `${outcomeOf(a.record.outcome.code as OutcomeCode).row} ${a.record.outcome.decidedOn}`,
        ].join('，'),
        href: `/admin/applications/${a.id}`,
      });
    }
  }
  for (const c of records.appeals) {
    if (appealCells(c.record, year).includes(cell)) {
      out.push({
        kind: 'appeal',
        id: c.id,
        label: `${c.body}（${c.record.filedOn}）`,
        detail: c.record.result === null ? '尚未审结' : `${c.record.result.concludedOn} 审结`,
        href: `/admin/applications/${c.applicationId}`,
      });
    }
  }
  for (const d of records.normative) {
    if (normativeCells(d.record, year).includes(cell)) {
      out.push({
        kind: 'normative',
        id: d.id,
        label: `${d.title}（${d.docNo}）`,
        detail: `制发 ${d.record.issuedOn}${d.record.abolishedOn === null ? '' : `，废止/失效 ${d.record.abolishedOn}`}`,
        href: '/admin/normative',
      });
    }
  }
  const monthly = {
    'active.licensing.decisions': 'licensing',
    'active.penalties.decisions': 'penalties',
    'active.coercion.decisions': 'coercion',
    'active.fees.amountWanYuan': 'feesYuan',
  } as const;
  const field = monthly[cell as keyof typeof monthly];
  if (field !== undefined) {
    for (const m of await decisionMonths(ctx.db, agency.id, year)) {
      out.push({
        kind: 'month',
        id: m.month,
        label: `${year}年${m.month}月`,
        detail: field === 'feesYuan' ? `${m.feesYuan}元` : `${m[field]}件`,
        href: '/admin/decision-counts',
      });
    }
  }
  return { cell, label: cellLabel(cell), value, records: out };
}

/**
 * A year's report as computed now from the registers, for the agency's staff and its supervisors
 * (aggregate numbers only; the records behind them need application.read, reportCellRecords).
 */
export async function liveReport(
  ctx: AppContext,
  { actor, agencyId, year, meta }: { actor: Actor; agencyId: number; year: number; meta: RequestMeta },
): Promise<AnnualReport> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'agency.read',
    action: 'report.compute',
  });
  return computeLiveReport(ctx.db, agency, year);
}
