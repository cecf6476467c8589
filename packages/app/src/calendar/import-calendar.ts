import { DomainError, isIsoDate, shanghaiDate, type Actor, SYSTEM_SCOPE } from '@xxgk/core';
import { upsertCalendarOverride, upsertCalendarYear } from '@xxgk/db';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { plausibleDates } from '../validation.ts';

export interface ImportedDay {
  readonly date: string;
  readonly kind: 'workday' | 'holiday';
  readonly note: string;
}

/**
 * Parses a year's schedule as CSV, one date a line: `2027-01-01,holiday,元旦` (a header line and
 * blank lines are skipped; `#` starts a comment). Reports every bad line at once, by line number.
 */
export function parseCalendarCsv(text: string): ImportedDay[] {
  const days: ImportedDay[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '' || /^date\s*,/i.test(line) || /^日期\s*[,，]/.test(line)) {
      return;
    }
    const [date = '', kind = '', ...rest] = line.split(/[,，]/).map((p) => p.trim());
    const normalizedKind =
      kind === '工作日' || kind === '上班'
        ? 'workday'
        : kind === '休息日' || kind === '假日' || kind === '放假'
          ? 'holiday'
          : kind;
    if (!isIsoDate(date)) {
      problems.push(`第${i + 1}行：日期“${date}”无效（应为 YYYY-MM-DD）`);
    } else if (normalizedKind !== 'workday' && normalizedKind !== 'holiday') {
      problems.push(`第${i + 1}行：类型“${kind}”无效（应为 workday/工作日 或 holiday/休息日）`);
    } else {
      days.push({ date, kind: normalizedKind, note: rest.join(',').slice(0, 100) });
    }
  });
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', problems.join('；'), {
      issues: problems.map((message) => ({ path: 'file', message })),
    });
  }
  if (days.length === 0) {
    throw new DomainError('VALIDATION_FAILED', '文件中没有任何日期');
  }
  return days;
}

/**
 * Imports a schedule (the State Council's notice for a year, typed in) in one transaction: every
 * listed date becomes an override, and every year in the file is declared known, so deadlines through
 * it no longer carry the "unknown year" warning. Every date must lie within the plausible dates as of
 * today (through next year), or nothing is imported.
 */
export async function importCalendar(
  ctx: AppContext,
  { actor, days, meta, note }: { actor: Actor; days: readonly ImportedDay[]; meta: RequestMeta; note: string },
): Promise<{ days: number; years: number[] }> {
  await authorize(ctx, actor, meta, 'calendar.manage', SYSTEM_SCOPE, {
    action: 'calendar.import',
    targetType: 'calendar',
    targetId: null,
  });
  const range = plausibleDates(shanghaiDate(ctx.now()));
  const outside = days.filter((d) => d.date < range.min || d.date > range.max);
  if (outside.length > 0) {
    const message = `日期应在 ${range.min} 至 ${range.max} 之间：${outside
      .slice(0, 5)
      .map((d) => d.date)
      .join('、')}${outside.length > 5 ? `等${outside.length}个` : ''}`;
    throw new DomainError('VALIDATION_FAILED', message, { issues: [{ path: 'file', message }] });
  }
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort();
  const at = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    for (const d of days) {
      await upsertCalendarOverride(trx, { ...d, updated_by: actor.username, updated_at: at });
    }
    for (const year of years) {
      await upsertCalendarYear(trx, { year, note, updated_by: actor.username, updated_at: at });
    }
    await audit(trx, ctx, actor, meta, {
      action: 'calendar.import',
      agencyId: null,
      targetType: 'calendar',
      targetId: years.join(','),
      note: `导入${days.length}个日期，年份：${years.join('、')}`,
      after: { years, days: days.length, note },
    });
  });
  return { days: days.length, years };
}
