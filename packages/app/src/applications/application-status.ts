import {
  CHANNEL_LABELS,
  CLOCK_EVENT_LABELS,
  DomainError,
  lastFour,
  outcomeOf,
  TRACKING_CODE,
  LETTER_LABELS,
  type ClockEventType,
  type LetterKind,
  type ClockStatus,
  type ExplanationLine,
  shanghaiDate,
} from '@xxgk/core';
import { renderLetterDocx } from '@xxgk/documents';
import { findAgency, findApplicationByTrackingCode, listApplicationEvents, type HandlingEventType } from '@xxgk/db';
import { requireAgency } from '../agencies/require-agency.ts';
import type { AppContext } from '../context.ts';
import { letterContent } from './letter-content.ts';
import { letterTemplate } from './letter-template.ts';
import { letterValues } from './letter-values.ts';
import { deadlineForView, deadlineOf } from './ledger.ts';

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

const HANDLING_EVENT_LABELS: Readonly<Record<HandlingEventType, string>> = {
  receipt_confirmed: '确认收到申请',
  assigned: '分配经办人',
  legal_review: '法制审核',
  letter_issued: '出具文书',
  delivered: '送达',
  archived: '归档',
};

/** Steps the applicant is not told of: who handles it inside the agency, and its internal legal review. */
const INTERNAL_EVENTS: ReadonlySet<string> = new Set(['assigned', 'legal_review']);

/** Whether the applicant sees this step on the status page (and hears of it by e-mail). */
export function isPublicEvent(type: string): boolean {
  return !INTERNAL_EVENTS.has(type);
}

/** The ledger row types in plain Chinese; a letter names itself. */
export function eventLabel(type: ClockEventType | HandlingEventType, payload = '{}'): string {
  if (type === 'letter_issued') {
    const kind = (JSON.parse(payload) as { kind?: LetterKind }).kind;
    return kind === undefined ? HANDLING_EVENT_LABELS.letter_issued : `出具《${LETTER_LABELS[kind]}》`;
  }
  return type in HANDLING_EVENT_LABELS
    ? HANDLING_EVENT_LABELS[type as HandlingEventType]
    : CLOCK_EVENT_LABELS[type as ClockEventType];
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
  if (application === undefined || (four !== lastFour(application.phone) && four !== application.id_last4)) {
    throw new DomainError('NOT_FOUND', NOT_FOUND);
  }
  const [agency, events] = await Promise.all([
    findAgency(ctx.db, application.agency_id),
    listApplicationEvents(ctx.db, application.id),
  ]);
  const deadline = await deadlineForView(ctx.db, application, events, ctx.now());
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
    timeline: events
      .filter((e) => isPublicEvent(e.type))
      .map((e) => ({ date: e.on_date, text: eventLabel(e.type, e.payload) })),
    explanation: deadline.explanation,
  };
}

/**
 * The 受理回执 as a Word file, for whoever holds the tracking code and the last four characters: the
 * agency's receipt template filled in, with its seal.
 */
export async function applicationReceipt(
  ctx: AppContext,
  { trackingCode, key }: { trackingCode: string; key: string },
): Promise<{ fileName: string; bytes: Buffer }> {
  const view = await lookupApplication(ctx, { trackingCode, key });
  const application = await findApplicationByTrackingCode(ctx.db, view.trackingCode);
  if (application === undefined) {
    throw new DomainError('NOT_FOUND', NOT_FOUND);
  }
  const agency = await requireAgency(ctx.db, application.agency_id);
  const rows = await listApplicationEvents(ctx.db, application.id);
  const today = shanghaiDate(ctx.now());
  const values = letterValues(application, agency, rows, await deadlineOf(ctx.db, rows, ctx.now()), today);
  const content = await letterContent(
    ctx,
    agency,
    await letterTemplate(ctx.db, agency.id, 'receipt'),
    {
      ...values,
      申请日期: values.申请日期 || '（待确认收件后起算）',
      答复期限: values.答复期限 || '（确认收件后计算）',
      联系电话: values.联系电话 || '—',
      联系地址: values.联系地址 || '—',
    },
    today,
  );
  return { fileName: `受理回执-${view.trackingCode}.docx`, bytes: await renderLetterDocx(content) };
}
