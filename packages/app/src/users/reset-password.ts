import { DomainError, type Actor } from '@xxgk/core';
import { endSessionsOfUser, findAgency, findUserById, findUserByUsername, updateUser } from '@xxgk/db';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { hashPassword } from '../passwords.ts';
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
 * user must choose their own password at next login.
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
  const agency = await findAgency(ctx.db, user.agency_id);
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', '用户所属单位不存在');
  }
  await authorize(ctx, actor, meta, 'user.manage', agency, {
    action: 'user.reset_password',
    targetType: 'user',
    targetId: user.id,
  });
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
