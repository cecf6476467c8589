import { describe, expect, it } from 'vitest';
import { DateRangeError } from '../calendar/dates.ts';
import { createCalendar } from '../calendar/working-days.ts';
import { officialCalendarData } from '../testing.ts';
import { computeDeadline, LedgerError, type ClockEvent } from './application-clock.ts';

const cal = createCalendar(officialCalendarData());
const inPerson = (date: string): ClockEvent => ({ type: 'received', date, channel: 'in_person' });

function refusal(ledger: ClockEvent[]): string {
  try {
    computeDeadline(cal, ledger);
  } catch (e) {
    if (e instanceof LedgerError) {
      return e.message;
    }
    throw e;
  }
  return 'accepted';
}

describe('条例 第三十一条: the receipt date', () => {
  it('is the day an application is handed in', () => {
    const d = computeDeadline(cal, [inPerson('2024-09-27')]);
    expect(d).toMatchObject({
      status: 'in_progress',
      receiptDate: '2024-09-27',
      due: '2024-10-30',
      correctionNoticeDue: '2024-10-12',
    });
    expect(d.explanation[0]).toEqual({
      date: '2024-09-27',
      text: '申请人当面提交申请，2024年9月27日为收到申请之日',
      basis: '《政府信息公开条例》第三十一条',
    });
  });

  it('is the confirmation day for an online application, and nothing runs before it', () => {
    const waiting = computeDeadline(cal, [{ type: 'received', date: '2025-01-17', channel: 'online' }]);
    expect(waiting).toMatchObject({ status: 'awaiting_confirmation', receiptDate: null, due: null });
    const confirmed = computeDeadline(cal, [
      { type: 'received', date: '2025-01-17', channel: 'online', confirmedOn: '2025-01-20' },
    ]);
    expect(confirmed).toMatchObject({ receiptDate: '2025-01-20', due: '2025-02-21' });
  });

  it('refuses a confirmation before arrival, and events before the confirmation', () => {
    expect(refusal([{ type: 'received', date: '2025-01-17', channel: 'fax', confirmedOn: '2025-01-16' }])).toBe(
      '确认日期（2025-01-16）早于实际收到日期（2025-01-17）',
    );
    expect(
      refusal([
        { type: 'received', date: '2025-01-17', channel: 'post_unsigned' },
        { type: 'decided', date: '2025-01-20' },
      ]),
    ).toBe('尚未确认收到申请之日，不能记录“作出答复”');
  });
});

describe('条例 第三十条: 补正', () => {
  it('stops the clock, then restarts the full 20 working days from the corrected application', () => {
    const waiting = computeDeadline(cal, [
      inPerson('2026-02-10'),
      { type: 'correction_requested', date: '2026-02-12' },
    ]);
    expect(waiting).toMatchObject({ status: 'awaiting_correction', due: null, correctionNoticeDue: '2026-02-26' });
    const resumed = computeDeadline(cal, [
      inPerson('2026-02-10'),
      { type: 'correction_requested', date: '2026-02-12' },
      { type: 'correction_received', date: '2026-03-02' },
    ]);
    expect(resumed).toMatchObject({ status: 'in_progress', due: '2026-03-30' });
  });

  it('warns when the notice came after the 7 working days', () => {
    const late = computeDeadline(cal, [inPerson('2026-02-10'), { type: 'correction_requested', date: '2026-02-27' }]);
    expect(late.warnings).toContain('补正告知（2026-02-27）晚于法定的7个工作日期限（2026-02-26）');
  });

  it('ends the application when the correction never comes', () => {
    const d = computeDeadline(cal, [
      inPerson('2026-02-10'),
      { type: 'correction_requested', date: '2026-02-12' },
      { type: 'correction_expired', date: '2026-03-20' },
    ]);
    expect(d).toMatchObject({ status: 'abandoned_correction', due: null, overdue: false });
  });

  it('refuses a correction received without a request, and a decision while a correction is pending', () => {
    expect(refusal([inPerson('2026-02-10'), { type: 'correction_received', date: '2026-02-12' }])).toBe(
      '没有补正告知，不能记录“收到补正”',
    );
    expect(
      refusal([
        inPerson('2026-02-10'),
        { type: 'correction_requested', date: '2026-02-11' },
        { type: 'decided', date: '2026-02-12' },
      ]),
    ).toMatch(/补正期间/);
  });
});

