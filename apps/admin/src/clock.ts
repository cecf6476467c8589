/**
 * The admin's one clock: the server's. The server tells its time with every session (`/api/auth/me`,
 * login); the admin keeps the difference to the browser's clock, so "today", "this year" and "this
 * month" are the server's — the day the deadlines and reports are computed on — whatever the
 * computer's clock says, and a demo or test server started at XXGK_NOW is followed.
 */
import dayjs, { type Dayjs } from 'dayjs';

let offsetMs = 0;

/** The browser's clock: read here only, and always corrected by the server's. */
function browserMs(): number {
  // eslint-disable-next-line no-restricted-syntax
  return Date.now();
}

/** Takes the server's current instant (ISO 8601) as the admin's. */
export function followServerClock(serverNow: string): void {
  const at = Date.parse(serverNow);
  if (!Number.isNaN(at)) {
    offsetMs = at - browserMs();
  }
}

/** The current instant, by the server's clock. */
export function now(): Date {
  return new Date(browserMs() + offsetMs);
}

/** Today in Beijing (YYYY-MM-DD), by the server's clock. */
export function today(): string {
  return new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** This year in Beijing, by the server's clock. */
export function thisYear(): number {
  return Number(today().slice(0, 4));
}

/** Today as a dayjs value (for date pickers), by the server's clock. */
export function todayDayjs(): Dayjs {
  return dayjs(today());
}
