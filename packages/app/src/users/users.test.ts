import { DomainError } from '@xxgk/core';
import { listAudit, verifyAuditChain } from '@xxgk/db';
import { expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { describeApp, TEST_META } from '../testing.ts';
import { createUser } from './create-user.ts';
import { listUsers } from './list-users.ts';
import { resetPassword } from './reset-password.ts';
import { updateUser } from './update-user.ts';
import { logIn } from '../auth/log-in.ts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) {
      return e.code;
    }
    throw e;
  }
  return 'no error';
}

describeApp('users', (t) => {
  it('refuses an editor the user list, and records the refusal', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const editor = await actor('editor');
    expect(await codeOf(listUsers(ctx, { actor: editor, meta: TEST_META }))).toBe('FORBIDDEN');
    const denied = await listAudit(ctx.db, { outcome: 'denied', limit: 10, offset: 0 });
    expect(denied.rows.map((r) => [r.action, r.actor_name, r.note])).toEqual([
      ['user.list', '张信息（市财政局信息员）（editor）', '缺少权限 user.read'],
    ]);
  });

  it('shows an agency admin only their agency, and a supervisor the whole city', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const own = await listUsers(ctx, { actor: await actor('agencyadmin'), meta: TEST_META });
    expect(new Set(own.map((u) => u.agencyName))).toEqual(new Set(['示例市财政局']));
    const all = await listUsers(ctx, { actor: await actor('supervisor'), meta: TEST_META });
    expect(all).toHaveLength(15);
  });

  it('lets an agency admin create a user in their agency only, with roles they may grant', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    const input = {
      username: 'czj.new',
      displayName: '新同事',
      agencyId: admin.agency.id,
      password: 'Caizheng#2026',
      roles: ['editor' as const],
    };
    const created = await createUser(ctx, { actor: admin, input, meta: TEST_META });
    expect(created).toMatchObject({
      username: 'czj.new',
      roles: ['editor'],
      agencyName: '示例市财政局',
      status: 'active',
    });

    const education = (await actor('jyj.editor')).agency.id;
    expect(
      await codeOf(
        createUser(ctx, { actor: admin, input: { ...input, username: 'x.y1', agencyId: education }, meta: TEST_META }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        createUser(ctx, {
          actor: admin,
          input: { ...input, username: 'x.y2', roles: ['supervisor'] },
          meta: TEST_META,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await codeOf(createUser(ctx, { actor: admin, input, meta: TEST_META }))).toBe('CONFLICT');
  });

  it('explains a weak password rule by rule', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    const attempt = createUser(ctx, {
      actor: admin,
      input: { username: 'weak.one', displayName: '某', agencyId: admin.agency.id, password: 'abc', roles: [] },
      meta: TEST_META,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'WEAK_PASSWORD',
      message: '密码至少需要10个字符；密码需包含小写字母、大写字母、数字、符号中的至少3类',
    });
  });

  it('validates input with Chinese messages per field', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    const attempt = createUser(ctx, {
      actor: admin,
      input: { username: '9bad', displayName: '', agencyId: admin.agency.id, password: 'x', roles: [], email: 'nope' },
      meta: TEST_META,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { path: 'displayName', message: '请填写姓名' },
        { path: 'email', message: '电子邮箱格式不正确' },
        { path: 'username', message: '用户名须以字母开头，由3至32位字母、数字、下划线、点或连字符组成' },
      ],
    });
  });

  it('disables a user, ends their sessions, and keeps an admin from disabling themselves', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    const editor = await actor('editor');
    await logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META);
    const input = {
      displayName: editor.displayName,
      agencyId: editor.agency.id,
      roles: ['editor' as const],
      status: 'disabled' as const,
    };
    const after = await updateUser(ctx, { actor: admin, userId: editor.userId, input, meta: TEST_META });
    expect(after.status).toBe('disabled');
    const open = await ctx.db.selectFrom('sessions').select('id').where('ended_at', 'is', null).execute();
    expect(open).toEqual([]);
    await expect(logIn(ctx, { username: 'editor', password: 'Shili@2026' }, TEST_META)).rejects.toMatchObject({
      code: 'ACCOUNT_DISABLED',
    });
    const self = {
      displayName: admin.displayName,
      agencyId: admin.agency.id,
      roles: ['agency_admin' as const],
      status: 'disabled' as const,
    };
    expect(await codeOf(updateUser(ctx, { actor: admin, userId: admin.userId, input: self, meta: TEST_META }))).toBe(
      'CONFLICT',
    );
  });

  it('resets a password, unlocks the account and demands a new password', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    await resetPassword(ctx, {
      actor: admin,
      user: { username: 'editor' },
      newPassword: 'Temporary#2026',
      meta: TEST_META,
    });
    const session = await logIn(ctx, { username: 'editor', password: 'Temporary#2026' }, TEST_META);
    expect(session.mustChangePassword).toBe(true);
    expect((await verifyAuditChain(ctx.db)).breaks).toEqual([]);
  });

  it('keeps an administrator from resetting their own password: that is what 修改密码 (with the current one) is for', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    await expect(
      resetPassword(ctx, { actor: admin, user: { id: admin.userId }, newPassword: 'Temporary#2026', meta: TEST_META }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(logIn(ctx, { username: 'agencyadmin', password: 'Temporary#2026' }, TEST_META)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('lets a user with user.manage edit their own details, but not disable themselves or drop a role', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const supervisor = await actor('supervisor');
    const self = { displayName: '王督查', agencyId: supervisor.agency.id, roles: ['supervisor' as const] };
    const edited = await updateUser(ctx, {
      actor: supervisor,
      userId: supervisor.userId,
      input: { ...self, phone: '0799-1234567', status: 'active' },
      meta: TEST_META,
    });
    expect(edited).toMatchObject({ displayName: '王督查', phone: '0799-1234567', status: 'active' });
    for (const input of [
      { ...self, status: 'disabled' as const },
      { ...self, roles: [], status: 'active' as const },
    ]) {
      expect(
        await codeOf(updateUser(ctx, { actor: supervisor, userId: supervisor.userId, input, meta: TEST_META })),
      ).toBe('CONFLICT');
    }
  });
});
