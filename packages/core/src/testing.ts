import { addDays, isWeekend } from './calendar/dates.ts';
import type { CalendarData } from './calendar/working-days.ts';

/**
 * docs/rules.md#calendar: the weekday holidays and weekend workdays (调休) of 2019–2026 as the State Council's
 * notices set them, for tests. The app's chinese-days calendar is checked against this table, and
 * core's own tests compute deadlines over it.
 */
export const OFFICIAL_SCHEDULE: Readonly<Record<number, readonly [holidays: string, workdays: string]>> = {
  2019: [
    '01-01; 02-04..02-08; 04-05; 05-01..05-03; 06-07; 09-13; 10-01..10-04, 10-07',
    '02-02, 02-03, 04-28, 05-05, 09-29, 10-12',
  ],
  2020: [
    '01-01; 01-24, 01-27..01-31; 04-06; 05-01, 05-04, 05-05; 06-25, 06-26; 10-01, 10-02, 10-05..10-08',
    '01-19, 04-26, 05-09, 06-28, 09-27, 10-10',
  ],
  2021: [
    '01-01; 02-11, 02-12, 02-15..02-17; 04-05; 05-03..05-05; 06-14; 09-20, 09-21; 10-01, 10-04..10-07',
    '02-07, 02-20, 04-25, 05-08, 09-18, 09-26, 10-09',
  ],
  2022: [
    '01-03; 01-31..02-04; 04-04, 04-05; 05-02..05-04; 06-03; 09-12; 10-03..10-07',
    '01-29, 01-30, 04-02, 04-24, 05-07, 10-08, 10-09',
  ],
  2023: [
    '01-02; 01-23..01-27; 04-05; 05-01..05-03; 06-22, 06-23; 09-29; 10-02..10-06',
    '01-28, 01-29, 04-23, 05-06, 06-25, 10-07, 10-08',
  ],
  2024: [
    '01-01; 02-12..02-16; 04-04, 04-05; 05-01..05-03; 06-10; 09-16, 09-17; 10-01..10-04, 10-07',
    '02-04, 02-18, 04-07, 04-28, 05-11, 09-14, 09-29, 10-12',
  ],
  2025: [
    '01-01; 01-28..01-31, 02-03, 02-04; 04-04; 05-01, 05-02, 05-05; 06-02; 10-01..10-03, 10-06..10-08',
    '01-26, 02-08, 04-27, 09-28, 10-11',
  ],
  2026: [
    '01-01, 01-02; 02-16..02-20, 02-23; 04-06; 05-01, 05-04, 05-05; 06-19; 09-25; 10-01, 10-02, 10-05..10-07',
    '01-04, 02-14, 02-28, 05-09, 09-20, 10-10',
  ],
};

/** Expands `01-28..01-31, 02-03` into dates of the year (weekdays only inside a range). */
export function expandSchedule(year: number, list: string): string[] {
  return list
    .split(/[;,]\s*/)
    .filter((p) => p.trim() !== '')
    .flatMap((part) => {
      const [from, to] = part.trim().split('..');
      const start = `${year}-${from}`;
      if (to === undefined) {
        return [start];
      }
      const out: string[] = [];
      for (let d = start; d <= `${year}-${to}`; d = addDays(d, 1)) {
        if (!isWeekend(d)) {
          out.push(d);
        }
      }
      return out;
    });
}

/** The official 2019–2026 calendar as CalendarData. */
export function officialCalendarData(): CalendarData {
  const holidays = new Map<string, string>();
  const makeUpWorkdays = new Map<string, string>();
  for (const [y, [h, w]] of Object.entries(OFFICIAL_SCHEDULE)) {
    expandSchedule(Number(y), h).forEach((d) => holidays.set(d, '节假日'));
    expandSchedule(Number(y), w).forEach((d) => makeUpWorkdays.set(d, '调休上班'));
  }
  return { holidays, makeUpWorkdays, coveredYears: new Set(Object.keys(OFFICIAL_SCHEDULE).map(Number)) };
}
