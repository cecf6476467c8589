import { addDays, DomainError, isIsoDate, isYearMonth, MAX_WALK_DAYS, shanghaiDate, yearOf } from '@xxgk/core';
import { z } from 'zod';

// Zod's own messages in Chinese for whatever a schema does not word itself.
z.config(z.locales.zhCN());

/** Parses input against a schema, or throws VALIDATION_FAILED listing every problem in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new DomainError(
    'VALIDATION_FAILED',
    issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；'),
    {
      issues,
    },
  );
}

/** Parses one named value — a query parameter — against a schema, or throws VALIDATION_FAILED naming it. */
export function parseField<S extends z.ZodType>(name: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }
  const issues = result.error.issues.map((issue) => ({ path: name, message: issue.message }));
  throw new DomainError('VALIDATION_FAILED', issues.map((i) => `${name}：${i.message}`).join('；'), { issues });
}

/** Trimmed text with a Chinese label in its messages. */
export function text(label: string, options: { min?: number; max: number }): z.ZodString {
  const min = options.min ?? 0;
  let schema = z.string({ error: `请填写${label}` }).trim();
  if (min > 0) {
    schema = schema.min(min, min === 1 ? `请填写${label}` : `${label}至少${min}个字`);
  }
  return schema.max(options.max, `${label}不能超过${options.max}个字`);
}

/**
 * The earliest date a form may carry: the turn of the century, before any 政府信息公开 (the 条例 took
 * effect on 2008-05-01) and well before any application, item or report this system holds.
 */
export const EARLIEST_DATE = '2000-01-01';

/**
 * The earliest date of a document that may still be in force (a 规章's 制发日期, a wording rule's
 * start): the founding of the People's Republic, 1949-10-01.
 */
export const EARLIEST_DOCUMENT_DATE = '1949-10-01';

/** The dates a field accepts, inclusive, as `YYYY-MM-DD`. */
export interface DateRange {
  readonly min: string;
  readonly max: string;
}

/**
 * The plausible dates for input made today (issue 18): from {@link EARLIEST_DATE} through 31
 * December of next year — next year's holiday schedule, a deferred due date or a 施行日期 may lie
 * there; nothing typed in lies further. `today` comes from the injected clock (ctx.now()), never the
 * wall clock. A field with a reason to reach further says so (`yearsAhead`, e.g. a 有效期至).
 *
 * Why bound at all: a date is the one field whose size is not its length. `9999-12-31` is ten
 * characters and, as a due date, was millions of days for the calendar to walk.
 */
export function plausibleDates(today: string, options: { min?: string; yearsAhead?: number } = {}): DateRange {
  return { min: options.min ?? EARLIEST_DATE, max: `${yearOf(today) + (options.yearsAhead ?? 1)}-12-31` };
}

/**
 * The plausible dates of an application's receipt: {@link plausibleDates}, and no more than ten years
 * back ({@link MAX_WALK_DAYS}) — the longest span the application clock computes, so that a ledger
 * accepted today can be computed today.
 */
export function applicationDates(today: string): DateRange {
  const tenYearsAgo = addDays(today, -MAX_WALK_DAYS);
  return plausibleDates(today, { min: tenYearsAgo > EARLIEST_DATE ? tenYearsAgo : EARLIEST_DATE });
}

/**
 * Wraps a schema factory so that it builds once per argument (a date range as of today): the use
 * cases ask for their schema on every call, and building a zod schema costs far more than parsing
 * with it (a handling step's union took milliseconds, enough to slow the demo's seeding). The cache
 * holds the few ranges of the last days.
 */
export function builtOnce<A, S>(build: (arg?: A) => S): (arg?: A) => S {
  const cache = new Map<string, S>();
  return (arg) => {
    const key = JSON.stringify(arg ?? null);
    let schema = cache.get(key);
    if (schema === undefined) {
      if (cache.size >= 8) {
        cache.clear();
      }
      schema = build(arg);
      cache.set(key, schema);
    }
    return schema;
  };
}

/**
 * A legal date field (STYLE.md §12): `YYYY-MM-DD`, a real day, and — given a range — within it; the
 * messages name the field. Without a range only the form is checked: that is the schema a route
 * shows and checks before the use case, which knows today, checks the range.
 */
export function legalDate(label: string, range?: DateRange) {
  const schema = z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(isIsoDate, { message: `${label}应为 YYYY-MM-DD 格式的有效日期`, abort: true });
  return range === undefined ? schema : schema.refine((v) => inRange(v, range), rangeMessage(label, range));
}

/** Like {@link legalDate}, for a field that may be left empty (''). */
export function optionalLegalDate(label: string, range?: DateRange) {
  const schema = z
    .string()
    .trim()
    .refine((v) => v === '' || isIsoDate(v), { message: `${label}应为 YYYY-MM-DD 格式的有效日期`, abort: true });
  return (
    range === undefined ? schema : schema.refine((v) => v === '' || inRange(v, range), rangeMessage(label, range))
  ).default('');
}

/**
 * The first year with an annual report: 2008, the 条例 (国务院令第492号) having taken effect on
 * 2008-05-01 (the 2019 revision's 第四十九条 and 第五十条 keep the yearly report).
 */
export const FIRST_REPORT_YEAR = 2008;

/**
 * An annual report's year, from {@link FIRST_REPORT_YEAR} through the current year as the injected
 * clock says when the value is parsed (a year's report is previewed during it and made after it; a
 * later year is a typing error). For route schemas, which are built once: the clock is asked per parse.
 */
export function reportYear(now: () => Date) {
  return z.coerce
    .number({ error: '年度应为数字' })
    .int('年度应为整数')
    .min(FIRST_REPORT_YEAR, `年度不能早于${FIRST_REPORT_YEAR}年`)
    .superRefine((year, issues) => {
      const last = yearOf(shanghaiDate(now()));
      if (year > last) {
        issues.addIssue({ code: 'custom', message: `年度不能晚于${last}年` });
      }
    });
}

/** A month field, `YYYY-MM`, within the months of `range` (a monthly report, a chart's month). */
export function legalMonth(label: string, range?: DateRange) {
  const schema = z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(isYearMonth, { message: `${label}格式应为 YYYY-MM`, abort: true });
  return range === undefined
    ? schema
    : schema.refine(
        (v) => v >= range.min.slice(0, 7) && v <= range.max.slice(0, 7),
        `${label}应在 ${range.min.slice(0, 7)} 至 ${range.max.slice(0, 7)} 之间`,
      );
}

function inRange(date: string, range: DateRange): boolean {
  return date >= range.min && date <= range.max;
}

function rangeMessage(label: string, range: DateRange): string {
  return `${label}应在 ${range.min} 至 ${range.max} 之间`;
}
