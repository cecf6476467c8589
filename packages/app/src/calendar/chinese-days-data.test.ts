import { addDays, addWorkingDays, createCalendar, isWeekend, workingDaysBetween } from '@xxgk/core';
import { expandSchedule as expand, OFFICIAL_SCHEDULE as SCHEDULE } from '@xxgk/core/testing';
import { describe, expect, it } from 'vitest';
import { chineseDaysCalendar } from './chinese-days-data.ts';

const cal = createCalendar(chineseDaysCalendar());

describe('the official calendar, 2019–2026 (docs/rules.md#calendar)', () => {
  it.each(Object.entries(SCHEDULE))(
    '%s has exactly the notice’s holidays and 调休 workdays',
    (y, [holidays, workdays]) => {
      const year = Number(y);
      const weekdayHolidays: string[] = [];
      const weekendWorkdays: string[] = [];
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        if (isWeekend(d) && cal.isWorkingDay(d)) {
          weekendWorkdays.push(d);
        }
        if (!isWeekend(d) && !cal.isWorkingDay(d)) {
          weekdayHolidays.push(d);
        }
      }
      expect(weekdayHolidays).toEqual(expand(year, holidays));
      expect(weekendWorkdays).toEqual(expand(year, workdays));
      expect(cal.isKnownYear(year)).toBe(true);
    },
  );

  it('does not know 2027 yet, and says so on any date computed through it', () => {
    expect(cal.isKnownYear(2027)).toBe(false);
    const result = addWorkingDays(cal, '2026-12-15', 20);
    expect(result.warnings).toEqual([
      '2027年的法定节假日安排尚未录入，期间按普通周末推算，结果可能不准确，请在节假日设置中补充2027年安排',
    ]);
  });

  // docs/rules.md#counting worked examples: start day excluded, chinese-days 1.5.7 calendar.
  it.each([
    ['2024-09-27', 20, '2024-10-30'],
    ['2025-01-20', 20, '2025-02-21'],
    ['2023-12-25', 20, '2024-01-23'],
    ['2026-02-10', 7, '2026-02-26'],
    ['2026-02-10', 20, '2026-03-16'],
  ])('条例第三十三条: received %s, %i working days → %s', (start, n, due) => {
    expect(addWorkingDays(cal, start, n)).toEqual({ date: due, warnings: [] });
    expect(workingDaysBetween(cal, start, due).days).toBe(n);
  });

  it('counts the 调休 Saturday and skips the holiday week around National Day', () => {
    expect(cal.describe('2024-10-12')).toBe('调休工作日（国庆节调休上班）');
    expect(cal.describe('2024-10-03')).toBe('法定节假日（国庆节）');
    expect(addWorkingDays(cal, '2024-09-30', 1).date).toBe('2024-10-08');
  });

  it('the 2020 Spring Festival extension: 2020-02-01 is not a workday and 01-31 is a holiday', () => {
    expect(cal.isWorkingDay('2020-01-31')).toBe(false);
    expect(cal.isWorkingDay('2020-02-01')).toBe(false);
    expect(cal.isWorkingDay('2020-02-03')).toBe(true);
  });

  it('year ends: 2025-12-31 is a working day, 2026-01-01 and 01-02 are not, 2026-01-04 (Sunday) is', () => {
    expect(addWorkingDays(cal, '2025-12-31', 1).date).toBe('2026-01-04');
  });
});
