import {
  addDays,
  can,
  citeBasis,
  computeDeadline,
  DateRangeError,
  DELIVERY_METHODS,
  DomainError,
  fenToYuan,
  nextApplicationFee,
  pageFee,
  type Deadline,
  type FeeBreakdown,
  isClosedStatus,
  LedgerError,
  OUTCOME_CODES,
  outcomeOf,
  shanghaiDate,
  type Actor,
  type OutcomeCode,
} from '@xxgk/core';
import {
  claimApplication,
  countApplicantApplicationsInMonth,
  HANDLING_EVENT_TYPES,
  type ApplicationEventRow,
  type ApplicationRow,
  insertApplicationEvent,
  listApplicationEvents,
  updateApplication,
} from '@xxgk/db';
import { z } from 'zod';
import { requireAgency } from '../agencies/require-agency.ts';
import { audit, denied } from '../audit.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { iso, NO_REQUEST, systemActor, type AppContext, type RequestMeta } from '../context.ts';
import { builtOnce, legalDate, parseInput, plausibleDates, text, type DateRange } from '../validation.ts';
import { eventLabel, isPublicEvent } from './application-status.ts';
import { notifyApplicant } from './notify.ts';
import { requireApplication } from './require-application.ts';
import { usersWithPermission } from '../users/users-with-permission.ts';
import { cacheDeadline, toClockEvents } from './ledger.ts';

const note = text('说明', { max: 500 }).default('');
const outcome = z.enum(OUTCOME_CODES as [OutcomeCode, ...OutcomeCode[]], {
  error: '请选择办理结果（年度报告表三的一项）',
});

/**
 * A step in handling an application, as the handler records it: a clock event, or a step that does not
 * move the clock. Given a range, its dates must lie in it (recordHandlingStep passes the plausible
 * dates as of today); without, only their form is checked (the route's schema). A deferred due date
 * is further held to the rulebook's limit (ClockSettings.maxDeferralDays) when the ledger is computed.
 */
export const handlingInput = builtOnce((range?: DateRange) => {
  const day = legalDate('日期', range);
  return z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('receipt_confirmed'), date: day, note }),
      z.object({ type: z.literal('correction_requested'), date: day, note }),
      z.object({ type: z.literal('correction_received'), date: day, note }),
      z.object({ type: z.literal('correction_expired'), date: day, note }),
      z.object({
        type: z.literal('extension_approved'),
        date: day,
        days: z.coerce.number().int().min(1).max(20),
        note,
      }),
      z.object({ type: z.literal('consultation_started'), date: day, party: z.enum(['third_party', 'agency']), note }),
      z.object({
        type: z.literal('consultation_ended'),
        date: day,
        id: z.string().min(1, '请选择结束的是哪一次征求意见'),
        note,
      }),
      z.object({
        type: z.literal('fee_notice_sent'),
        date: day,
        method: z.enum(['per_application', 'per_page'], { error: '请选择计收方式（按件或按量）' }),
        pages: z.coerce.number().int().min(0).max(1_000_000).optional(),
        note,
      }),
      z.object({
        type: z.literal('fee_paid'),
        date: day,
        receiptNo: text('缴费凭证号', { max: 60 }).default(''),
        note,
      }),
      z.object({ type: z.literal('fee_expired'), date: day, note }),
      z.object({ type: z.literal('deadline_deferred'), date: day, newDue: legalDate('延后的答复期限', range), note }),
      z.object({
        type: z.literal('decided'),
        date: day,
        outcome,
        reasons: text('理由', { max: 2000 }).default(''),
        basis: text('法律依据', { max: 500 }).default(''),
        withheld: text('不予公开的部分', { max: 2000 }).default(''),
        released: text('提供的信息及方式', { max: 2000 }).default(''),
        note,
      }),
      z.object({
        type: z.literal('assigned'),
        date: day,
        userId: z.coerce.number().int().positive({ error: '请选择经办人' }),
        note,
      }),
      z.object({
        type: z.literal('legal_review'),
        date: day,
        outcome,
        opinion: z.enum(['approved', 'returned'], { error: '请选择审核意见' }),
        note,
      }),
      z.object({
        type: z.literal('delivered'),
        date: day,
        method: z.enum(DELIVERY_METHODS, { error: '请选择送达方式' }),
        note,
      }),
      z.object({ type: z.literal('archived'), date: day, note }),
    ],
    { error: '请选择办理事项' },
  );
});
export const HandlingInput = handlingInput();
export type HandlingInput = z.input<typeof HandlingInput>;
type Step = z.output<typeof HandlingInput>;

