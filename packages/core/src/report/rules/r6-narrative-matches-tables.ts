import { n, TOTAL_COLUMN, type AnnualReport, type Finding } from '../model.ts';
import type { Rule } from './rule.ts';

interface Quote {
  readonly pattern: RegExp;
  readonly what: string;
  readonly cells: string[];
  readonly value: (r: AnnualReport) => number | null;
}

/** Sentence fragments that quote a table number: verb, the thing, the number, the measure word. */
const QUOTES: readonly Quote[] = [
  {
    // “共受理申请11件”“收到政府信息公开申请17件”“新收申请5件”
    pattern: /(?:新收|收到|受理)(?:[^。；，、\d]{0,24})?申请(?:共计|共|总计)?(\d+)(?:件|个|份)/g,
    what: '表三 一、本年新收',
    cells: [`applications.newReceived[${TOTAL_COLUMN}]`],
    value: (r) => (r.applications?.newReceived ? n(r.applications.newReceived[TOTAL_COLUMN]) : null),
  },
  {
    pattern: /上年结转(?:[^。；，\d]{0,16})?(\d+)(?:件|个|份)/g,
    what: '表三 二、上年结转',
    cells: [`applications.carriedOver[${TOTAL_COLUMN}]`],
    value: (r) => (r.applications?.carriedOver ? n(r.applications.carriedOver[TOTAL_COLUMN]) : null),
  },
  {
    pattern: /(?:办结|答复)(?:[^。；，\d]{0,16})?(?:申请)?(?:共计|共)?(\d+)(?:件|个|份)/g,
    what: '表三 三（七）总计',
    cells: [`applications.results.total[${TOTAL_COLUMN}]`],
    value: (r) => (r.applications?.results.total ? n(r.applications.results.total[TOTAL_COLUMN]) : null),
  },
  {
    pattern: /结转(?:至)?下(?:一)?年度?(?:[^。；，\d]{0,12})?(\d+)(?:件|个|份)/g,
    what: '表三 四、结转下年度继续办理',
    cells: [`applications.carriedForward[${TOTAL_COLUMN}]`],
    value: (r) => (r.applications?.carriedForward ? n(r.applications.carriedForward[TOTAL_COLUMN]) : null),
  },
  {
    pattern: /行政复议(?:[^。；，\d]{0,12})?(\d+)(?:件|起|宗)/g,
    what: '表四 行政复议总计',
    cells: ['appeals.reconsideration[4]'],
    value: (r) => (r.appeals?.reconsideration ? n(r.appeals.reconsideration[4]) : null),
  },
  {
    pattern: /行政诉讼(?:[^。；，\d]{0,12})?(\d+)(?:件|起|宗)/g,
    what: '表四 行政诉讼总计',
    cells: ['appeals.litigationDirect[4]', 'appeals.litigationAfterReconsideration[4]'],
    value: (r) =>
      r.appeals?.litigationDirect || r.appeals?.litigationAfterReconsideration
        ? n(r.appeals?.litigationDirect?.[4]) + n(r.appeals?.litigationAfterReconsideration?.[4])
        : null,
  },
];

/** The clause around a match, for the message: from the last punctuation before it to the match's end. */
function clause(text: string, index: number, length: number): string {
  const before = text.slice(0, index);
  const start = Math.max(...['。', '；', '，', '\n'].map((p) => before.lastIndexOf(p))) + 1;
  return text.slice(start, index + length).trim();
}

/**
 * R6 (practitioners check it; docs/rules.md#cross-checks): numbers quoted in 一、总体情况 — “受理政府信息公开申请17件”,
 * “行政复议2件” — must equal the tables. A warning: a sentence may describe a narrower scope than the
 * table, so a person has to look.
 */
export const r6: Rule = (report) => {
  // PDFs and web pages space out numbers (「申请 17 件」); compare without whitespace.
  const text = (report.sections.find((s) => s.number === 1)?.text ?? '').replace(/[ \t\u3000]+/g, '');
  if (text.trim() === '') {
    return [];
  }
  const findings: Finding[] = [];
  for (const q of QUOTES) {
    const table = q.value(report);
    if (table === null) {
      continue;
    }
    for (const m of text.matchAll(q.pattern)) {
      const quoted = Number(m[1]);
      if (quoted === table) {
        continue;
      }
      findings.push({
        rule: 'R6',
        severity: 'warning',
        cells: q.cells,
        message: `总体情况称「${clause(text, m.index, m[0].length)}」，${q.what}为 ${table} 件`,
        expected: quoted,
        actual: table,
      });
    }
  }
  return findings;
};
