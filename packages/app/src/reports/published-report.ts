import type { AnnualReport } from '@xxgk/core';
import { findPublishedVersionOf, type Executor } from '@xxgk/db';

/** A published report (the latest version, or the one asked for). */
export async function publishedReport(
  ex: Executor,
  agencyId: number,
  year: number,
  version?: number,
): Promise<{ report: AnnualReport; version: number; publishedOn: string } | undefined> {
  const row = await findPublishedVersionOf(ex, agencyId, year, version);
  return row === undefined
    ? undefined
    : { report: JSON.parse(row.report_json) as AnnualReport, version: row.version, publishedOn: row.published_on };
}
