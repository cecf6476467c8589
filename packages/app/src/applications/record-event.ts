import {
  addDays,
  can,
  computeDeadline,
  DomainError,
  isClosedStatus,
  isIsoDate,
  LedgerError,
  OUTCOME_CODES,
  outcomeOf,
  shanghaiDate,
  type Actor,
  type OutcomeCode,
} from '@xxgk/core';
import {
  claimApplication,
  findApplication,
  insertApplicationEvent,
  listApplicationEvents,
  updateApplication,
} from '@xxgk/db';
import { z } from 'zod';
import { requireAgency } from '../agencies/require-agency.ts';
import { audit, authorize, denied } from '../audit.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { iso, NO_REQUEST, systemActor, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput, text } from '../validation.ts';
import { eventLabel } from './application-status.ts';
import { cacheDeadline, toClockEvents } from './ledger.ts';

const day = z.string({ error: '请填写日期' }).refine(isIsoDate, '日期应为 YYYY-MM-DD');
const note = text('说明', { max: 500 }).default('');

/** A step in handling an application, as the handler records it. Each is a clock event (or a confirmation). */
export const HandlingInput = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('receipt_confirmed'), date: day, note }),
    z.object({ type: z.literal('correction_requested'), date: day, note }),
    z.object({ type: z.literal('correction_received'), date: day, note }),
    z.object({ type: z.literal('correction_expired'), date: day, note }),
    z.object({ type: z.literal('extension_approved'), date: day, days: z.coerce.number().int().min(1).max(20), note }),
    z.object({ type: z.literal('consultation_started'), date: day, party: z.enum(['third_party', 'agency']), note }),
    z.object({
      type: z.literal('consultation_ended'),
      date: day,
      id: z.string().min(1, '请选择结束的是哪一次征求意见'),
      note,
    }),
    z.object({ type: z.literal('fee_notice_sent'), date: day, note }),
    z.object({ type: z.literal('fee_paid'), date: day, note }),
    z.object({ type: z.literal('fee_expired'), date: day, note }),
    z.object({ type: z.literal('deadline_deferred'), date: day, newDue: day, note }),
    z.object({
      type: z.literal('decided'),
      date: day,
      outcome: z.enum(OUTCOME_CODES as [OutcomeCode, ...OutcomeCode[]], {
        error: '请选择办理结果（年度报告表三的一项）',
      }),
      note,
    }),
  ],
  { error: '请选择办理事项' },
);
export type HandlingInput = z.input<typeof HandlingInput>;

/**
 * Records one handling step. The new ledger must make sense to the rulebook (computeDeadline): an
 * impossible step — a second extension, a date before receipt, anything after the decision — is
 * refused with the rulebook's reason and nothing is written. An extension needs the agency head's
 * permission (条例 第三十三条第二款). The decision is exactly one outcome (table 三's row).
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
  const step = parseInput(HandlingInput, input);
  const application = await findApplication(ctx.db, applicationId);
  if (application === undefined) {
    throw new DomainError('NOT_FOUND', `申请（编号 ${applicationId}）不存在`);
  }
  const agency = await requireAgency(ctx.db, application.agency_id);
  await authorize(ctx, actor, meta, 'application.handle', agency, {
    action: `application.${step.type}`,
    targetType: 'application',
    targetId: applicationId,
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
  if (isClosedStatus(application.clock_status)) {
    throw new DomainError('CONFLICT', '该申请已办结，不能再登记办理事项');
  }
  const today = shanghaiDate(ctx.now());
  if (step.date > today) {
    throw new DomainError('VALIDATION_FAILED', '不能登记今天以后的事项', {
      issues: [{ path: 'date', message: '日期晚于今天' }],
    });
  }
  const rows = await listApplicationEvents(ctx.db, application.id);
  if (step.type === 'receipt_confirmed' && rows.some((r) => r.type === 'receipt_confirmed')) {
    throw new DomainError('CONFLICT', '已经确认过收到申请的日期');
  }
  const { type, date, note: _note, ...rest } = step;
  const payload: Record<string, unknown> =
    type === 'consultation_started'
      ? { ...rest, id: `征求意见${rows.filter((r) => r.type === 'consultation_started').length + 1}` }
      : type === 'decided'
        ? {}
        : rest;
  const candidate = {
    id: 0,
    application_id: application.id,
    type,
    on_date: date,
    payload: JSON.stringify(payload),
    note: step.note,
    user_id: null,
    user_name: '',
    created_at: '',
  };
  let deadline;
  try {
    deadline = computeDeadline(await loadCalendar(ctx.db), toClockEvents([...rows, candidate]), {
      today,
    });
  } catch (error) {
    if (error instanceof LedgerError) {
      throw new DomainError('VALIDATION_FAILED', error.message, { issues: [{ path: 'date', message: error.message }] });
    }
    throw error;
  }
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await claimApplication(trx, application))) {
      throw new DomainError('CONFLICT', '该申请刚被其他人办理，请刷新后再操作');
    }
    await insertApplicationEvent(trx, {
      application_id: application.id,
      type,
      on_date: date,
      payload: JSON.stringify(payload),
      note: step.note,
      user_id: actor.userId === 0 ? null : actor.userId,
      user_name: actor.displayName,
      created_at: now,
    });
    const updated = await cacheDeadline(trx, application, deadline, now);
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
      await updateApplication(trx, application.id, { outcome_code: closing, decided_on: date, updated_at: now });
    }
    await audit(trx, ctx, actor, meta, {
      action: `application.${type}`,
      agencyId: agency.id,
      targetType: 'application',
      targetId: application.id,
      note: `${eventLabel(type)}（${date}）${step.type === 'decided' ? `：${outcomeOf(step.outcome).label}` : ''}`,
    });
    return { status: updated.clock_status, due: deadline.due, deadline };
  });
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
    const due = computeDeadline(calendar, toClockEvents(rows), { today }).feePaymentDue;
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
      await insertApplicationEvent(trx, {
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
      await updateApplication(trx, application.id, {
        outcome_code: 'other.feeUnpaid',
        decided_on: lapsed,
        updated_at: now,
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
