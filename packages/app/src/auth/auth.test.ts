import { expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { describeApp, TEST_META } from '../testing.ts';
import { logIn } from './log-in.ts';
import { logOut } from './log-out.ts';
import { resolveSession } from './resolve-session.ts';
import { listAudit } from '@xxgk/db';
import type { DomainError } from '@xxgk/core';

describeApp('log in and sessions', (t) => {
  it('opens a session that resolves to the user with their roles', async () => {
    const { ctx } = t();
    await seedDemo(ctx);
    const result = await logIn(ctx, { username: 'Editor', password: 'Shili@2026' }, TEST_META);
    expect(result.actor).toMatchObject({ username: 'editor', roles: ['editor'] });
    const session = await resolveSession(ctx, result.token);
    expect(session.actor.username).toBe('editor');
    expect(session.csrfToken).toBe(result.csrfToken);
    const stored = await ctx.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(result.token);
  });

  it('answers a wrong password and an unknown username alike, in Chinese, without counting down (issue 18)', async () => {
    const { ctx } = t();
    await seedDemo(ctx);
    const refusal = (username: string) =>
      logIn(ctx, { username, password: 'wrong' }, TEST_META).then(
        () => undefined,
        (error: unknown) => error,
      );
    const answer = (error: unknown) => {
      const { code, message, issues, details } = error as DomainError;
      return { code, message, issues, details };
    };
    const wrong = answer(await refusal('editor'));
    expect(wrong).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', issues: [], details: {} });
    expect(answer(await refusal('nobody'))).toEqual(wrong);
  });

  it('locks the account after five wrong passwords, even against the right one, until the lock runs out', async () => {
    const { ctx, clock } = t();
    await seedDemo(ctx);
    for (let i = 0; i < 4; i++) {
      await expect(logIn(ctx, { username: 'editor', password: 'wrong' }, TEST_META)).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    }
    await expect(logIn(ctx, { username: 'editor', password: 'wrong' }, TEST_META)).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: '连续输错密码次数过多，账号已锁定至 2026/11/30 09:15:00',
    });
    await expect(logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META)).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    clock.advanceMinutes(16);
    await expect(logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META)).resolves.toBeDefined();
    const lockouts = await listAudit(ctx.db, { action: 'auth.lockout', limit: 5, offset: 0 });
    expect(lockouts.total).toBe(1);
  });

  it('throttles an address with too many failures whatever the username', async () => {
    const base = t().ctx;
    const ctx = { ...base, security: { ...base.security, ipFailureLimit: 3 } };
    await seedDemo(ctx);
    for (let i = 0; i < 3; i++) {
      await logIn(ctx, { username: `guess${i}`, password: 'x' }, TEST_META).catch(() => undefined);
    }
    await expect(logIn(ctx, { username: 'admin', password: 'Shili@2026' }, TEST_META)).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
    await expect(
      logIn(ctx, { username: 'admin', password: 'Shili@2026' }, { ...TEST_META, ip: '198.51.100.1' }),
    ).resolves.toBeDefined();
  }, 30_000);

  it('ends a session after the idle timeout, and after the absolute timeout however active', async () => {
    const { ctx, clock } = t();
    await seedDemo(ctx);
    const idle = await logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META);
    clock.advanceMinutes(29);
    await resolveSession(ctx, idle.token);
    clock.advanceMinutes(29);
    await resolveSession(ctx, idle.token);
    clock.advanceMinutes(31);
    await expect(resolveSession(ctx, idle.token)).rejects.toMatchObject({
      code: 'SESSION_EXPIRED',
      message: '登录已超时，请重新登录',
    });

    const busy = await logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advanceMinutes(20);
      await resolveSession(ctx, busy.token);
    }
    clock.advanceMinutes(20);
    await expect(resolveSession(ctx, busy.token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('ends the session on log-out', async () => {
    const { ctx } = t();
    await seedDemo(ctx);
    const result = await logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META);
    const session = await resolveSession(ctx, result.token);
    await logOut(ctx, session.actor, session.sessionId, TEST_META);
    await expect(resolveSession(ctx, result.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
