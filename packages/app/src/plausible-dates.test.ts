import { addDays, type Actor, type Role } from '@xxgk/core';
import { insertAgency, insertApplicationEvent, insertUser, listApplicationEvents, updateApplication } from '@xxgk/db';
import { expect, it } from 'vitest';
import { appealRecords, saveAppeal } from './applications/appeals.ts';
import { applicationReceipt, lookupApplication } from './applications/application-status.ts';
import { getApplication } from './applications/list-applications.ts';
import { closeUnpaidFees, recordHandlingStep, type HandlingInput } from './applications/record-event.ts';
import { registerApplication } from './applications/submit-application.ts';
import { actorOf } from './auth/actor.ts';
import { importCalendar } from './calendar/import-calendar.ts';
import { setCalendarDay } from './calendar/set-calendar-day.ts';
import { iso, type AppContext } from './context.ts';
import { demoUscc } from './demo/demo-data.ts';
import { monthlyInspectionReport } from './inspection/monthly-report.ts';
import { listNormativeRegister, registerNormativeDocument } from './normative/normative-register.ts';
import { saveDecisionMonth } from './reports/decision-counts.ts';
import { importPublishedReport } from './reports/import-published-report.ts';
import { describeApp, TEST_META, testToday } from './testing.ts';

/*
 * Issue 18: every date a use case takes lies in a plausible range (2000-01-01 … next year, as of the
 * injected clock), a deferred due date within the rulebook's limit, and a ledger stored before the
 * bounds with an absurd date is shown with its error — quickly — instead of blocking the process.
 */

const meta = TEST_META;
const today = testToday();
const EXTREMES = ['0001-01-01', '1999-12-31', '9998-12-31', '9999-12-31'] as const;
/** Everything here answers at once; the defect took 5–10 s a view and 203 s a step. */
const BUDGET_MS = 2000;

/** A department with one user holding `roles`: the least the use cases below need. */
async function world(ctx: AppContext, roles: readonly Role[]): Promise<Actor> {
  const now = iso(ctx.now());
  const agency = await insertAgency(
    ctx.db,
    { parent_id: null, name: '日期市人民政府', short_name: '日期市', uscc: demoUscc(818), kind: 'government' },
    now,
  );
  const user = await insertUser(
    ctx.db,
    {
      username: 'dates',
      display_name: '日期测试员',
      agency_id: agency.id,
      password_hash: 'x',
      phone: '',
      email: '',
      status: 'active',
      password_changed_at: now,
    },
    roles,
    now,
  );
  return actorOf(ctx.db, user);
}

const person = (agencyId: number) => ({
  agencyId,
  applicantKind: 'natural_person',
  applicantName: '王某某',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  address: '示例市人民路1号',
  infoTitle: '2025年度市级部门预算执行情况',
  infoDescription: '希望获取2025年度一般公共预算执行情况的报告',
  infoForm: 'paper',
  delivery: 'post',
});

async function timed<T>(work: Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work;
  expect(performance.now() - start).toBeLessThan(BUDGET_MS);
  return result;
}

/** The refusal `work` ends in: a VALIDATION_FAILED naming `path`, within the budget. */
async function refusedAt(work: Promise<unknown>, path: string): Promise<string> {
  const error = await timed(work.then(() => undefined).catch((e: unknown) => e));
  expect(error).toMatchObject({
    code: 'VALIDATION_FAILED',
    issues: expect.arrayContaining([expect.objectContaining({ path })]),
  });
  return (error as Error).message;
}

