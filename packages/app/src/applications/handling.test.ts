import { countAppeals, type Actor } from '@xxgk/core';
import { listAudit } from '@xxgk/db';
import { docxToBlocks, pdfToBlocks } from '@xxgk/documents';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { demoSealPng } from '../demo/demo-seal.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { describeApp, TEST_META, type AppTestContext } from '../testing.ts';
import { appealRecords, saveAppeal } from './appeals.ts';
import { addApplicationFile, applicationFile } from './application-files.ts';
import { exportApplicationRegister } from './export-register.ts';
import { purgePersonalData, PURGED_NAME } from './purge-personal-data.ts';
import { lookupApplication } from './application-status.ts';
import { issueLetter } from './issue-letter.ts';
import { letterDraft } from './letter-draft.ts';
import { previewLetterTemplate } from './preview-letter-template.ts';
import { saveLetterTemplate } from './save-letter-template.ts';
import { getApplication, listApplications, revealIdentityNumber } from './list-applications.ts';
import { recordHandlingStep, type HandlingInput } from './record-event.ts';
import { applyOnline, registerApplication } from './submit-application.ts';

const meta = TEST_META;
const ID_NUMBER = '11010519491231002X';

const person = (agencyId: number, over: Record<string, unknown> = {}) => ({
  agencyId,
  applicantKind: 'natural_person',
  applicantName: '王某某',
  idType: 'resident_id',
  idNumber: ID_NUMBER,
  phone: '13800138000',
  address: '示例市人民路1号',
  infoTitle: '2025年度市级部门预算执行情况',
  infoDescription: '希望获取市财政局2025年度一般公共预算执行情况的报告',
  infoForm: 'paper',
  delivery: 'post',
  ...over,
});

async function setup(t: () => AppTestContext) {
  const { ctx, actor } = t();
  await seedDemo(ctx);
  const handler = await actor('handler');
  const step = (who: Actor, applicationId: number, input: HandlingInput) =>
    recordHandlingStep(ctx, { actor: who, applicationId, input, meta });
  const register = (receivedOn: string, over: Record<string, unknown> = {}) =>
    registerApplication(ctx, {
      actor: handler,
      input: person(handler.agency.id, over),
      intake: { channel: 'in_person', receivedOn },
      meta,
    });
  return { ctx, actor, handler, step, register };
}

async function docxText(bytes: Uint8Array): Promise<string> {
  return (await docxToBlocks(bytes)).blocks.map((b) => (b.kind === 'para' ? b.text : b.cells.join(' '))).join('\n');
}

