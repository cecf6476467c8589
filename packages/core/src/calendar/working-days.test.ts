import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialCalendarData } from '../testing.ts';
import { addDays, DateRangeError } from './dates.ts';
import {
  addWorkingDays,
  createCalendar,
  nextWorkingDay,
  workingDaysBetween,
  type WorkCalendar,
} from './working-days.ts';

const cal = createCalendar(officialCalendarData());
const dateIn2019to2026 = fc.integer({ min: 0, max: 365 * 8 - 60 }).map((n) => addDays('2019-01-01', n));

describe('working days over the official 2019–2026 calendar', () => {
  it('a computed due date is always a working day (so never ends on a holiday: 民法典 第二百零三条)', () => {
    fc.assert(
      fc.property(dateIn2019to2026, fc.integer({ min: 1, max: 60 }), (start, n) =>
        cal.isWorkingDay(addWorkingDays(cal, start, n).date),
      ),
    );
  });

  it('adding more days never gives an earlier date', () => {
    fc.assert(
      fc.property(
        dateIn2019to2026,
        fc.integer({ min: 1, max: 59 }),
        (start, n) => addWorkingDays(cal, start, n + 1).date > addWorkingDays(cal, start, n).date,
      ),
    );
  });

  it('counting between is the inverse of adding', () => {
    fc.assert(
      fc.property(
        dateIn2019to2026,
        fc.integer({ min: 1, max: 60 }),
        (start, n) => workingDaysBetween(cal, start, addWorkingDays(cal, start, n).date).days === n,
      ),
    );
  });

  it('counting the start day (a setting) shortens the period by one day when the start is a working day', () => {
    expect(addWorkingDays(cal, '2024-09-27', 20, { countStartDay: true }).date).toBe('2024-10-29');
    // A Saturday start counts nothing either way.
    expect(addWorkingDays(cal, '2024-09-28', 1, { countStartDay: true }).date).toBe('2024-09-29');
  });

  it('overrides win over the base data, and a year can be declared known', () => {
    const local = createCalendar(
      officialCalendarData(),
      [{ date: '2024-10-08', kind: 'holiday', note: '本地顺延' }],
      [2027],
    );
    expect(local.isWorkingDay('2024-10-08')).toBe(false);
    expect(local.describe('2024-10-08')).toBe('休息日（管理员设置：本地顺延）');
    expect(nextWorkingDay(local, '2024-10-01')).toBe('2024-10-09');
    expect(local.isKnownYear(2027)).toBe(true);
  });

  it('counts backwards as a negative number', () => {
    expect(workingDaysBetween(cal, '2024-10-30', '2024-09-27').days).toBe(-20);
  });
});

/** Runs `f` and returns how long it took, in milliseconds; each extreme case below must be quick. */
function timed(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

describe('every calendar walk is bounded (issue 18)', () => {
  const extremes = ['0001-01-01', '1899-12-31', '9998-12-31', '9999-12-31'] as const;

  it('refuses spans longer than ten years at once, in either direction', () => {
    for (const far of extremes) {
      let error: unknown;
      const ms = timed(() => {
        try {
          workingDaysBetween(cal, '2024-09-27', far);
        } catch (e) {
          error = e;
        }
      });
      expect(error).toBeInstanceOf(DateRangeError);
      expect(ms).toBeLessThan(100);
    }
    expect(() => workingDaysBetween(cal, '9999-12-31', '0001-01-01')).toThrow(/超出可计算的范围/u);
    expect(() => workingDaysBetween(cal, '2024-01-01', '2034-01-02')).toThrow(DateRangeError);
    expect(workingDaysBetween(cal, '2034-01-01', '2024-01-01').days).toBeLessThan(-2500);
  });

  it('refuses what is not a date instead of walking towards it', () => {
    expect(() => workingDaysBetween(cal, '2024-01-01', 'zzzz')).toThrow(DateRangeError);
    expect(() => workingDaysBetween(cal, '2024-1-1', '2024-01-05')).toThrow(DateRangeError);
    expect(() => addWorkingDays(cal, '', 1)).toThrow(DateRangeError);
    expect(() => nextWorkingDay(cal, '2024-02-30')).toThrow(DateRangeError);
  });

  it('refuses to add more working days than ten years hold, and stops at 9999-12-31', () => {
    const ms = timed(() => {
      expect(() => addWorkingDays(cal, '2024-09-27', 1_000_000_000)).toThrow(DateRangeError);
      expect(() => addWorkingDays(cal, '2024-09-27', 3000)).toThrow(/超出可计算的范围/u);
      expect(() => addWorkingDays(cal, '9999-12-31', 1)).toThrow(DateRangeError);
    });
    expect(ms).toBeLessThan(500);
    expect(addWorkingDays(cal, '0001-01-01', 20).date).toBe('0001-01-29');
    expect(addWorkingDays(cal, '9999-12-01', 20).date).toBe('9999-12-29');
  });

  it('gives up looking for a working day in a calendar of rest days', () => {
    const never: WorkCalendar = { isWorkingDay: () => false, isKnownYear: () => true, describe: () => '休息日' };
    const ms = timed(() => {
      expect(() => nextWorkingDay(never, '2024-01-01')).toThrow(DateRangeError);
      expect(() => addWorkingDays(never, '2024-01-01', 1)).toThrow(DateRangeError);
      expect(() => workingDaysBetween(never, '2024-01-01', '2033-12-31')).not.toThrow();
    });
    expect(ms).toBeLessThan(500);
  });
});