describeApp('issue 18: dates at the boundary of the use cases', (t) => {
  async function application() {
    const { ctx } = t();
    const handler = await world(ctx, ['agency_admin', 'system_admin', 'supervisor']);
    const received = addDays(today, -7);
    const submitted = await registerApplication(ctx, {
      actor: handler,
      input: person(handler.agency.id),
      intake: { channel: 'in_person', receivedOn: received },
      meta,
    });
    const step = (input: HandlingInput) =>
      recordHandlingStep(ctx, { actor: handler, applicationId: submitted.id, input, meta });
    return { ctx, handler, id: submitted.id, received, step };
  }

  it('refuses a deferred due date out of range or past the 第三十五条 limit, naming newDue, and saves nothing', async () => {
    const { ctx, id, step } = await application();
    const before = (await listApplicationEvents(ctx.db, id)).length;
    for (const newDue of EXTREMES) {
      const message = await refusedAt(step({ type: 'deadline_deferred', date: today, newDue }), 'newDue');
      expect(message).toContain('延后的答复期限');
    }
    // Within next year but past 90 working days from receipt: the rulebook's own limit.
    const late = await refusedAt(
      step({ type: 'deadline_deferred', date: today, newDue: addDays(today, 200) }),
      'newDue',
    );
    expect(late).toContain('超出合理范围');
    expect(await listApplicationEvents(ctx.db, id)).toHaveLength(before);
    const ok = await step({ type: 'deadline_deferred', date: today, newDue: addDays(today, 60) });
    expect(ok.due).toBe(addDays(today, 60));
  });

  it('refuses step dates outside the range, and intake dates more than ten years back or in the far future', async () => {
    const { ctx, handler, id, step } = await application();
    for (const date of EXTREMES) {
      await refusedAt(step({ type: 'decided', date, outcome: 'granted' }), 'date');
      await refusedAt(
        registerApplication(ctx, {
          actor: handler,
          input: person(handler.agency.id),
          intake: { channel: 'fax', receivedOn: date, confirmedOn: '' },
          meta,
        }),
        'receivedOn',
      );
    }
    await refusedAt(
      registerApplication(ctx, {
        actor: handler,
        input: person(handler.agency.id),
        intake: { channel: 'fax', receivedOn: addDays(today, -1), confirmedOn: '9999-12-31' },
        meta,
      }),
      'confirmedOn',
    );
    expect(await ctx.db.selectFrom('applications').select('id').execute()).toEqual([{ id }]);
  });

  it('shows an application whose stored ledger has an absurd due date quickly, with the error, and writes no receipt from it', async () => {
    const { ctx, handler, id, received } = await application();
    // As saved before the bounds: a deferral to 9998-12-31, cached as the due date.
    await insertApplicationEvent(ctx.db, {
      application_id: id,
      type: 'deadline_deferred',
      on_date: received,
      payload: JSON.stringify({ newDue: '9998-12-31' }),
      note: '',
      user_id: null,
      user_name: '旧数据',
      created_at: iso(ctx.now()),
    });
    const row = await updateApplication(ctx.db, id, { due_on: '9998-12-31', updated_at: iso(ctx.now()) });

    const page = await timed(getApplication(ctx, { actor: handler, applicationId: id, meta }));
    expect(page.deadline).toMatchObject({ due: null, receiptDate: received, status: 'in_progress' });
    expect(page.deadline.warnings[0]).toContain('办理记录有误，无法计算办理期限：延后的答复期限（9998-12-31）');

    const status = await timed(lookupApplication(ctx, { trackingCode: row.tracking_code, key: '8000' }));
    expect(status).toMatchObject({ due: null, overdue: false });
    expect(status.explanation[0]?.text).toContain('办理期限暂时无法计算');

    await expect(
      timed(applicationReceipt(ctx, { trackingCode: row.tracking_code, key: '8000' })),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await refusedAt(
      recordHandlingStep(ctx, {
        actor: handler,
        applicationId: id,
        input: { type: 'decided', date: today, outcome: 'granted' },
        meta,
      }),
      'newDue',
    );
  });

  it('keeps the fee timer going past an application it cannot compute', async () => {
    const { ctx, id, received } = await application();
    await insertApplicationEvent(ctx.db, {
      application_id: id,
      type: 'fee_notice_sent',
      on_date: received,
      payload: JSON.stringify({}),
      note: '',
      user_id: null,
      user_name: '旧数据',
      created_at: iso(ctx.now()),
    });
    await insertApplicationEvent(ctx.db, {
      application_id: id,
      type: 'fee_paid',
      on_date: '9999-12-31',
      payload: JSON.stringify({}),
      note: '',
      user_id: null,
      user_name: '旧数据',
      created_at: iso(ctx.now()),
    });
    await updateApplication(ctx.db, id, { clock_status: 'awaiting_payment', updated_at: iso(ctx.now()) });
    expect(await timed(closeUnpaidFees(ctx))).toEqual([]);
  });

  it('refuses out-of-range dates for the calendar, the normative register, appeals and the monthly report', async () => {
    const { ctx, handler, id } = await application();
    for (const date of EXTREMES) {
      await refusedAt(setCalendarDay(ctx, { actor: handler, input: { date, kind: 'holiday' }, meta }), 'date');
      await refusedAt(
        importCalendar(ctx, { actor: handler, days: [{ date, kind: 'holiday', note: '' }], meta, note: '' }),
        'file',
      );
      await refusedAt(
        saveAppeal(ctx, {
          actor: handler,
          applicationId: id,
          input: { kind: 'reconsideration', body: '示例市人民政府', filedOn: date, result: 'pending' },
          meta,
        }),
        'filedOn',
      );
      await refusedAt(
        listNormativeRegister(ctx, {
          actor: handler,
          agencyId: handler.agency.id,
          asOf: date === '1999-12-31' ? '1949-09-30' : date,
          meta,
        }),
        'asOf',
      );
      await refusedAt(monthlyInspectionReport(ctx, { actor: handler, meta, month: date.slice(0, 7) }), 'month');
    }
    const normative = {
      kind: 'normativeDocument' as const,
      title: '示例办法',
      docNo: '日期规〔2024〕1号',
      issuedOn: '2024-03-01',
    };
    await refusedAt(
      registerNormativeDocument(ctx, {
        actor: handler,
        agencyId: handler.agency.id,
        input: { ...normative, issuedOn: '0001-01-01' },
        meta,
      }),
      'issuedOn',
    );
    await refusedAt(
      registerNormativeDocument(ctx, {
        actor: handler,
        agencyId: handler.agency.id,
        input: { ...normative, validUntil: '9999-12-31' },
        meta,
      }),
      'validUntil',
    );
    // A 规章 of 1990 still in force is plausible; so is a 有效期至 five years ahead.
    await registerNormativeDocument(ctx, {
      actor: handler,
      agencyId: handler.agency.id,
      input: { ...normative, issuedOn: '1990-06-01', validUntil: addDays(today, 5 * 365) },
      meta,
    });
    expect(await ctx.db.selectFrom('calendar_overrides').select('date').execute()).toEqual([]);
    expect(await appealRecords(ctx.db, handler.agency.id)).toEqual([]);
  });

  it('refuses an imported report published on a date that is not one, or before 2000, or after today; and monthly figures for a year not yet begun', async () => {
    const { ctx } = t();
    const admin = await world(ctx, ['agency_admin']);
    for (const publishedOn of [...EXTREMES, '2025-02-30', addDays(today, 1)]) {
      await refusedAt(
        importPublishedReport(ctx, {
          actor: admin,
          agencyId: admin.agency.id,
          year: 2024,
          publishedOn,
          file: { fileName: '报告.docx', bytes: new Uint8Array() },
          meta,
        }),
        'publishedOn',
      );
    }
    const thisYear = Number(today.slice(0, 4));
    for (const year of [2007, thisYear + 1, 2100, 9999]) {
      await refusedAt(
        saveDecisionMonth(ctx, {
          actor: admin,
          agencyId: admin.agency.id,
          input: { year, month: 1, licensing: 1, penalties: 0, coercion: 0, feesYuan: '0' },
          meta,
        }),
        'year',
      );
    }
  });
});
