import {
  CHANNEL_LABELS,
  chineseDate,
  citeBasis,
  DELIVERY_METHOD_LABELS,
  fenToYuan,
  INFORMATION_FORM_LABELS,
  outcomeOf,
  type Deadline,
} from '@xxgk/core';
import type { AgencyRow, ApplicationEventRow, ApplicationRow } from '@xxgk/db';

function lastOf(rows: readonly ApplicationEventRow[], type: string): ApplicationEventRow | undefined {
  return rows.filter((r) => r.type === type).at(-1);
}

function payloadOf<T>(row: ApplicationEventRow | undefined): Partial<T> {
  return row === undefined ? {} : (JSON.parse(row.payload) as Partial<T>);
}

/** The values a letter starts with, from the application, its ledger, its dates and the agency. */
export function letterValues(
  application: ApplicationRow,
  agency: AgencyRow,
  rows: readonly ApplicationEventRow[],
  deadline: Deadline,
  today: string,
): Record<string, string> {
  const date = (d: string | null | undefined) => (d === null || d === undefined ? '' : chineseDate(d));
  const decided = payloadOf<{ reasons: string; basis: string; withheld: string; released: string }>(
    lastOf(rows, 'decided'),
  );
  const fee = payloadOf<{ method: string; amountFen: number; lines: string[]; summary: string }>(
    lastOf(rows, 'fee_notice_sent'),
  );
  const extension = lastOf(rows, 'extension_approved');
  const consultations = rows.filter((r) => r.type === 'consultation_started');
  const consulted = (party: string) =>
    consultations.filter((r) => payloadOf<{ party: string }>(r).party === party).at(-1)?.note ?? '';
  const how = `现按您要求的${INFORMATION_FORM_LABELS[application.info_form]}形式，以${DELIVERY_METHOD_LABELS[application.delivery]}方式提供。`;
  const closingBasis = application.outcome_code === null ? '' : citeBasis(outcomeOf(application.outcome_code).basis);
  return {
    申请人: application.applicant_name,
    查询码: application.tracking_code,
    申请日期: date(deadline.receiptDate),
    申请内容:
      application.info_doc_no === ''
        ? application.info_title
        : `${application.info_title}（${application.info_doc_no}）`,
    机关名称: agency.name,
    联系电话: agency.phone,
    联系地址: agency.address,
    复议机关: agency.reconsideration_body,
    人民法院: agency.court,
    成文日期: date(today),
    提交方式: CHANNEL_LABELS[application.channel],
    答复期限: date(deadline.due),
    补正内容: lastOf(rows, 'correction_requested')?.note ?? '',
    补正期限: '收到本告知书之日起15个工作日',
    延长理由: extension?.note ?? '',
    延长天数: String(payloadOf<{ days: number }>(extension).days ?? ''),
    第三方: consulted('third_party'),
    被征求意见机关: consulted('agency'),
    征求意见事项: application.info_title,
    意见期限: '收到本函之日起15个工作日',
    计收方式: fee.method === undefined ? '' : fee.method === 'per_page' ? '按量' : '按件',
    收费金额: fee.amountFen === undefined ? '' : fenToYuan(fee.amountFen),
    收费明细: fee.lines === undefined ? '' : [...fee.lines, fee.summary ?? ''].join('\n'),
    缴费期限: date(deadline.feePaymentDue),
    缴费方式: '',
    获取方式: decided.released === undefined || decided.released === '' ? how : `${decided.released}${how}`,
    公开部分: decided.released === undefined || decided.released === '' ? how : `${decided.released}${how}`,
    不予公开部分: decided.withheld ?? '',
    理由:
      decided.reasons ??
      (application.outcome_code?.startsWith('other.') === true ? outcomeOf(application.outcome_code).label : ''),
    法律依据: decided.basis ?? closingBasis,
  };
}
