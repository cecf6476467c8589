import { createCalendar, type WorkCalendar } from '@xxgk/core';
import { listCalendarOverrides, listCalendarYears, type Executor } from '@xxgk/db';
import { chineseDaysCalendar } from './chinese-days-data.ts';

/**
 * The calendar every deadline is computed on: the official schedule from chinese-days, overridden by
 * the dates a system administrator set, with the years an imported schedule declared complete.
 */
export async function loadCalendar(ex: Executor): Promise<WorkCalendar> {
  const [overrides, years] = await Promise.all([listCalendarOverrides(ex), listCalendarYears(ex)]);
  return createCalendar(
    chineseDaysCalendar(),
    overrides.map((o) => ({ date: o.date, kind: o.kind, note: o.note })),
    years.map((y) => y.year),
  );
}

/** The calendar without a database: the official schedule only (for `xxgk workdays` with no data directory). */
export function officialCalendar(): WorkCalendar {
  return createCalendar(chineseDaysCalendar());
}
