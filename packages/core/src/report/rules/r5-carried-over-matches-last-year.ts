import { n } from '../model.ts';
import { COLUMN_NAMES, type Rule } from './rule.ts';

/**
 * R5 (cross-year; practitioners check it, official status UNCONFIRMED — docs/rules.md#cross-checks, hence a
 * warning): this year's 二、上年结转 = last year's 四、结转下年度继续办理, column by column.
 */
export const r5: Rule = (report, { previous }) => {
  const now = report.applications?.carriedOver;
  const before = previous?.applications?.carriedForward;
  if (now == null || before == null) {
    return [];
  }
  return COLUMN_NAMES.flatMap((name, c) => {
    if (n(now[c]) === n(before[c])) {
      return [];
    }
    return [
      {
        rule: 'R5',
        severity: 'warning' as const,
        cells: [`applications.carriedOver[${c}]`, `previous.applications.carriedForward[${c}]`],
        message: `${name}列：本年“二、上年结转”（${n(now[c])}）与上年报告“四、结转下年度继续办理”（${n(before[c])}）不一致`,
        expected: n(before[c]),
        actual: n(now[c]),
      },
    ];
  });
};
