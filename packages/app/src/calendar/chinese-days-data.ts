import chineseDays from 'chinese-days';
import { addDays, isWeekend, type CalendarData } from '@xxgk/core';

/** The range of years we ask chinese-days about; years it has no schedule for come out as not covered. */
const FIRST_YEAR = 2004;
const LAST_YEAR = 2040;

let cached: CalendarData | undefined;

/**
 * The official holiday and 调休 schedule as the chinese-days package has it (data from the State
 * Council's yearly notices, 2004–2026 in version 1.5.7). A year counts as covered when the package
 * knows at least one weekday holiday or 调休 workday in it; for other years it answers plain
 * weekday logic, which is what "unknown" means in the calendar.
 */
export function chineseDaysCalendar(): CalendarData {
  if (cached !== undefined) {
    return cached;
  }
  const holidays = new Map<string, string>();
  const makeUpWorkdays = new Map<string, string>();
  const coveredYears = new Set<number>();
  for (let date = `${FIRST_YEAR}-01-01`; date <= `${LAST_YEAR}-12-31`; date = addDays(date, 1)) {
    const detail = chineseDays.getDayDetail(date);
    const weekend = isWeekend(date);
    if (!weekend && !detail.work) {
      holidays.set(date, holidayName(detail.name));
      coveredYears.add(Number(date.slice(0, 4)));
    } else if (weekend && detail.work) {
      makeUpWorkdays.set(date, `${holidayName(detail.name)}调休上班`);
      coveredYears.add(Number(date.slice(0, 4)));
    }
  }
  cached = { holidays, makeUpWorkdays, coveredYears };
  return cached;
}

const NAMES: Readonly<Record<string, string>> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
  'Anti-Fascist 70th Day': '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
};

/** chinese-days names days like `National Day,国庆节,3`; keep the Chinese name. */
function holidayName(raw: string): string {
  const parts = raw.split(',');
  const chinese = parts.find((p) => /[\u4e00-\u9fff]/.test(p));
  return chinese ?? NAMES[parts[0] ?? ''] ?? parts[0] ?? raw;
}
