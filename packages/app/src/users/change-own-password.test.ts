import { expect, it } from 'vitest';
import { logIn } from '../auth/log-in.ts';
import { resolveSession } from '../auth/resolve-session.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { describeApp, TEST_META } from '../testing.ts';
import { changeOwnPassword } from './change-own-password.ts';

describeApp('changing one’s own password', (t) => {
  it('ends every other session of the user, keeps the one it was made in, and audits how many ended', async () => {
    const { ctx } = t();
    await seedDemo(ctx);
    const here = await logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META);
    const phone = await logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META);
    const laptop = await logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META);
    const someoneElse = await logIn(ctx, { username: 'handler', password: 'Shili@2026' }, TEST_META);
    const session = await resolveSession(ctx, here.token);
    await changeOwnPassword(ctx, {
      actor: session.actor,
      input: { currentPassword: 'Shili@2026', newPassword: 'Qiang#Mima2027' },
      sessionId: session.sessionId,
      meta: TEST_META,
    });
    await expect(resolveSession(ctx, here.token)).resolves.toMatchObject({ actor: { username: 'editor' } });
    for (const other of [phone, laptop]) {
      await expect(resolveSession(ctx, other.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    await expect(resolveSession(ctx, someoneElse.token)).resolves.toBeDefined();
    const line = await ctx.db
      .selectFrom('audit_log')
      .select(['note', 'actor_user_id'])
      .where('action', '=', 'user.change_password')
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ note: '修改密码，结束其他 2 个会话', actor_user_id: session.actor.userId });
  });

  it('ends nothing when the password is refused', async () => {
    const { ctx } = t();
    await seedDemo(ctx);
    const here = await logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META);
    const other = await logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META);
    const session = await resolveSession(ctx, here.token);
    await expect(
      changeOwnPassword(ctx, {
        actor: session.actor,
        input: { currentPassword: 'wrong', newPassword: 'Qiang#Mima2027' },
        sessionId: session.sessionId,
        meta: TEST_META,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(resolveSession(ctx, other.token)).resolves.toBeDefined();
  });
});
