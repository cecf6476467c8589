import { n, TOTAL_COLUMN } from '../model.ts';
import type { Rule } from './rule.ts';

/**
 * R9 (DERIVED from 国办函〔2020〕109号 and the practice of section 六, docs/rules.md#filling): when table 三
 * counts applications ended for unpaid fees （六）2, section 六 must speak of the 信息处理费 (the fee
 * notices and what was collected).
 */
export const r9: Rule = (report) => {
  const unpaid = report.applications?.results.other.feeUnpaid;
  const six = report.sections.find((s) => s.number === 6)?.text ?? '';
  if (unpaid == null || n(unpaid[TOTAL_COLUMN]) === 0 || six.trim() === '') {
    return [];
  }
  if (/信息处理费|收费通知|收取.{0,6}费/.test(six)) {
    return [];
  }
  return [
    {
      rule: 'R9',
      severity: 'warning',
      cells: [`applications.results.other.feeUnpaid[${TOTAL_COLUMN}]`, 'sections[5].text'],
      message: `表三（六）2 有 ${n(unpaid[TOTAL_COLUMN])} 件因逾期未缴费不再处理，但“六、其他需要报告的事项”未说明信息处理费的收费通知和收取情况`,
      actual: n(unpaid[TOTAL_COLUMN]),
    },
  ];
};
