import { DomainError, shanghaiDate, type Actor, SYSTEM_SCOPE } from '@xxgk/core';
import { deleteCalendarOverride, findCalendarOverride, upsertCalendarOverride } from '@xxgk/db';
import { z } from 'zod';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { builtOnce, legalDate, parseInput, plausibleDates, type DateRange } from '../validation.ts';

/**
 * One date set by hand. Given a range the date must lie in it (setCalendarDay passes the plausible
 * dates as of today: through next year, whose schedule is announced late in this one); without, only
 * its form is checked (the route's schema).
 */
export const calendarDayInput = builtOnce((range?: DateRange) => {
  return z.object({
    date: legalDate('日期', range),
    kind: z.enum(['workday', 'holiday'], { error: '类型应为 workday（工作日）或 holiday（休息日）' }),
    note: z.string().trim().max(100, '说明不能超过100个字').default(''),
  });
});
export const CalendarDayInput = calendarDayInput();
export type CalendarDayInput = z.input<typeof CalendarDayInput>;

/** A system administrator sets one date as a working day or a rest day, over the official data. */
export async function setCalendarDay(
  ctx: AppContext,
  { actor, input, meta }: { actor: Actor; input: CalendarDayInput; meta: RequestMeta },
): Promise<void> {
  const day = parseInput(calendarDayInput(plausibleDates(shanghaiDate(ctx.now()))), input);
  await authorize(ctx, actor, meta, 'calendar.manage', SYSTEM_SCOPE, {
    action: 'calendar.set',
    targetType: 'calendar_day',
    targetId: day.date,
  });
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findCalendarOverride(trx, day.date);
    await upsertCalendarOverride(trx, { ...day, updated_by: actor.username, updated_at: iso(ctx.now()) });
    await audit(trx, ctx, actor, meta, {
      action: 'calendar.set',
      agencyId: null,
      targetType: 'calendar_day',
      targetId: day.date,
      ...(before === undefined ? {} : { before: { kind: before.kind, note: before.note } }),
      after: { kind: day.kind, note: day.note },
    });
  });
}

/** Removes an override, so the official data applies to that date again. */
export async function clearCalendarDay(
  ctx: AppContext,
  { actor, date, meta }: { actor: Actor; date: string; meta: RequestMeta },
): Promise<void> {
  await authorize(ctx, actor, meta, 'calendar.manage', SYSTEM_SCOPE, {
    action: 'calendar.clear',
    targetType: 'calendar_day',
    targetId: date,
  });
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findCalendarOverride(trx, date);
    if (before === undefined) {
      throw new DomainError('NOT_FOUND', `${date} 没有人工设置`);
    }
    await deleteCalendarOverride(trx, date);
    await audit(trx, ctx, actor, meta, {
      action: 'calendar.clear',
      agencyId: null,
      targetType: 'calendar_day',
      targetId: date,
      before: { kind: before.kind, note: before.note },
    });
  });
}
