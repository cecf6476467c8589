import { describeDialects } from '@xxgk/db/testing';
import { expect, it } from 'vitest';
import { httpTest } from './testing.ts';

describeDialects('监督检查 and 我要纠错 over HTTP', (database) => {
  it('lets a reader report an error from any page without JavaScript, and look up the answer by code', async () => {
    const t = await httpTest(database());
    const czj = await t.database.db
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', '示例市财政局')
      .executeTakeFirstOrThrow();
    const page = await t.app.inject({ method: 'GET', url: `/agencies/${czj.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      `<a href="/feedback?page=%2Fagencies%2F${czj.id}&amp;title=${encodeURIComponent('示例市财政局')}"`,
    );
    const form = await t.app.inject({
      method: 'GET',
      url: `/feedback?page=%2Fagencies%2F${czj.id}&title=示例市财政局`,
    });
    expect(form.body).toContain(`<input type="hidden" name="pageUrl" value="/agencies/${czj.id}" />`);
    expect(form.body).not.toContain('<script');
    // The page reported on is one of this site's: another host becomes the home page.
    const elsewhere = await t.app.inject({ method: 'GET', url: '/feedback?page=%2F%2Fevil.example%2Fx&title=x' });
    expect(elsewhere.body).toContain('<input type="hidden" name="pageUrl" value="/" />');

    const post = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/feedback',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });
    const base = { pageUrl: `/agencies/${czj.id}`, pageTitle: '示例市财政局', kind: 'outdated' };
    const invalid = await post({ ...base, description: '过时' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('问题描述至少5个字');
    expect(invalid.body).toContain('value="outdated"\n            checked');
    expect((await post({ ...base, description: '机构职能栏目的内设机构还是旧的。', website: 'x' })).statusCode).toBe(
      400,
    );
    const ok = await post({ ...base, description: '机构职能栏目的内设机构还是旧的。' });
    expect(ok.statusCode).toBe(201);
    const code = /<p class="tracking-code">(JC[\d]{8}-[A-Z0-9]{8})<\/p>/u.exec(ok.body)?.[1];
    expect(code).toBeDefined();
    const row = await t.database.db.selectFrom('error_reports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ agency_id: czj.id, status: 'open', kind: 'outdated' });

    const status = await t.app.inject({
      method: 'POST',
      url: '/feedback/status',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `code=${code}`,
    });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('机构职能栏目的内设机构还是旧的。');
    expect(status.body).toContain('处理中');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/feedback/status',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'code=JC20261130-XXXXXXXX',
    });
    expect(unknown.statusCode).toBe(404);
    await t.app.close();
  });

  it('shows the dashboard to those who oversee, each their own agencies; the monthly report downloads', async () => {
    const t = await httpTest(database());
    const get = async (user: string, url: string) => {
      const s = await t.login(user);
      return t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
    };
    expect((await get('editor', '/api/inspection/dashboard')).statusCode).toBe(403);
    const own = (await get('agencyadmin', '/api/inspection/dashboard')).json() as {
      agencies: { agencyName: string }[];
    };
    expect(own.agencies.map((a) => a.agencyName)).toEqual(['示例市财政局']);
    const city = (await get('supervisor', '/api/inspection/dashboard')).json() as {
      agencies: { agencyName: string; verdict: { fails: boolean; reasons: string[] } }[];
    };
    expect(city.agencies).toHaveLength(16);
    // No items yet: every agency's columns are blank and its home page never updated.
    expect(city.agencies[0]!.verdict.reasons).toContain('首页从未更新');
    const xlsx = await get('supervisor', '/api/inspection/monthly-report.xlsx?month=2026-11');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain(
      encodeURIComponent('示例市政府信息公开检查情况通报（2026年11月）.xlsx'),
    );
    const future = await get('supervisor', '/api/inspection/monthly-report?month=2027-01');
    expect(future.statusCode).toBe(400);
    expect((future.json() as { error: { message: string } }).error.message).toBe('2027-01 尚未开始，不能生成通报');
    expect((await get('editor', '/api/wording-rules')).statusCode).toBe(403);
    // An agency's own picture, for its staff's 工作台; not another agency's.
    const ids = await t.database.db.selectFrom('agencies').select(['id', 'name']).execute();
    const czj = ids.find((a) => a.name === '示例市财政局')!.id;
    const jyj = ids.find((a) => a.name === '示例市教育局')!.id;
    const mine = (await get('editor', `/api/agencies/${czj}/inspection`)).json() as {
      agencyName: string;
      verdict: { fails: boolean };
      columns: { status: string }[];
    };
    expect(mine.agencyName).toBe('示例市财政局');
    expect(mine.verdict.fails).toBe(true);
    // Nothing published yet: every column blank, and the 年报 column stale (no 2025 report by 31 January).
    expect(new Set(mine.columns.map((c) => c.status))).toEqual(new Set(['blank', 'stale']));
    expect((await get('editor', `/api/agencies/${jyj}/inspection`)).statusCode).toBe(403);
    expect((await get('supervisor', '/api/wording-rules')).statusCode).toBe(200);
    await t.app.close();
  });
});
