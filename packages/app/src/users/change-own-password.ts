import { DomainError, type Actor } from '@xxgk/core';
import { endSessionsOfUser, findUserById, updateUser } from '@xxgk/db';
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

export interface ChangeOwnPasswordOptions {
  readonly actor: Actor;
  readonly input: ChangeOwnPasswordInput;
  /** The session the change is made in: it stays open, every other session of the user ends. */
  readonly sessionId: string;
  readonly meta: RequestMeta;
}

/**
 * A user changes their own password, proving they know the current one. Every other session of the
 * user ends (someone who learnt the old password and logged in with it is logged out), this one stays;
 * the audit line says how many ended (OWASP ASVS 3.3.3).
 */
export async function changeOwnPassword(
  ctx: AppContext,
  { actor, input, sessionId, meta }: ChangeOwnPasswordOptions,
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
    const ended = await endSessionsOfUser(trx, user.id, now, { except: sessionId });
    await audit(trx, ctx, actor, meta, {
      action: 'user.change_password',
      agencyId: user.agency_id,
      targetType: 'user',
      targetId: user.id,
      note: `修改密码，结束其他 ${ended} 个会话`,
    });
  });
}
