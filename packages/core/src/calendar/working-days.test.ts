import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialCalendarData } from '../testing.ts';
import { addDays } from './dates.ts';
import { addWorkingDays, createCalendar, nextWorkingDay, workingDaysBetween } from './working-days.ts';

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
