import { DomainError, can, type Actor, type AgencyPlace, type Permission } from '@xxgk/core';
import { appendAudit, type AuditOutcome, type Executor } from '@xxgk/db';
import { iso, type AppContext, type RequestMeta } from './context.ts';

export interface AuditRecord {
  readonly action: string;
  readonly agencyId: number | null;
  readonly targetType: string;
  readonly targetId: string | number | null;
  readonly outcome?: AuditOutcome;
  readonly note?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Records what an actor did; call inside the transaction that did it. */
export async function audit(
  ex: Executor,
  ctx: AppContext,
  actor: Actor | null,
  meta: RequestMeta,
  record: AuditRecord,
): Promise<void> {
  await appendAudit(ex, {
    at: iso(ctx.now()),
    actorUserId: actor === null || actor.userId === 0 ? null : actor.userId,
    actorName: actor === null ? '匿名' : `${actor.displayName}（${actor.username}）`,
    agencyId: record.agencyId,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId === null ? null : String(record.targetId),
    outcome: record.outcome ?? 'ok',
    ...(record.note === undefined ? {} : { note: record.note }),
    ...(record.before === undefined ? {} : { before: record.before }),
    ...(record.after === undefined ? {} : { after: record.after }),
    ip: meta.ip,
    requestId: meta.requestId,
  });
}

/**
 * Checks a permission before a use case does anything. A refusal is written to the audit log in a
 * transaction of its own (so it survives the refusal) and thrown as FORBIDDEN.
 */
export async function authorize(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  permission: Permission,
  target: AgencyPlace,
  what: { action: string; targetType: string; targetId: string | number | null },
): Promise<void> {
  if (can(actor, permission, target)) {
    return;
  }
  await denied(ctx, actor, meta, { ...what, agencyId: target.id === 0 ? null : target.id, permission });
}

/**
 * Audits and throws a refusal the caller has already decided on. By default the refusal is a missing
 * permission; a rule that refuses for another reason gives its own `note` (for the log) and `message`
 * (for the person refused).
 */
export async function denied(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  what: {
    action: string;
    targetType: string;
    targetId: string | number | null;
    agencyId: number | null;
    permission: string;
    note?: string;
    message?: string;
  },
): Promise<never> {
  await ctx.db.transaction().execute((trx) =>
    audit(trx, ctx, actor, meta, {
      action: what.action,
      agencyId: what.agencyId,
      targetType: what.targetType,
      targetId: what.targetId,
      outcome: 'denied',
      note: what.note ?? `缺少权限 ${what.permission}`,
    }),
  );
  throw new DomainError('FORBIDDEN', what.message ?? '您没有执行此操作的权限', {
    details: { permission: what.permission },
  });
}
