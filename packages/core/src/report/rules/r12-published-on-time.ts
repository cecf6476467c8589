import { reportDeadline } from '../model.ts';
import type { Rule } from './rule.ts';

/**
 * R12 (条例 第四十九条): a department's report is due by 31 January of the next year, a people's
 * government's own report by 31 March. Checked only when the publication date and the level are known.
 */
export const r12: Rule = (report, { publishedOn, level }) => {
  if (report.year === null || publishedOn === undefined || level === undefined) {
    return [];
  }
  const deadline = reportDeadline(level, report.year);
  if (publishedOn <= deadline) {
    return [];
  }
  return [
    {
      rule: 'R12',
      severity: 'error',
      cells: ['year'],
      message: `${level === 'department' ? '政府部门' : '人民政府'}的${report.year}年度报告应于${deadline}前公布（《政府信息公开条例》第四十九条），实际公布于${publishedOn}`,
    },
  ];
};
