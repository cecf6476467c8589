import { DomainError, type Actor, type Permission } from '@xxgk/core';
import { findAgency, type AgencyRow, type Executor } from '@xxgk/db';
import { authorize } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';

/** The agency with this id, or NOT_FOUND in Chinese. */
export async function requireAgency(ex: Executor, agencyId: number): Promise<AgencyRow> {
  const agency = await findAgency(ex, agencyId);
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', `机关（编号 ${agencyId}）不存在`);
  }
  return agency;
}

/**
 * The agency, once the actor is shown to hold `permission` over it; a refusal is audited under
 * `action`. The start of every use case that acts on an agency as a whole.
 */
export async function requireAgencyAccess(
  ctx: AppContext,
  access: { actor: Actor; meta: RequestMeta; agencyId: number; permission: Permission; action: string },
): Promise<AgencyRow> {
  const agency = await requireAgency(ctx.db, access.agencyId);
  await authorize(ctx, access.actor, access.meta, access.permission, agency, {
    action: access.action,
    targetType: 'agency',
    targetId: agency.id,
  });
  return agency;
}
