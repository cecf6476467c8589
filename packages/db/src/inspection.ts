import type { Insertable, Selectable } from 'kysely';
import type { Executor } from './connection.ts';
import type {
  AttachmentTextTable,
  ItemRow,
  ItemVersionRow,
  ScanDismissalTable,
  ScanFindingRow,
  ScanFindingTable,
} from './schema.ts';

/**
 * What the scanner reads and writes (migrations/0013-inspection.ts): findings of the nightly scan,
 * findings dismissed as false positives, and the text read out of attachments.
 */

/** A stored finding with the title of the published item it is in (null for an agency-wide one). */
export interface ScanFindingListRow {
  readonly id: number;
  readonly agency_id: number;
  readonly item_id: number | null;
  readonly title: string | null;
  readonly field: string;
  readonly check_code: string;
  readonly severity: ScanFindingRow['severity'];
  readonly excerpt: string;
  readonly message: string;
  readonly suggestion: string;
  readonly found_at: string;
  readonly fixed_at: string | null;
  readonly dismissed_at: string | null;
}

/** The findings of these agencies (found before `foundBefore`, when given), oldest first. */
export async function listScanFindings(
  ex: Executor,
  agencyIds: readonly number[],
  { foundBefore }: { foundBefore?: string } = {},
): Promise<ScanFindingListRow[]> {
  let query = ex
    .selectFrom('scan_findings as f')
    .leftJoin('items as i', 'i.id', 'f.item_id')
    .leftJoin('item_versions as v', (j) =>
      j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
    )
    .select([
      'f.id',
      'f.agency_id',
      'f.item_id',
      'v.title',
      'f.field',
      'f.check_code',
      'f.severity',
      'f.excerpt',
      'f.message',
      'f.suggestion',
      'f.found_at',
      'f.fixed_at',
      'f.dismissed_at',
    ])
    .where('f.agency_id', 'in', [...agencyIds, -1]);
  if (foundBefore !== undefined) {
    query = query.where('f.found_at', '<', foundBefore);
  }
  return query.orderBy('f.id').execute();
}

