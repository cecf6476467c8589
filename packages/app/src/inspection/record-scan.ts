import { shanghaiDate, type ScanFinding } from '@xxgk/core';
import {
  findPublishedVersionToScan,
  insertScanFinding,
  listItemAttachments,
  listOpenScanFindingKeys,
  markScanFindingsFixed,
  markScanFindingsSeen,
  type Executor,
  type ScanFindingRow,
} from '@xxgk/db';
import { iso, type AppContext } from '../context.ts';
import { cityWording } from './dictionary.ts';
import { dismissedFingerprints, scanItemVersion } from './scan-item.ts';

/**
 * Writes one scan's findings: new ones are recorded, those still there marked seen, those gone marked
 * fixed. In the caller's transaction.
 */
export async function recordScan(
  trx: Executor,
  agencyId: number,
  now: readonly { itemId: number | null; finding: ScanFinding }[],
  at: string,
  /** Only this item's findings are compared (a single item rescanned); else the whole agency's. */
  onlyItemId?: number,
): Promise<{ found: number; fixed: number }> {
  const openRows = await listOpenScanFindingKeys(trx, agencyId, onlyItemId);
  const key = (itemId: number | null, fingerprint: string) => `${itemId ?? 0}|${fingerprint}`;
  const existing = new Map(openRows.map((r) => [key(r.item_id, r.fingerprint), r.id]));
  const seen = new Set<number>();
  let found = 0;
  for (const { itemId, finding } of now) {
    const id = existing.get(key(itemId, finding.fingerprint));
    if (id !== undefined) {
      seen.add(id);
      continue;
    }
    found += 1;
    const insertedId = await insertScanFinding(trx, {
      agency_id: agencyId,
      item_id: itemId,
      field: finding.field,
      check_code: finding.check,
      severity: finding.severity,
      text: finding.text,
      excerpt: finding.excerpt,
      line: finding.line ?? null,
      message: finding.message,
      suggestion: finding.suggestion ?? '',
      fingerprint: finding.fingerprint,
      found_at: at,
      seen_at: at,
    });
    existing.set(key(itemId, finding.fingerprint), insertedId);
    seen.add(insertedId);
  }
  await markScanFindingsSeen(trx, [...seen], at);
  const gone = openRows.filter((r) => !seen.has(r.id)).map((r) => r.id);
  await markScanFindingsFixed(trx, gone, at);
  return { found, fixed: gone.length };
}

/**
 * Scans one item's published version right after it is published or revised, so a fix shows as
 * fixed at once instead of after the nightly scan. Outside the publishing transaction: the findings
 * are derived data, and reading attachments should not hold the item's lock.
 */
export async function rescanItem(ctx: AppContext, itemId: number): Promise<void> {
  const row = await findPublishedVersionToScan(ctx.db, itemId);
  if (row === undefined || row.status !== 'published') {
    return;
  }
  const at = iso(ctx.now());
  const attachments = await listItemAttachments(ctx.db, itemId, row.version);
  const findings = await scanItemVersion(
    ctx,
    ctx.db,
    await cityWording(ctx.db),
    {
      agencyId: row.agency_id,
      version: row,
      attachments,
      publishedOn: shanghaiDate(new Date(row.revised_at ?? row.published_at ?? at)),
      today: shanghaiDate(ctx.now()),
    },
    await dismissedFingerprints(ctx.db, row.agency_id),
  );
  await ctx.db.transaction().execute((trx) =>
    recordScan(
      trx,
      row.agency_id,
      // 发布日期 before 成文日期 is judged on the first publication, as in the nightly scan.
      findings
        .filter(
          (f) =>
            f.check !== 'form.published_before_written' ||
            shanghaiDate(new Date(row.published_at ?? at)) < (row.written_on ?? ''),
        )
        .map((finding) => ({ itemId, finding })),
      at,
      itemId,
    ),
  );
}

/** A stored finding in the scanner's shape. */
export function toScanFinding(row: ScanFindingRow): ScanFinding {
  return {
    check: row.check_code,
    severity: row.severity,
    field: row.field,
    text: row.text,
    excerpt: row.excerpt,
    ...(row.line === null ? {} : { line: row.line }),
    message: row.message,
    ...(row.suggestion === '' ? {} : { suggestion: row.suggestion }),
    fingerprint: row.fingerprint,
  };
}
