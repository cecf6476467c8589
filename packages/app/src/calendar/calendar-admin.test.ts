import { addWorkingDays } from '@xxgk/core';
import { listAudit } from '@xxgk/db';
import { expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { describeApp, TEST_META } from '../testing.ts';
import { calendarStatus } from './calendar-status.ts';
import { importCalendar, parseCalendarCsv } from './import-calendar.ts';
import { loadCalendar } from './load-calendar.ts';
import { clearCalendarDay, setCalendarDay } from './set-calendar-day.ts';

const SCHEDULE_2027 = `date,kind,note
# 国务院办公厅关于2027年部分节假日安排的通知（示例数据）
2027-01-01,holiday,元旦
2027-02-06,工作日,春节调休
2027-02-08,休息日,春节
`;

describeApp('calendar administration', (t) => {
  it('lets a system admin mark a date, which every deadline then follows, and audits it', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('admin');
    expect(addWorkingDays(await loadCalendar(ctx.db), '2024-10-08', 1).date).toBe('2024-10-09');
    await setCalendarDay(ctx, {
      actor: admin,
      input: { date: '2024-10-09', kind: 'holiday', note: '本市防汛停工' },
      meta: TEST_META,
    });
    expect(addWorkingDays(await loadCalendar(ctx.db), '2024-10-08', 1).date).toBe('2024-10-10');
    await clearCalendarDay(ctx, { actor: admin, date: '2024-10-09', meta: TEST_META });
    expect(addWorkingDays(await loadCalendar(ctx.db), '2024-10-08', 1).date).toBe('2024-10-09');
    const log = await listAudit(ctx.db, { action: 'calendar.', limit: 10, offset: 0 });
    expect(log.rows.map((r) => r.action)).toEqual(['calendar.clear', 'calendar.set']);
  });

  it('refuses anyone else, and audits the refusal', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    await expect(
      setCalendarDay(ctx, {
        actor: await actor('supervisor'),
        input: { date: '2024-10-09', kind: 'holiday' },
        meta: TEST_META,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await listAudit(ctx.db, { outcome: 'denied', limit: 1, offset: 0 })).rows[0]?.action).toBe('calendar.set');
  });

  it('shows a banner from 1 November while next year is missing, gone once it is imported', async () => {
    const { ctx, actor, clock } = t();
    await seedDemo(ctx);
    expect((await calendarStatus(ctx)).banner).toContain('2027年的法定节假日安排尚未录入');
    const result = await importCalendar(ctx, {
      actor: await actor('admin'),
      days: parseCalendarCsv(SCHEDULE_2027),
      meta: TEST_META,
      note: '国办发明电',
    });
    expect(result).toEqual({ days: 3, years: [2027] });
    const status = await calendarStatus(ctx);
    expect(status).toMatchObject({ nextYear: 2027, nextYearKnown: true, banner: null });
    const cal = await loadCalendar(ctx.db);
    expect(cal.isWorkingDay('2027-02-06')).toBe(true);
    expect(addWorkingDays(cal, '2026-12-30', 2)).toEqual({ date: '2027-01-04', warnings: [] });
    clock.advanceMinutes(-60 * 24 * 60);
    expect((await calendarStatus(ctx)).banner).toBeNull();
  });
});

it('parses a schedule, naming every bad line', () => {
  expect(() => parseCalendarCsv('2027-13-01,holiday\n2027-01-02,maybe')).toThrow(
    '第1行：日期“2027-13-01”无效（应为 YYYY-MM-DD）；第2行：类型“maybe”无效（应为 workday/工作日 或 holiday/休息日）',
  );
  expect(parseCalendarCsv(SCHEDULE_2027)).toEqual([
    { date: '2027-01-01', kind: 'holiday', note: '元旦' },
    { date: '2027-02-06', kind: 'workday', note: '春节调休' },
    { date: '2027-02-08', kind: 'holiday', note: '春节' },
  ]);
});
