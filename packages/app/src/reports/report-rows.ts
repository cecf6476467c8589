/*
 * What the annual-report use cases share: the report row, the optimistic-lock check, and the report
 * assembled from the registers with the saved narrative. Internal to reports/: index.ts does not
 * re-export it.
 */

import { checkReport, DomainError, type AnnualReport } from '@xxgk/core';
import { findAnnualReport, type AgencyRow, type AnnualReportRow, type Executor } from '@xxgk/db';
import { computeLiveReport } from './live-report.ts';
import { type Consolidation, consolidatedReport } from './consolidated-report.ts';
import { publishedReport } from './published-report.ts';

/**
 * Refuses (and so rolls back) a change made from a stale read of the report: `lockVersion` is what
 * updateAnnualReportLocked answered (undefined when someone else changed the report first).
 */
export function claimed(lockVersion: number | undefined): void {
  if (lockVersion === undefined) {
    throw new DomainError('CONFLICT', '报告刚被他人处理，请刷新后再操作');
  }
}

export type Sections = Record<string, string>;

export async function findReport(ex: Executor, agencyId: number, year: number): Promise<AnnualReportRow | undefined> {
  return findAnnualReport(ex, agencyId, year);
}

/** The report's tables: the agency's own registers, or for a people's government the consolidation. */
export async function tablesOf(
  ex: Executor,
  agency: AgencyRow,
  year: number,
  options: { computedForMissing?: boolean } = {},
): Promise<{ report: AnnualReport; consolidation: Consolidation | null }> {
  if (agency.kind === 'government') {
    return consolidatedReport(ex, agency, year, options);
  }
  return { report: await computeLiveReport(ex, agency, year), consolidation: null };
}

/** The report with the saved narrative over the computed tables, checked against last year's. */
export async function assemble(
  ex: Executor,
  agency: AgencyRow,
  year: number,
  sections: Sections | null,
): Promise<{ report: AnnualReport; consolidation: Consolidation | null }> {
  const { report, consolidation } = await tablesOf(ex, agency, year);
  if (sections !== null) {
    report.sections = report.sections.map((s) => ({ ...s, text: sections[String(s.number)] ?? s.text ?? '' }));
  }
  // Without a published report for last year, the cross-year rules use last year computed from the registers;
  // a government's computed last year sums what its departments' registers give where they published nothing.
  const previous =
    (await publishedReport(ex, agency.id, year - 1))?.report ??
    (await tablesOf(ex, agency, year - 1, { computedForMissing: true })).report;
  report.findings = checkReport(report, { previous });
  return { report, consolidation };
}
