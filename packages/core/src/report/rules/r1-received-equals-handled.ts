import { n } from '../model.ts';
import { COLUMN_NAMES, type Rule } from './rule.ts';

/**
 * R1 (official, printed in table 三's header: “第一项加第二项之和，等于第三项加第四项之和”):
 * for every column, 一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理.
 */
export const r1: Rule = (report) => {
  const a = report.applications;
  if (a === null) {
    return [];
  }
  return COLUMN_NAMES.flatMap((name, c) => {
    const left = n(a.newReceived?.[c]) + n(a.carriedOver?.[c]);
    const right = n(a.results.total?.[c]) + n(a.carriedForward?.[c]);
    if (left === right) {
      return [];
    }
    return [
      {
        rule: 'R1',
        severity: 'error' as const,
        cells: [
          `applications.newReceived[${c}]`,
          `applications.carriedOver[${c}]`,
          `applications.results.total[${c}]`,
          `applications.carriedForward[${c}]`,
        ],
        message: `${name}列：一（${n(a.newReceived?.[c])}）＋二（${n(a.carriedOver?.[c])}）≠ 三（七）总计（${n(a.results.total?.[c])}）＋四（${n(a.carriedForward?.[c])}）`,
        expected: left,
        actual: right,
      },
    ];
  });
};
