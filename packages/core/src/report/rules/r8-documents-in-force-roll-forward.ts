import { n, type Finding } from '../model.ts';
import type { Rule } from './rule.ts';

/**
 * R8 (cross-year, practitioners' check; docs/rules.md#cross-checks — a warning, since a revision or a document
 * made and repealed in the same year can break it honestly): for 规章 and 行政规范性文件,
 * 现行有效件数(本年) = 现行有效件数(上年) + 本年制发件数 − 本年废止件数.
 */
export const r8: Rule = (report, { previous }) => {
  if (report.active === null || previous?.active == null || report.format !== '2021' || previous.format !== '2021') {
    return [];
  }
  const findings: Finding[] = [];
  for (const [key, name] of [
    ['regulations', '规章'],
    ['normativeDocuments', '行政规范性文件'],
  ] as const) {
    const now = report.active[key];
    const before = previous.active[key];
    if (now == null || before == null) {
      continue;
    }
    const expected = n(before.inForce) + n(now.issued) - n(now.abolished);
    if (expected !== n(now.inForce)) {
      findings.push({
        rule: 'R8',
        severity: 'warning',
        cells: [
          `active.${key}.inForce`,
          `active.${key}.issued`,
          `active.${key}.abolished`,
          `previous.active.${key}.inForce`,
        ],
        message: `${name}：上年现行有效（${n(before.inForce)}）＋本年制发（${n(now.issued)}）－本年废止（${n(now.abolished)}）＝${expected}，与本年现行有效件数（${n(now.inForce)}）不符`,
        expected,
        actual: n(now.inForce),
      });
    }
  }
  return findings;
};
