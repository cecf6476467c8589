import { DomainError, type Actor } from '@xxgk/core';
import { endSessionsOfUser, findUserById, findUserByUsername, updateUser } from '@xxgk/db';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { hashPassword } from '../passwords.ts';
import { requireManageableUser } from './require-manageable-user.ts';
import { assertPasswordAllowed } from './user-input.ts';

export interface ResetPasswordOptions {
  readonly actor: Actor;
  /** By id (the admin screen) or by username (the CLI). */
  readonly user: { id: number } | { username: string };
  readonly newPassword: string;
  readonly meta: RequestMeta;
}

/**
 * An administrator sets a new temporary password: the account is unlocked, its sessions end, and the
 * user must choose their own password at next login. Only for a user the actor may manage (core's
 * `userManagementVerdict`: within reach, holding only roles the actor could grant — issue 18), and
 * never one's own account: that would let whoever holds a session replace the password without
 * knowing it, which `changeOwnPassword` exists to prevent.
 */
export async function resetPassword(ctx: AppContext, options: ResetPasswordOptions): Promise<void> {
  const { actor, meta, newPassword } = options;
  const user =
    'id' in options.user
      ? await findUserById(ctx.db, options.user.id)
      : await findUserByUsername(ctx.db, options.user.username);
  if (user === undefined) {
    throw new DomainError('NOT_FOUND', '用户不存在');
  }
  await requireManageableUser(ctx, { actor, meta, user, action: 'user.reset_password' });
  if (user.id === actor.userId) {
    throw new DomainError('CONFLICT', '不能重置自己的密码，请在“修改密码”中输入当前密码后修改');
  }
  assertPasswordAllowed(ctx, newPassword, user.username);
  const hash = await hashPassword(newPassword);
  const now = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(
      trx,
      user.id,
      { password_hash: hash, password_changed_at: now, must_change_password: 1, failed_logins: 0, locked_until: null },
      now,
    );
    const ended = await endSessionsOfUser(trx, user.id, now);
    await audit(trx, ctx, actor, meta, {
      action: 'user.reset_password',
      agencyId: user.agency_id,
      targetType: 'user',
      targetId: user.id,
      note: `重置密码并解除锁定，结束 ${ended} 个会话`,
    });
  });
}