describe('条例 第三十三条: extension', () => {
  it('adds up to 20 working days once', () => {
    const d = computeDeadline(cal, [
      inPerson('2024-09-27'),
      { type: 'extension_approved', date: '2024-10-28', days: 20 },
    ]);
    expect(d.due).toBe('2024-11-27');
  });

  it('refuses an extension after the due date, a second one, and one longer than 20 days', () => {
    expect(refusal([inPerson('2024-09-27'), { type: 'extension_approved', date: '2024-10-31', days: 10 }])).toBe(
      '延期须在答复期限届满（2024-10-30）前批准，实为2024-10-31',
    );
    expect(
      refusal([
        inPerson('2024-09-27'),
        { type: 'extension_approved', date: '2024-10-08', days: 5 },
        { type: 'extension_approved', date: '2024-10-09', days: 5 },
      ]),
    ).toBe('答复期限只能延长一次');
    expect(refusal([inPerson('2024-09-27'), { type: 'extension_approved', date: '2024-10-08', days: 21 }])).toBe(
      '延长期限应为1至20个工作日，实为21',
    );
  });
});

describe('条例 第三十二条、第三十四条、第三十三条第三款: consultation time is not counted', () => {
  it('excludes the working days from the letter to the answer', () => {
    const d = computeDeadline(cal, [
      inPerson('2023-03-01'),
      { type: 'consultation_started', date: '2023-03-06', id: 'A', party: 'third_party' },
      { type: 'consultation_ended', date: '2023-03-10', id: 'A' },
    ]);
    // 20 working days would end 2023-03-29; four excluded days move it past 清明 (2023-04-05 is a holiday).
    expect(d.due).toBe('2023-04-04');
  });

  it('counts an unanswered consultation as ending after 15 working days', () => {
    const open = computeDeadline(cal, [
      inPerson('2023-03-01'),
      { type: 'consultation_started', date: '2023-03-06', id: 'A', party: 'agency' },
    ]);
    expect(open.status).toBe('consulting');
    const lapsed = computeDeadline(cal, [
      inPerson('2023-03-01'),
      { type: 'consultation_started', date: '2023-03-06', id: 'A', party: 'agency' },
      { type: 'consultation_ended', date: '2023-05-30', id: 'A' },
    ]);
    expect(open.due).toBe(lapsed.due);
    // 20 + 15 working days after 2023-03-01 (清明 04-05 and 劳动节 04-29..05-03 with 调休 04-23, 05-06).
    expect(lapsed.due).toBe('2023-04-20');
  });

  it('does not count overlapping consultations twice', () => {
    const d = computeDeadline(cal, [
      inPerson('2023-03-01'),
      { type: 'consultation_started', date: '2023-03-06', id: 'A', party: 'third_party' },
      { type: 'consultation_started', date: '2023-03-08', id: 'B', party: 'agency' },
      { type: 'consultation_ended', date: '2023-03-09', id: 'B' },
      { type: 'consultation_ended', date: '2023-03-10', id: 'A' },
    ]);
    expect(d.due).toBe('2023-04-04');
  });

  it('refuses the end of a consultation that never started', () => {
    expect(refusal([inPerson('2023-03-01'), { type: 'consultation_ended', date: '2023-03-10', id: 'X' }])).toBe(
      '没有名为“X”的征求意见',
    );
  });
});

