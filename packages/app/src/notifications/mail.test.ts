import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queueDeadlineReminders } from '../applications/notify.ts';
import { recordHandlingStep } from '../applications/record-event.ts';
import { applyOnline, registerApplication } from '../applications/submit-application.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { queueReportReminders } from '../reports/report-reminders.ts';
import { describeApp, TEST_META, TestClock } from '../testing.ts';
import { deliverQueuedMail, MAX_MAIL_ATTEMPTS, SmtpMailer, type Mailer } from './mail.ts';

/** A local SMTP server that keeps what it is sent: the notices go through real SMTP in the test. */
const received: { to: string[]; raw: Buffer }[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const meta = TEST_META;

describeApp('邮件通知', (t) => {
  it('tells the handlers of a new application and the applicant of each step, through SMTP', async () => {
    const base = t();
    const ctx = {
      ...base.ctx,
      mail: {
        mailer: new SmtpMailer(`smtp://127.0.0.1:${port}`, '政府信息公开平台 <noreply@example.gov.cn>'),
        publicUrl: 'https://xxgk.example.gov.cn',
      },
    };
    await seedDemo(ctx);
    const handler = await base.actor('handler');
    await ctx.db
      .updateTable('users')
      .set({ email: 'zhou@czj.example.gov.cn' })
      .where('id', '=', handler.userId)
      .execute();
    received.length = 0;
    const submitted = await applyOnline(ctx, {
      input: {
        agencyId: handler.agency.id,
        applicantKind: 'natural_person',
        applicantName: '王某某',
        idType: 'resident_id',
        idNumber: '11010519491231002X',
        phone: '13800138000',
        email: 'wang@example.com',
        infoTitle: '2025年度市级部门预算执行情况',
        infoDescription: '',
        infoForm: 'electronic',
        delivery: 'email',
      },
      meta,
    });
    const step = (input: Parameters<typeof recordHandlingStep>[1]['input']) =>
      recordHandlingStep(ctx, { actor: handler, applicationId: submitted.id, input, meta });
    await step({ type: 'assigned', date: '2026-11-30', userId: handler.userId });
    await step({ type: 'correction_requested', date: '2026-11-30', note: '请写明预算级次' });
    const queued = await ctx.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
    expect(queued.map((m) => [m.kind, m.to_address])).toEqual([
      ['new_application', 'zhou@czj.example.gov.cn'],
      ['status_change', 'wang@example.com'],
    ]);
    expect(queued.every((m) => m.sent_at === null)).toBe(true);

    expect(await deliverQueuedMail(ctx)).toBe(2);
    expect(await deliverQueuedMail(ctx)).toBe(0);
    expect(received.map((m) => m.to)).toEqual([['zhou@czj.example.gov.cn'], ['wang@example.com']]);
    const [toHandler, toApplicant] = await Promise.all(received.map((m) => simpleParser(m.raw)));
    expect(toHandler!.subject).toBe(`新的政府信息公开申请：2025年度市级部门预算执行情况（${submitted.trackingCode}）`);
    expect(toHandler!.text).toContain(`https://xxgk.example.gov.cn/admin/applications/${submitted.id}`);
    expect(toHandler!.text).not.toContain('1101051949');
    expect(toApplicant!.subject).toBe(`您的政府信息公开申请有新进展（查询码 ${submitted.trackingCode}）`);
    expect(toApplicant!.text).toContain('2026年11月30日　告知补正');
    expect(toApplicant!.text).toContain('当前状态：待申请人补正');
    expect(toApplicant!.text).toContain('https://xxgk.example.gov.cn/apply/status');
  });

  it('reminds the assigned handler once of an application due soon, and keeps failed mail for retry', async () => {
    const base = t();
    const failing: Mailer = {
      send: () => Promise.reject(new Error('550 mailbox unavailable')),
    };
    const ctx = { ...base.ctx, mail: { mailer: failing, publicUrl: 'https://xxgk.example.gov.cn' } };
    await seedDemo(ctx);
    const handler = await base.actor('handler');
    await ctx.db
      .updateTable('users')
      .set({ email: 'zhou@czj.example.gov.cn' })
      .where('id', '=', handler.userId)
      .execute();
    const created = await registerApplication(ctx, {
      actor: handler,
      input: {
        agencyId: handler.agency.id,
        applicantKind: 'natural_person',
        applicantName: '陈某',
        idType: 'passport',
        idNumber: 'E12345678',
        phone: '13900139000',
        address: '示例市人民路2号',
        infoTitle: '2024年政府采购合同汇总表',
        infoForm: 'paper',
        delivery: 'post',
      },
      intake: { channel: 'in_person', receivedOn: '2026-11-04' },
      meta,
    });
    await recordHandlingStep(ctx, {
      actor: handler,
      applicationId: created.id,
      input: { type: 'assigned', date: '2026-11-04', userId: handler.userId },
      meta,
    });
    await queueDeadlineReminders(ctx);
    await queueDeadlineReminders(ctx);
    const reminders = await ctx.db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'due_soon').execute();
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toBe(`【即将到期】2024年政府采购合同汇总表（${created.trackingCode}）`);
    for (let i = 0; i < MAX_MAIL_ATTEMPTS + 1; i += 1) {
      expect(await deliverQueuedMail(ctx)).toBe(0);
    }
    const kept = await ctx.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('kind', '=', 'due_soon')
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ sent_at: null, attempts: MAX_MAIL_ATTEMPTS, last_error: '550 mailbox unavailable' });
  });

  it('reminds report writers before the statutory deadline of last year’s report, once per reminder day', async () => {
    const base = t();
    const clock = new TestClock('2027-01-24T01:00:00.000Z');
    const ctx = {
      ...base.ctx,
      now: () => clock.now(),
      mail: {
        mailer: new SmtpMailer(`smtp://127.0.0.1:${port}`, 'noreply@example.gov.cn'),
        publicUrl: 'https://xxgk.example.gov.cn',
      },
    };
    await seedDemo(ctx);
    const editor = await base.actor('editor');
    await ctx.db
      .updateTable('users')
      .set({ email: 'zhang@czj.example.gov.cn' })
      .where('id', '=', editor.userId)
      .execute();
    expect(await queueReportReminders(ctx)).toBe(1);
    await queueReportReminders(ctx);
    const queued = await ctx.db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'report_due').execute();
    expect(queued.map((m) => [m.to_address, m.subject])).toEqual([
      ['zhang@czj.example.gov.cn', '【年度报告】示例市财政局2026年度报告应于2027年1月31日前公布（还有7天）'],
    ]);
    clock.advanceMinutes(24 * 60);
    expect(await queueReportReminders(ctx)).toBe(0); // 6 days left: not a reminder day
  });
});
