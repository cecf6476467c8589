import { APPLICATION_COLUMNS } from '../../outcomes.ts';
import { APPEAL_COLUMNS, type Finding } from '../model.ts';
import { APPEAL_GROUPS, applicationRows } from './rows.ts';
import type { Rule } from './rule.ts';

/**
 * R7 (DERIVED): every count is a non-negative integer; a blank cell should be written 0 (blank is
 * read as 0 and warned about). The 行政事业性收费 amount in 万元 may be fractional but not negative.
 * A whole row missing (the 2019 layout's （六）) is R11's business, not a blank cell.
 */
export const r7: Rule = (report) => {
  const findings: Finding[] = [];
  const check = (path: string, name: string, value: number | null | undefined, integer = true) => {
    if (value === null || value === undefined) {
      findings.push({ rule: 'R7', severity: 'warning', cells: [path], message: `${name}为空，按0计；应填写0` });
    } else if (value < 0 || (integer && !Number.isInteger(value)) || !Number.isFinite(value)) {
      findings.push({
        rule: 'R7',
        severity: 'error',
        cells: [path],
        message: `${name}（${value}）应为非负${integer ? '整数' : '数'}`,
        actual: value,
      });
    }
  };
  for (const { path, name, row } of applicationRows(report)) {
    row?.forEach((v, c) => check(`${path}[${c}]`, `${name}·${APPLICATION_COLUMNS[c]}`, v));
  }
  const appeals = report.appeals;
  if (appeals !== null) {
    for (const { key, name } of APPEAL_GROUPS) {
      appeals[key]?.forEach((v, c) => check(`appeals.${key}[${c}]`, `${name}·${APPEAL_COLUMNS[c]}`, v));
    }
  }
  const a = report.active;
  if (a !== null) {
    for (const [key, name] of [
      ['regulations', '规章'],
      ['normativeDocuments', '行政规范性文件'],
    ] as const) {
      const counts = a[key];
      if (counts !== null) {
        check(`active.${key}.issued`, `${name}·本年制发件数`, counts.issued);
        check(`active.${key}.abolished`, `${name}·本年废止件数`, counts.abolished);
        check(`active.${key}.inForce`, `${name}·现行有效件数`, counts.inForce);
      }
    }
    for (const [key, name] of [
      ['licensing', '行政许可'],
      ['penalties', '行政处罚'],
      ['coercion', '行政强制'],
    ] as const) {
      const d = a[key];
      if (d !== null) {
        check(`active.${key}.decisions`, `${name}·本年处理决定数量`, d.decisions);
      }
    }
    if (a.fees !== null) {
      check('active.fees.amountWanYuan', '行政事业性收费·本年收费金额（万元）', a.fees.amountWanYuan, false);
    }
  }
  return findings;
};
