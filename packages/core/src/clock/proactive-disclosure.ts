import { addWorkingDays, type CountingOptions, type DatedResult, type WorkCalendar } from '../calendar/working-days.ts';

/**
 * 条例 第二十六条: information within the scope of 主动公开 is published within 20 working days of
 * being formed or changed, unless a law or regulation sets another period (pass it as `days`).
 */
export function proactiveDisclosureDue(
  cal: WorkCalendar,
  formedOn: string,
  options: CountingOptions & { days?: number } = {},
): DatedResult {
  return addWorkingDays(cal, formedOn, options.days ?? 20, options);
}
