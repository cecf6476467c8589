import { describeDialects } from '@xxgk/db/testing';
import { expect, it } from 'vitest';
import { httpTest } from './testing.ts';

function form(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = '----xxgkapply';
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file !== undefined) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="identityFile"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeDialects('portal: 依申请公开 form and status page', (database) => {
  it('takes an application without JavaScript, gives a code and a receipt, and shows the status to its holder only', async () => {
    const { app } = await httpTest(database());
    const home = await app.inject('/apply');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<h1>政府信息公开申请</h1>');
    expect(home.body).not.toContain('<script');
    const agencyId = /<option value="(\d+)"\s*>\s*示例市财政局\s*<\/option>/.exec(home.body)?.[1] ?? '';
    const preselected = await app.inject(`/apply?agency=${agencyId}`);
    expect(preselected.body).toMatch(
      new RegExp(`<option value="${agencyId}"\\s+selected>\\s*示例市财政局\\s*</option>`),
    );

    const fields = {
      agencyId,
      applicantKind: 'natural_person',
      applicantName: '王某某',
      idType: 'resident_id',
      idNumber: '110105194912310021',
      phone: '13800138000',
      infoTitle: '2025年度市级部门预算执行情况',
      infoForm: 'electronic',
      delivery: 'email',
      website: '',
    };
    const wrong = await app.inject({ method: 'POST', url: '/apply', ...form(fields) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('请修改以下 2 处后再提交');
    expect(wrong.body).toContain('居民身份证号码校验位不符（最后一位应为 X），请核对');
    expect(wrong.body).toContain('选择电子邮件方式获取的，请填写电子邮箱');
    expect(wrong.body).toContain('value="王某某"');

    const proof = {
      name: 'id.png',
      type: 'image/png',
      bytes: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    };
    const ok = await app.inject({
      method: 'POST',
      url: '/apply',
      ...form({ ...fields, idNumber: '11010519491231002X', email: 'wang@example.com' }, proof),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.headers['cache-control']).toBe('no-store');
    const code = /<p class="tracking-code">([^<]+)<\/p>/.exec(ok.body)?.[1] ?? '';
    expect(code).toMatch(/^\d{8}-[2-9A-HJKMNP-Z]{8}$/);

    const receipt = await app.inject({ method: 'POST', url: '/apply/receipt', payload: { code, key: '8000' } });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toContain('wordprocessingml');
    expect(receipt.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const status = await app.inject({ method: 'POST', url: '/apply/status', payload: { code, key: '002X' } });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('办理中');
    expect(status.body).toContain('收到申请');
    expect(status.body).toContain('第三十三条');
    expect(status.body).not.toContain('13800138000');
    const refused = await app.inject({ method: 'POST', url: '/apply/status', payload: { code, key: '1234' } });
    expect(refused.statusCode).toBe(404);
    expect(refused.body).toContain('查询码或证件（电话）后四位不正确，请核对后重试');
    expect(refused.body).not.toContain('2025年度市级部门预算执行情况');

    const bot = await app.inject({
      method: 'POST',
      url: '/apply',
      ...form({ ...fields, website: 'http://spam.example' }),
    });
    expect(bot.statusCode).toBe(400);
    expect(bot.body).toContain('提交未成功，请稍后重试');
  });
});

describeDialects('HTTP 依申请公开 for staff', (database) => {
  it('registers a counter application with its scan, records a step, and lists it with its due date', async () => {
    const { app, login } = await httpTest(database());
    const s = await login('handler');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const me = (await app.inject({ url: '/api/auth/me', headers })).json() as { user: { agency: { id: number } } };
    const created = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers,
      payload: {
        application: {
          agencyId: me.user.agency.id,
          applicantKind: 'natural_person',
          applicantName: '赵某',
          idType: 'resident_id',
          idNumber: '11010519491231002X',
          phone: '13700137000',
          infoTitle: '2026年政府采购意向公开情况',
          infoForm: 'paper',
          delivery: 'pickup',
        },
        intake: { channel: 'in_person', receivedOn: '2026-11-27' },
      },
    });
    expect(created.statusCode).toBe(201);
    const { id, deadline } = created.json() as { id: number; deadline: { due: string } };
    expect(deadline.due).toBe('2026-12-25');
    const scan = form({}, { name: '申请表.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const uploaded = await app.inject({
      method: 'POST',
      url: `/api/applications/${id}/scans`,
      headers: { ...headers, ...scan.headers },
      payload: scan.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const step = await app.inject({
      method: 'POST',
      url: `/api/applications/${id}/steps`,
      headers,
      payload: { type: 'correction_requested', date: '2026-11-30', note: '请写明采购项目名称' },
    });
    expect(step.json()).toMatchObject({ status: 'awaiting_correction' });
    const list = await app.inject({ url: `/api/agencies/${me.user.agency.id}/applications?view=open`, headers });
    expect(list.json().rows[0]).toMatchObject({ id, status: 'awaiting_correction' });
    const detail = await app.inject({ url: `/api/applications/${id}`, headers });
    expect(detail.json().files).toEqual([
      {
        id: expect.any(Number),
        kind: 'scan',
        letterKind: '',
        fileName: '申请表.pdf',
        size: 15,
        at: expect.any(String),
      },
    ]);
  });

  it('issues a letter, exports the register, edits a template, and keeps another agency out', async () => {
    const { app, login } = await httpTest(database());
    const s = await login('handler');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const me = (await app.inject({ url: '/api/auth/me', headers })).json() as { user: { agency: { id: number } } };
    const agencyId = me.user.agency.id;
    const created = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers,
      payload: {
        application: {
          agencyId,
          applicantKind: 'natural_person',
          applicantName: '赵某',
          idType: 'resident_id',
          idNumber: '11010519491231002X',
          phone: '13700137000',
          infoTitle: '2026年政府采购意向公开情况',
          infoForm: 'paper',
          delivery: 'pickup',
        },
        intake: { channel: 'in_person', receivedOn: '2026-11-27' },
      },
    });
    const { id } = created.json() as { id: number };
    const draft = await app.inject({ url: `/api/applications/${id}/letters/receipt`, headers });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ kind: 'receipt', label: '政府信息公开申请受理回执' });
    const issued = await app.inject({
      method: 'POST',
      url: `/api/applications/${id}/letters/receipt`,
      headers,
      payload: { values: {} },
    });
    expect(issued.statusCode).toBe(201);
    const [docx] = (issued.json() as { files: { id: number }[] }).files;
    const file = await app.inject({ url: `/api/applications/${id}/files/${docx?.id}`, headers });
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const xlsx = await app.inject({ url: `/api/agencies/${agencyId}/applications.xlsx?view=all`, headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('申请登记台账'));
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const a = await login('agencyadmin');
    const adminHeaders = { cookie: a.cookie, 'x-csrf-token': a.csrf };
    const refused = await app.inject({
      method: 'PUT',
      url: `/api/agencies/${agencyId}/letter-templates/reply_deny`,
      headers: adminHeaders,
      payload: { title: '答复', body: '{申请人}：不予公开。' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('必须写明');

    const other = await login('jyj.admin');
    const otherHeaders = { cookie: other.cookie, 'x-csrf-token': other.csrf };
    for (const url of [
      `/api/applications/${id}`,
      `/api/applications/${id}/letters/receipt`,
      `/api/applications/${id}/files/${docx?.id}`,
      `/api/agencies/${agencyId}/applications.xlsx`,
    ]) {
      expect((await app.inject({ url, headers: otherHeaders })).statusCode, url).toBe(403);
    }
  });
});
