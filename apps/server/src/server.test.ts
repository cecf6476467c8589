import { readFileSync } from 'node:fs';
import { describeDialects } from '@xxgk/db/testing';
import { listAudit } from '@xxgk/db';
import { expect, it } from 'vitest';
import { httpTest } from './testing.ts';

describeDialects('HTTP', (database) => {
  it('answers health and readiness', async () => {
    const { app } = await httpTest(database());
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toMatchObject({ status: 'ready' });
  });

  it('serves a portal home page listing the agencies, readable without JavaScript', async () => {
    const { app } = await httpTest(database());
    const response = await app.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const body = response.body;
    expect(body).toContain('<html lang="zh-CN">');
    expect(body).toContain('示例市人民政府');
    expect(body).toContain('示例市财政局');
    expect(body).toContain('示例市青山乡人民政府');
    expect(body).not.toContain('<script');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('refuses a wrong password with a Chinese message and sets no cookie', async () => {
    const { login } = await httpTest(database());
    const { response } = await login('editor', 'wrong-password');
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误',
    });
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('logs in with an HttpOnly, SameSite session cookie and reports the user', async () => {
    const { app, login } = await httpTest(database());
    const { response, cookie } = await login('supervisor');
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(response.headers['set-cookie'])).toMatch(/SameSite=Lax/);
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user).toMatchObject({
      username: 'supervisor',
      roles: ['supervisor'],
      permissions: { 'user.manage': 'subtree' },
    });
  });

  it('gives an editor 403 on user management and audits the refusal', async () => {
    const { app, login, database: db } = await httpTest(database());
    const { cookie } = await login('editor');
    const response = await app.inject({ url: '/api/users', headers: { cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', message: '您没有执行此操作的权限' });
    const denied = await listAudit(db.db, { outcome: 'denied', limit: 5, offset: 0 });
    expect(denied.rows[0]).toMatchObject({
      action: 'user.list',
      outcome: 'denied',
      request_id: response.headers['x-request-id'],
    });
  });

  it('answers 401 without a session', async () => {
    const { app } = await httpTest(database());
    const response = await app.inject('/api/users');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('请先登录');
  });

  it('demands the CSRF token on changes, and refuses other origins', async () => {
    const { app, login } = await httpTest(database());
    const { cookie, csrf, response: me } = await login('supervisor');
    const agencyId = me.json().user.agency.id as number;
    const payload = {
      username: 'new.user',
      displayName: '新用户',
      agencyId,
      password: 'Welcome#2026',
      roles: ['editor'],
    };
    const noToken = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_REJECTED');
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' },
      payload,
    });
    expect(foreign.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie, 'x-csrf-token': csrf },
      payload,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ username: 'new.user', roles: ['editor'] });
  });

  it('refuses a login posted as a form (what a cross-site page could send)', async () => {
    const { app } = await httpTest(database());
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=editor&password=Shili%402026',
    });
    expect(response.statusCode).toBe(415);
  });

  it('explains invalid input field by field in Chinese', async () => {
    const { app, login } = await httpTest(database());
    const { cookie, csrf } = await login('supervisor');
    const response = await app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { parentId: null, name: '测', shortName: '测', uscc: '123', kind: 'department' },
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '机关全称至少2个字' },
        { path: 'uscc', message: '统一社会信用代码应为18位，当前为3位' },
      ]),
    );
  });

  it('publishes an OpenAPI document of the routes', async () => {
    const { app } = await httpTest(database());
    await app.ready();
    const doc = app.swagger() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/agencies', '/api/audit']),
    );
    const ui = await app.inject('/api/docs');
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('lists the audit log for an agency admin, filtered', async () => {
    const { app, login } = await httpTest(database());
    const { cookie } = await login('agencyadmin');
    const response = await app.inject({ url: '/api/audit?action=user.create&pageSize=3', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(8);
    expect(body.entries).toHaveLength(3);
    expect(body.entries[0]).toMatchObject({ action: 'user.create', agencyName: '示例市财政局', outcome: 'ok' });
  });

  it('logs out and the cookie stops working', async () => {
    const { app, login } = await httpTest(database());
    const { cookie, csrf } = await login('editor');
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describeDialects('HTTP calendar', (database) => {
  it('tells every user about the missing next year, and lets only the system admin change dates', async () => {
    const { app, login } = await httpTest(database());
    const editor = await login('editor');
    const status = await app.inject({ url: '/api/calendar/status', headers: { cookie: editor.cookie } });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ currentYearKnown: true });
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/calendar/overrides/2026-12-31',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf },
      payload: { kind: 'holiday', note: '试' },
    });
    expect(refused.statusCode).toBe(403);
    const admin = await login('admin');
    const set = await app.inject({
      method: 'PUT',
      url: '/api/calendar/overrides/2026-12-31',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { kind: 'holiday', note: '本市安排' },
    });
    expect(set.statusCode).toBe(204);
    const list = await app.inject({ url: '/api/calendar/overrides', headers: { cookie: admin.cookie } });
    expect(list.json().overrides).toEqual([
      expect.objectContaining({ date: '2026-12-31', kind: 'holiday', note: '本市安排', updatedBy: 'admin' }),
    ]);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/calendar/import',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { csv: '2027-01-01,放假,元旦\n2027-02-30,holiday' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('第2行：日期“2027-02-30”无效（应为 YYYY-MM-DD）');
  });
});

function multipart(fileName: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----xxgk-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const FIXTURES = new URL('../../../fixtures/reports/', import.meta.url);

describeDialects('HTTP report checker', (database) => {
  it('lets a supervisor upload a published PDF, returning findings and the tables with the wrong cells marked', async () => {
    const { app, login } = await httpTest(database());
    const s = await login('supervisor');
    const body = multipart('hongzequ-2023.pdf', readFileSync(new URL('pdf/hongzequ-2023.pdf', FIXTURES)));
    const response = await app.inject({
      method: 'POST',
      url: '/api/reports/check',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(200);
    const { report, tablesHtml } = response.json();
    expect(report).toMatchObject({ year: 2023, agency: '洪泽区人民政府' });
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
    expect(tablesHtml).toContain('<td data-cell="appeals.reconsideration[4]" class="flagged">0</td>');

    const recheck = await app.inject({
      method: 'POST',
      url: '/api/reports/recheck',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { report, previous: report },
    });
    expect(recheck.statusCode).toBe(200);

    const xlsx = await app.inject({
      method: 'POST',
      url: '/api/reports/findings.xlsx',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { reports: [report] },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an editor, and explains an unreadable file in Chinese', async () => {
    const { app, login } = await httpTest(database());
    const editor = await login('editor');
    const body = multipart('x.txt', Buffer.from('hello'));
    const refused = await app.inject({
      method: 'POST',
      url: '/api/reports/check',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf, ...body.headers },
      payload: body.payload,
    });
    expect(refused.statusCode).toBe(403);
    const s = await login('supervisor');
    const broken = multipart('broken.pdf', Buffer.from('%PDF-1.4 not really'));
    const response = await app.inject({
      method: 'POST',
      url: '/api/reports/check',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...broken.headers },
      payload: broken.payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('无法读取“broken.pdf”：文件已损坏或不是年度报告');
  });
});

describeDialects('HTTP catalog and agency pages', (database) => {
  it('shows an agency page with its 指南 contact details and catalog, without JavaScript', async () => {
    const { app } = await httpTest(database());
    const home = await app.inject('/');
    const link = /href="(\/agencies\/\d+)">示例市财政局<\/a>/.exec(home.body);
    expect(link).not.toBeNull();
    const page = await app.inject(link?.[1] ?? '');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>示例市财政局</h1>');
    expect(page.body).toMatch(/<dt>办公地址<\/dt>\s*<dd>示例市人民大道9号<\/dd>/);
    expect(page.body).toMatch(/<li><a href="\/agencies\/\d+\/columns\/\d+">行政规范性文件<\/a>/);
    expect(page.body).not.toContain('<script');
    expect((await app.inject('/agencies/99999')).statusCode).toBe(404);
  });

  it('serves the catalog to staff and lets only the agency’s admin change it', async () => {
    const { app, login } = await httpTest(database());
    const admin = await login('agencyadmin');
    const agencyId = admin.response.json().user.agency.id as number;
    const catalog = await app.inject({ url: `/api/agencies/${agencyId}/catalog`, headers: { cookie: admin.cookie } });
    expect(catalog.json().columns).toHaveLength(8);
    const editor = await login('editor');
    const payload = { parentId: null, name: '优化营商环境', kind: 'dynamic' };
    const refused = await app.inject({
      method: 'POST',
      url: `/api/agencies/${agencyId}/catalog/columns`,
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf },
      payload,
    });
    expect(refused.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: `/api/agencies/${agencyId}/catalog/columns`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '优化营商环境', kind: 'dynamic', children: [] });
  });
});
