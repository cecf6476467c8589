import { DomainError, type Actor, type Permission } from '@xxgk/core';
import { findApplication, type AgencyRow, type ApplicationRow } from '@xxgk/db';
import { requireAgency } from '../agencies/require-agency.ts';
import { authorize } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';

/**
 * An application and its agency, once the actor is shown to hold `permission` over that agency; a
 * refusal is audited under `action`. Every use case on one application starts here, so the rule
 * "only the agency's own staff" is written once.
 */
export async function requireApplication(
  ctx: AppContext,
  access: { actor: Actor; meta: RequestMeta; applicationId: number; permission: Permission; action: string },
): Promise<{ application: ApplicationRow; agency: AgencyRow }> {
  const application = await findApplication(ctx.db, access.applicationId);
  if (application === undefined) {
    throw new DomainError('NOT_FOUND', `申请（编号 ${access.applicationId}）不存在`);
  }
  const agency = await requireAgency(ctx.db, application.agency_id);
  await authorize(ctx, access.actor, access.meta, access.permission, agency, {
    action: access.action,
    targetType: 'application',
    targetId: application.id,
  });
  return { application, agency };
}