/** Steps that do not move the clock: they may follow the decision, until the file is archived. */
const AFTER_DECISION: ReadonlySet<Step['type']> = new Set(['delivered', 'archived']);
const NOT_CLOCK: ReadonlySet<string> = new Set(HANDLING_EVENT_TYPES);

function invalid(path: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { issues: [{ path, message }] });
}

/** 法制审核: when the agency requires it, the decision must be the one the latest opinion approved. */
function checkLegalReview(rows: readonly ApplicationEventRow[], decided: OutcomeCode): void {
  const reviews = rows.filter((r) => r.type === 'legal_review');
  const last = reviews.at(-1);
  const opinion = last === undefined ? undefined : (JSON.parse(last.payload) as { outcome: string; opinion: string });
  if (opinion === undefined || opinion.opinion !== 'approved') {
    throw new DomainError('CONFLICT', '本机关要求答复前经法制审核：请先提交法制审核并获通过');
  }
  if (opinion.outcome !== decided) {
    throw new DomainError(
      'CONFLICT',
      `法制审核通过的办理结果是“${outcomeOf(opinion.outcome as OutcomeCode).label}”，与拟作出的结果不一致，请重新提交法制审核`,
    );
  }
}

/** What a decision must state (条例 第三十六条、第三十七条): reasons for anything not disclosed, and for 部分公开 what is withheld. */
function checkDecision(step: Extract<Step, { type: 'decided' }>): void {
  const group = outcomeOf(step.outcome).letter;
  if (group !== 'disclose' && step.reasons.trim() === '') {
    throw invalid('reasons', '请写明作出该办理结果的理由');
  }
  if (group === 'partial' && step.withheld.trim() === '') {
    throw invalid('withheld', '部分公开的，请写明不予公开的部分（条例第三十七条）');
  }
}

/**
 * 按件计收 (国办函〔2020〕109号 第四条) counts the applicant's applications in one natural month. This
 * counts those made to this agency, by the month of the legal receipt date, in receipt order — a
 * DERIVED reading (the 办法 does not say whether the count is per agency; each agency charges its own).
 */
async function feeFor(
  ctx: AppContext,
  application: ApplicationRow,
  step: Extract<Step, { type: 'fee_notice_sent' }>,
): Promise<FeeBreakdown> {
  if (step.method === 'per_page') {
    if (step.pages === undefined) {
      throw invalid('pages', '按量计收的，请填写页数');
    }
    return pageFee(step.pages);
  }
  const received = application.received_on ?? shanghaiDate(ctx.now());
  const month = received.slice(0, 7);
  const earlier = await countApplicantApplicationsInMonth(ctx.db, {
    agencyId: application.agency_id,
    applicantKey: application.applicant_key,
    month,
    before: { receivedOn: received, id: application.id },
  });
  return nextApplicationFee(earlier);
}

/**
 * Records one handling step. A clock step must leave a ledger the rulebook accepts (computeDeadline):
 * an impossible step — a second extension, a date before receipt, anything after the decision — is
 * refused with the rulebook's reason and nothing is written. An extension needs the agency head's
 * permission (条例 第三十三条第二款); 法制审核 the legal reviewer's. The decision is exactly one outcome
 * (table 三's row) with its reasons; when the agency requires 法制审核 the decision must be the one
 * approved. Delivery and 归档 follow the decision; after 归档 nothing more is recorded.
 */
