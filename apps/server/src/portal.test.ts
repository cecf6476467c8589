import { describeDialects } from '@xxgk/db/testing';
import { expect, it } from 'vitest';
import { httpTest, type HttpTest } from './testing.ts';

type Session = Awaited<ReturnType<HttpTest['login']>>;

async function call(app: HttpTest['app'], s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const response = await app.inject({
    method,
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return response;
}

/** An editor writes an item in the 财政预决算 column and four people pass it through the review. */
async function publishOne(t: HttpTest, title = '示例市2026年市级财政预算执行情况') {
  const editor = await t.login('editor');
  const me = (await call(t.app, editor, 'GET', '/api/auth/me')).json() as { user: { agency: { id: number } } };
  const agencyId = me.user.agency.id;
  const catalog = (await call(t.app, editor, 'GET', `/api/agencies/${agencyId}/catalog`)).json() as {
    columns: { id: number; name: string; children: unknown[] }[];
  };
  const flat = (cs: { id: number; name: string; children: unknown[] }[]): { id: number; name: string }[] =>
    cs.flatMap((c) => [c, ...flat(c.children as typeof cs)]);
  const columnId = flat(catalog.columns).find((c) => c.name === '财政预决算')?.id;
  const created = await call(t.app, editor, 'POST', `/api/agencies/${agencyId}/items`, {
    columnId,
    title,
    docNo: '示财预〔2026〕12号',
    publisher: '示例市财政局',
    writtenOn: '2026-11-20',
    topic: '财政、金融、审计',
    genre: '报告',
    summary: '公开2026年市级一般公共预算执行情况。',
    bodyHtml: '<p>全市一般公共预算收入完成年度预算的86%。</p><script>alert(1)</script>',
  });
  expect(created.statusCode).toBe(201);
  const id = (created.json() as { id: number }).id;
  expect((await call(t.app, editor, 'POST', `/api/items/${id}/submit`, {})).statusCode).toBe(200);
  for (const [user, stage] of [
    ['reviewer1', 'first'],
    ['reviewer2', 'second'],
  ] as const) {
    const r = await call(t.app, await t.login(user), 'POST', `/api/items/${id}/approve`, { stage, opinion: '同意' });
    expect(r.statusCode).toBe(200);
  }
  const secrecy = await call(t.app, await t.login('secrecy'), 'POST', `/api/items/${id}/secrecy`, {
    verdict: 'clear',
    opinion: '不涉密',
  });
  expect(secrecy.statusCode).toBe(200);
  const final = await call(t.app, await t.login('reviewer3'), 'POST', `/api/items/${id}/approve`, { stage: 'final' });
  expect(final.statusCode).toBe(200);
  return { id, agencyId, columnId, detail: final.json() as { indexNo: string; status: string } };
}

describeDialects('portal: items, search, feeds and the cache', (database) => {
  it('shows a published item with its metadata table, finds it by a two-character word, and forgets it when withdrawn', async () => {
    const t = await httpTest(database());
    const { id, agencyId, columnId, detail } = await publishOne(t);
    expect(detail.status).toBe('published');
    expect(detail.indexNo).toMatch(/^[0-9A-Z]{18}\/2026-00001$/);

    const page = await t.app.inject(`/items/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<th scope="row">索引号<\/th>\s*<td>[0-9A-Z]{18}\/2026-00001<\/td>/);
    expect(page.body).toMatch(/<th scope="row">发文字号<\/th>\s*<td>示财预〔2026〕12号<\/td>/);
    expect(page.body).toContain('<h1>示例市2026年市级财政预算执行情况</h1>');
    expect(page.body).not.toContain('<script');

    const column = await t.app.inject(`/agencies/${agencyId}/columns/${columnId}`);
    expect(column.body).toContain(`<a href="/items/${id}">示例市2026年市级财政预算执行情况</a>`);

    const search = await t.app.inject(`/search?q=${encodeURIComponent('预算')}`);
    expect(search.body).toContain('找到 1 条与“预算”相关的信息');
    expect(search.body).toContain('<mark>预算</mark>');
    const inAgency = await t.app.inject(`/search?q=${encodeURIComponent('预算')}&agency=${agencyId + 1}`);
    expect(inAgency.body).toContain('没有找到与“预算”相关的信息。');
    const inColumn = await t.app.inject(
      `/search?q=${encodeURIComponent('预算')}&agency=${agencyId}&column=${columnId}`,
    );
    expect(inColumn.body).toContain('找到 1 条');
    expect(inColumn.body).toMatch(
      new RegExp(`<option value="${columnId}"\\s+selected>\\s*(?:\\u3000)*财政预决算\\s*</option>`),
    );
    const news = /<option value="(\d+)"\s*>\s*工作动态\s*<\/option>/.exec(inColumn.body)?.[1];
    expect(news).toBeDefined();
    const otherColumn = await t.app.inject(`/search?q=${encodeURIComponent('预算')}&agency=${agencyId}&column=${news}`);
    expect(otherColumn.body).toContain('没有找到');

    const feed = await t.app.inject(`/agencies/${agencyId}/columns/${columnId}/feed.atom`);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<title>示例市2026年市级财政预算执行情况</title>');
    const map = await t.app.inject('/sitemap.xml');
    expect(map.body).toContain(`/items/${id}</loc>`);

    // The page is cached now; withdrawal must show at once.
    const etag = page.headers['etag'] as string;
    expect((await t.app.inject({ url: `/items/${id}`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    const withdrawn = await call(t.app, await t.login('reviewer3'), 'POST', `/api/items/${id}/withdraw`, {
      reason: '数据有误',
    });
    expect(withdrawn.statusCode).toBe(200);
    const gone = await t.app.inject({ url: `/items/${id}`, headers: { 'if-none-match': etag } });
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('该信息已撤销发布');
    expect(gone.body).not.toContain('86%');
    expect((await t.app.inject(`/search?q=${encodeURIComponent('预算')}`)).body).toContain('没有找到');
    expect((await t.app.inject(`/agencies/${agencyId}/columns/${columnId}`)).body).not.toContain(`/items/${id}"`);
    expect((await t.app.inject('/sitemap.xml')).body).not.toContain(`/items/${id}</loc>`);
  });

  it('generates each agency’s 指南 from its data, with its own notes, updated the moment they change', async () => {
    const t = await httpTest(database());
    const admin = await t.login('agencyadmin');
    const me = (await call(t.app, admin, 'GET', '/api/auth/me')).json() as { user: { agency: { id: number } } };
    const agencyId = me.user.agency.id;
    const guide = await t.app.inject(`/agencies/${agencyId}/guide`);
    expect(guide.statusCode).toBe(200);
    expect(guide.body).toContain('<h1>示例市财政局政府信息公开指南</h1>');
    expect(guide.body).toMatch(/<th scope="row">办公地址<\/th>\s*<td>示例市人民大道9号<\/td>/);
    expect(guide.body).toContain('自收到申请之日起20个工作日内予以答复');
    expect(guide.body).toContain('可以向示例市人民政府或者政府信息公开工作主管部门投诉、举报');
    expect(guide.body).not.toContain('五、其他说明');
    const agency = (await call(t.app, admin, 'GET', '/api/agencies')).json() as { agencies: Record<string, unknown>[] };
    const own = agency.agencies.find((a) => a['id'] === agencyId) ?? {};
    const { id: _id, path: _path, createdAt: _c, updatedAt: _u, ...fields } = own;
    const saved = await call(t.app, admin, 'PUT', `/api/agencies/${agencyId}`, {
      ...fields,
      guideNotes: '本机关政府信息公开申请表可在办公地址一楼大厅领取。',
    });
    expect(saved.statusCode).toBe(200);
    const updated = await t.app.inject({
      url: `/agencies/${agencyId}/guide`,
      headers: { 'if-none-match': String(guide.headers['etag']) },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.body).toContain('<p>本机关政府信息公开申请表可在办公地址一楼大厅领取。</p>');
  });

  it('keeps the larger-text and high-contrast choice in a cookie, without JavaScript', async () => {
    const t = await httpTest(database());
    const set = await t.app.inject('/view?large=1&back=/search');
    expect(set.statusCode).toBe(303);
    expect(set.headers['location']).toBe('/search');
    const cookie = String(set.headers['set-cookie']).split(';')[0] ?? '';
    const page = await t.app.inject({ url: '/search', headers: { cookie } });
    expect(page.body).toContain('<html lang="zh-CN" class="view-large">');
    expect((await t.app.inject('/search')).body).toContain('<html lang="zh-CN">');
    expect((await t.app.inject('/view?contrast=1&back=//evil.example')).headers['location']).toBe('/');
  });

  it('refuses an attachment whose content is not what its name says, in Chinese', async () => {
    const t = await httpTest(database());
    const editor = await t.login('editor');
    const me = (await call(t.app, editor, 'GET', '/api/auth/me')).json() as { user: { agency: { id: number } } };
    const catalog = (await call(t.app, editor, 'GET', `/api/agencies/${me.user.agency.id}/catalog`)).json() as {
      columns: { id: number }[];
    };
    const created = await call(t.app, editor, 'POST', `/api/agencies/${me.user.agency.id}/items`, {
      columnId: catalog.columns[0]?.id,
      title: '附件测试',
      publisher: '示例市财政局',
      topic: '其他',
      genre: '其他',
      bodyHtml: '<p>正文</p>',
    });
    const id = (created.json() as { id: number }).id;
    const boundary = '----xxgk';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('<html>not a pdf</html>'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/items/${id}/attachments`,
      headers: {
        cookie: editor.cookie,
        'x-csrf-token': editor.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('不是允许的文件类型');
  });
});
