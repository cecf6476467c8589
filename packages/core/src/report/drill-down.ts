import { APPLICANT_CATEGORIES, APPLICATION_COLUMNS, TABLE_THREE_ROW_LABELS, type OutcomeCode } from '../outcomes.ts';
import type { AppealRecord, ApplicationRecord, NormativeDocumentRecord } from './counting.ts';
import { APPEAL_COLUMNS, outcomeName, outcomePath, TOTAL_COLUMN } from './model.ts';

/**
 * Which cells of the report one record adds 1 to: the inverse of the counting rules in counting.ts,
 * so that a number in the report opens onto exactly the records behind it. Cells are named by their
 * report-json path, as the checker's findings name them (`applications.results.granted[0]`).
 * counting.test.ts proves, on random records, that tallying these gives the counted tables.
 */
export function applicationCells(r: ApplicationRecord, year: number): string[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (r.receivedOn === null || r.receivedOn > end) {
    return [];
  }
  const decided = r.outcome?.decidedOn ?? null;
  if (decided !== null && decided < start) {
    return [];
  }
  const column = APPLICANT_CATEGORIES.indexOf(r.applicant);
  const both = (row: string) => [`${row}[${column}]`, `${row}[${TOTAL_COLUMN}]`];
  const cells = both(r.receivedOn >= start ? 'applications.newReceived' : 'applications.carriedOver');
  if (r.outcome !== null && decided !== null && decided <= end) {
    cells.push(...both(outcomePath(r.outcome.code)), ...both('applications.results.total'));
  } else {
    cells.push(...both('applications.carriedForward'));
  }
  return cells;
}

const APPEAL_COLUMN = { upheld: 0, corrected: 1, other: 2 } as const;

/** The table 四 cells a case adds 1 to (counting.ts countAppeals). */
export function appealCells(r: AppealRecord, year: number): string[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (r.filedOn > end || (r.result !== null && r.result.concludedOn < start)) {
    return [];
  }
  const column = r.result !== null && r.result.concludedOn <= end ? APPEAL_COLUMN[r.result.outcome] : 3;
  return [`appeals.${r.kind}[${column}]`, `appeals.${r.kind}[4]`];
}

/** The table 二 cells a 规章 or 行政规范性文件 adds 1 to (counting.ts countActiveDisclosure). */
export function normativeCells(d: NormativeDocumentRecord, year: number): string[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const row = d.kind === 'regulation' ? 'active.regulations' : 'active.normativeDocuments';
  const cells: string[] = [];
  if (d.issuedOn >= start && d.issuedOn <= end) {
    cells.push(`${row}.issued`);
  }
  if (d.abolishedOn !== null && d.abolishedOn >= start && d.abolishedOn <= end) {
    cells.push(`${row}.abolished`);
  }
  if (d.issuedOn <= end && (d.abolishedOn === null || d.abolishedOn > end)) {
    cells.push(`${row}.inForce`);
  }
  return cells;
}

/** The number in a report at a cell path (`applications.results.total[6]`, `active.regulations.issued`); null when blank or absent. */
export function cellValue(report: unknown, path: string): number | null {
  const match = /^([\w.]+?)(?:\[(\d+)\])?$/u.exec(path);
  if (match === null) {
    return null;
  }
  let node: unknown = report;
  for (const key of (match[1] ?? '').split('.')) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (match[2] !== undefined) {
    node = Array.isArray(node) ? node[Number(match[2])] : undefined;
  }
  return typeof node === 'number' ? node : null;
}

const ACTIVE_LABELS: Readonly<Record<string, string>> = {
  regulations: '规章',
  normativeDocuments: '行政规范性文件',
  issued: '本年制发件数',
  abolished: '本年废止件数',
  inForce: '现行有效件数',
  licensing: '行政许可 本年处理决定数量',
  penalties: '行政处罚 本年处理决定数量',
  coercion: '行政强制 本年处理决定数量',
  fees: '行政事业性收费 本年收费金额（万元）',
};
const APPEAL_ROWS: Readonly<Record<string, string>> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
};

/** A cell path in words, for people: `表三 （一）予以公开 · 自然人`. */
export function cellLabel(path: string): string {
  const match = /^(\w+)\.([\w.]+?)(?:\[(\d+)\])?$/u.exec(path);
  if (match === null) {
    return path;
  }
  const [, table, rest = '', index] = match;
  const column = index === undefined ? undefined : Number(index);
  if (table === 'applications') {
    const key = rest.replace(/^results\./u, '');
    const row =
      key in TABLE_THREE_ROW_LABELS
        ? TABLE_THREE_ROW_LABELS[key as keyof typeof TABLE_THREE_ROW_LABELS]
        : outcomeName(key as OutcomeCode);
    return `表三 ${row}${column === undefined ? '' : ` · ${APPLICATION_COLUMNS[column] ?? ''}`}`;
  }
  if (table === 'appeals') {
    return `表四 ${APPEAL_ROWS[rest] ?? rest}${column === undefined ? '' : ` · ${APPEAL_COLUMNS[column] ?? ''}`}`;
  }
  return `表二 ${rest
    .split('.')
    .map((k) => ACTIVE_LABELS[k] ?? '')
    .filter(Boolean)
    .join(' ')}`;
}
