import { DomainError, type Actor } from '@xxgk/core';
import {
  endSessionsOfUser,
  findAgency,
  findUserById,
  listUsers,
  setUserRoles,
  updateUser as updateUserRow,
  type Executor,
  type UserListing,
} from '@xxgk/db';
import { z } from 'zod';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { requireManageableUser } from './require-manageable-user.ts';
import { assertRolesGrantable, UserFields } from './user-input.ts';

export const UpdateUserInput = UserFields.extend({
  status: z.enum(['active', 'disabled'], { error: '状态应为启用或停用' }),
});
export type UpdateUserInput = z.input<typeof UpdateUserInput>;

export interface UpdateUserOptions {
  readonly actor: Actor;
  readonly userId: number;
  readonly input: UpdateUserInput;
  readonly meta: RequestMeta;
}

export async function loadListing(ex: Executor, userId: number): Promise<UserListing> {
  const row = await findUserById(ex, userId);
  const listing =
    row && (await listUsers(ex, { agencyId: row.agency_id, search: row.username })).find((u) => u.id === userId);
  if (listing === undefined) {
    throw new DomainError('NOT_FOUND', `用户（编号 ${userId}）不存在`);
  }
  return listing;
}

/**
 * Changes a user's details, agency, roles or status. The actor must be allowed to manage the user as
 * they are (core's `userManagementVerdict`: within reach, holding only roles the actor could grant —
 * so a supervisor can neither disable nor edit the system administrator, issue 18), must reach the
 * new agency, and may add or remove only roles they could grant. Nobody disables their own account or
 * strips their own roles (another administrator must), though one may edit one's own details.
 * A role, status or agency change ends the user's open sessions.
 */
export async function updateUser(
  ctx: AppContext,
  { actor, userId, input, meta }: UpdateUserOptions,
): Promise<UserListing> {
  const fields = parseInput(UpdateUserInput, input);
  const user = await findUserById(ctx.db, userId);
  if (user === undefined) {
    throw new DomainError('NOT_FOUND', `用户（编号 ${userId}）不存在`);
  }
  const what = { action: 'user.update', targetType: 'user', targetId: userId };
  await requireManageableUser(ctx, { actor, meta, user, action: what.action });
  const before = await loadListing(ctx.db, userId);
  const newAgency = await findAgency(ctx.db, fields.agencyId);
  if (newAgency === undefined) {
    throw new DomainError('NOT_FOUND', `单位（编号 ${fields.agencyId}）不存在`);
  }
  await authorize(ctx, actor, meta, 'user.manage', newAgency, what);
  const added = fields.roles.filter((r) => !before.roles.includes(r));
  const removed = before.roles.filter((r) => !fields.roles.includes(r));
  assertRolesGrantable(actor, [...added, ...removed]);
  if (userId === actor.userId && (fields.status === 'disabled' || removed.length > 0)) {
    throw new DomainError('CONFLICT', '不能停用自己的账号或移除自己的角色，请由其他管理员操作');
  }
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await updateUserRow(
      trx,
      userId,
      {
        display_name: fields.displayName,
        agency_id: fields.agencyId,
        phone: fields.phone,
        email: fields.email,
        status: fields.status,
      },
      now,
    );
    await setUserRoles(trx, userId, fields.roles);
    if (added.length + removed.length > 0 || fields.status !== before.status || fields.agencyId !== before.agencyId) {
      await endSessionsOfUser(trx, userId, now);
    }
    const after = await loadListing(trx, userId);
    await audit(trx, ctx, actor, meta, { ...what, agencyId: fields.agencyId, before, after });
    return after;
  });
}