export async function recordHandlingStep(
  ctx: AppContext,
  {
    actor,
    applicationId,
    input,
    meta,
  }: { actor: Actor; applicationId: number; input: HandlingInput; meta: RequestMeta },
) {
  const today = shanghaiDate(ctx.now());
  const step = parseInput(handlingInput(plausibleDates(today)), input);
  // 法制审核 is the legal reviewer's (who does not otherwise handle applications); every other step is
  // the handler's, and an extension also needs the agency head's consent (第三十三条第二款).
  const { application, agency } = await requireApplication(ctx, {
    actor,
    meta,
    applicationId,
    permission: step.type === 'legal_review' ? 'application.legal_review' : 'application.handle',
    action: `application.${step.type}`,
  });
  if (step.type === 'extension_approved' && !can(actor, 'application.approve_extension', agency)) {
    await denied(ctx, actor, meta, {
      action: 'application.extension_approved',
      targetType: 'application',
      targetId: applicationId,
      agencyId: agency.id,
      permission: 'application.approve_extension',
    });
  }
  if (application.archived_on !== null) {
    throw new DomainError('CONFLICT', '该申请已归档，不能再登记办理事项');
  }
  const closed = isClosedStatus(application.clock_status);
  if (closed && !AFTER_DECISION.has(step.type)) {
    throw new DomainError('CONFLICT', '该申请已办结，只能登记送达和归档');
  }
  if (!closed && AFTER_DECISION.has(step.type)) {
    throw new DomainError('CONFLICT', '该申请尚未答复或办结，不能登记送达或归档');
  }
  if (step.date > today) {
    throw invalid('date', '不能登记今天以后的事项');
  }
  const rows = await listApplicationEvents(ctx.db, application.id);
  if (step.type === 'receipt_confirmed' && rows.some((r) => r.type === 'receipt_confirmed')) {
    throw new DomainError('CONFLICT', '已经确认过收到申请的日期');
  }
  if (AFTER_DECISION.has(step.type) && application.decided_on !== null && step.date < application.decided_on) {
    throw invalid('date', `日期不能早于办结日期（${application.decided_on}）`);
  }
  if (step.type === 'archived' && !rows.some((r) => r.type === 'delivered')) {
    throw new DomainError('CONFLICT', '请先登记答复（告知书）的送达，再归档');
  }
  let payload: Record<string, unknown>;
  let detail = '';
  let assignee: { id: number; name: string } | undefined;
  switch (step.type) {
    case 'consultation_started':
      payload = {
        party: step.party,
        id: `征求意见${rows.filter((r) => r.type === 'consultation_started').length + 1}`,
      };
      break;
    case 'decided':
      checkDecision(step);
      if (agency.legal_review_required === 1) {
        checkLegalReview(rows, step.outcome);
      }
      payload = {
        outcome: step.outcome,
        reasons: step.reasons,
        basis: step.basis === '' ? citeBasis(outcomeOf(step.outcome).basis) : step.basis,
        withheld: step.withheld,
        released: step.released,
      };
      detail = `：${outcomeOf(step.outcome).label}`;
      break;
    case 'fee_notice_sent': {
      const fee = await feeFor(ctx, application, step);
      if (fee.totalFen === 0) {
        throw invalid(step.method === 'per_page' ? 'pages' : 'method', `${fee.summary}：无需收费，不发收费通知`);
      }
      payload = {
        method: fee.method,
        units: fee.units,
        amountFen: fee.totalFen,
        summary: fee.summary,
        lines: fee.lines.map((l) => l.text),
      };
      detail = `：${fenToYuan(fee.totalFen)}元`;
      break;
    }
    case 'assigned': {
      const user = (await usersWithPermission(ctx.db, agency, 'application.handle')).find((u) => u.id === step.userId);
      if (user === undefined) {
        throw invalid('userId', '该用户不能办理本机关的申请（需为本机关在用的依申请公开经办人）');
      }
      assignee = { id: user.id, name: user.displayName };
      payload = { userId: user.id, userName: user.displayName };
      detail = `：${user.displayName}`;
      break;
    }
    case 'legal_review':
      payload = { outcome: step.outcome, opinion: step.opinion };
      detail = `：${step.opinion === 'approved' ? '同意' : '退回'}（${outcomeOf(step.outcome).label}）`;
      break;
    case 'delivered':
      payload = { method: step.method };
      break;
    case 'fee_paid':
      payload = { receiptNo: step.receiptNo };
      break;
    case 'extension_approved':
      payload = { days: step.days };
      break;
    case 'consultation_ended':
      payload = { id: step.id };
      break;
    case 'deadline_deferred':
      payload = { newDue: step.newDue };
      break;
    default:
      payload = {};
  }
  const candidate = {
    id: 0,
    application_id: application.id,
    type: step.type,
    on_date: step.date,
    payload: JSON.stringify(payload),
    note: step.note,
    user_id: null,
    user_name: '',
    created_at: '',
  };
  let deadline: Deadline | undefined;
  if (!NOT_CLOCK.has(step.type) || step.type === 'receipt_confirmed') {
    try {
      deadline = computeDeadline(await loadCalendar(ctx.db), toClockEvents([...rows, candidate]), { today });
    } catch (error) {
      if (error instanceof LedgerError) {
        throw invalid(error.field, error.message);
      }
      if (error instanceof DateRangeError) {
        throw invalid('date', error.message);
      }
      throw error;
    }
  }
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await claimApplication(trx, application))) {
      throw new DomainError('CONFLICT', '该申请刚被其他人办理，请刷新后再操作');
    }
    const event = await insertApplicationEvent(trx, {
      application_id: application.id,
      type: step.type,
      on_date: step.date,
      payload: candidate.payload,
      note: step.note,
      user_id: actor.userId === 0 ? null : actor.userId,
      user_name: actor.displayName,
      created_at: now,
    });
    let updated = application;
    if (deadline !== undefined) {
      updated = await cacheDeadline(trx, application, deadline, now);
    }
    // A decision is one outcome; abandonment by the applicant is the （六）1 or （六）2 row, on the day it lapsed.
    const closing: OutcomeCode | null =
      step.type === 'decided'
        ? step.outcome
        : step.type === 'correction_expired'
          ? 'other.correctionOverdue'
          : step.type === 'fee_expired'
            ? 'other.feeUnpaid'
            : null;
    if (closing !== null) {
      updated = await updateApplication(trx, application.id, {
        outcome_code: closing,
        decided_on: step.date,
        updated_at: now,
      });
    }
    if (assignee !== undefined) {
      updated = await updateApplication(trx, application.id, { handler_user_id: assignee.id, updated_at: now });
    }
    if (step.type === 'archived') {
      updated = await updateApplication(trx, application.id, { archived_on: step.date, updated_at: now });
    }
    await audit(trx, ctx, actor, meta, {
      action: `application.${step.type}`,
      agencyId: agency.id,
      targetType: 'application',
      targetId: application.id,
      note: `${eventLabel(step.type)}（${step.date}）${detail}`,
    });
    if (isPublicEvent(step.type)) {
      await notifyApplicant(trx, ctx, updated, agency.name, {
        eventId: event.id,
        date: step.date,
        label: eventLabel(step.type),
      });
    }
    return { status: updated.clock_status, due: updated.due_on, deadline: deadline ?? null };
  });
}

