import { n } from '../model.ts';
import { APPEAL_GROUPS } from './rows.ts';
import type { Rule } from './rule.ts';

/**
 * R4 (implied by 总计 in table 四): for 行政复议, 未经复议直接起诉 and 复议后起诉 separately,
 * 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
 */
export const r4: Rule = (report) => {
  const appeals = report.appeals;
  if (appeals === null) {
    return [];
  }
  return APPEAL_GROUPS.flatMap(({ key, name }) => {
    const row = appeals[key];
    if (row === null) {
      return [];
    }
    const sum = n(row[0]) + n(row[1]) + n(row[2]) + n(row[3]);
    const total = n(row[4]);
    if (sum === total) {
      return [];
    }
    return [
      {
        rule: 'R4',
        severity: 'error' as const,
        cells: [0, 1, 2, 3, 4].map((c) => `appeals.${key}[${c}]`),
        message: `${name}：结果维持＋结果纠正＋其他结果＋尚未审结（${sum}）≠ 总计（${total}）`,
        expected: sum,
        actual: total,
      },
    ];
  });
};
