import {
  addWorkingDays,
  APPEAL_RESULT_LABELS,
  APPLICANT_CATEGORY_LABELS,
  CHANNEL_LABELS,
  DELIVERY_METHOD_LABELS,
  fenToYuan,
  INFORMATION_FORM_LABELS,
  outcomeOf,
  shanghaiDate,
  type Actor,
} from '@xxgk/core';
import { listAgencyApplications, listAppealsOfApplications, listEventsOfApplications, listUsers } from '@xxgk/db';
import { renderApplicationRegister, type RegisterRow } from '@xxgk/documents';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { maskIdNumber, maskPhone } from '../privacy/personal-data.ts';
import { parseInput } from '../validation.ts';
import { APPEAL_KIND_LABELS } from './appeals.ts';
import { CLOCK_STATUS_LABELS } from './application-status.ts';
import { ApplicationFilterQuery, DUE_SOON_WORKING_DAYS, toFilter } from './list-applications.ts';

/** More rows than this is not a register but an archive: export by year instead. */
const MAX_ROWS = 20_000;

/**
 * 申请登记台账 as XLSX: the applications the list's filters select, with what happened to each, its
 * outcome (table 三's row), delivery, 归档 and appeals. Identity numbers and phones are masked; the
 * export is audited.
 */
export async function exportApplicationRegister(
  ctx: AppContext,
  { actor, agencyId, query, meta }: { actor: Actor; agencyId: number; query: unknown; meta: RequestMeta },
): Promise<{ fileName: string; bytes: Buffer; rows: number }> {
  const q = parseInput(ApplicationFilterQuery, query);
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'application.read',
    action: 'application.export',
  });
  const today = shanghaiDate(ctx.now());
  const soon = addWorkingDays(await loadCalendar(ctx.db), today, DUE_SOON_WORKING_DAYS).date;
  const { rows } = await listAgencyApplications(ctx.db, toFilter(agencyId, q, actor, soon), {
    limit: MAX_ROWS,
    offset: 0,
  });
  rows.sort((a, b) => (a.received_on ?? a.created_at).localeCompare(b.received_on ?? b.created_at) || a.id - b.id);
  const ids = rows.map((r) => r.id);
  const [events, appeals, users] = await Promise.all([
    listEventsOfApplications(ctx.db, ids),
    listAppealsOfApplications(ctx.db, ids),
    listUsers(ctx.db, { agencyId }),
  ]);
  const eventsOf = byApplication(events);
  const appealsOf = byApplication(appeals);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const lines: RegisterRow[] = rows.map((r) => {
    const ledger = eventsOf.get(r.id) ?? [];
    const steps = ledger.flatMap((e) => {
      const p = JSON.parse(e.payload) as Record<string, unknown>;
      switch (e.type) {
        case 'correction_requested':
          return [`${e.on_date} 告知补正`];
        case 'correction_received':
          return [`${e.on_date} 收到补正`];
        case 'correction_expired':
          return [`${e.on_date} 逾期未补正`];
        case 'extension_approved':
          return [`${e.on_date} 延期${String(p['days'])}个工作日`];
        case 'consultation_started':
          return [`${e.on_date} 征求${p['party'] === 'agency' ? '其他机关' : '第三方'}意见`];
        case 'consultation_ended':
          return [`${e.on_date} 征求意见结束`];
        case 'fee_notice_sent':
          return [`${e.on_date} 收费通知`];
        case 'fee_paid':
          return [`${e.on_date} 缴费`];
        case 'fee_expired':
          return [`${e.on_date} 逾期未缴费`];
        default:
          return [];
      }
    });
    const fee = ledger.filter((e) => e.type === 'fee_notice_sent').at(-1);
    const feeFen = fee === undefined ? undefined : (JSON.parse(fee.payload) as { amountFen?: number }).amountFen;
    const outcome = r.outcome_code === null ? undefined : outcomeOf(r.outcome_code);
    return {
      trackingCode: r.tracking_code,
      receivedOn: r.received_on ?? '待确认',
      channel: CHANNEL_LABELS[r.channel],
      applicantName: r.applicant_name,
      applicantKind: APPLICANT_CATEGORY_LABELS[r.applicant_kind],
      idNumberMasked: maskIdNumber(r.id_last4),
      phoneMasked: maskPhone(r.phone),
      infoTitle: r.info_title,
      infoDocNo: r.info_doc_no,
      formAndDelivery: `${INFORMATION_FORM_LABELS[r.info_form]}，${DELIVERY_METHOD_LABELS[r.delivery]}`,
      handler: r.handler_user_id === null ? '' : (names.get(r.handler_user_id) ?? ''),
      dueOn: r.due_on ?? '',
      status: CLOCK_STATUS_LABELS[r.clock_status],
      steps: steps.join('；'),
      fee: feeFen === undefined ? '' : `${fenToYuan(feeFen)}元`,
      outcomeRow: outcome?.row ?? '',
      outcome: outcome?.label ?? '',
      decidedOn: r.decided_on ?? '',
      deliveredOn: ledger.filter((e) => e.type === 'delivered').at(-1)?.on_date ?? '',
      archivedOn: r.archived_on ?? '',
      appeals: (appealsOf.get(r.id) ?? [])
        .map(
          (a) =>
            `${APPEAL_KIND_LABELS[a.kind]}${a.after_reconsideration === 1 ? '（复议后）' : ''} ${a.body} ${a.filed_on} ${APPEAL_RESULT_LABELS[a.result]}`,
        )
        .join('；'),
    };
  });
  const scope = q.year === undefined ? '' : `${q.year}年`;
  const bytes = await renderApplicationRegister(`${agency.name}${scope}政府信息公开申请登记台账`, lines);
  await audit(ctx.db, ctx, actor, meta, {
    action: 'application.export',
    agencyId: agency.id,
    targetType: 'agency',
    targetId: agency.id,
    note: `导出申请登记台账 ${lines.length} 条`,
  });
  return { fileName: `${agency.name}${scope}政府信息公开申请登记台账.xlsx`, bytes, rows: lines.length };
}

/** Rows grouped by their application (Map.groupBy needs Node 21). */
function byApplication<T extends { application_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.application_id);
    if (list === undefined) {
      out.set(row.application_id, [row]);
    } else {
      list.push(row);
    }
  }
  return out;
}
