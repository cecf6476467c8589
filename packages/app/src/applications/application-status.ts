import {
  CHANNEL_LABELS,
  CLOCK_EVENT_LABELS,
  DomainError,
  lastFour,
  outcomeOf,
  TRACKING_CODE,
  type ClockEventType,
  type ClockStatus,
  type ExplanationLine,
  chineseDate,
  shanghaiDate,
} from '@xxgk/core';
import { renderApplicationReceipt } from '@xxgk/documents';
import { findAgency, findApplicationByTrackingCode, listApplicationEvents } from '@xxgk/db';
import type { AppContext } from '../context.ts';
import { deadlineOf } from './ledger.ts';

/** What the status page tells an applicant, in plain Chinese; nothing about anyone else. */
export const CLOCK_STATUS_LABELS: Readonly<Record<ClockStatus, string>> = {
  awaiting_confirmation: '已收到，待确认收件',
  in_progress: '办理中',
  awaiting_correction: '待申请人补正',
  consulting: '征求意见中（期间不计入答复期限）',
  awaiting_payment: '待缴纳信息处理费',
  decided: '已答复',
  abandoned_correction: '已终止（逾期未补正）',
  abandoned_fee: '已终止（逾期未缴费）',
};

export interface ApplicationStatusView {
  readonly trackingCode: string;
  readonly agencyName: string;
  readonly infoTitle: string;
  readonly channel: string;
  readonly status: string;
  readonly receiptDate: string | null;
  readonly due: string | null;
  readonly overdue: boolean;
  readonly outcome: string | null;
  readonly timeline: { date: string; text: string }[];
  /** How each date was reached, with the article applied (the rulebook's explanation). */
  readonly explanation: readonly ExplanationLine[];
}

/** The ledger row types in plain Chinese. */
export function eventLabel(type: ClockEventType | 'receipt_confirmed'): string {
  return type === 'receipt_confirmed' ? '确认收到申请' : CLOCK_EVENT_LABELS[type];
}

const NOT_FOUND = '查询码或证件（电话）后四位不正确，请核对后重试';

/**
 * 申请查询: the tracking code plus the last four characters of the applicant's phone or identity
 * number. A wrong pair gets the same answer whether or not the code exists, so codes cannot be probed.
 */
export async function lookupApplication(
  ctx: AppContext,
  { trackingCode, key }: { trackingCode: string; key: string },
): Promise<ApplicationStatusView> {
  const code = trackingCode.trim().toUpperCase();
  const four = key.trim().toUpperCase();
  if (!TRACKING_CODE.test(code) || four.length !== 4) {
    throw new DomainError('NOT_FOUND', NOT_FOUND);
  }
  const application = await findApplicationByTrackingCode(ctx.db, code);
  if (application === undefined || (four !== lastFour(application.phone) && four !== lastFour(application.id_number))) {
    throw new DomainError('NOT_FOUND', NOT_FOUND);
  }
  const [agency, events] = await Promise.all([
    findAgency(ctx.db, application.agency_id),
    listApplicationEvents(ctx.db, application.id),
  ]);
  const deadline = await deadlineOf(ctx.db, events, ctx.now());
  return {
    trackingCode: application.tracking_code,
    agencyName: agency?.name ?? '',
    infoTitle: application.info_title,
    channel: CHANNEL_LABELS[application.channel],
    status: CLOCK_STATUS_LABELS[deadline.status],
    receiptDate: deadline.receiptDate,
    due: deadline.due,
    overdue: deadline.overdue,
    outcome: application.outcome_code === null ? null : outcomeOf(application.outcome_code).label,
    timeline: events.map((e) => ({ date: e.on_date, text: eventLabel(e.type) })),
    explanation: deadline.explanation,
  };
}

/** The 受理回执 as a Word file, for whoever holds the tracking code and the last four characters. */
export async function applicationReceipt(
  ctx: AppContext,
  { trackingCode, key }: { trackingCode: string; key: string },
): Promise<{ fileName: string; bytes: Buffer }> {
  const view = await lookupApplication(ctx, { trackingCode, key });
  const application = await findApplicationByTrackingCode(ctx.db, view.trackingCode);
  const agency = application === undefined ? undefined : await findAgency(ctx.db, application.agency_id);
  const bytes = await renderApplicationReceipt({
    agencyName: view.agencyName,
    trackingCode: view.trackingCode,
    applicantName: application?.applicant_name ?? '',
    infoTitle: view.infoTitle,
    channel: view.channel,
    receivedOn: view.receiptDate === null ? '（待确认收件后起算）' : chineseDate(view.receiptDate),
    dueOn: view.due === null ? '（确认收件后计算）' : chineseDate(view.due),
    contactPhone: agency?.phone ?? '',
    issuedOn: chineseDate(shanghaiDate(ctx.now())),
  });
  return { fileName: `受理回执-${view.trackingCode}.docx`, bytes };
}
