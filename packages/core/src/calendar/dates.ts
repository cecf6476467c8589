/**
 * Legal dates are local `YYYY-MM-DD` strings meaning "through the end of that day" in Asia/Shanghai
 * (STYLE.md §12). These helpers do calendar arithmetic on them without time zones: a date is a day.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the string is a real calendar date in YYYY-MM-DD form (2023-02-29 is not). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) {
    return false;
  }
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The date `days` days after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
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
