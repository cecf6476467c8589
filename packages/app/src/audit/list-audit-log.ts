import { reachOf, shanghaiDate, type Actor } from '@xxgk/core';
import { listAudit, type AuditPage } from '@xxgk/db';
import { z } from 'zod';
import { denied } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { builtOnce, legalDate, parseInput, plausibleDates, type DateRange } from '../validation.ts';

/** The log's filters; given a range the dates must lie in it (listAuditLog: the plausible dates as of today). */
export const auditQuery = builtOnce((range?: DateRange) => {
  return z.object({
    agencyId: z.coerce.number().int().positive().optional(),
    action: z.string().trim().max(64).optional(),
    actor: z.string().trim().max(64).optional(),
    outcome: z.enum(['ok', 'denied', 'failed']).optional(),
    from: legalDate('开始日期', range).optional(),
    to: legalDate('结束日期', range).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  });
});
export const AuditQuery = auditQuery();
export type AuditQuery = z.input<typeof AuditQuery>;

/** Adds one day to a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Shanghai midnight of a legal date as a UTC instant (the log stores instants). */
function shanghaiMidnight(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/**
 * The audit log as the actor may read it: an agency admin sees their agency's entries, a supervisor
 * their subtree's, a system admin everything (including entries with no agency, like failed logins
 * of unknown names). Dates are 北京时间 days, both ends inclusive.
 */
export async function listAuditLog(
  ctx: AppContext,
  { actor, query, meta }: { actor: Actor; query: AuditQuery; meta: RequestMeta },
): Promise<AuditPage> {
  const q = parseInput(auditQuery(plausibleDates(shanghaiDate(ctx.now()))), query);
  const reach = reachOf(actor, 'audit.read');
  if (reach === undefined) {
    return denied(ctx, actor, meta, {
      action: 'audit.list',
      targetType: 'audit_log',
      targetId: null,
      agencyId: actor.agency.id,
      permission: 'audit.read',
    });
  }
  const filter = {
    ...(q.agencyId === undefined ? {} : { agencyId: q.agencyId }),
    ...(q.action === undefined || q.action === '' ? {} : { action: q.action }),
    ...(q.actor === undefined || q.actor === '' ? {} : { actor: q.actor }),
    ...(q.outcome === undefined ? {} : { outcome: q.outcome }),
    ...(q.from === undefined ? {} : { from: shanghaiMidnight(q.from) }),
    ...(q.to === undefined ? {} : { to: shanghaiMidnight(nextDay(q.to)) }),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
  switch (reach) {
    case 'all':
      return listAudit(ctx.db, filter);
    case 'subtree':
      return listAudit(ctx.db, { ...filter, underPath: actor.agency.path });
    case 'own':
      return listAudit(ctx.db, { ...filter, agencyId: actor.agency.id });
  }
}
