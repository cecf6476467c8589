import { n, TOTAL_COLUMN } from '../model.ts';
import { applicationRows } from './rows.ts';
import type { Rule } from './rule.ts';

/**
 * R2 (implied by the 总计 column; automated by practitioners): on every row of table 三,
 * 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.
 */
export const r2: Rule = (report) =>
  applicationRows(report).flatMap(({ path, name, row }) => {
    if (row === null) {
      return [];
    }
    const sum = row.slice(0, TOTAL_COLUMN).reduce<number>((s, v) => s + n(v), 0);
    const total = n(row[TOTAL_COLUMN]);
    if (sum === total) {
      return [];
    }
    return [
      {
        rule: 'R2',
        severity: 'error' as const,
        cells: Array.from({ length: 7 }, (_, c) => `${path}[${c}]`),
        message: `${name}：自然人至其他六列之和（${sum}）≠ 总计（${total}）`,
        expected: sum,
        actual: total,
      },
    ];
  });
