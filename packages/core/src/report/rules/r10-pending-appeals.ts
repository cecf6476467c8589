import { n } from '../model.ts';
import { APPEAL_GROUPS } from './rows.ts';
import type { Rule } from './rule.ts';

/**
 * R10 (DERIVED, soft — the counting rule for cases spanning years is unknown): cases last year's
 * table 四 left 尚未审结 should be resolved or still pending this year; a total smaller than last
 * year's pending cases suggests they were dropped from the count.
 */
export const r10: Rule = (report, { previous }) => {
  if (report.appeals === null || previous?.appeals == null) {
    return [];
  }
  return APPEAL_GROUPS.flatMap(({ key, name }) => {
    const pending = n(previous.appeals?.[key]?.[3]);
    const total = n(report.appeals?.[key]?.[4]);
    if (pending === 0 || total >= pending) {
      return [];
    }
    return [
      {
        rule: 'R10',
        severity: 'info' as const,
        cells: [`previous.appeals.${key}[3]`, `appeals.${key}[4]`],
        message: `${name}：上年尚未审结 ${pending} 件，本年总计仅 ${total} 件，请核实上年未审结案件的结果是否已计入`,
        expected: pending,
        actual: total,
      },
    ];
  });
};
