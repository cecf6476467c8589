import { checkReport, SYSTEM_SCOPE, type Actor, type AnnualReport, type Finding } from '@xxgk/core';
import { readReportFile } from '@xxgk/documents';
import { authorize } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';

const ACTION = { action: 'report.check', targetType: 'annual_report', targetId: null } as const;

/**
 * A supervisor (政务公开办) reads an agency's published annual report — DOCX, PDF, HTML or text — and
 * checks it against R1–R12. Nothing is stored: this is the evaluator's tool; publishing our own
 * reports is another use case.
 */
export async function checkPublishedReport(
  ctx: AppContext,
  { actor, fileName, bytes, meta }: { actor: Actor; fileName: string; bytes: Uint8Array; meta: RequestMeta },
): Promise<AnnualReport> {
  await authorize(ctx, actor, meta, 'report.check', actor.agency.id === 0 ? SYSTEM_SCOPE : actor.agency, ACTION);
  const report = await readReportFile(fileName, bytes);
  report.findings = checkReport(report);
  return report;
}

/** Re-checks a report already read, optionally against last year's (R5, R8, R10). */
export async function recheckReport(
  ctx: AppContext,
  {
    actor,
    report,
    previous,
    meta,
  }: { actor: Actor; report: AnnualReport; previous?: AnnualReport | undefined; meta: RequestMeta },
): Promise<Finding[]> {
  await authorize(ctx, actor, meta, 'report.check', actor.agency.id === 0 ? SYSTEM_SCOPE : actor.agency, ACTION);
  return checkReport({ ...report, sections: report.sections ?? [] }, { previous });
}
