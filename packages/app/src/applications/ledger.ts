import {
  computeDeadline,
  DateRangeError,
  DomainError,
  LedgerError,
  shanghaiDate,
  type ClockEvent,
  type Deadline,
} from '@xxgk/core';
import {
  HANDLING_EVENT_TYPES,
  updateApplication,
  type ApplicationEventRow,
  type ApplicationRow,
  type Executor,
} from '@xxgk/db';
import { loadCalendar } from '../calendar/load-calendar.ts';

const HANDLING_EVENTS: ReadonlySet<string> = new Set(HANDLING_EVENT_TYPES);

/**
 * The ledger rows as the rulebook's clock events. The ledger is append-only: a receipt confirmed
 * later is its own row, folded here into the 收到申请 event as its confirmation date; steps that do
 * not move the clock (assignment, 法制审核, letters, delivery, 归档) are left out.
 */
export function toClockEvents(rows: readonly ApplicationEventRow[]): ClockEvent[] {
  const confirmed = rows.find((r) => r.type === 'receipt_confirmed')?.on_date;
  return rows
    .filter((r) => !HANDLING_EVENTS.has(r.type))
    .map((r) => {
      const event = { type: r.type, date: r.on_date, ...(JSON.parse(r.payload) as object) } as ClockEvent;
      return event.type === 'received' && confirmed !== undefined ? { ...event, confirmedOn: confirmed } : event;
    });
}

/**
 * The application's dates as of today, computed from its ledger on the agency calendar.
 *
 * @throws DomainError CONFLICT when the stored ledger is one the rulebook refuses (a date recorded
 *   before input was bounded, issue 18): a letter or a receipt is not written from wrong dates.
 */
export async function deadlineOf(ex: Executor, rows: readonly ApplicationEventRow[], now: Date): Promise<Deadline> {
  const result = await tryDeadline(ex, rows, now);
  if ('refused' in result) {
    throw new DomainError('CONFLICT', `该申请的办理记录有误，无法计算办理期限：${result.refused}`);
  }
  return result.deadline;
}

/**
 * The dates for a page that shows the application — the handler's, the applicant's status page. A
 * stored ledger the rulebook refuses is shown as such (the cached dates, no due date, the reason as a
 * warning) instead of failing the page; the core bounds every calendar walk, so this is quick
 * whatever the stored dates (issue 18: a stored due date of 9998-12-31 blocked each view for seconds).
 */
export async function deadlineForView(
  ex: Executor,
  application: ApplicationRow,
  rows: readonly ApplicationEventRow[],
  now: Date,
): Promise<Deadline> {
  const result = await tryDeadline(ex, rows, now);
  if (!('refused' in result)) {
    return result.deadline;
  }
  return {
    status: application.clock_status,
    receiptDate: application.received_on,
    due: null,
    correctionNoticeDue: null,
    feePaymentDue: null,
    decidedOn: application.decided_on,
    overdue: false,
    workingDaysLeft: null,
    warnings: [`办理记录有误，无法计算办理期限：${result.refused}`],
    explanation: [
      {
        date: null,
        text: '办理记录中的日期有误，办理期限暂时无法计算，请以办理机关的书面告知为准',
        basis: '《政府信息公开条例》第三十三条',
      },
    ],
  };
}

async function tryDeadline(
  ex: Executor,
  rows: readonly ApplicationEventRow[],
  now: Date,
): Promise<{ deadline: Deadline } | { refused: string }> {
  const calendar = await loadCalendar(ex);
  try {
    return { deadline: computeDeadline(calendar, toClockEvents(rows), { today: shanghaiDate(now) }) };
  } catch (error) {
    if (error instanceof LedgerError || error instanceof DateRangeError) {
      return { refused: error.message };
    }
    throw error;
  }
}

/** Writes the dates lists and dashboards sort by; the ledger stays the source of truth. */
export async function cacheDeadline(ex: Executor, application: ApplicationRow, deadline: Deadline, at: string) {
  return updateApplication(ex, application.id, {
    received_on: deadline.receiptDate,
    due_on: deadline.due,
    clock_status: deadline.status,
    decided_on: deadline.decidedOn,
    updated_at: at,
  });
}