/** An item's findings that are neither fixed nor dismissed, oldest first (the item page lists them so). */
export async function listOpenItemFindings(ex: Executor, itemId: number): Promise<ScanFindingRow[]> {
  return ex
    .selectFrom('scan_findings')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('fixed_at', 'is', null)
    .where('dismissed_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** An agency's open findings (only this item's, when given), by what identifies them. */
export async function listOpenScanFindingKeys(
  ex: Executor,
  agencyId: number,
  onlyItemId?: number,
): Promise<{ id: number; item_id: number | null; fingerprint: string }[]> {
  let query = ex
    .selectFrom('scan_findings')
    .select(['id', 'item_id', 'fingerprint'])
    .where('agency_id', '=', agencyId)
    .where('fixed_at', 'is', null)
    .where('dismissed_at', 'is', null);
  if (onlyItemId !== undefined) {
    query = query.where('item_id', '=', onlyItemId);
  }
  return query.execute();
}

export async function insertScanFinding(
  ex: Executor,
  row: Omit<Insertable<ScanFindingTable>, 'id' | 'fixed_at' | 'dismissed_at'>,
): Promise<number> {
  const { id } = await ex.insertInto('scan_findings').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Ids per statement: well under SQLite's and PostgreSQL's limits on bound parameters. */
const ID_BATCH = 500;

async function updateScanFindings(
  ex: Executor,
  ids: readonly number[],
  set: { seen_at: string } | { fixed_at: string },
): Promise<void> {
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    await ex
      .updateTable('scan_findings')
      .set(set)
      .where('id', 'in', ids.slice(i, i + ID_BATCH))
      .execute();
  }
}

/** Marks findings a scan found again. */
export async function markScanFindingsSeen(ex: Executor, ids: readonly number[], at: string): Promise<void> {
  await updateScanFindings(ex, ids, { seen_at: at });
}

/** Marks findings a scan no longer found. */
export async function markScanFindingsFixed(ex: Executor, ids: readonly number[], at: string): Promise<void> {
  await updateScanFindings(ex, ids, { fixed_at: at });
}

/** Marks an agency's findings with this fingerprint dismissed, unless already fixed. */
export async function dismissScanFindings(
  ex: Executor,
  { agencyId, fingerprint, at }: { agencyId: number; fingerprint: string; at: string },
): Promise<void> {
  await ex
    .updateTable('scan_findings')
    .set({ dismissed_at: at })
    .where('agency_id', '=', agencyId)
    .where('fingerprint', '=', fingerprint)
    .where('fixed_at', 'is', null)
    .execute();
}

/** Records a dismissal; the agency's first dismissal of a fingerprint is the one kept. */
export async function insertScanDismissal(
  ex: Executor,
  row: Omit<Insertable<ScanDismissalTable>, 'id'>,
): Promise<void> {
  await ex
    .insertInto('scan_dismissals')
    .values(row)
    .onConflict((oc) => oc.columns(['agency_id', 'fingerprint']).doNothing())
    .execute();
}

/** The fingerprints an agency has dismissed as false positives. */
export async function listDismissedFingerprints(ex: Executor, agencyId: number): Promise<string[]> {
  const rows = await ex.selectFrom('scan_dismissals').select('fingerprint').where('agency_id', '=', agencyId).execute();
  return rows.map((r) => r.fingerprint);
}

/** A published version as the nightly scan reads it, with its item's number and dates. */
export type ScanVersionRow = ItemVersionRow & {
  readonly index_no: string | null;
  readonly published_at: string | null;
  readonly revised_at: string | null;
};

/** An agency's published items as published by `at`, each by its published version, in id order. */
export async function listPublishedVersionsToScan(
  ex: Executor,
  agencyId: number,
  at: string,
): Promise<ScanVersionRow[]> {
  return ex
    .selectFrom('items as i')
    .innerJoin('item_versions as v', (j) =>
      j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
    )
    .selectAll('v')
    .select(['i.index_no', 'i.published_at', 'i.revised_at'])
    .where('i.agency_id', '=', agencyId)
    .where('i.status', '=', 'published')
    .where('i.published_at', '<=', at)
    .orderBy('i.id')
    .execute();
}

/** An item's published version with the item's agency, status and dates (undefined if never published). */
export async function findPublishedVersionToScan(
  ex: Executor,
  itemId: number,
): Promise<
  | (ItemVersionRow & {
      readonly agency_id: number;
      readonly status: ItemRow['status'];
      readonly published_at: string | null;
      readonly revised_at: string | null;
    })
  | undefined
> {
  return ex
    .selectFrom('items as i')
    .innerJoin('item_versions as v', (j) =>
      j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
    )
    .selectAll('v')
    .select(['i.agency_id', 'i.status', 'i.published_at', 'i.revised_at'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
}

/** An agency's items given a 索引号 and published by `at` (withdrawn ones too: numbers are never reused). */
export async function listNumberedItems(
  ex: Executor,
  agencyId: number,
  at: string,
): Promise<{ id: number; index_no: string }[]> {
  return ex
    .selectFrom('items')
    .select(['id', 'index_no'])
    .where('agency_id', '=', agencyId)
    .where('index_no', 'is not', null)
    .where('published_at', '<=', at)
    .orderBy('id')
    .$narrowType<{ index_no: string }>()
    .execute();
}

/** The text read out of a stored file, by its storage key. */
export async function findAttachmentText(
  ex: Executor,
  storageKey: string,
): Promise<Selectable<AttachmentTextTable> | undefined> {
  return ex.selectFrom('attachment_texts').selectAll().where('storage_key', '=', storageKey).executeTakeFirst();
}

/** Keeps a file's text; a reading already kept (files never change) stays. */
export async function insertAttachmentText(ex: Executor, row: Insertable<AttachmentTextTable>): Promise<void> {
  await ex
    .insertInto('attachment_texts')
    .values(row)
    .onConflict((oc) => oc.column('storage_key').doNothing())
    .execute();
}
