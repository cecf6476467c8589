import { APPLICANT_CATEGORIES } from '../outcomes.ts';
import type { AppealRecord, ApplicationRecord, NormativeDocumentRecord } from './counting.ts';
import { outcomePath, TOTAL_COLUMN } from './model.ts';

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
