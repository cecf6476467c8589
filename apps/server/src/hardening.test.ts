import { readFileSync } from 'node:fs';
import { describeDialects } from '@xxgk/db/testing';
import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { httpTest } from './testing.ts';

/** Issue 18, the "Low" items: each test here failed before its fix. */

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function multipart(
  fields: Record<string, string>,
  file?: { field: string; name: string; type: string; bytes: Buffer },
) {
  const boundary = '----xxgkhardening';
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file !== undefined) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Session = { cookie: string; csrf: string };
const headersOf = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

async function agencyOf(app: FastifyInstance, s: Session): Promise<number> {
  const me = await app.inject({ url: '/api/auth/me', headers: headersOf(s) });
  return (me.json() as { user: { agency: { id: number } } }).user.agency.id;
}

async function newItem(app: FastifyInstance, s: Session, title = '附件测试') {
  const agencyId = await agencyOf(app, s);
  const catalog = await app.inject({ url: `/api/agencies/${agencyId}/catalog`, headers: headersOf(s) });
  const columnId = (catalog.json() as { columns: { id: number }[] }).columns[0]?.id;
  return app.inject({
    method: 'POST',
    url: `/api/agencies/${agencyId}/items`,
    headers: headersOf(s),
    payload: { columnId, title, publisher: '示例市财政局', topic: '其他', genre: '其他', bodyHtml: '<p>正文</p>' },
  });
}

/** An application as the portal form and the staff API both take it. */
function applicationFields(agencyId: number | string, infoTitle = '2025年度市级部门预算执行情况') {
  return {
    agencyId: String(agencyId),
    applicantKind: 'natural_person',
    applicantName: '王某某',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    email: 'wang@example.com',
    infoTitle,
    infoForm: 'electronic',
    delivery: 'email',
    website: '',
  };
}

async function portalAgencyId(app: FastifyInstance): Promise<string> {
  const page = await app.inject('/apply');
  return /<option value="(\d+)"\s*>\s*示例市财政局\s*<\/option>/u.exec(page.body)?.[1] ?? '';
}

