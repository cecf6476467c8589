import { addDays, DateRangeError, daysBetween, isIsoDate, isWeekend, MAX_WALK_DAYS, yearOf } from './dates.ts';

/**
 * The working-day calendar of the People's Republic of China: Monday to Friday, less the statutory
 * holidays (《全国年节及纪念日放假办法》), plus the weekend days the State Council's yearly notice makes
 * working days (调休上班). The data is passed in — from the chinese-days package and the database's
 * override table (packages/app/src/calendar) — so this module stays pure.
 */
export interface CalendarData {
  /** Weekdays that are not working days, with the holiday's name (e.g. `2024-10-01 → 国庆节`). */
  readonly holidays: ReadonlyMap<string, string>;
  /** Saturdays and Sundays that are working days (调休), with the holiday they make up for. */
  readonly makeUpWorkdays: ReadonlyMap<string, string>;
  /** Years whose official schedule the data contains. Other years fall back to plain weekdays and are "unknown". */
  readonly coveredYears: ReadonlySet<number>;
}

/** A date an administrator has set by hand: a local extra holiday, a corrected 调休, next year's schedule. */
export interface CalendarOverride {
  readonly date: string;
  readonly kind: 'workday' | 'holiday';
  readonly note: string;
}

export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  /** Whether the official schedule of this year is in the data. */
  isKnownYear(year: number): boolean;
  /** Why the date is or is not a working day, in Chinese. */
  describe(date: string): string;
}

/** Builds a calendar from base data, with overrides winning over it and extra covered years added. */
export function createCalendar(
  data: CalendarData,
  overrides: readonly CalendarOverride[] = [],
  extraCoveredYears: readonly number[] = [],
): WorkCalendar {
  const forced = new Map(overrides.map((o) => [o.date, o]));
  const covered = new Set([...data.coveredYears, ...extraCoveredYears]);
  return {
    isWorkingDay(date) {
      const o = forced.get(date);
      if (o !== undefined) {
        return o.kind === 'workday';
      }
      if (isWeekend(date)) {
        return data.makeUpWorkdays.has(date);
      }
      return !data.holidays.has(date);
    },
    isKnownYear(year) {
      return covered.has(year);
    },
    describe(date) {
      const o = forced.get(date);
      if (o !== undefined) {
        return `${o.kind === 'workday' ? '工作日' : '休息日'}（管理员设置${o.note ? `：${o.note}` : ''}）`;
      }
      const holiday = data.holidays.get(date);
      if (holiday !== undefined) {
        return `法定节假日（${holiday}）`;
      }
      const makeUp = data.makeUpWorkdays.get(date);
      if (makeUp !== undefined) {
        return `调休工作日（${makeUp}）`;
      }
      return isWeekend(date) ? '周末' : '工作日';
    },
  };
}

/** How to count: whether the start day itself counts as day 1 when it is a working day. */
export interface CountingOptions {
  /**
   * Default false: the day of receipt is not counted and counting starts the next day
   * (民法典 第二百零一条, applied by convention; docs/rules.md#counting marks this UNCONFIRMED for 政府信息公开,
   * so it is a setting).
   */
  readonly countStartDay?: boolean;
}

/** A computed date and the warnings that come with it (years the calendar does not know). */
export interface DatedResult {
  readonly date: string;
  readonly warnings: readonly string[];
}

/** The warning for years whose official holiday schedule the calendar does not have. */
export function unknownYearWarning(years: Iterable<number>): string[] {
  return [...new Set(years)]
    .sort((a, b) => a - b)
    .map((y) => `${y}年的法定节假日安排尚未录入，期间按普通周末推算，结果可能不准确，请在节假日设置中补充${y}年安排`);
}

/**
 * The date on which `n` working days have passed since `start` (n ≥ 1). With the default counting,
 * `addWorkingDays(cal, '2024-09-27', 20)` is `2024-10-30`: the receipt day is not counted, the
 * National Day holidays are skipped and the 调休 Saturday 2024-10-12 counts. The result is always a
 * working day, so a period never ends on a holiday (民法典 第二百零三条 holds by construction).
 *
 * @throws DateRangeError when `start` is not a date, or reaching the date would walk more than
 *   {@link MAX_WALK_DAYS} calendar days (no statutory period comes near it).
 */
export function addWorkingDays(
  cal: WorkCalendar,
  start: string,
  n: number,
  options: CountingOptions = {},
): DatedResult {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`working days to add must be a positive integer, got ${n}`);
  }
  checkDate(start);
  if (n > MAX_WALK_DAYS) {
    throw tooLong(`${n}个工作日`);
  }
  const unknown = new Set<number>();
  const note = (date: string) => {
    if (!cal.isKnownYear(yearOf(date))) {
      unknown.add(yearOf(date));
    }
  };
  note(start);
  let counted = options.countStartDay === true && cal.isWorkingDay(start) ? 1 : 0;
  let date = start;
  for (let walked = 0; counted < n; walked += 1) {
    if (walked === MAX_WALK_DAYS) {
      throw tooLong(`自${start}起${n}个工作日`);
    }
    date = addDays(date, 1);
    note(date);
    if (cal.isWorkingDay(date)) {
      counted += 1;
    }
  }
  return { date, warnings: unknownYearWarning(unknown) };
}

/**
 * Working days after `from` up to and including `to`: the inverse of {@link addWorkingDays}
 * (`workingDaysBetween(a, addWorkingDays(a, n))` is n). Negative when `to` is before `from`.
 *
 * @throws DateRangeError when either is not a date, or they lie more than {@link MAX_WALK_DAYS}
 *   calendar days apart (checked before walking, so the refusal is immediate).
 */
export function workingDaysBetween(
  cal: WorkCalendar,
  from: string,
  to: string,
): { days: number; warnings: readonly string[] } {
  checkDate(from);
  checkDate(to);
  const span = daysBetween(from, to);
  if (Math.abs(span) > MAX_WALK_DAYS) {
    throw tooLong(`${from}至${to}`);
  }
  if (span < 0) {
    const back = workingDaysBetween(cal, to, from);
    return { days: -back.days, warnings: back.warnings };
  }
  const unknown = new Set<number>();
  let days = 0;
  let d = from;
  for (let i = 0; i < span; i += 1) {
    d = addDays(d, 1);
    if (!cal.isKnownYear(yearOf(d))) {
      unknown.add(yearOf(d));
    }
    if (cal.isWorkingDay(d)) {
      days += 1;
    }
  }
  return { days, warnings: unknownYearWarning(unknown) };
}

/**
 * The first working day on or after `date`.
 *
 * @throws DateRangeError when there is none within {@link MAX_WALK_DAYS} days (a calendar of
 *   nothing but rest days).
 */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  checkDate(date);
  let d = date;
  for (let walked = 0; !cal.isWorkingDay(d); walked += 1) {
    if (walked === MAX_WALK_DAYS) {
      throw tooLong(`自${date}起寻找工作日`);
    }
    d = addDays(d, 1);
  }
  return d;
}

function checkDate(date: string): void {
  if (!isIsoDate(date)) {
    throw new DateRangeError(`日期“${date}”不是有效日期（应为 YYYY-MM-DD）`);
  }
}

function tooLong(what: string): DateRangeError {
  return new DateRangeError(
    `${what}超出可计算的范围：工作日计算最长跨越${MAX_WALK_DAYS}天（约十年），请核对日期是否有误`,
  );
}
