import { shanghaiDate, type ScanFinding } from '@xxgk/core';
import type { Executor, ScanFindingRow } from '@xxgk/db';
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
  let query = trx
    .selectFrom('scan_findings')
    .select(['id', 'item_id', 'fingerprint'])
    .where('agency_id', '=', agencyId)
    .where('fixed_at', 'is', null)
    .where('dismissed_at', 'is', null);
  if (onlyItemId !== undefined) {
    query = query.where('item_id', '=', onlyItemId);
  }
  const openRows = await query.execute();
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
    const inserted = await trx
      .insertInto('scan_findings')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    existing.set(key(itemId, finding.fingerprint), inserted.id);
    seen.add(inserted.id);
  }
  const stillThere = [...seen];
  for (let i = 0; i < stillThere.length; i += 500) {
    await trx
      .updateTable('scan_findings')
      .set({ seen_at: at })
      .where('id', 'in', stillThere.slice(i, i + 500))
      .execute();
  }
  const gone = openRows.filter((r) => !seen.has(r.id)).map((r) => r.id);
  for (let i = 0; i < gone.length; i += 500) {
    await trx
      .updateTable('scan_findings')
      .set({ fixed_at: at })
      .where('id', 'in', gone.slice(i, i + 500))
      .execute();
  }
  return { found, fixed: gone.length };
}

/**
 * Scans one item's published version right after it is published or revised, so a fix shows as
 * fixed at once instead of after the nightly scan. Outside the publishing transaction: the findings
 * are derived data, and reading attachments should not hold the item's lock.
 */
export async function rescanItem(ctx: AppContext, itemId: number): Promise<void> {
  const row = await ctx.db
    .selectFrom('items as i')
    .innerJoin('item_versions as v', (j) =>
      j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
    )
    .selectAll('v')
    .select(['i.agency_id', 'i.status', 'i.published_at', 'i.revised_at'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (row === undefined || row.status !== 'published') {
    return;
  }
  const at = iso(ctx.now());
  const attachments = await ctx.db
    .selectFrom('item_attachments')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version', '=', row.version)
    .execute();
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
