import { DomainError, ROLE_LABELS, userManagementVerdict, type Actor, type Role } from '@xxgk/core';
import { findAgency, rolesOf, type AgencyRow, type UserRow } from '@xxgk/db';
import { denied } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';

/**
 * The start of every use case that acts on another user's account: loads the user's agency and roles
 * and applies core's {@link userManagementVerdict} — the user must be within the actor's `user.manage`
 * reach and hold only roles the actor could grant. A refusal is audited under `action` and thrown as
 * FORBIDDEN, naming the role that stands in the way (「无权管理持有系统管理员角色的用户」).
 */
export async function requireManageableUser(
  ctx: AppContext,
  { actor, meta, user, action }: { actor: Actor; meta: RequestMeta; user: UserRow; action: string },
): Promise<{ agency: AgencyRow; roles: Role[] }> {
  const agency = await findAgency(ctx.db, user.agency_id);
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', '用户所属单位不存在');
  }
  const roles = await rolesOf(ctx.db, user.id);
  const verdict = userManagementVerdict(actor, { agency, roles });
  if (verdict.allowed) {
    return { agency, roles };
  }
  const what = { action, targetType: 'user', targetId: user.id, agencyId: agency.id, permission: 'user.manage' };
  switch (verdict.reason) {
    case 'out_of_reach':
      return denied(ctx, actor, meta, what);
    case 'holds_ungrantable_role':
      return denied(ctx, actor, meta, {
        ...what,
        note: `目标用户持有无权授予的角色：${verdict.roles.join('、')}`,
        message: `无权管理持有${verdict.roles.map((r) => ROLE_LABELS[r]).join('、')}角色的用户`,
      });
  }
}
