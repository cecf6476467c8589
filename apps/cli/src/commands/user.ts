import { randomInt } from 'node:crypto';
import { createUser, NO_REQUEST, resetPassword, systemActor } from '@xxgk/app';
import { DomainError, isRole, normalizeUscc, ROLE_LABELS, type Role } from '@xxgk/core';
import { findAgency, findAgencyByUscc } from '@xxgk/db';
import { EXIT, UsageError, type Io } from '../io.ts';
import { withApp } from './open.ts';

type Env = Readonly<Record<string, string | undefined>>;

interface UserFlags {
  readonly data?: string | undefined;
  readonly username?: string | undefined;
  readonly name?: string | undefined;
  readonly agency?: string | undefined;
  readonly role?: string[] | undefined;
  readonly password?: string | undefined;
}

/** A random password that meets any sensible policy: 16 characters from four classes. */
export function generatePassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '#%+=@^-'];
  const chars = Array.from({ length: 16 }, (_, i) => {
    const set = sets[i % sets.length] ?? '';
    return set[randomInt(set.length)];
  });
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') {
    throw new UsageError(`缺少 ${flag} / ${flag} is required`);
  }
  return value;
}

export async function userCreate(env: Env, io: Io, flags: UserFlags): Promise<number> {
  const username = required(flags.username, '--username');
  const displayName = required(flags.name, '--name');
  const agencyRef = required(flags.agency, '--agency');
  const roles = (flags.role ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) {
    throw new UsageError(`未知的角色 / unknown role: ${unknown.join(', ')}`);
  }
  const generated = flags.password === undefined;
  const password = flags.password ?? generatePassword();
  return withApp(env, flags.data, async ({ ctx }) => {
    const agency = /^\d+$/.test(agencyRef)
      ? await findAgency(ctx.db, Number(agencyRef))
      : await findAgencyByUscc(ctx.db, normalizeUscc(agencyRef));
    if (agency === undefined) {
      throw new DomainError('NOT_FOUND', `找不到机关：${agencyRef}`);
    }
    const user = await createUser(ctx, {
      actor: systemActor('命令行'),
      meta: NO_REQUEST,
      input: { username, displayName, agencyId: agency.id, password, roles: roles as Role[], mustChangePassword: true },
    });
    io.out(`已创建用户 / created: ${user.username}（${user.displayName}），${agency.name}`);
    io.out(`角色 / roles: ${user.roles.map((r) => ROLE_LABELS[r]).join('、') || '（无）'}`);
    if (generated) {
      io.out(`初始密码 / initial password: ${password}`);
    }
    io.out('首次登录须修改密码 / must change the password at first login');
    return EXIT.ok;
  });
}

export async function userResetPassword(env: Env, io: Io, flags: UserFlags): Promise<number> {
  const username = required(flags.username, '--username').toLowerCase();
  const generated = flags.password === undefined;
  const password = flags.password ?? generatePassword();
  return withApp(env, flags.data, async ({ ctx }) => {
    await resetPassword(ctx, {
      actor: systemActor('命令行'),
      user: { username },
      newPassword: password,
      meta: NO_REQUEST,
    });
    io.out(
      `已重置 ${username} 的密码并解除锁定，其登录会话已全部结束 / password reset, account unlocked, sessions ended`,
    );
    if (generated) {
      io.out(`新密码 / new password: ${password}`);
    }
    return EXIT.ok;
  });
}
