import { SYSTEM_SCOPE } from '@xxgk/core';
import type { Actor } from '@xxgk/core';
import { listCalendarOverrides, listCalendarYears } from '@xxgk/db';
import { authorize } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';

export interface CalendarSettings {
  readonly overrides: {
    date: string;
    kind: 'workday' | 'holiday';
    note: string;
    updatedBy: string;
    updatedAt: string;
  }[];
  readonly years: { year: number; note: string }[];
}

/** The dates set by hand and the years declared complete: what the calendar screen lists. */
export async function listCalendarSettings(
  ctx: AppContext,
  { actor, meta }: { actor: Actor; meta: RequestMeta },
): Promise<CalendarSettings> {
  await authorize(ctx, actor, meta, 'calendar.manage', SYSTEM_SCOPE, {
    action: 'calendar.list',
    targetType: 'calendar',
    targetId: null,
  });
  const [overrides, years] = await Promise.all([listCalendarOverrides(ctx.db), listCalendarYears(ctx.db)]);
  return {
    overrides: overrides.map((o) => ({
      date: o.date,
      kind: o.kind,
      note: o.note,
      updatedBy: o.updated_by,
      updatedAt: o.updated_at,
    })),
    years: years.map((y) => ({ year: y.year, note: y.note })),
  };
}
