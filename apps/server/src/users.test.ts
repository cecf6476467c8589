import { findUserByUsername, listAudit } from '@xxgk/db';
import { describeDialects } from '@xxgk/db/testing';
import { expect, it } from 'vitest';
import { httpTest } from './testing.ts';

describeDialects('HTTP user management', (database) => {
  it('keeps a supervisor from taking over the system administrator (issue 18)', async () => {
    const { app, login, database: db } = await httpTest(database());
    const admin = await findUserByUsername(db.db, 'admin');
    if (admin === undefined) {
      throw new Error('the demo has no admin');
    }
    const s = await login('supervisor');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };

    const reset = await app.inject({
      method: 'POST',
      url: `/api/users/${admin.id}/reset-password`,
      headers,
      payload: { newPassword: 'Taken#Over2026' },
    });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().error).toMatchObject({ code: 'FORBIDDEN', message: '无权管理持有系统管理员角色的用户' });

    const disable = await app.inject({
      method: 'PUT',
      url: `/api/users/${admin.id}`,
      headers,
      payload: { displayName: admin.display_name, agencyId: admin.agency_id, roles: [], status: 'disabled' },
    });
    expect(disable.statusCode).toBe(403);
    expect(disable.json().error).toMatchObject({ code: 'FORBIDDEN', message: '无权管理持有系统管理员角色的用户' });

    expect((await login('admin', 'Taken#Over2026')).response.statusCode).toBe(401);
    const asAdmin = await login('admin');
    expect(asAdmin.response.statusCode).toBe(200);
    expect(asAdmin.response.json().user).toMatchObject({ username: 'admin', roles: ['system_admin'] });

    const denied = await listAudit(db.db, { outcome: 'denied', limit: 5, offset: 0 });
    expect(denied.rows.map((r) => [r.action, r.target_id, r.note]).slice(0, 2)).toEqual([
      ['user.update', String(admin.id), '目标用户持有无权授予的角色：system_admin'],
      ['user.reset_password', String(admin.id), '目标用户持有无权授予的角色：system_admin'],
    ]);
  });

  it('still lets a supervisor reset an agency admin’s password', async () => {
    const { app, login, database: db } = await httpTest(database());
    const agencyAdmin = await findUserByUsername(db.db, 'agencyadmin');
    const s = await login('supervisor');
    const response = await app.inject({
      method: 'POST',
      url: `/api/users/${agencyAdmin?.id}/reset-password`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { newPassword: 'Temporary#2026' },
    });
    expect(response.statusCode).toBe(204);
    expect((await login('agencyadmin', 'Temporary#2026')).response.statusCode).toBe(200);
  });
});
