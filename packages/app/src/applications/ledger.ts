import { computeDeadline, shanghaiDate, type ClockEvent, type Deadline } from '@xxgk/core';
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

/** The application's dates as of today, computed from its ledger on the agency calendar. */
export async function deadlineOf(ex: Executor, rows: readonly ApplicationEventRow[], now: Date): Promise<Deadline> {
  return computeDeadline(await loadCalendar(ex), toClockEvents(rows), { today: shanghaiDate(now) });
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
