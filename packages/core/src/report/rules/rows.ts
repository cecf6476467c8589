import { OUTCOMES } from '../../outcomes.ts';
import { outcomeRow, type AnnualReport, type ApplicationRow } from '../model.ts';

/** Every row of table 三 with its JSON path and printed name, in table order. */
export function applicationRows(report: AnnualReport): { path: string; name: string; row: ApplicationRow | null }[] {
  const a = report.applications;
  if (a === null) {
    return [];
  }
  return [
    { path: 'applications.newReceived', name: '一、本年新收', row: a.newReceived },
    { path: 'applications.carriedOver', name: '二、上年结转', row: a.carriedOver },
    ...OUTCOMES.map((o) => ({
      path: `applications.results.${o.code}`,
      name: `三${o.row}${o.label.replace(/（.*$/, '')}`,
      row: outcomeRow(a.results, o.code),
    })),
    { path: 'applications.results.total', name: '三（七）总计', row: a.results.total },
    { path: 'applications.carriedForward', name: '四、结转下年度继续办理', row: a.carriedForward },
  ];
}

export const APPEAL_GROUPS = [
  { key: 'reconsideration', name: '行政复议' },
  { key: 'litigationDirect', name: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigationAfterReconsideration', name: '行政诉讼（复议后起诉）' },
] as const;
