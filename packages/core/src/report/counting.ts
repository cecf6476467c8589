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
 * The counting rule for table 三 (DERIVED, docs/rules.md#report-counting — no official text was found; it is the
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

/** A 行政复议 or 行政诉讼 case caused by 政府信息公开 work (table 四). */
export interface AppealRecord {
  readonly kind: 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration';
  readonly filedOn: string;
  /** 结果维持 / 结果纠正 / 其他结果, with the day it was concluded; null while pending (尚未审结). */
  readonly result: { readonly outcome: 'upheld' | 'corrected' | 'other'; readonly concludedOn: string } | null;
}

const APPEAL_COLUMN = { upheld: 0, corrected: 1, other: 2 } as const;

/**
 * Table 四 from case records. Counting rule (DERIVED; docs/rules.md#report-counting — no official text): a case
 * is counted in a year when it was filed in that year, or filed earlier and still pending at the
 * year's start; it is counted under its result if concluded within the year, else under 尚未审结.
 */
export function countAppeals(records: readonly AppealRecord[], year: number): NonNullable<AnnualReport['appeals']> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const out = {
    reconsideration: [0, 0, 0, 0, 0],
    litigationDirect: [0, 0, 0, 0, 0],
    litigationAfterReconsideration: [0, 0, 0, 0, 0],
  };
  for (const r of records) {
    if (r.filedOn > end || (r.result !== null && r.result.concludedOn < start)) {
      continue;
    }
    const row = out[r.kind];
    const column = r.result !== null && r.result.concludedOn <= end ? APPEAL_COLUMN[r.result.outcome] : 3;
    row[column] = (row[column] ?? 0) + 1;
    row[4] = (row[4] ?? 0) + 1;
  }
  return out;
}

/** A 规章 or 行政规范性文件 in the normative-documents register. */
export interface NormativeDocumentRecord {
  readonly kind: 'regulation' | 'normativeDocument';
  /** 发布日期 (制发). */
  readonly issuedOn: string;
  /** 废止 or 失效 date, null while in force. */
  readonly abolishedOn: string | null;
}

/** The year's counts of decisions and fees, entered monthly or imported (they live in other systems). */
export interface YearlyDecisionCounts {
  readonly licensing: number;
  readonly penalties: number;
  readonly coercion: number;
  /** 行政事业性收费 collected in the year, in 分. */
  readonly feesFen: number;
}

/**
 * Table 二 (2021 format): 本年制发件数 and 本年废止件数 count documents issued and abolished within the
 * year; 现行有效件数 counts those in force at the year's end (issued by then, not abolished by then).
 * The fee amount is shown in 万元, derived from 分 (1 万元 = 1,000,000 分), to six decimals at most.
 */
export function countActiveDisclosure(
  documents: readonly NormativeDocumentRecord[],
  counts: YearlyDecisionCounts,
  year: number,
): NonNullable<AnnualReport['active']> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const tally = (kind: NormativeDocumentRecord['kind']) => {
    const docs = documents.filter((d) => d.kind === kind);
    return {
      issued: docs.filter((d) => d.issuedOn >= start && d.issuedOn <= end).length,
      abolished: docs.filter((d) => d.abolishedOn !== null && d.abolishedOn >= start && d.abolishedOn <= end).length,
      inForce: docs.filter((d) => d.issuedOn <= end && (d.abolishedOn === null || d.abolishedOn > end)).length,
    };
  };
  return {
    regulations: tally('regulation'),
    normativeDocuments: tally('normativeDocument'),
    licensing: { decisions: counts.licensing },
    penalties: { decisions: counts.penalties },
    coercion: { decisions: counts.coercion },
    fees: { amountWanYuan: Math.round(counts.feesFen) / 1_000_000 },
  };
}
