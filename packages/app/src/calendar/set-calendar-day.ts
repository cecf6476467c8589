import { DomainError, isIsoDate, type Actor, SYSTEM_SCOPE } from '@xxgk/core';
import { deleteCalendarOverride, findCalendarOverride, upsertCalendarOverride } from '@xxgk/db';
import { z } from 'zod';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';

export const CalendarDayInput = z.object({
  date: z.string().refine(isIsoDate, '日期应为 YYYY-MM-DD 格式的有效日期'),
  kind: z.enum(['workday', 'holiday'], { error: '类型应为 workday（工作日）或 holiday（休息日）' }),
  note: z.string().trim().max(100, '说明不能超过100个字').default(''),
});
export type CalendarDayInput = z.input<typeof CalendarDayInput>;

/** A system administrator sets one date as a working day or a rest day, over the official data. */
export async function setCalendarDay(
  ctx: AppContext,
  { actor, input, meta }: { actor: Actor; input: CalendarDayInput; meta: RequestMeta },
): Promise<void> {
  const day = parseInput(CalendarDayInput, input);
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
