import { DomainError, type Actor } from '@xxgk/core';
import { findUserById, updateUser } from '@xxgk/db';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { parseInput } from '../validation.ts';
import { assertPasswordAllowed } from './user-input.ts';

export const ChangeOwnPasswordInput = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});
export type ChangeOwnPasswordInput = z.input<typeof ChangeOwnPasswordInput>;

/** A user changes their own password, proving they know the current one. Other sessions stay open. */
export async function changeOwnPassword(
  ctx: AppContext,
  { actor, input, meta }: { actor: Actor; input: ChangeOwnPasswordInput; meta: RequestMeta },
): Promise<void> {
  const { currentPassword, newPassword } = parseInput(ChangeOwnPasswordInput, input);
  const user = await findUserById(ctx.db, actor.userId);
  if (user === undefined) {
    throw new DomainError('UNAUTHENTICATED', '请先登录');
  }
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new DomainError('INVALID_CREDENTIALS', '当前密码不正确', {
      issues: [{ path: 'currentPassword', message: '当前密码不正确' }],
    });
  }
  if (currentPassword === newPassword) {
    throw new DomainError('WEAK_PASSWORD', '新密码不能与当前密码相同', {
      issues: [{ path: 'newPassword', message: '新密码不能与当前密码相同' }],
    });
  }
  assertPasswordAllowed(ctx, newPassword, user.username);
  const hash = await hashPassword(newPassword);
  const now = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: hash, password_changed_at: now, must_change_password: 0 }, now);
    await audit(trx, ctx, actor, meta, {
      action: 'user.change_password',
      agencyId: user.agency_id,
      targetType: 'user',
      targetId: user.id,
    });
  });
}