describe('国办函〔2020〕109号: fee notices', () => {
  it('gives 20 working days to pay and stops the reply clock meanwhile (a setting)', () => {
    const waiting = computeDeadline(cal, [inPerson('2024-09-02'), { type: 'fee_notice_sent', date: '2024-09-10' }]);
    expect(waiting).toMatchObject({ status: 'awaiting_payment', due: null, feePaymentDue: '2024-10-14' });
    const paid = computeDeadline(cal, [
      inPerson('2024-09-02'),
      { type: 'fee_notice_sent', date: '2024-09-10' },
      { type: 'fee_paid', date: '2024-09-13' },
    ]);
    // Without the fee: 2024-09-30. The three working days 09-11..09-13 are not counted.
    expect(computeDeadline(cal, [inPerson('2024-09-02')]).due).toBe('2024-09-30');
    expect(paid.due).toBe('2024-10-10');
    const running = computeDeadline(
      cal,
      [
        inPerson('2024-09-02'),
        { type: 'fee_notice_sent', date: '2024-09-10' },
        { type: 'fee_paid', date: '2024-09-13' },
      ],
      {
        settings: { feePausesClock: false },
      },
    );
    expect(running.due).toBe('2024-09-30');
  });

  it('stays paused, without hanging, when a consultation or an extension comes while the fee is unpaid', () => {
    const d = computeDeadline(cal, [
      inPerson('2024-09-02'),
      { type: 'fee_notice_sent', date: '2024-09-10' },
      { type: 'consultation_started', date: '2024-09-11', id: 'A', party: 'third_party' },
      { type: 'extension_approved', date: '2024-09-12', days: 5 },
    ]);
    expect(d).toMatchObject({ status: 'awaiting_payment', due: null, feePaymentDue: '2024-10-14' });
  });

  it('ends the application when the fee is not paid in time, and refuses an early lapse', () => {
    const d = computeDeadline(cal, [
      inPerson('2024-09-02'),
      { type: 'fee_notice_sent', date: '2024-09-10' },
      { type: 'fee_expired', date: '2024-10-15' },
    ]);
    expect(d.status).toBe('abandoned_fee');
    expect(
      refusal([
        inPerson('2024-09-02'),
        { type: 'fee_notice_sent', date: '2024-09-10' },
        { type: 'fee_expired', date: '2024-10-14' },
      ]),
    ).toBe('缴费期限至2024-10-14，2024-10-14尚未逾期');
  });
});

describe('decisions, overdue and impossible ledgers', () => {
  it('reports working days left and overdue as of today', () => {
    expect(computeDeadline(cal, [inPerson('2024-09-27')], { today: '2024-10-28' })).toMatchObject({
      workingDaysLeft: 2,
      overdue: false,
    });
    expect(computeDeadline(cal, [inPerson('2024-09-27')], { today: '2024-11-01' })).toMatchObject({
      workingDaysLeft: -2,
      overdue: true,
    });
  });

  it('judges a decision against the due date', () => {
    const late = computeDeadline(cal, [inPerson('2024-09-27'), { type: 'decided', date: '2024-11-04' }]);
    expect(late).toMatchObject({ status: 'decided', overdue: true, decidedOn: '2024-11-04' });
    expect(late.explanation.at(-1)?.text).toBe('2024年11月4日作出答复，超过期限3个工作日');
  });

  it('refuses a decision before receipt, two receipts, events after the decision, and bad dates', () => {
    expect(refusal([inPerson('2024-09-27'), { type: 'decided', date: '2024-09-20' }])).toBe(
      '“作出答复”（2024-09-20）早于收到申请（2024-09-27）',
    );
    expect(refusal([inPerson('2024-09-27'), inPerson('2024-09-28')])).toBe('台账中有多条“收到申请”记录');
    expect(
      refusal([
        inPerson('2024-09-27'),
        { type: 'decided', date: '2024-10-08' },
        { type: 'extension_approved', date: '2024-10-09', days: 5 },
      ]),
    ).toBe('申请已于2024-10-08办结，之后不能再记录“批准延期”');
    expect(refusal([inPerson('2024-02-30')])).toBe('第1条记录的日期“2024-02-30”不是有效日期（应为 YYYY-MM-DD）');
    expect(refusal([])).toBe('台账中没有“收到申请”记录');
  });

  it('explains every step with the article applied', () => {
    const d = computeDeadline(cal, [
      inPerson('2024-09-27'),
      { type: 'extension_approved', date: '2024-10-28', days: 20 },
    ]);
    expect(d.explanation.map((l) => l.basis)).toEqual([
      '《政府信息公开条例》第三十一条',
      '《政府信息公开条例》第三十条',
      '《政府信息公开条例》第三十三条第二款；《民法典》第二百零一条、第二百零三条（期间计算）',
      '《政府信息公开条例》第三十三条第二款',
      '《政府信息公开条例》第三十三条第二款',
    ]);
    expect(d.explanation.at(-1)?.text).toBe('答复期限：2024年11月27日（星期三）（含延长20个工作日）');
  });
});

describe('条例 第三十五条: a reasonable later deadline for numerous requests', () => {
  it('replaces the computed deadline, set before the old one ran out and later than it', () => {
    const d = computeDeadline(cal, [
      inPerson('2024-09-27'),
      { type: 'deadline_deferred', date: '2024-10-20', newDue: '2024-12-31' },
    ]);
    expect(d.due).toBe('2024-12-31');
    expect(d.explanation.find((l) => l.basis === '《政府信息公开条例》第三十五条')).toBeDefined();
    expect(
      refusal([inPerson('2024-09-27'), { type: 'deadline_deferred', date: '2024-10-20', newDue: '2024-10-29' }]),
    ).toBe('延后的答复期限（2024-10-29）应晚于现有期限（2024-10-30）');
  });
});

