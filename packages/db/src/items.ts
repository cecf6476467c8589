import { sql, type Insertable, type Updateable } from 'kysely';
import type { DialectName, Executor } from './connection.ts';
import { updateLocked } from './lock-version.ts';
import type {
  ItemAttachmentRow,
  ItemAttachmentTable,
  ItemReviewRow,
  ItemReviewTable,
  ItemRow,
  ItemTable,
  ItemVersionRow,
  ItemVersionTable,
} from './schema.ts';

export async function insertItem(ex: Executor, item: Omit<Insertable<ItemTable>, 'id'>): Promise<ItemRow> {
  return ex.insertInto('items').values(item).returningAll().executeTakeFirstOrThrow();
}

export async function findItem(ex: Executor, id: number): Promise<ItemRow | undefined> {
  return ex.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Claims an item for a change, in the transaction that makes it: succeeds only if nobody changed the
 * item since `seen` was read, and raises its lock version. On PostgreSQL a concurrent claim waits for
 * the first transaction and then finds the version moved on, so two people approving (or the timer
 * publishing) at the same moment cannot both act on the same state. Returns false when stale.
 */
export async function claimItem(ex: Executor, seen: ItemRow): Promise<boolean> {
  return (await updateLocked(ex, 'items', seen)) !== undefined;
}

export async function updateItem(
  ex: Executor,
  id: number,
  patch: Omit<Updateable<ItemTable>, 'id' | 'agency_id' | 'created_at' | 'created_by'>,
): Promise<ItemRow> {
  return ex.updateTable('items').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertItemVersion(
  ex: Executor,
  version: Omit<Insertable<ItemVersionTable>, 'id'>,
): Promise<ItemVersionRow> {
  return ex.insertInto('item_versions').values(version).returningAll().executeTakeFirstOrThrow();
}

export async function findItemVersion(
  ex: Executor,
  itemId: number,
  version: number,
): Promise<ItemVersionRow | undefined> {
  return ex
    .selectFrom('item_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listItemVersions(ex: Executor, itemId: number): Promise<ItemVersionRow[]> {
  return ex.selectFrom('item_versions').selectAll().where('item_id', '=', itemId).orderBy('version').execute();
}

export async function updateItemVersion(
  ex: Executor,
  itemId: number,
  version: number,
  patch: Omit<Updateable<ItemVersionTable>, 'id' | 'item_id' | 'version' | 'created_at' | 'created_by'>,
): Promise<ItemVersionRow> {
  return ex
    .updateTable('item_versions')
    .set(patch)
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertItemReview(
  ex: Executor,
  review: Omit<Insertable<ItemReviewTable>, 'id'>,
): Promise<ItemReviewRow> {
  return ex.insertInto('item_reviews').values(review).returningAll().executeTakeFirstOrThrow();
}

export async function listItemReviews(ex: Executor, itemId: number): Promise<ItemReviewRow[]> {
  return ex.selectFrom('item_reviews').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

export async function insertItemAttachment(
  ex: Executor,
  attachment: Omit<Insertable<ItemAttachmentTable>, 'id'>,
): Promise<ItemAttachmentRow> {
  return ex.insertInto('item_attachments').values(attachment).returningAll().executeTakeFirstOrThrow();
}

export async function listItemAttachments(ex: Executor, itemId: number, version: number): Promise<ItemAttachmentRow[]> {
  return ex
    .selectFrom('item_attachments')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export async function findItemAttachment(ex: Executor, id: number): Promise<ItemAttachmentRow | undefined> {
  return ex.selectFrom('item_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteItemAttachment(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('item_attachments').where('id', '=', id).execute();
}

/** Copies a version's attachment rows to a new version (the files themselves are shared). */
export async function copyItemAttachments(ex: Executor, itemId: number, from: number, to: number): Promise<void> {
  for (const a of await listItemAttachments(ex, itemId, from)) {
    const { id: _id, ...rest } = a;
    await insertItemAttachment(ex, { ...rest, version: to });
  }
}

export async function linkInterpretation(
  ex: Executor,
  policyItemId: number,
  interpretationItemId: number,
  now: string,
): Promise<void> {
  await ex
    .insertInto('item_links')
    .values({ policy_item_id: policyItemId, interpretation_item_id: interpretationItemId, created_at: now })
    .onConflict((oc) => oc.columns(['policy_item_id', 'interpretation_item_id']).doNothing())
    .execute();
}

export async function unlinkInterpretation(
  ex: Executor,
  policyItemId: number,
  interpretationItemId: number,
): Promise<void> {
  await ex
    .deleteFrom('item_links')
    .where('policy_item_id', '=', policyItemId)
    .where('interpretation_item_id', '=', interpretationItemId)
    .execute();
}

/** Both directions: the interpretations of a policy and the policies an interpretation explains. */
export async function listItemLinks(
  ex: Executor,
  itemId: number,
): Promise<{ interpretations: number[]; policies: number[] }> {
  const rows = await ex
    .selectFrom('item_links')
    .select(['policy_item_id', 'interpretation_item_id'])
    .where((eb) => eb.or([eb('policy_item_id', '=', itemId), eb('interpretation_item_id', '=', itemId)]))
    .orderBy('id')
    .execute();
  return {
    interpretations: rows.filter((r) => r.policy_item_id === itemId).map((r) => r.interpretation_item_id),
    policies: rows.filter((r) => r.interpretation_item_id === itemId).map((r) => r.policy_item_id),
  };
}

/**
 * The next serial of a 索引号 period. The counter row is created at 1 or raised by one in a single
 * statement, so two publications never get the same number and a number is never handed out twice.
 */
export async function nextIndexSerial(ex: Executor, agencyId: number, period: string): Promise<number> {
  const row = await ex
    .insertInto('index_counters')
    .values({ agency_id: agencyId, period, last_serial: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'period']).doUpdateSet({ last_serial: sql<number>`index_counters.last_serial + 1` }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

/** Marks a change the public can see; the portal's page cache is keyed on the generation. */
export async function bumpPortalGeneration(ex: Executor): Promise<void> {
  await ex
    .updateTable('portal_state')
    .set({ generation: sql<number>`generation + 1` })
    .where('id', '=', 1)
    .execute();
}

export async function portalGeneration(ex: Executor): Promise<number> {
  const row = await ex.selectFrom('portal_state').select('generation').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.generation;
}

/** Puts a published item's segmented text in the full-text index, replacing what was there. */
export async function indexItemText(
  ex: Executor,
  dialect: DialectName,
  itemId: number,
  segmented: { title: string; body: string },
): Promise<void> {
  await removeItemText(ex, dialect, itemId);
  if (dialect === 'sqlite') {
    await sql`insert into item_search (rowid, title, body) values (${itemId}, ${segmented.title}, ${segmented.body})`.execute(
      ex,
    );
  } else {
    await sql`insert into item_search (item_id, doc) values (${itemId},
      setweight(to_tsvector('simple', ${segmented.title}), 'A') || setweight(to_tsvector('simple', ${segmented.body}), 'B'))`.execute(
      ex,
    );
  }
}

export async function removeItemText(ex: Executor, dialect: DialectName, itemId: number): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`delete from item_search where rowid = ${itemId}`.execute(ex);
  } else {
    await sql`delete from item_search where item_id = ${itemId}`.execute(ex);
  }
}

/** A published item with the content of its published version, as lists and pages show it. */
export interface PublishedItemRow {
  readonly id: number;
  readonly agency_id: number;
  readonly column_id: number;
  readonly index_no: string | null;
  readonly published_at: string;
  readonly revised_at: string | null;
  readonly title: string;
  readonly doc_no: string;
  readonly publisher: string;
  readonly written_on: string | null;
  readonly validity: string;
  readonly summary: string;
  readonly body_text: string;
}

export interface PublishedItemFilter {
  readonly agencyId?: number;
  readonly columnIds?: readonly number[];
  /** Publication instants in [from, to). */
  readonly publishedFrom?: string;
  readonly publishedBefore?: string;
  readonly validity?: string;
}

function publishedBase(ex: Executor, filter: PublishedItemFilter) {
  let query = ex
    .selectFrom('items as i')
    .innerJoin('item_versions as v', (join) =>
      join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
    )
    .where('i.status', '=', 'published')
    .where('v.disclosure', '=', 'active');
  if (filter.agencyId !== undefined) {
    query = query.where('i.agency_id', '=', filter.agencyId);
  }
  if (filter.columnIds !== undefined) {
    query =
      filter.columnIds.length === 0
        ? query.where(sql<boolean>`1 = 0`)
        : query.where('i.column_id', 'in', filter.columnIds);
  }
  if (filter.publishedFrom !== undefined) {
    query = query.where('i.published_at', '>=', filter.publishedFrom);
  }
  if (filter.publishedBefore !== undefined) {
    query = query.where('i.published_at', '<', filter.publishedBefore);
  }
  if (filter.validity !== undefined) {
    query = query.where('v.validity', '=', filter.validity as ItemVersionRow['validity']);
  }
  return query;
}

const PUBLISHED_COLUMNS = [
  'i.id',
  'i.agency_id',
  'i.column_id',
  'i.index_no',
  'i.published_at',
  'i.revised_at',
  'v.title',
  'v.doc_no',
  'v.publisher',
  'v.written_on',
  'v.validity',
  'v.summary',
  'v.body_text',
] as const;

/** Published, 主动公开 items, newest first. */
export async function listPublishedItems(
  ex: Executor,
  filter: PublishedItemFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: PublishedItemRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    publishedBase(ex, filter)
      .select(PUBLISHED_COLUMNS)
      .orderBy('i.published_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    publishedBase(ex, filter)
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as PublishedItemRow[], total: total.n };
}

/**
 * Full-text search over published, 主动公开 items. `terms` are jieba words of the query; every
 * term must occur (AND). Best match first (bm25 on SQLite, ts_rank on PostgreSQL; title weighs more).
 */
export async function searchPublishedItems(
  ex: Executor,
  dialect: DialectName,
  terms: readonly string[],
  filter: PublishedItemFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: PublishedItemRow[]; total: number }> {
  if (terms.length === 0) {
    return { rows: [], total: 0 };
  }
  const base =
    dialect === 'sqlite'
      ? publishedBase(ex, filter).innerJoin(
          sql<{
            rowid: number;
            rank: number;
          }>`(select rowid, bm25(item_search, 10.0, 1.0) as rank from item_search where item_search match ${terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' ')})`.as(
            's',
          ),
          (join) => join.onRef('s.rowid', '=', 'i.id'),
        )
      : publishedBase(ex, filter).innerJoin(
          sql<{
            rowid: number;
            rank: number;
          }>`(select item_id as rowid, -ts_rank(doc, q) as rank from item_search, plainto_tsquery('simple', ${terms.join(' ')}) q where doc @@ q)`.as(
            's',
          ),
          (join) => join.onRef('s.rowid', '=', 'i.id'),
        );
  const [rows, total] = await Promise.all([
    base
      .select(PUBLISHED_COLUMNS)
      .orderBy('s.rank')
      .orderBy('i.published_at', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as PublishedItemRow[], total: total.n };
}

export interface ItemListRow {
  readonly id: number;
  readonly agency_id: number;
  readonly column_id: number;
  readonly status: ItemRow['status'];
  readonly review_stage: ItemRow['review_stage'];
  readonly index_no: string | null;
  readonly published_at: string | null;
  readonly scheduled_for: string | null;
  readonly updated_at: string;
  readonly title: string;
  readonly doc_no: string;
  readonly version: number;
  readonly working_version: number | null;
}

/** Items of an agency for the admin, by the version staff work on (the working one, else the published one). */
export async function listAgencyItems(
  ex: Executor,
  filter: {
    agencyId: number;
    statuses?: readonly ItemRow['status'][];
    stage?: ItemRow['review_stage'];
    /** Only items with a working version that is not in review. */
    editing?: boolean;
    columnId?: number;
    title?: string;
  },
  page: { limit: number; offset: number },
): Promise<{ rows: ItemListRow[]; total: number }> {
  let query = ex
    .selectFrom('items as i')
    .innerJoin('item_versions as v', (join) =>
      join
        .onRef('v.item_id', '=', 'i.id')
        .on((eb) => eb('v.version', '=', eb.fn.coalesce('i.working_version', 'i.published_version'))),
    )
    .where('i.agency_id', '=', filter.agencyId);
  if (filter.statuses !== undefined && filter.statuses.length > 0) {
    query = query.where('i.status', 'in', filter.statuses);
  }
  if (filter.stage !== undefined && filter.stage !== null) {
    query = query.where('i.review_stage', '=', filter.stage);
  }
  if (filter.editing === true) {
    query = query.where('i.working_version', 'is not', null).where('i.review_stage', 'is', null);
  }
  if (filter.columnId !== undefined) {
    query = query.where('i.column_id', '=', filter.columnId);
  }
  if (filter.title !== undefined && filter.title !== '') {
    query = query.where(sql<boolean>`lower(v.title) like ${`%${filter.title.toLowerCase()}%`}`);
  }
  const [rows, total] = await Promise.all([
    query
      .select([
        'i.id',
        'i.agency_id',
        'i.column_id',
        'i.status',
        'i.review_stage',
        'i.index_no',
        'i.published_at',
        'i.scheduled_for',
        'i.updated_at',
        'v.title',
        'v.doc_no',
        'v.version',
        'i.working_version',
      ])
      .orderBy('i.updated_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** Scheduled items whose time has come. */
export async function listDueScheduledItems(ex: Executor, now: string): Promise<ItemRow[]> {
  return ex
    .selectFrom('items')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('scheduled_for', '<=', now)
    .orderBy('scheduled_for')
    .execute();
}

/** Every public item's id and last change, for sitemap.xml. */
export async function listPublishedItemStamps(ex: Executor): Promise<{ id: number; lastmod: string }[]> {
  const rows = await publishedBase(ex, {}).select(['i.id', 'i.published_at', 'i.revised_at']).orderBy('i.id').execute();
  return rows.map((r) => ({ id: r.id, lastmod: r.revised_at ?? r.published_at ?? '' }));
}
