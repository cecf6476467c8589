import { listAudit } from '@xxgk/db';
import { expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { describeApp, TEST_META } from '../testing.ts';
import { lookupApplication } from './application-status.ts';
import { getApplication, listApplications } from './list-applications.ts';
import { applyOnline, registerApplication } from './submit-application.ts';

const meta = TEST_META;

describeApp('依申请公开：受理与查询', (t) => {
  const person = (agencyId: number) => ({
    agencyId,
    applicantKind: 'natural_person',
    applicantName: '王某某',
    idType: 'resident_id',
    idNumber: '11010519491231002x',
    phone: '13800138000',
    email: 'wang@example.com',
    infoTitle: '2025年度市级部门预算执行情况',
    infoDescription: '希望获取市财政局2025年度一般公共预算执行情况的报告',
    infoForm: 'electronic',
    delivery: 'email',
  });

  it('takes an online application: a tracking code, today as the receipt date, 20 working days to reply', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const agencyId = (await actor('handler')).agency.id;
    const submitted = await applyOnline(ctx, { input: person(agencyId), meta });
    expect(submitted.trackingCode).toMatch(/^20261130-[2-9A-HJKMNP-Z]{8}$/);
    expect(submitted.deadline).toMatchObject({ status: 'in_progress', receiptDate: '2026-11-30', due: '2026-12-28' });
    const audit = (await listAudit(ctx.db, { limit: 5, offset: 0 })).rows.find(
      (r) => r.action === 'application.create',
    );
    expect(audit?.actor_name).toBe('匿名');
    expect(JSON.stringify(audit)).not.toContain('11010519491231002X');
    expect(JSON.stringify(audit)).not.toContain('13800138000');
  });

  it('names every problem with an application, in Chinese', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const agencyId = (await actor('handler')).agency.id;
    await expect(
      applyOnline(ctx, { input: { ...person(agencyId), idNumber: '110105194912310021', email: '' }, meta }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { path: 'idNumber', message: '居民身份证号码校验位不符（最后一位应为 X），请核对' },
        { path: 'email', message: '选择电子邮件方式获取的，请填写电子邮箱' },
      ],
    });
    await expect(
      applyOnline(ctx, {
        input: { ...person(agencyId), applicantKind: 'commercial_enterprise', idNumber: '91350100M000100Y43' },
        meta,
      }),
    ).rejects.toMatchObject({
      issues: expect.arrayContaining([{ path: 'contactName', message: '法人或其他组织申请的，请填写联系人' }]),
    });
  });

  it('shows the applicant the timeline for the code and the last four digits, and nothing for a wrong pair', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const agencyId = (await actor('handler')).agency.id;
    const { trackingCode } = await applyOnline(ctx, { input: person(agencyId), meta });
    const byPhone = await lookupApplication(ctx, { trackingCode, key: '8000' });
    expect(byPhone).toMatchObject({
      agencyName: '示例市财政局',
      status: '办理中',
      receiptDate: '2026-11-30',
      due: '2026-12-28',
      timeline: [{ date: '2026-11-30', text: '收到申请' }],
    });
    expect(byPhone.explanation.some((l) => l.basis.includes('第三十三条'))).toBe(true);
    expect((await lookupApplication(ctx, { trackingCode: trackingCode.toLowerCase(), key: '002x' })).trackingCode).toBe(
      trackingCode,
    );
    const refusal = { code: 'NOT_FOUND', message: '查询码或证件（电话）后四位不正确，请核对后重试' };
    await expect(lookupApplication(ctx, { trackingCode, key: '1234' })).rejects.toMatchObject(refusal);
    await expect(lookupApplication(ctx, { trackingCode: '20261130-ZZZZZZZZ', key: '8000' })).rejects.toMatchObject(
      refusal,
    );
  });

  it('registers unsigned post as waiting for confirmation, and flags overdue counter applications', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const handler = await actor('handler');
    const agencyId = handler.agency.id;
    const letter = await registerApplication(ctx, {
      actor: handler,
      input: { ...person(agencyId), delivery: 'post', address: '示例市人民路1号', postcode: '369900' },
      intake: { channel: 'post_unsigned', receivedOn: '2026-11-27' },
      meta,
    });
    expect(letter.deadline).toMatchObject({ status: 'awaiting_confirmation', receiptDate: null, due: null });
    const counter = await registerApplication(ctx, {
      actor: handler,
      input: person(agencyId),
      intake: { channel: 'in_person', receivedOn: '2026-10-20' },
      meta,
    });
    expect(counter.deadline).toMatchObject({ receiptDate: '2026-10-20', due: '2026-11-17', overdue: true });
    const urgent = await listApplications(ctx, { actor: handler, agencyId, query: { view: 'urgent' }, meta });
    expect(urgent.rows.map((r) => [r.trackingCode, r.flag])).toEqual([[counter.trackingCode, 'overdue']]);
    const detail = await getApplication(ctx, { actor: handler, applicationId: letter.id, meta });
    expect(detail.events[0]).toMatchObject({
      type: 'received',
      date: '2026-11-27',
      userName: '周经办（市财政局依申请）',
    });
    await expect(
      registerApplication(ctx, {
        actor: await actor('editor'),
        input: person(agencyId),
        intake: { channel: 'in_person', receivedOn: '2026-11-30' },
        meta,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      getApplication(ctx, { actor: await actor('jyj.editor'), applicationId: letter.id, meta }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describeApp('依申请公开：办理台账', (t) => {
  const input = (agencyId: number) => ({
    agencyId,
    applicantKind: 'natural_person',
    applicantName: '李某',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '13900139000',
    address: '示例市人民路2号',
    infoTitle: '某项目环评批复文件',
    infoForm: 'paper',
    delivery: 'post',
  });

  it('confirms a letter, asks for and receives a correction, extends once with the head’s consent, and decides one outcome', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const handler = await actor('handler');
    const head = await actor('agencyadmin');
    const { recordHandlingStep } = await import('./record-event.ts');
    const letter = await registerApplication(ctx, {
      actor: handler,
      input: input(handler.agency.id),
      intake: { channel: 'post_unsigned', receivedOn: '2026-11-02' },
      meta,
    });
    const step = (who: typeof handler, body: Parameters<typeof recordHandlingStep>[1]['input']) =>
      recordHandlingStep(ctx, { actor: who, applicationId: letter.id, input: body, meta });
    expect(await step(handler, { type: 'receipt_confirmed', date: '2026-11-03' })).toMatchObject({
      status: 'in_progress',
      due: '2026-12-01',
    });
    expect(
      await step(handler, { type: 'correction_requested', date: '2026-11-05', note: '请说明项目名称' }),
    ).toMatchObject({
      status: 'awaiting_correction',
      due: null,
    });
    expect(await step(handler, { type: 'correction_received', date: '2026-11-10' })).toMatchObject({
      status: 'in_progress',
      due: '2026-12-08',
    });
    await expect(step(handler, { type: 'extension_approved', date: '2026-11-20', days: 20 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await step(head, { type: 'extension_approved', date: '2026-11-20', days: 20 })).toMatchObject({
      due: '2027-01-05',
    });
    await expect(step(head, { type: 'extension_approved', date: '2026-11-25', days: 5 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await step(handler, { type: 'decided', date: '2026-11-30', outcome: 'granted' })).toMatchObject({
      status: 'decided',
    });
    await expect(
      step(handler, { type: 'fee_notice_sent', date: '2026-11-30', method: 'per_page', pages: 80 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '该申请已办结，只能登记送达和归档',
    });
    const detail = await getApplication(ctx, { actor: handler, applicationId: letter.id, meta });
    expect(detail.application).toMatchObject({ status: 'decided', outcomeCode: 'granted', receivedOn: '2026-11-03' });
    expect(detail.events.map((e) => e.type)).toEqual([
      'received',
      'receipt_confirmed',
      'correction_requested',
      'correction_received',
      'extension_approved',
      'decided',
    ]);
  });
});

describeApp('依申请公开：逾期未缴费自动办结', (t) => {
  it('closes an application whose fee notice lapsed as table 三（六）2, on the day after the period, audited', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const handler = await actor('handler');
    const { recordHandlingStep, closeUnpaidFees } = await import('./record-event.ts');
    const created = await registerApplication(ctx, {
      actor: handler,
      input: {
        agencyId: handler.agency.id,
        applicantKind: 'natural_person',
        applicantName: '吴某',
        idType: 'passport',
        idNumber: 'E87654321',
        phone: '13300133000',
        address: '示例市人民路3号',
        infoTitle: '2020年以来全部政府采购合同',
        infoForm: 'paper',
        delivery: 'post',
      },
      intake: { channel: 'in_person', receivedOn: '2026-10-16' },
      meta,
    });
    const noticed = await recordHandlingStep(ctx, {
      actor: handler,
      applicationId: created.id,
      input: { type: 'fee_notice_sent', date: '2026-10-19', method: 'per_page', pages: 120, note: '复印件120页' },
      meta,
    });
    expect(noticed.status).toBe('awaiting_payment');
    expect(noticed.deadline?.feePaymentDue).toBe('2026-11-16');
    expect(await closeUnpaidFees(ctx)).toEqual([created.id]);
    expect(await closeUnpaidFees(ctx)).toEqual([]);
    const detail = await getApplication(ctx, { actor: handler, applicationId: created.id, meta });
    expect(detail.application).toMatchObject({ status: 'abandoned_fee', outcomeCode: 'other.feeUnpaid' });
    expect(detail.events.at(-1)).toMatchObject({ type: 'fee_expired', date: '2026-11-17', userName: '系统' });
    const audit = (await listAudit(ctx.db, { limit: 5, offset: 0 })).rows.find(
      (r) => r.action === 'application.fee_expired',
    );
    expect(audit?.note).toBe('逾期未缴费（期限 2026-11-16），按表三（六）2 办结');
  });
});