describe('条例 第二十六条: proactive disclosure within 20 working days', () => {
  it('counts from the day the information was formed', async () => {
    const { proactiveDisclosureDue } = await import('./proactive-disclosure.ts');
    expect(proactiveDisclosureDue(cal, '2024-09-27').date).toBe('2024-10-30');
    expect(proactiveDisclosureDue(cal, '2024-09-27', { days: 5 }).date).toBe('2024-10-10');
  });
});

describe('any ledger', () => {
  it('is either refused with a reason or gives a due date that is a working day (fuzzed)', async () => {
    const fc = (await import('fast-check')).default;
    const { addDays } = await import('../calendar/dates.ts');
    const event = fc.oneof(
      fc.record({ type: fc.constant('correction_requested' as const), d: fc.nat(60) }),
      fc.record({ type: fc.constant('correction_received' as const), d: fc.nat(60) }),
      fc.record({ type: fc.constant('correction_expired' as const), d: fc.nat(60) }),
      fc.record({
        type: fc.constant('extension_approved' as const),
        d: fc.nat(60),
        days: fc.integer({ min: 0, max: 25 }),
      }),
      fc.record({ type: fc.constant('consultation_started' as const), d: fc.nat(60), id: fc.constantFrom('A', 'B') }),
      fc.record({ type: fc.constant('consultation_ended' as const), d: fc.nat(60), id: fc.constantFrom('A', 'B') }),
      fc.record({ type: fc.constant('fee_notice_sent' as const), d: fc.nat(60) }),
      fc.record({ type: fc.constant('fee_paid' as const), d: fc.nat(60) }),
      fc.record({ type: fc.constant('fee_expired' as const), d: fc.nat(60) }),
      fc.record({ type: fc.constant('decided' as const), d: fc.nat(60) }),
    );
    fc.assert(
      fc.property(fc.nat(7 * 365), fc.array(event, { maxLength: 8 }), (start, items) => {
        const received = addDays('2019-06-01', start);
        const ledger: ClockEvent[] = [
          inPerson(received),
          ...items.map((x): ClockEvent => {
            const date = addDays(received, x.d);
            switch (x.type) {
              case 'extension_approved':
                return { type: x.type, date, days: x.days };
              case 'consultation_started':
                return { type: x.type, date, id: x.id, party: 'third_party' };
              case 'consultation_ended':
                return { type: x.type, date, id: x.id };
              default:
                return { type: x.type, date };
            }
          }),
        ];
        try {
          const d = computeDeadline(cal, ledger);
          return d.due === null || cal.isWorkingDay(d.due);
        } catch (e) {
          return e instanceof LedgerError && e.message.length > 0;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('extreme dates in a ledger (issue 18)', () => {
  const budgetMs = 200;
  /** The error computeDeadline throws, checking that it comes within the time budget. */
  function quickRefusal(ledger: ClockEvent[], options: Parameters<typeof computeDeadline>[2] = {}): unknown {
    const start = performance.now();
    let error: unknown;
    try {
      computeDeadline(cal, ledger, options);
    } catch (e) {
      error = e;
    }
    expect(performance.now() - start).toBeLessThan(budgetMs);
    return error;
  }

  it('refuses a deferred due date beyond the derived maximum, naming the newDue field', () => {
    for (const newDue of ['9999-12-31', '9998-12-31', '2026-09-27', '2025-02-13']) {
      const error = quickRefusal([inPerson('2024-09-27'), { type: 'deadline_deferred', date: '2024-10-20', newDue }]);
      expect(error).toBeInstanceOf(LedgerError);
      expect(error).toMatchObject({ index: 1, field: 'newDue' });
    }
    expect(
      refusal([inPerson('2024-09-27'), { type: 'deadline_deferred', date: '2024-10-20', newDue: '2025-02-13' }]),
    ).toBe('延后的答复期限（2025-02-13）超出合理范围：最迟为自2024年9月27日起90个工作日，即2025-02-12');
    const latest = computeDeadline(cal, [
      inPerson('2024-09-27'),
      { type: 'deadline_deferred', date: '2024-10-20', newDue: '2025-02-12' },
    ]);
    expect(latest.due).toBe('2025-02-12');
  });

  it('refuses a ledger whose dates lie more than ten years from the receipt, before counting anything', () => {
    const error = quickRefusal([
      inPerson('2024-09-27'),
      { type: 'fee_notice_sent', date: '2024-10-08' },
      { type: 'fee_paid', date: '9999-12-31' },
    ]);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).message).toBe(
      '“已缴费”的日期（9999-12-31）与收到申请之日（2024-09-27）相隔超过十年，超出可计算的范围，请核对',
    );
    expect(
      quickRefusal([{ type: 'received', date: '2024-09-27', channel: 'fax', confirmedOn: '9998-12-31' }]),
    ).toMatchObject({ field: 'confirmedOn' });
  });

  it('counts a long pause within the ten years quickly (one walk, not one per pass)', () => {
    const start = performance.now();
    const d = computeDeadline(cal, [
      inPerson('2019-01-02'),
      { type: 'fee_notice_sent', date: '2019-01-03' },
      { type: 'fee_paid', date: '2028-12-01' },
    ]);
    expect(performance.now() - start).toBeLessThan(budgetMs);
    expect(d.due! > '2028-12-01').toBe(true);
  });

  it('computes at the ends of the four-digit years, or refuses with a DateRangeError', () => {
    expect(computeDeadline(cal, [inPerson('0001-01-01')]).due).toBe('0001-01-29');
    expect(quickRefusal([inPerson('9999-12-31')])).toBeInstanceOf(DateRangeError);
    expect(quickRefusal([inPerson('2024-09-27')], { today: '9999-12-31' })).toBeInstanceOf(DateRangeError);
    expect(quickRefusal([inPerson('2024-09-27')], { today: '0001-01-01' })).toBeInstanceOf(DateRangeError);
    expect(quickRefusal([inPerson('2024-09-27')], { settings: { replyDays: 1e9 } })).toBeInstanceOf(DateRangeError);
  });

  it('refuses events years before the receipt, and a reversed consultation', () => {
    expect(refusal([inPerson('2024-09-27'), { type: 'decided', date: '0001-01-01' }])).toBe(
      '“作出答复”（0001-01-01）早于收到申请（2024-09-27）',
    );
    expect(
      refusal([
        inPerson('2024-09-27'),
        { type: 'consultation_ended', date: '2024-10-08', id: 'A' },
        { type: 'consultation_started', date: '2024-10-09', id: 'A', party: 'agency' },
      ]),
    ).toBe('没有名为“A”的征求意见');
  });

  it('returns or refuses quickly whatever the dates (fuzzed over 0001-01-01 … 9999-12-31)', async () => {
    const fc = (await import('fast-check')).default;
    const { addDays } = await import('../calendar/dates.ts');
    const anyDay = fc.integer({ min: 0, max: 3_652_058 }).map((n) => addDays('0001-01-01', n));
    const nearOrFar = fc.oneof(anyDay, fc.integer({ min: -30, max: 4000 }));
    const step = fc.record({
      type: fc.constantFrom(
        'correction_requested',
        'correction_received',
        'consultation_started',
        'consultation_ended',
        'fee_notice_sent',
        'fee_paid',
        'deadline_deferred',
        'decided',
      ),
      when: nearOrFar,
      newDue: nearOrFar,
    });
    fc.assert(
      fc.property(
        fc.oneof(anyDay, fc.constant('2024-09-27')),
        fc.array(step, { maxLength: 6 }),
        anyDay,
        (received, steps, today) => {
          const at = (x: string | number) => (typeof x === 'string' ? x : safeAdd(received, x));
          const ledger: ClockEvent[] = [inPerson(received)];
          for (const s of steps) {
            const date = at(s.when);
            if (date === null) {
              continue;
            }
            switch (s.type) {
              case 'consultation_started':
                ledger.push({ type: s.type, date, id: 'A', party: 'third_party' });
                break;
              case 'consultation_ended':
                ledger.push({ type: s.type, date, id: 'A' });
                break;
              case 'deadline_deferred':
                ledger.push({ type: s.type, date, newDue: at(s.newDue) ?? '9999-12-31' });
                break;
              default:
                ledger.push({ type: s.type, date });
            }
          }
          const error = quickRefusal(ledger, { today });
          return error === undefined || error instanceof LedgerError || error instanceof DateRangeError;
        },
      ),
      { numRuns: 300, seed: 18 },
    );

    function safeAdd(date: string, days: number): string | null {
      try {
        return addDays(date, days);
      } catch {
        return null;
      }
    }
  });
});
