import { DomainError, type Actor } from '@xxgk/core';
import { countFailedLoginsFrom, findUserByUsername, insertSession, recordLoginAttempt, updateUser } from '@xxgk/db';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { dummyHash, verifyPassword } from '../passwords.ts';
import { parseInput } from '../validation.ts';
import { actorOf } from './actor.ts';
import { newToken, sessionIdOf } from './tokens.ts';

export const LogInInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
  userAgent: z.string().max(512).optional(),
});
export type LogInInput = z.input<typeof LogInInput>;

export interface LogInResult {
  /** The cookie value; only its hash is stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly actor: Actor;
  readonly mustChangePassword: boolean;
}

const MINUTE = 60_000;

/**
 * Checks a username and password and opens a session.
 *
 * Refuses, in order: an address with too many recent failures (TOO_MANY_ATTEMPTS), a locked account
 * (ACCOUNT_LOCKED, with the time it unlocks), a wrong username or password (INVALID_CREDENTIALS: the
 * same code, message and details for both, after the same hashing work, and no count of the attempts
 * left, which only a real account has — issue 18), a disabled account (ACCOUNT_DISABLED, only told to
 * someone who knew the password). The `maxFailedLogins`-th wrong password in a row locks the account
 * for `lockoutMinutes`. Every attempt is recorded and audited.
 */
export async function logIn(ctx: AppContext, input: LogInInput, meta: RequestMeta): Promise<LogInResult> {
  const { username: rawName, password, userAgent } = parseInput(LogInInput, input);
  const username = rawName.toLowerCase();
  const now = ctx.now();
  const at = iso(now);
  const s = ctx.security;

  const since = iso(new Date(now.getTime() - s.ipWindowMinutes * MINUTE));
  if ((await countFailedLoginsFrom(ctx.db, meta.ip, since)) >= s.ipFailureLimit) {
    throw new DomainError('TOO_MANY_ATTEMPTS', `登录失败次数过多，请${s.ipWindowMinutes}分钟后再试`);
  }

  const user = await findUserByUsername(ctx.db, username);
  if (user === undefined) {
    await verifyPassword(await dummyHash(), password);
    await ctx.db.transaction().execute(async (trx) => {
      await recordLoginAttempt(trx, { username, ip: meta.ip, at, succeeded: false });
      await audit(trx, ctx, null, meta, {
        action: 'auth.login',
        agencyId: null,
        targetType: 'user',
        targetId: null,
        outcome: 'failed',
        note: `用户名不存在：${username}`,
      });
    });
    throw wrongCredentials();
  }

  if (user.locked_until !== null && user.locked_until > at) {
    await ctx.db.transaction().execute(async (trx) => {
      await recordLoginAttempt(trx, { username, ip: meta.ip, at, succeeded: false });
      await audit(trx, ctx, null, meta, {
        action: 'auth.login',
        agencyId: user.agency_id,
        targetType: 'user',
        targetId: user.id,
        outcome: 'failed',
        note: '账号已锁定',
      });
    });
    throw new DomainError('ACCOUNT_LOCKED', `连续输错密码次数过多，账号已锁定至 ${beijingTime(user.locked_until)}`, {
      details: { lockedUntil: user.locked_until },
    });
  }

  if (!(await verifyPassword(user.password_hash, password))) {
    const failures = user.failed_logins + 1;
    const locks = failures >= s.maxFailedLogins;
    const lockedUntil = locks ? iso(new Date(now.getTime() + s.lockoutMinutes * MINUTE)) : null;
    await ctx.db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, { failed_logins: locks ? 0 : failures, locked_until: lockedUntil }, at);
      await recordLoginAttempt(trx, { username, ip: meta.ip, at, succeeded: false });
      await audit(trx, ctx, null, meta, {
        action: locks ? 'auth.lockout' : 'auth.login',
        agencyId: user.agency_id,
        targetType: 'user',
        targetId: user.id,
        outcome: 'failed',
        note: locks ? `连续${failures}次密码错误，锁定${s.lockoutMinutes}分钟` : `密码错误（连续第${failures}次）`,
      });
    });
    if (locks && lockedUntil !== null) {
      throw new DomainError('ACCOUNT_LOCKED', `连续输错密码次数过多，账号已锁定至 ${beijingTime(lockedUntil)}`, {
        details: { lockedUntil },
      });
    }
    // The very answer an unknown username gets: a countdown would tell that this account exists.
    throw wrongCredentials();
  }

  if (user.status === 'disabled') {
    await ctx.db.transaction().execute((trx) =>
      audit(trx, ctx, null, meta, {
        action: 'auth.login',
        agencyId: user.agency_id,
        targetType: 'user',
        targetId: user.id,
        outcome: 'failed',
        note: '账号已停用',
      }),
    );
    throw new DomainError('ACCOUNT_DISABLED', '该账号已停用，请联系本单位管理员');
  }

  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = iso(new Date(now.getTime() + s.sessionAbsoluteHours * 60 * MINUTE));
  const actor = await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: at }, at);
    await recordLoginAttempt(trx, { username, ip: meta.ip, at, succeeded: true });
    await insertSession(trx, {
      id: sessionIdOf(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: userAgent ?? '',
      ended_at: null,
    });
    const who = await actorOf(trx, user);
    await audit(trx, ctx, who, meta, {
      action: 'auth.login',
      agencyId: user.agency_id,
      targetType: 'user',
      targetId: user.id,
    });
    return who;
  });
  return { token, csrfToken, expiresAt, actor, mustChangePassword: user.must_change_password === 1 };
}

/** The one answer to a wrong username or a wrong password. */
function wrongCredentials(): DomainError {
  return new DomainError('INVALID_CREDENTIALS', '用户名或密码错误');
}

/** An instant as 北京时间 wall-clock text, for messages. */
export function beijingTime(isoInstant: string): string {
  return new Date(isoInstant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