describeApp('依申请公开：个人信息加密与机关隔离', (t) => {
  it('stores the identity number and the identity proof sealed, shows them masked, and audits a reveal', async () => {
    const { ctx, handler } = await setup(t);
    const proof = demoSealPng(64);
    const submitted = await applyOnline(ctx, {
      input: person(handler.agency.id),
      identityFile: { fileName: '身份证.png', bytes: proof },
      meta,
    });
    const row = await ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    expect(row.id_number).toMatch(/^v1\./u);
    expect(row.id_number).not.toContain('1101051949');
    expect(row.id_last4).toBe('002X');
    const dump = JSON.stringify([
      row,
      await ctx.db.selectFrom('application_events').selectAll().execute(),
      await ctx.db.selectFrom('audit_log').selectAll().execute(),
    ]);
    expect(dump).not.toContain('1101051949');

    const stored = await ctx.db
      .selectFrom('application_files')
      .selectAll()
      .where('application_id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    expect(stored.encrypted).toBe(1);
    const onDisk = await ctx.files.get(stored.storage_key);
    expect(onDisk.includes(Buffer.from(proof).subarray(0, 64))).toBe(false);
    const read = await applicationFile(ctx, { actor: handler, applicationId: submitted.id, fileId: stored.id, meta });
    expect(Buffer.compare(read.bytes, proof)).toBe(0);

    const detail = await getApplication(ctx, { actor: handler, applicationId: submitted.id, meta });
    expect(detail.application.idNumberMasked).toBe('**************002X');
    expect(JSON.stringify(detail)).not.toContain('1101051949');
    expect(await revealIdentityNumber(ctx, { actor: handler, applicationId: submitted.id, meta })).toEqual({
      idNumber: ID_NUMBER,
    });
    const reveal = (await listAudit(ctx.db, { limit: 5, offset: 0 })).rows.find(
      (r) => r.action === 'application.reveal_identity',
    );
    expect(reveal?.actor_name).toContain('handler');
    // The status page still checks the last four characters of the number.
    expect((await lookupApplication(ctx, { trackingCode: submitted.trackingCode, key: '002x' })).status).toBe('办理中');
  });

  it('lets no handler of another agency read or change an application, and changes nothing when refused', async () => {
    const { ctx, actor, handler, register } = await setup(t);
    const created = await register('2026-11-02');
    const other = await actor('jyj.admin'); // 市教育局: agency admin and 依申请 handler there
    const id = created.id;
    const before = await getApplication(ctx, { actor: handler, applicationId: id, meta });
    const attempts: [string, () => Promise<unknown>][] = [
      ['read', () => getApplication(ctx, { actor: other, applicationId: id, meta })],
      ['list', () => listApplications(ctx, { actor: other, agencyId: handler.agency.id, query: {}, meta })],
      [
        'step',
        () =>
          recordHandlingStep(ctx, {
            actor: other,
            applicationId: id,
            input: { type: 'correction_requested', date: '2026-11-03' },
            meta,
          }),
      ],
      ['draft', () => letterDraft(ctx, { actor: other, applicationId: id, kind: 'receipt', meta })],
      ['letter', () => issueLetter(ctx, { actor: other, applicationId: id, kind: 'receipt', input: {}, meta })],
      [
        'file',
        () =>
          addApplicationFile(ctx, {
            actor: other,
            applicationId: id,
            file: { fileName: 'x.png', bytes: demoSealPng(16) },
            meta,
          }),
      ],
      ['download', () => applicationFile(ctx, { actor: other, applicationId: id, fileId: 1, meta })],
      ['reveal', () => revealIdentityNumber(ctx, { actor: other, applicationId: id, meta })],
      [
        'appeal',
        () =>
          saveAppeal(ctx, {
            actor: other,
            applicationId: id,
            input: { kind: 'reconsideration', body: '示例市人民政府', filedOn: '2026-11-20', result: 'pending' },
            meta,
          }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const after = await getApplication(ctx, { actor: handler, applicationId: id, meta });
    expect(after.events).toEqual(before.events);
    expect(after.files).toEqual(before.files);
    expect(after.appeals).toEqual([]);
  });
});

describeApp('依申请公开：个人信息保存期限', (t) => {
  it('erases the applicant’s personal data and files after the retention period, keeping what the report counts', async () => {
    const { ctx, handler, step, register } = await setup(t);
    const settings = {
      ctx: { ...ctx, applicationSettings: { onlineReceiptConfirms: true, personalDataRetentionYears: 1 } },
    };
    const old = await register('2025-03-03');
    await step(handler, old.id, { type: 'decided', date: '2025-03-20', outcome: 'granted' });
    await issueLetter(
      { ...ctx, now: () => new Date('2025-03-20T02:00:00Z') },
      {
        actor: handler,
        applicationId: old.id,
        kind: 'reply_disclose',
        input: {},
        meta,
      },
    );
    await addApplicationFile(ctx, {
      actor: handler,
      applicationId: old.id,
      kind: 'released',
      file: { fileName: '决算表.png', bytes: demoSealPng(16) },
      meta,
    });
    await step(handler, old.id, { type: 'delivered', date: '2025-03-21', method: 'post' });
    await step(handler, old.id, { type: 'archived', date: '2025-03-28' });
    const recent = await register('2026-03-02');
    await step(handler, recent.id, { type: 'decided', date: '2026-03-10', outcome: 'granted' });
    await step(handler, recent.id, { type: 'delivered', date: '2026-03-11', method: 'post' });
    await step(handler, recent.id, { type: 'archived', date: '2026-03-12' });
    const letterKeys = await ctx.db
      .selectFrom('application_files')
      .select('storage_key')
      .where('application_id', '=', old.id)
      .where('kind', '=', 'letter')
      .execute();
    expect(letterKeys).toHaveLength(2);

    expect(await purgePersonalData(ctx)).toEqual([]); // no retention set: nothing goes
    expect(await purgePersonalData(settings.ctx)).toEqual([old.id]);
    expect(await purgePersonalData(settings.ctx)).toEqual([]);
    const row = await ctx.db.selectFrom('applications').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      applicant_name: PURGED_NAME,
      id_number: '',
      phone: '',
      address: '',
      applicant_kind: 'natural_person',
      outcome_code: 'granted',
      received_on: '2025-03-03',
      personal_data_purged_on: '2026-11-30',
    });
    const files = await ctx.db
      .selectFrom('application_files')
      .select('kind')
      .where('application_id', '=', old.id)
      .execute();
    expect(files.map((f) => f.kind)).toEqual(['released']);
    await expect(ctx.files.get(letterKeys[0]!.storage_key)).rejects.toThrow();
    const kept = await ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', recent.id)
      .executeTakeFirstOrThrow();
    expect(kept.applicant_name).toBe('王某某');
    await expect(revealIdentityNumber(ctx, { actor: handler, applicationId: old.id, meta })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describeApp('依申请公开：登记台账', (t) => {
  it('filters the register and exports it to XLSX with identity numbers and phones masked', async () => {
    const { ctx, handler, step, register } = await setup(t);
    const old = await register('2025-06-03', { infoTitle: '2024年度部门决算公开表' });
    await step(handler, old.id, {
      type: 'decided',
      date: '2025-06-20',
      outcome: 'unableToProvide.notHeld',
      reasons: '本机关未制作该信息。',
    });
    await register('2026-11-02', { infoTitle: '2026年预算调整方案' });
    const byYear = await listApplications(ctx, {
      actor: handler,
      agencyId: handler.agency.id,
      query: { view: 'all', year: 2025 },
      meta,
    });
    expect(byYear.rows.map((r) => r.infoTitle)).toEqual(['2024年度部门决算公开表']);
    const byText = await listApplications(ctx, {
      actor: handler,
      agencyId: handler.agency.id,
      query: { view: 'all', q: '调整方案' },
      meta,
    });
    expect(byText.rows.map((r) => r.infoTitle)).toEqual(['2026年预算调整方案']);
    const byOutcome = await listApplications(ctx, {
      actor: handler,
      agencyId: handler.agency.id,
      query: { view: 'all', outcome: 'unableToProvide.notHeld' },
      meta,
    });
    expect(byOutcome.total).toBe(1);

    const file = await exportApplicationRegister(ctx, {
      actor: handler,
      agencyId: handler.agency.id,
      query: { view: 'all' },
      meta,
    });
    expect(file.rows).toBe(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('示例市财政局政府信息公开申请登记台账');
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(['查询码', '收到申请日期', '证件号码', '表三行次', '办理结果', '归档日期']),
    );
    const first = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
    expect(first).toEqual(expect.arrayContaining(['2025-06-03', '**************002X', '138****8000', '（四）1']));
    const everything = JSON.stringify(sheet.getSheetValues());
    expect(everything).not.toContain('1101051949');
    expect(everything).not.toContain('13800138000');
  });
});

describeApp('依申请公开：补正、部分公开与文书', (t) => {
  it('issues the 补正告知书 and the 部分公开 答复告知书 as DOCX and PDF citing the right articles', async () => {
    const { ctx, handler, step, register } = await setup(t);
    const { id, trackingCode } = await register('2026-11-02', { infoDescription: '', infoTitle: '预算执行情况报告' });
    await step(handler, id, {
      type: 'correction_requested',
      date: '2026-11-04',
      note: '请写明所需报告的年度和预算级次',
    });
    const correction = await issueLetter(ctx, {
      actor: handler,
      applicationId: id,
      kind: 'correction',
      input: {},
      meta,
    });
    expect(correction.files.map((f) => f.fileName)).toEqual([
      `补正申请告知书-${trackingCode}.docx`,
      `补正申请告知书-${trackingCode}.pdf`,
    ]);
    const correctionDocx = await applicationFile(ctx, {
      actor: handler,
      applicationId: id,
      fileId: correction.files[0]!.id,
      meta,
    });
    const correctionText = await docxText(correctionDocx.bytes);
    expect(correctionText).toContain('第三十条');
    expect(correctionText).toContain('请写明所需报告的年度和预算级次');
    expect(correctionText).toContain('2026年11月2日');

    expect(await step(handler, id, { type: 'correction_received', date: '2026-11-09' })).toMatchObject({
      due: '2026-12-07',
    });
    await expect(
      step(handler, id, { type: 'decided', date: '2026-11-30', outcome: 'partiallyGranted', reasons: '涉及个人信息' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'withheld' }] });
    await step(handler, id, {
      type: 'decided',
      date: '2026-11-30',
      outcome: 'partiallyGranted',
      reasons: '该部分载有个人信息，公开会损害第三方合法权益。',
      withheld: '附表中供应商联系人姓名和电话',
      released: '2025年度预算执行情况报告（已删除个人信息）。',
    });
    await expect(
      issueLetter(ctx, { actor: handler, applicationId: id, kind: 'reply_disclose', input: {}, meta }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const draft = await letterDraft(ctx, { actor: handler, applicationId: id, kind: 'reply_partial', meta });
    expect(Object.fromEntries(draft.fields.map((f) => [f.name, f.value]))).toMatchObject({
      不予公开部分: '附表中供应商联系人姓名和电话',
      法律依据: '《中华人民共和国政府信息公开条例》第三十七条',
      复议机关: '示例市人民政府',
      人民法院: '示例市东城区人民法院',
    });
    const reply = await issueLetter(ctx, { actor: handler, applicationId: id, kind: 'reply_partial', input: {}, meta });
    const [docx, pdf] = await Promise.all(
      reply.files.map((f) => applicationFile(ctx, { actor: handler, applicationId: id, fileId: f.id, meta })),
    );
    expect(docx!.mediaType).toContain('wordprocessingml');
    expect(pdf!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfText = (await pdfToBlocks(pdf!.bytes)).blocks.map((b) => (b.kind === 'para' ? b.text : '')).join('');
    for (const text of [await docxText(docx!.bytes), pdfText.replace(/\s/gu, '')]) {
      expect(text).toContain('第三十七条');
      expect(text).toContain('附表中供应商联系人姓名和电话');
      expect(text).toContain('60日内向示例市人民政府申请行政复议');
      expect(text).toContain('6个月内向示例市东城区人民法院提起行政诉讼');
    }
    const status = await lookupApplication(ctx, { trackingCode, key: '8000' });
    expect(status.timeline.map((l) => l.text)).toEqual([
      '收到申请',
      '告知补正',
      '出具《补正申请告知书》',
      '收到补正',
      '作出答复',
      '出具《政府信息公开申请答复告知书（部分公开）》',
    ]);
  });

  it('refuses a letter with a required field empty, and works out the fee for the 收费通知书', async () => {
    const { ctx, handler, step, register } = await setup(t);
    const { id } = await register('2026-11-02');
    await expect(
      step(handler, id, { type: 'fee_notice_sent', date: '2026-11-10', method: 'per_page', pages: 30 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('无需收费') });
    await step(handler, id, { type: 'fee_notice_sent', date: '2026-11-10', method: 'per_page', pages: 120 });
    const draft = await letterDraft(ctx, { actor: handler, applicationId: id, kind: 'fee_notice', meta });
    const values = Object.fromEntries(draft.fields.map((f) => [f.name, f.value]));
    expect(values).toMatchObject({ 计收方式: '按量', 收费金额: '1100', 缴费期限: '2026年12月8日', 缴费方式: '' });
    expect(values.收费明细).toContain('第101—120页');
    await expect(
      issueLetter(ctx, { actor: handler, applicationId: id, kind: 'fee_notice', input: {}, meta }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '信息处理费收费通知书缺少：缴费方式，请填写后再出具',
      issues: [{ path: 'values.缴费方式' }],
    });
    const issued = await issueLetter(ctx, {
      actor: handler,
      applicationId: id,
      kind: 'fee_notice',
      input: { values: { 缴费方式: '户名：示例市财政局；开户行：示例银行；账号：1234 5678 9012' } },
      meta,
    });
    expect(issued.files).toHaveLength(2);
  });

  it('counts the applicant’s applications in the month for 按件 fees (the 11th costs 100 元)', async () => {
    const { ctx, handler, step, register } = await setup(t);
    const ids: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const day = `2026-11-${String(2 + i).padStart(2, '0')}`;
      ids.push((await register(day, { infoTitle: `第${i + 1}项信息的名称` })).id);
    }
    await expect(
      step(handler, ids[0]!, { type: 'fee_notice_sent', date: '2026-11-20', method: 'per_application' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('本自然月第1件，在免费范围内') });
    const noticed = await step(handler, ids[10]!, {
      type: 'fee_notice_sent',
      date: '2026-11-20',
      method: 'per_application',
    });
    expect(noticed.status).toBe('awaiting_payment');
    const draft = await letterDraft(ctx, { actor: handler, applicationId: ids[10]!, kind: 'fee_notice', meta });
    expect(draft.fields.find((f) => f.name === '收费金额')?.value).toBe('100');
    expect(draft.fields.find((f) => f.name === '计收方式')?.value).toBe('按件');
  });
});

describeApp('依申请公开：经办人、法制审核、送达归档、复议诉讼、重复申请', (t) => {
  it('assigns a handler, requires the 法制审核 the agency asks for, and closes the file in order', async () => {
    const { ctx, actor, handler, step, register } = await setup(t);
    const { id } = await register('2026-11-02');
    const editor = await actor('editor');
    await expect(
      step(handler, id, { type: 'assigned', date: '2026-11-02', userId: editor.userId }),
    ).rejects.toMatchObject({
      issues: [{ path: 'userId' }],
    });
    await step(handler, id, { type: 'assigned', date: '2026-11-02', userId: handler.userId });
    expect((await getApplication(ctx, { actor: handler, applicationId: id, meta })).handler?.name).toBe(
      '周经办（市财政局依申请）',
    );
    await ctx.db
      .updateTable('agencies')
      .set({ legal_review_required: 1 })
      .where('id', '=', handler.agency.id)
      .execute();
    await expect(step(handler, id, { type: 'decided', date: '2026-11-20', outcome: 'granted' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '本机关要求答复前经法制审核：请先提交法制审核并获通过',
    });
    await expect(
      step(handler, id, { type: 'legal_review', date: '2026-11-19', outcome: 'granted', opinion: 'approved' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const legal = await actor('legal');
    await step(legal, id, { type: 'legal_review', date: '2026-11-19', outcome: 'granted', opinion: 'approved' });
    await expect(
      step(handler, id, {
        type: 'decided',
        date: '2026-11-20',
        outcome: 'denied.stateSecret',
        reasons: '属于国家秘密。',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('与拟作出的结果不一致') });
    await expect(step(handler, id, { type: 'delivered', date: '2026-11-20', method: 'post' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await step(handler, id, { type: 'decided', date: '2026-11-20', outcome: 'granted' });
    await expect(step(handler, id, { type: 'archived', date: '2026-11-21' })).rejects.toMatchObject({
      message: '请先登记答复（告知书）的送达，再归档',
    });
    await expect(step(handler, id, { type: 'delivered', date: '2026-11-19', method: 'post' })).rejects.toMatchObject({
      issues: [{ path: 'date' }],
    });
    await addApplicationFile(ctx, {
      actor: handler,
      applicationId: id,
      kind: 'released',
      file: { fileName: '预算执行情况.png', bytes: demoSealPng(32) },
      meta,
    });
    await step(handler, id, { type: 'delivered', date: '2026-11-23', method: 'post', note: 'EMS 1234567890' });
    await step(handler, id, { type: 'archived', date: '2026-11-24' });
    const detail = await getApplication(ctx, { actor: handler, applicationId: id, meta });
    expect(detail.archivedOn).toBe('2026-11-24');
    expect(detail.files.map((f) => f.kind)).toEqual(['released']);
    await expect(step(handler, id, { type: 'delivered', date: '2026-11-24', method: 'post' })).rejects.toMatchObject({
      message: '该申请已归档，不能再登记办理事项',
    });
  });

  it('records 复议 and 诉讼 cases and counts them into table 四', async () => {
    const { ctx, handler, step, register } = await setup(t);
    const { id } = await register('2026-03-02');
    await step(handler, id, {
      type: 'decided',
      date: '2026-03-20',
      outcome: 'denied.processInformation',
      reasons: '属于过程性信息。',
    });
    const input = {
      kind: 'litigation',
      body: '示例市东城区人民法院',
      filedOn: '2026-06-01',
      result: 'upheld',
      afterReconsideration: true,
    };
    await expect(saveAppeal(ctx, { actor: handler, applicationId: id, input, meta })).rejects.toMatchObject({
      issues: [{ path: 'concludedOn', message: '已审结的，请填写审结日期' }],
    });
    const reconsideration = await saveAppeal(ctx, {
      actor: handler,
      applicationId: id,
      input: {
        kind: 'reconsideration',
        body: '示例市人民政府',
        filedOn: '2026-04-10',
        result: 'upheld',
        concludedOn: '2026-05-20',
      },
      meta,
    });
    expect(reconsideration.result).toBe('upheld');
    const litigation = await saveAppeal(ctx, {
      actor: handler,
      applicationId: id,
      input: { ...input, result: 'pending', stage: '一审' },
      meta,
    });
    expect(countAppeals(await appealRecords(ctx.db, handler.agency.id), 2026)).toEqual({
      reconsideration: [1, 0, 0, 0, 1],
      litigationDirect: [0, 0, 0, 0, 0],
      litigationAfterReconsideration: [0, 0, 0, 1, 1],
    });
    await saveAppeal(ctx, {
      actor: handler,
      applicationId: id,
      appealId: litigation.id,
      input: { ...input, result: 'corrected', concludedOn: '2026-10-15' },
      meta,
    });
    expect(countAppeals(await appealRecords(ctx.db, handler.agency.id), 2026).litigationAfterReconsideration).toEqual([
      0, 1, 0, 0, 1,
    ]);
    expect((await getApplication(ctx, { actor: handler, applicationId: id, meta })).appeals).toHaveLength(2);
  });

  it('flags the same applicant asking again, and suggests proactive disclosure when many ask', async () => {
    const { ctx, handler, register } = await setup(t);
    const first = await register('2026-11-02', { infoTitle: '2025年度政府采购合同汇总表' });
    await register('2026-11-03', { infoTitle: '城市道路养护经费', infoDescription: '' });
    const again = await register('2026-11-05', { infoTitle: '2025年度政府采购合同的汇总表' });
    let detail = await getApplication(ctx, { actor: handler, applicationId: again.id, meta });
    expect(detail.duplicates.sameApplicant.map((d) => d.id)).toEqual([first.id]);
    expect(detail.duplicates.suggestProactive).toBe(false);
    for (const [name, idNumber] of [
      ['李某', '110101199003070011'],
      ['赵某', '110101199003074215'],
    ] as const) {
      await register('2026-11-06', { applicantName: name, idNumber, infoTitle: '2025年度政府采购合同汇总表' });
    }
    detail = await getApplication(ctx, { actor: handler, applicationId: again.id, meta });
    expect(detail.duplicates).toMatchObject({ otherApplicants: 2, suggestProactive: true });
  });
});

describeApp('依申请公开：文书模板', (t) => {
  it('lets the agency admin reword a letter but not drop what the law requires, with a preview', async () => {
    const { ctx, actor, handler, step, register } = await setup(t);
    const admin = await actor('agencyadmin');
    const agencyId = admin.agency.id;
    const body =
      '{申请人}：\n经审查，{理由}依据{法律依据}，不予公开。\n不服的，可向{复议机关}申请复议或向{人民法院}起诉。';
    await expect(
      saveLetterTemplate(ctx, { actor: handler, agencyId, kind: 'reply_deny', input: { title: '答复', body }, meta }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      saveLetterTemplate(ctx, {
        actor: admin,
        agencyId,
        kind: 'reply_deny',
        input: {
          title: '答复',
          body: body.replace('{复议机关}', '复议机关').replace('不予公开', '不予公开（{邮编}）'),
        },
        meta,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '模板中有不认识的字段：{邮编}；政府信息公开申请答复告知书（不予公开）必须写明：{复议机关}',
    });
    const preview = await previewLetterTemplate(ctx, {
      actor: admin,
      agencyId,
      kind: 'reply_deny',
      input: { title: '答复告知书', body },
      meta,
    });
    expect(preview.problems).toEqual([]);
    expect(preview.paragraphs[0]).toBe('张某某：');
    expect(preview.paragraphs[2]).toBe('不服的，可向示例市人民政府申请复议或向示例市东城区人民法院起诉。');
    await saveLetterTemplate(ctx, {
      actor: admin,
      agencyId,
      kind: 'reply_deny',
      input: { title: '答复告知书', body },
      meta,
    });

    const { id } = await register('2026-11-02');
    await step(handler, id, {
      type: 'decided',
      date: '2026-11-20',
      outcome: 'denied.internalAffairs',
      reasons: '属于内部事务信息。',
    });
    const draft = await letterDraft(ctx, { actor: handler, applicationId: id, kind: 'reply_deny', meta });
    expect(draft.fields.map((f) => f.name)).toEqual(['申请人', '理由', '法律依据', '复议机关', '人民法院']);
    const issued = await issueLetter(ctx, { actor: handler, applicationId: id, kind: 'reply_deny', input: {}, meta });
    const docx = await applicationFile(ctx, { actor: handler, applicationId: id, fileId: issued.files[0]!.id, meta });
    const text = await docxText(docx.bytes);
    expect(text).toContain('依据《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第三项，不予公开。');
  });
});
