import type { Executor } from './connection.ts';
import type { CalendarOverrideTable, CalendarYearTable } from './schema.ts';

export async function listCalendarOverrides(ex: Executor): Promise<CalendarOverrideTable[]> {
  return ex.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
}

export async function findCalendarOverride(ex: Executor, date: string): Promise<CalendarOverrideTable | undefined> {
  return ex.selectFrom('calendar_overrides').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function upsertCalendarOverride(ex: Executor, row: CalendarOverrideTable): Promise<void> {
  await ex
    .insertInto('calendar_overrides')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('date')
        .doUpdateSet({ kind: row.kind, note: row.note, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteCalendarOverride(ex: Executor, date: string): Promise<number> {
  const result = await ex.deleteFrom('calendar_overrides').where('date', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listCalendarYears(ex: Executor): Promise<CalendarYearTable[]> {
  return ex.selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

export async function upsertCalendarYear(ex: Executor, row: CalendarYearTable): Promise<void> {
  await ex
    .insertInto('calendar_years')
    .values(row)
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ note: row.note, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();
}