/**
 * The payment period's end, or null when there is none — or when the stored ledger is one the
 * rulebook refuses (a date beyond reckoning, issue 18): one such application must not stop the
 * timer closing the others; its page shows the error.
 */
function feePaymentDue(compute: () => Deadline): string | null {
  try {
    return compute().feePaymentDue;
  } catch (error) {
    if (error instanceof LedgerError || error instanceof DateRangeError) {
      return null;
    }
    throw error;
  }
}

/**
 * 国办函〔2020〕109号: a fee notice not paid within its period ends the application (table 三（六）2).
 * Run by the server's minute timer: records the lapse on the day after the payment period, as the
 * system, audited. Returns the applications it closed.
 */
export async function closeUnpaidFees(ctx: AppContext): Promise<number[]> {
  const today = shanghaiDate(ctx.now());
  const waiting = await ctx.db
    .selectFrom('applications')
    .selectAll()
    .where('clock_status', '=', 'awaiting_payment')
    .execute();
  const closed: number[] = [];
  const calendar = await loadCalendar(ctx.db);
  for (const application of waiting) {
    const rows = await listApplicationEvents(ctx.db, application.id);
    const due = feePaymentDue(() => computeDeadline(calendar, toClockEvents(rows), { today }));
    if (due === null || due >= today) {
      continue;
    }
    const lapsed = addDays(due, 1);
    const now = iso(ctx.now());
    const deadline = computeDeadline(calendar, [...toClockEvents(rows), { type: 'fee_expired', date: lapsed }], {
      today,
    });
    const done = await ctx.db.transaction().execute(async (trx) => {
      if (!(await claimApplication(trx, application))) {
        return false;
      }
      const event = await insertApplicationEvent(trx, {
        application_id: application.id,
        type: 'fee_expired',
        on_date: lapsed,
        payload: '{}',
        note: `缴费期限${due}届满未缴费，系统自动办结`,
        user_id: null,
        user_name: '系统',
        created_at: now,
      });
      await cacheDeadline(trx, application, deadline, now);
      const updated = await updateApplication(trx, application.id, {
        outcome_code: 'other.feeUnpaid',
        decided_on: lapsed,
        updated_at: now,
      });
      const agency = await requireAgency(trx, application.agency_id);
      await notifyApplicant(trx, ctx, updated, agency.name, {
        eventId: event.id,
        date: lapsed,
        label: eventLabel('fee_expired'),
      });
      await audit(trx, ctx, systemActor('缴费期限届满自动办结'), NO_REQUEST, {
        action: 'application.fee_expired',
        agencyId: application.agency_id,
        targetType: 'application',
        targetId: application.id,
        note: `逾期未缴费（期限 ${due}），按表三（六）2 办结`,
      });
      return true;
    });
    if (done) {
      closed.push(application.id);
    }
  }
  return closed;
}
