import { describeDialects } from '@xxgk/db/testing';
import { HOSTILE } from '@xxgk/documents/testing';
import { testToday } from '@xxgk/app/testing';
import { expect, it } from 'vitest';
import { httpTest, type HttpTest } from './testing.ts';

type Session = Awaited<ReturnType<HttpTest['login']>>;

function multipart(
  fileName: string,
  bytes: Buffer,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----xxgk-hostile-boundary';
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([...parts, head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(t: HttpTest, s: Session, url: string, body: ReturnType<typeof multipart>) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...body.headers },
    payload: body.payload,
  });
}

/** The editor's agency and a column of its catalog. */
async function editorColumn(t: HttpTest, editor: Session): Promise<{ agencyId: number; columnId: number }> {
  const headers = { cookie: editor.cookie };
  const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).json() as {
    user: { agency: { id: number } };
  };
  const agencyId = me.user.agency.id;
  const catalog = (await t.app.inject({ method: 'GET', url: `/api/agencies/${agencyId}/catalog`, headers })).json() as {
    columns: { id: number }[];
  };
  const columnId = catalog.columns[0]?.id ?? 0;
  return { agencyId, columnId };
}

describeDialects('HTTP: hostile files', (database) => {
  it('refuses a Word import of three million paragraphs with 400 naming the limit, and goes on serving', async () => {
    const t = await httpTest(database());
    const editor = await t.login('editor');
    const { agencyId, columnId } = await editorColumn(t, editor);
    const response = await upload(
      t,
      editor,
      `/api/agencies/${agencyId}/items/from-docx`,
      multipart('通知.docx', HOSTILE.paragraphs(), { columnId: String(columnId) }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('文件超出安全读取限制，未读取：正文段落超过 100,000 个');
    expect((await t.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
  });

  it('refuses XXE and entity expansion with 400, not 500, as Word import and as an attachment', async () => {
    const t = await httpTest(database());
    const editor = await t.login('editor');
    const { agencyId, columnId } = await editorColumn(t, editor);
    for (const bytes of [HOSTILE.xxe(), HOSTILE.laughs()]) {
      const imported = await upload(
        t,
        editor,
        `/api/agencies/${agencyId}/items/from-docx`,
        multipart('通知.docx', bytes, { columnId: String(columnId) }),
      );
      expect(imported.statusCode).toBe(400);
      expect(imported.json().error.message).toMatch(/含 DOCTYPE 或实体声明/u);
    }
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${agencyId}/items`,
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf },
      payload: {
        columnId,
        title: '示例市财政局资金分配结果公示',
        docNo: '',
        publisher: '示例市财政局',
        writtenOn: testToday(),
        topic: '财政、金融、审计',
        genre: '报告',
        summary: '公示资金分配结果。',
        bodyHtml: '<p>现将资金分配结果公示如下。</p>',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: number }).id;
    const attached = await upload(
      t,
      editor,
      `/api/items/${id}/attachments`,
      multipart('名单.docx', HOSTILE.inflated()),
    );
    expect(attached.statusCode).toBe(400);
    expect(attached.json().error.message).toMatch(/解压后超过 128 MB/u);
    const detail = await t.app.inject({ method: 'GET', url: `/api/items/${id}`, headers: { cookie: editor.cookie } });
    expect((detail.json() as { attachments: unknown[] }).attachments).toEqual([]);
  });

  it('refuses a 200 KB report that inflates to 200 MB with 400 naming the limit', async () => {
    const t = await httpTest(database());
    const supervisor = await t.login('supervisor');
    const response = await upload(t, supervisor, '/api/reports/check', multipart('年报.docx', HOSTILE.inflated()));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/解压后超过 128 MB（疑似“压缩炸弹”）/u);
  });
});