describeDialects('HTTP hardening (issue 18, Low)', (database) => {
  it('a password change ends the user’s other sessions, keeps this one, and says so in the audit log', async () => {
    const { app, login } = await httpTest(database());
    const here = await login('editor');
    const elsewhere = await login('editor');
    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: headersOf(here),
      payload: { currentPassword: 'Shili@2026', newPassword: 'Qiang#Mima2027' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: headersOf(here) })).statusCode).toBe(200);
    const stale = await app.inject({ url: '/api/auth/me', headers: headersOf(elsewhere) });
    expect(stale.statusCode).toBe(401);
    const line = await database()
      .db.selectFrom('audit_log')
      .select(['note', 'outcome'])
      .where('action', '=', 'user.change_password')
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ note: '修改密码，结束其他 1 个会话', outcome: 'ok' });
  });

  it('answers an unknown username and a wrong password alike, without counting down', async () => {
    const { app } = await httpTest(database());
    const attempt = (username: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong-password' } });
    const unknown = await attempt('nobody');
    const wrong = await attempt('editor');
    expect(wrong.statusCode).toBe(unknown.statusCode);
    expect(wrong.statusCode).toBe(401);
    const strip = (body: { error: { requestId: string } }) => ({ ...body.error, requestId: '' });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().error.message).toBe('用户名或密码错误');
    // The lockout itself stands: the fifth wrong password in a row locks the account.
    for (let i = 0; i < 3; i++) {
      expect((await attempt('editor')).statusCode).toBe(401);
    }
    expect((await attempt('editor')).statusCode).toBe(423);
  });

  it('takes the login only as JSON, however the path is spelled', async () => {
    const { app } = await httpTest(database());
    for (const url of ['/api/auth/login', '/%61pi/auth/login', '/api/auth/%6cogin']) {
      for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
        const form = await app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': type },
          payload: 'username=editor&password=Shili%402026',
        });
        expect(form.statusCode, `${url} ${type}`).toBe(415);
        expect(form.headers['set-cookie'], url).toBeUndefined();
        expect(form.json().error.message, url).toBe('接口只接受 JSON 格式的请求');
      }
      const json = await app.inject({ method: 'POST', url, payload: { username: 'editor', password: 'Shili@2026' } });
      expect(json.statusCode, url).toBe(200);
    }
  });

  it('treats an encoded /api as /api: the session is read and the CSRF token required', async () => {
    const { app, login } = await httpTest(database());
    const s = await login('editor');
    expect((await app.inject({ url: '/%61pi/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    const noToken = await app.inject({
      method: 'POST',
      url: '/%61pi/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(noToken.statusCode).toBe(403);
  });

  it('refuses a NUL character anywhere in a request with a 400 in Chinese, before it reaches the database', async () => {
    const { app, login } = await httpTest(database());
    const s = await login('editor');
    const agencyId = await agencyOf(app, s);
    const expectRefused = (response: { statusCode: number; json(): { error: { code: string; message: string } } }) => {
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('空字符'),
      });
    };
    expectRefused(await newItem(app, s, '标题\u0000'));
    expectRefused(await app.inject({ url: `/api/agencies/${agencyId}/items?title=%00`, headers: headersOf(s) }));
    expectRefused(await app.inject({ url: '/search?q=%E9%A2%84%00' }));
    const feedback = await app.inject({
      method: 'POST',
      url: '/feedback',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        pageUrl: '/',
        pageTitle: '首页',
        kind: 'outdated',
        description: '机构职能栏目的\u0000内设机构还是旧的。',
      }).toString(),
    });
    expectRefused(feedback);
    const apply = multipart(applicationFields(await portalAgencyId(app), '预算\u0000执行情况'));
    expectRefused(await app.inject({ method: 'POST', url: '/apply', ...apply }));
    const upload = multipart(
      { columnId: '\u00001' },
      { field: 'file', name: 'a.docx', type: 'application/pdf', bytes: PDF },
    );
    expectRefused(
      await app.inject({
        method: 'POST',
        url: `/api/agencies/${agencyId}/items/from-docx`,
        headers: { ...headersOf(s), ...upload.headers },
        payload: upload.payload,
      }),
    );
    expect(await database().db.selectFrom('applications').select('id').execute()).toEqual([]);
    expect(await database().db.selectFrom('error_reports').select('id').execute()).toEqual([]);
    // and what is fine still is
    expect((await newItem(app, s, '标题')).statusCode).toBe(201);
  });

  it('does not count applications staff register through the API against the public /apply limit', async () => {
    const { app, login } = await httpTest(database());
    const s = await login('handler');
    const agencyId = await agencyOf(app, s);
    for (let i = 0; i < 5; i++) {
      const { website: _, ...fields } = applicationFields(agencyId, `${2015 + i}年度市级部门决算公开情况`);
      const registered = await app.inject({
        method: 'POST',
        url: '/api/applications',
        headers: headersOf(s),
        payload: {
          application: { ...fields, agencyId },
          intake: { channel: 'in_person', receivedOn: '2026-11-27' },
        },
      });
      expect(registered.statusCode).toBe(201);
    }
    const portalAgency = await portalAgencyId(app);
    for (let i = 0; i < 5; i++) {
      const online = await app.inject({
        method: 'POST',
        url: '/apply',
        ...multipart(applicationFields(portalAgency, `${2020 + i}年度市级部门预算执行情况`)),
      });
      expect(online.statusCode, `online ${i}`).toBe(201);
    }
    const sixth = await app.inject({ method: 'POST', url: '/apply', ...multipart(applicationFields(portalAgency)) });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('同一网络地址一小时内最多在线提交 5 件申请');
  }, 60_000);

  it('answers a malformed report sent for a recheck with a 400 naming the field, and takes a whole one', async () => {
    const { app, login } = await httpTest(database());
    const s = await login('supervisor');
    const recheck = (payload: unknown) =>
      app.inject({ method: 'POST', url: '/api/reports/recheck', headers: headersOf(s), payload: payload as object });
    const head = { schema: 'xxgk-annual-report/1', year: 2023, agency: null };
    const report = JSON.parse(
      readFileSync(new URL('../../../fixtures/reports/expected/hongzequ-2023.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    for (const bad of [
      { report: head },
      { report: { ...report, sections: 'x' } },
      { report: { ...report, applications: { newReceived: [1] } } },
      { report: { ...report, appeals: { reconsideration: ['a', 0, 0, 0, 0] } } },
      { report, previous: { ...head, active: 5 } },
    ]) {
      const response = await recheck(bad);
      expect(response.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const fine = await recheck({ report, previous: report });
    expect(fine.statusCode).toBe(200);
    const xlsx = await app.inject({
      method: 'POST',
      url: '/api/reports/findings.xlsx',
      headers: headersOf(s),
      payload: { reports: [head] },
    });
    expect(xlsx.statusCode).toBe(400);
  });

  it('previews a letter template naming {constructor} or {__proto__}: an unknown field, not a 500', async () => {
    const { app, login } = await httpTest(database());
    const s = await login('handler');
    const agencyId = await agencyOf(app, s);
    const preview = await app.inject({
      method: 'POST',
      url: `/api/agencies/${agencyId}/letter-templates/receipt/preview`,
      headers: headersOf(s),
      payload: {
        title: '受理回执{constructor}',
        body: '{申请人}：\n您于{申请日期}提出的申请已收到，{toString}{__proto__}{hasOwnProperty}答复期限为{答复期限}。',
      },
    });
    expect(preview.statusCode).toBe(200);
    const { problems, title, paragraphs } = preview.json() as {
      problems: string[];
      title: string;
      paragraphs: string[];
    };
    expect(problems).toEqual(['模板中有不认识的字段：{constructor}、{toString}、{__proto__}、{hasOwnProperty}']);
    expect(title).toBe('受理回执');
    expect(paragraphs[1]).toBe('您于2026年11月30日提出的申请已收到，答复期限为2026年12月28日。');
  });

  it('strips bidi and other invisible controls from uploaded file names, wherever a name is taken', async () => {
    const { app, login } = await httpTest(database());
    const editor = await login('editor');
    const itemId = ((await newItem(app, editor)).json() as { id: number }).id;
    const attachment = multipart(
      {},
      { field: 'file', name: '发票\u202Etxt.\u200Bpdf', type: 'application/pdf', bytes: PDF },
    );
    const attached = await app.inject({
      method: 'POST',
      url: `/api/items/${itemId}/attachments`,
      headers: { ...headersOf(editor), ...attachment.headers },
      payload: attachment.payload,
    });
    expect(attached.statusCode).toBe(201);
    expect(attached.json()).toMatchObject({ fileName: '发票txt.pdf' });

    const handler = await login('handler');
    const agencyId = await agencyOf(app, handler);
    const { website: _, ...fields } = applicationFields(agencyId);
    const created = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: headersOf(handler),
      payload: { application: { ...fields, agencyId }, intake: { channel: 'in_person', receivedOn: '2026-11-27' } },
    });
    const applicationId = (created.json() as { id: number }).id;
    const scan = multipart(
      {},
      { field: 'file', name: '\u2066申请表\u202Efdp\u2069.pdf\uFEFF', type: 'application/pdf', bytes: PDF },
    );
    const scanned = await app.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/scans`,
      headers: { ...headersOf(handler), ...scan.headers },
      payload: scan.payload,
    });
    expect(scanned.statusCode).toBe(201);

    const online = await app.inject({
      method: 'POST',
      url: '/apply',
      ...multipart(applicationFields(await portalAgencyId(app)), {
        field: 'identityFile',
        name: '身份证\u202Egnp\u0007.png',
        type: 'image/png',
        bytes: PNG,
      }),
    });
    expect(online.statusCode).toBe(201);

    const stored = [
      ...(await database().db.selectFrom('item_attachments').select('file_name').execute()),
      ...(await database().db.selectFrom('application_files').select('file_name').orderBy('id').execute()),
    ].map((r) => r.file_name);
    expect(stored).toEqual(['发票txt.pdf', '申请表fdp.pdf', '身份证gnp.png']);
    const detail = await app.inject({ url: `/api/applications/${applicationId}`, headers: headersOf(handler) });
    expect((detail.json() as { files: { fileName: string }[] }).files.map((f) => f.fileName)).toEqual([
      '申请表fdp.pdf',
    ]);
  });
});
