import { DomainError, grantableRoles, passwordProblems, ROLES, sortRoles, type Actor, type Role } from '@xxgk/core';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { text } from '../validation.ts';

export const Username = z
  .string({ error: '请填写用户名' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名须以字母开头，由3至32位字母、数字、下划线、点或连字符组成');

export const RoleList = z
  .array(z.enum(ROLES, { error: '角色无效' }))
  .max(ROLES.length)
  .transform((roles) => sortRoles(roles));

export const UserFields = z.object({
  displayName: text('姓名', { min: 1, max: 50 }),
  agencyId: z.number({ error: '请选择所属单位' }).int().positive(),
  phone: text('手机号码', { max: 40 }).default(''),
  email: text('电子邮箱', { max: 100 })
    .default('')
    .refine((v) => v === '' || z.email().safeParse(v).success, '电子邮箱格式不正确'),
  roles: RoleList,
});

/** Refuses a password that breaks the configured policy, naming every broken rule. */
export function assertPasswordAllowed(ctx: AppContext, password: string, username: string): void {
  const problems = passwordProblems(password, username, ctx.security.passwordPolicy);
  if (problems.length > 0) {
    throw new DomainError('WEAK_PASSWORD', problems.join('；'), {
      issues: problems.map((message) => ({ path: 'password', message })),
    });
  }
}

/** Refuses roles the actor may not hand out (no one grants more than they hold). */
export function assertRolesGrantable(actor: Actor, roles: readonly Role[]): void {
  const allowed = grantableRoles(actor);
  const extra = roles.filter((r) => !allowed.includes(r));
  if (extra.length > 0) {
    throw new DomainError('FORBIDDEN', `您不能授予以下角色：${extra.join('、')}`, { details: { roles: extra } });
  }
}
