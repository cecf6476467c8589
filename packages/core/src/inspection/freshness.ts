import { addDays, addMonths } from '../calendar/dates.ts';
import type { ColumnKind } from '../catalog/catalog-template.ts';

/**
 * Column freshness, counted the way 国办秘函〔2019〕19号 counts it (docs/rules.md#inspection): a dynamic column
 * (动态、要闻、公告类) needs something new within 2 weeks of the check, a document column within
 * 6 months; a column with nothing in it ever is 空白栏目; 5 or more stale or 5 or more blank columns,
 * or a home page with nothing new for 2 weeks, fails the site outright (单项否决).
 */
export const STALE_AFTER = { dynamic: { days: 14 }, document: { months: 6 } } as const;
/** Warnings go out this long before a column goes stale. */
export const WARN_BEFORE_DAYS = { dynamic: 4, document: 30 } as const;
/** The inspection fails an agency at this many stale, or this many blank, columns. */
export const FAIL_AT = 5;

export type FreshnessStatus = 'fresh' | 'due_soon' | 'stale' | 'blank' | 'static';

export const FRESHNESS_LABELS: Readonly<Record<FreshnessStatus, string>> = {
  fresh: '正常',
  due_soon: '即将超期',
  stale: '超期未更新',
  blank: '空白栏目',
  static: '正常（静态栏目）',
};

/** The first day on which a column last updated on `last` counts as not updated. */
export function staleOn(kind: 'dynamic' | 'document', last: string): string {
  return kind === 'dynamic'
    ? addDays(last, STALE_AFTER.dynamic.days + 1)
    : addDays(addMonths(last, STALE_AFTER.document.months), 1);
}

/** One column's state on `today`. */
export function columnStatus(kind: ColumnKind, items: number, last: string | null, today: string): FreshnessStatus {
  if (items === 0 || last === null) {
    return 'blank';
  }
  if (kind === 'static') {
    return 'static';
  }
  const due = staleOn(kind, last);
  if (today >= due) {
    return 'stale';
  }
  return today >= addDays(due, -WARN_BEFORE_DAYS[kind]) ? 'due_soon' : 'fresh';
}

/** Whether the home page counts as not updated, and the freshness reasons an inspection fails a site for. */
export function freshnessReasons(
  { stale, blank, homeLastPublishedOn }: { stale: number; blank: number; homeLastPublishedOn: string | null },
  today: string,
): { homeStale: boolean; reasons: string[] } {
  const homeStale = homeLastPublishedOn === null || today >= staleOn('dynamic', homeLastPublishedOn);
  const reasons: string[] = [];
  if (stale >= FAIL_AT) {
    reasons.push(`${stale} 个栏目超期未更新（≥${FAIL_AT} 个即不合格）`);
  }
  if (blank >= FAIL_AT) {
    reasons.push(`${blank} 个空白栏目（≥${FAIL_AT} 个即不合格）`);
  }
  if (homeStale) {
    reasons.push(homeLastPublishedOn === null ? '首页从未更新' : `首页最近更新于 ${homeLastPublishedOn}，已超过 2 周`);
  }
  return { homeStale, reasons };
}
