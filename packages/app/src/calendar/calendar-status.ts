import { shanghaiDate } from '@xxgk/core';
import type { AppContext } from '../context.ts';
import { loadCalendar } from './load-calendar.ts';

export interface CalendarStatus {
  readonly today: string;
  readonly currentYearKnown: boolean;
  readonly nextYear: number;
  readonly nextYearKnown: boolean;
  /** From 1 November, when next year's schedule is still missing: the admin shows a banner. */
  readonly banner: string | null;
}

/** Whether the calendar knows this year and next; the State Council publishes next year's around November. */
export async function calendarStatus(ctx: AppContext): Promise<CalendarStatus> {
  const cal = await loadCalendar(ctx.db);
  const today = shanghaiDate(ctx.now());
  const year = Number(today.slice(0, 4));
  const currentYearKnown = cal.isKnownYear(year);
  const nextYearKnown = cal.isKnownYear(year + 1);
  let banner: string | null = null;
  if (!currentYearKnown) {
    banner = `${year}年的法定节假日安排尚未录入，所有办理期限按普通周末推算，可能不准确。请系统管理员立即补充。`;
  } else if (!nextYearKnown && today >= `${year}-11-01`) {
    banner = `${year + 1}年的法定节假日安排尚未录入：跨年的办理期限将按普通周末推算。国务院办公厅通知发布后，请系统管理员在“节假日设置”中导入。`;
  }
  return { today, currentYearKnown, nextYear: year + 1, nextYearKnown, banner };
}
