import { findItemVersion, listItemAttachments, type AgencyRow, type ItemRow } from '@xxgk/db';
import type { AppContext } from '../context.ts';
import { cityWording } from '../inspection/dictionary.ts';
import { dismissedFingerprints, scanItemVersion } from '../inspection/scan-item.ts';
import { BUILT_IN_CHECKS, todayInBeijing, type ItemFinding } from './pre-submit-checks.ts';

/** What the pre-submission checks found, and which of it stops 送审 under the agency's setting. */
export interface SubmissionCheck {
  readonly findings: ItemFinding[];
  readonly blocking: ItemFinding[];
  /** Findings left out because the agency dismissed them as false positives. */
  readonly dismissed: number;
}

export function blockingFindings(agency: AgencyRow, findings: readonly ItemFinding[]): ItemFinding[] {
  switch (agency.scan_blocking) {
    case 'none':
      return [];
    case 'warning':
      return [...findings];
    case 'severe':
      return findings.filter((f) => f.severity === 'severe');
  }
}

/**
 * Runs the checks on the working version as it would be published today: the item-wide checks, the
 * scanner over title, summary, body, images and attachments (inspection/scan-item.ts), and any
 * AppContext.itemChecks.
 */
export async function checkWorkingVersion(ctx: AppContext, item: ItemRow, agency: AgencyRow): Promise<SubmissionCheck> {
  const version =
    item.working_version === null ? undefined : await findItemVersion(ctx.db, item.id, item.working_version);
  if (version === undefined) {
    return { findings: [], blocking: [], dismissed: 0 };
  }
  const attachments = await listItemAttachments(ctx.db, item.id, version.version);
  const today = todayInBeijing(ctx.now());
  const checked = {
    title: version.title,
    docNo: version.doc_no,
    writtenOn: version.written_on,
    summary: version.summary,
    bodyText: version.body_text,
    attachmentCount: attachments.length,
    today,
  };
  const dismissed = await dismissedFingerprints(ctx.db, agency.id);
  const all: ItemFinding[] = [];
  for (const check of [...BUILT_IN_CHECKS, ...(ctx.itemChecks ?? [])]) {
    all.push(...(await check(checked)));
  }
  const scanned = await scanItemVersion(
    ctx,
    ctx.db,
    await cityWording(ctx.db),
    { agencyId: agency.id, version, attachments, publishedOn: today, today },
    new Set(),
  );
  all.push(...scanned);
  const findings = all.filter((f) => !dismissed.has(f.fingerprint));
  return { findings, blocking: blockingFindings(agency, findings), dismissed: all.length - findings.length };
}
