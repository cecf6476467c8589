import { DomainError } from '../errors.ts';

/**
 * Legal dates are local `YYYY-MM-DD` strings meaning "through the end of that day" in Asia/Shanghai
 * (STYLE.md §12). These helpers do calendar arithmetic on them without time zones: a date is a day.
 */

/**
 * The longest span, in calendar days, that any computation over the working-day calendar walks:
 * ten years (3,653 days, ten years holding at most three 29 Februaries).
 *
 * Why a bound: working days are counted by walking the calendar a day at a time, so a span costs
 * its length. The longest period the 条例 gives one application is a few months — 20 working days
 * (第三十三条第二款), once extended by 20 (ibid.), plus the consultation periods it does not count
 * (第三十二条、第三十四条: 15 working days each) and an unpaid fee notice (国办函〔2020〕109号: 20
 * working days). A span of years can only come from a mistyped or hostile date: `9999-12-31` as a
 * deferred due date once walked millions of days and froze the server for minutes (issue 18).
 * Ten years is far beyond any real period and still costs about a millisecond, so a walk longer
 * than that is refused with {@link DateRangeError} instead of being taken.
 */
export const MAX_WALK_DAYS = 3653;

/**
 * A date the calendar refuses to compute with: not a real `YYYY-MM-DD` date, outside the years
 * 0001–9999, or a span longer than {@link MAX_WALK_DAYS}. A VALIDATION_FAILED error (the dates came
 * from somewhere: a form, a ledger, a flag); its own class so that a view of stored data can tell it
 * from other refusals and show the record with the error instead of failing.
 */
export class DateRangeError extends DomainError {
  constructor(message: string) {
    super('VALIDATION_FAILED', message);
    this.name = 'DateRangeError';
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the string is a real calendar date in YYYY-MM-DD form (2023-02-29 is not). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m || m[1] === '0000') {
    return false;
  }
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.toISOString().slice(0, 10) === value;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The date `days` days after (or before, if negative) `date`.
 *
 * @throws DateRangeError when `date` is not a date, or the result leaves the years 0001–9999: past
 *   9999 JavaScript writes `+010000-01-01`, on which the string comparison of dates silently breaks
 *   (a walk "until 9999-12-31" never ended).
 */
export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  const time = d.getTime();
  // 0001-01-01 and 9999-12-31 as milliseconds since 1970: the four-digit years.
  if (!(time >= -62_135_596_800_000 && time <= 253_402_214_400_000)) {
    throw new DateRangeError(`日期“${date}”加减${days}天后超出可计算的范围（公元1年至9999年）`);
  }
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return toUtc(date).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** The legal date (Asia/Shanghai) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** `2024年10月30日（星期三）`, as letters and notices write a date. */
export function chineseDate(date: string, withWeekday = false): string {
  const [y, m, d] = date.split('-').map(Number);
  const text = `${y}年${m}月${d}日`;
  return withWeekday ? `${text}（${WEEKDAYS[dayOfWeek(date)]}）` : text;
}

/** The date `months` calendar months after (or before) `date`, on the same day or the month's last. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whether the string is a month in YYYY-MM form. */
export function isYearMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/u.test(value);
}

/** The instant a legal date begins in Asia/Shanghai, as ISO-8601 UTC (how instants are stored). */
export function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
