import { addWorkingDays, can, shanghaiDate, type Actor } from '@xxgk/core';
import { applicationAlertCounts, listAgencyPaths } from '@xxgk/db';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { AppContext } from '../context.ts';
import { DUE_SOON_WORKING_DAYS } from './list-applications.ts';

export interface AgencyAlerts {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly open: number;
  readonly overdue: number;
  readonly dueSoon: number;
}

/**
 * For the 工作台: open applications of every agency the person may see (their own for a handler,
 * the whole subtree for a 政务公开办), with overdue and due-within-3-working-days counts. Agencies
 * with nothing open are left out.
 */
export async function applicationAlerts(ctx: AppContext, { actor }: { actor: Actor }): Promise<AgencyAlerts[]> {
  const agencies = (await listAgencyPaths(ctx.db)).filter((a) => can(actor, 'application.read', a));
  const today = shanghaiDate(ctx.now());
  const soon = addWorkingDays(await loadCalendar(ctx.db), today, DUE_SOON_WORKING_DAYS).date;
  const counts = await applicationAlertCounts(
    ctx.db,
    agencies.map((a) => a.id),
    today,
    soon,
  );
  return agencies.flatMap((a) => {
    const c = counts.find((x) => x.agency_id === a.id);
    return c === undefined
      ? []
      : [{ agencyId: a.id, agencyName: a.name, open: c.open, overdue: c.overdue, dueSoon: c.due_soon }];
  });
}
