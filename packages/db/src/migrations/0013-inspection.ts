import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { idColumn } from './helpers.ts';

/**
 * Inspection (issue 8): the city's own 错敏 rules beside the shipped dictionary; which findings block
 * an agency's submissions; dismissed false positives; what the nightly scan of published items
 * found and when it was fixed; the text read out of attachments (read once per file); and the
 * public's error reports (我要纠错).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await idColumn(db.schema.createTable('wording_rules'), dialect)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('replacement', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // 'severe' (the default): severe findings block 送审; 'warning': every finding does; 'none': none do.
  await db.schema
    .alterTable('agencies')
    .addColumn('scan_blocking', 'text', (c) => c.notNull().defaultTo('severe'))
    .execute();

  await idColumn(db.schema.createTable('scan_dismissals'), dialect)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('check_code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('scan_dismissals_agency_fingerprint', ['agency_id', 'fingerprint'])
    .execute();

  await idColumn(db.schema.createTable('scan_findings'), dialect)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('check_code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('line', 'integer')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('fixed_at', 'text')
    .addColumn('dismissed_at', 'text')
    .execute();
  await db.schema.createIndex('scan_findings_agency').on('scan_findings').columns(['agency_id', 'fixed_at']).execute();
  await db.schema.createIndex('scan_findings_item').on('scan_findings').columns(['item_id']).execute();

  await db.schema
    .createTable('attachment_texts')
    .addColumn('storage_key', 'text', (c) => c.primaryKey())
    // ok | empty | unreadable | skipped (a format with no text to read, such as an image)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .execute();

  await idColumn(db.schema.createTable('error_reports'), dialect)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('page_url', 'text', (c) => c.notNull())
    .addColumn('page_title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('replied_at', 'text')
    .addColumn('replied_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('error_reports_agency').on('error_reports').columns(['agency_id', 'status']).execute();

  // The last run of each daily job (the nightly scan, the freshness warnings), so a restart doesn't rerun them.
  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_run_at', 'text', (c) => c.notNull())
    .execute();
}
