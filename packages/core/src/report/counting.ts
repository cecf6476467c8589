import { APPLICANT_CATEGORIES, OUTCOMES, type ApplicantCategory, type OutcomeCode } from '../outcomes.ts';
import { emptyReport, outcomeRow, TOTAL_COLUMN, type AnnualReport, type ApplicationRow } from './model.ts';

/** What table 三 needs to know of one application. Dates are legal dates (YYYY-MM-DD). */
export interface ApplicationRecord {
  readonly applicant: ApplicantCategory;
  /** The legal receipt date (条例 第三十一条); null while not yet confirmed (not counted anywhere yet). */
  readonly receivedOn: string | null;
  /** The final outcome and the day it was decided; null while still being handled. */
  readonly outcome: { readonly code: OutcomeCode; readonly decidedOn: string } | null;
}

/**
 * The counting rule for table 三 (DERIVED, statute.md §2.7 — no official text was found; it is the
 * convention that makes R1 hold by construction):
 * - 一、本年新收: applications whose legal receipt date falls in the year;
 * - 二、上年结转: received before the year and not decided before it;
 * - 三、本年度办理结果: decided in the year, each in exactly one outcome row (so （二）部分公开 is never
 *   also counted elsewhere);
 * - 四、结转下年度: received in or before the year and not decided by its end.
 * Every application in scope lands in 一 or 二, and in 三 or 四, exactly once: 一+二 = 三（七）+四.
 */
export function countApplications(records: readonly ApplicationRecord[], year: number): AnnualReport['applications'] {
  const base = emptyReport({ year, agency: '' }).applications;
  if (base === null) {
    throw new Error('unreachable');
  }
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const bump = (row: ApplicationRow | null, column: number) => {
    if (row === null) {
      return;
    }
    row[column] = (row[column] ?? 0) + 1;
    row[TOTAL_COLUMN] = (row[TOTAL_COLUMN] ?? 0) + 1;
  };
  for (const r of records) {
    if (r.receivedOn === null || r.receivedOn > end) {
      continue;
    }
    const decided = r.outcome?.decidedOn ?? null;
    if (decided !== null && decided < start) {
      continue; // finished in an earlier year
    }
    const column = APPLICANT_CATEGORIES.indexOf(r.applicant);
    bump(r.receivedOn >= start ? base.newReceived : base.carriedOver, column);
    if (r.outcome !== null && decided !== null && decided <= end) {
      bump(outcomeRow(base.results, r.outcome.code), column);
      bump(base.results.total, column);
    } else {
      bump(base.carriedForward, column);
    }
  }
  return base;
}

/** Every outcome code, for callers iterating the rows. */
export const OUTCOME_ORDER: readonly OutcomeCode[] = OUTCOMES.map((o) => o.code);
