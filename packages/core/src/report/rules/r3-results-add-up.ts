import { OUTCOMES } from '../../outcomes.ts';
import { n, outcomeRow } from '../model.ts';
import { COLUMN_NAMES, type Rule } from './rule.ts';

/**
 * R3 (implied by （七）总计; automated by practitioners): for every column,
 * （七）总计 = （一）+（二）+ Σ（三）1–8 + Σ（四）1–3 + Σ（五）1–5 + Σ（六）1–3.
 */
export const r3: Rule = (report) => {
  const a = report.applications;
  if (a === null) {
    return [];
  }
  return COLUMN_NAMES.flatMap((name, c) => {
    const sum = OUTCOMES.reduce((s, o) => s + n(outcomeRow(a.results, o.code)?.[c]), 0);
    const total = n(a.results.total?.[c]);
    if (sum === total) {
      return [];
    }
    return [
      {
        rule: 'R3',
        severity: 'error' as const,
        cells: [...OUTCOMES.map((o) => `applications.results.${o.code}[${c}]`), `applications.results.total[${c}]`],
        message: `${name}列：办理结果（一）至（六）各项之和（${sum}）≠（七）总计（${total}）`,
        expected: sum,
        actual: total,
      },
    ];
  });
};
