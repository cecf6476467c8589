import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { idColumn } from './helpers.ts';

/**
 * 主动公开 items: identity and lifecycle in `items`, content per version in `item_versions`, the
 * 三审三校 trail in `item_reviews`, files in `item_attachments`, 政策解读 links, the never-reused
 * 索引号 counters, the portal's cache generation, and the full-text index (FTS5 on SQLite,
 * tsvector on PostgreSQL) over jieba-segmented text.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('agencies')
    .addColumn('index_pattern', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await idColumn(db.schema.createTable('items'), dialect)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('column_id', 'integer', (c) => c.notNull().references('catalog_columns.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_stage', 'text')
    .addColumn('index_no', 'text', (c) => c.unique())
    .addColumn('published_at', 'text')
    .addColumn('scheduled_for', 'text')
    .addColumn('revised_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('published_version', 'integer')
    .addColumn('working_version', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('lock_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('items_column').on('items').columns(['column_id', 'status', 'published_at']).execute();
  await db.schema.createIndex('items_agency').on('items').columns(['agency_id', 'status']).execute();

  await idColumn(db.schema.createTable('item_versions'), dialect)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('written_on', 'text')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('genre', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('disclosure', 'text', (c) => c.notNull())
    .addColumn('withheld_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('item_versions_item')
    .on('item_versions')
    .columns(['item_id', 'version'])
    .unique()
    .execute();

  await idColumn(db.schema.createTable('item_reviews'), dialect)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text')
    .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('findings', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_reviews_item').on('item_reviews').columns(['item_id', 'version']).execute();

  await idColumn(db.schema.createTable('item_attachments'), dialect)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_attachments_item').on('item_attachments').columns(['item_id', 'version']).execute();

  await idColumn(db.schema.createTable('item_links'), dialect)
    .addColumn('policy_item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('interpretation_item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('item_links_pair')
    .on('item_links')
    .columns(['policy_item_id', 'interpretation_item_id'])
    .unique()
    .execute();
  await db.schema.createIndex('item_links_interpretation').on('item_links').column('interpretation_item_id').execute();

  await db.schema
    .createTable('index_counters')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_counters_pk', ['agency_id', 'period'])
    .execute();

  await db.schema
    .createTable('portal_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into portal_state (id, generation) values (1, 1)`.execute(db);

  if (dialect === 'sqlite') {
    // rowid is the item id; text is jieba-segmented and space-joined (STACK.md §4).
    await sql`create virtual table item_search using fts5(title, body, tokenize = 'unicode61')`.execute(db);
  } else {
    await sql`create table item_search (
      item_id integer primary key references items (id),
      doc tsvector not null
    )`.execute(db);
    await sql`create index item_search_doc on item_search using gin (doc)`.execute(db);
  }
}
