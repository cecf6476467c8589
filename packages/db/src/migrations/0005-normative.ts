import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { idColumn } from './helpers.ts';

/** The register of 规章 and 行政规范性文件, with the history of each (修订, 废止, 失效). */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await idColumn(db.schema.createTable('normative_documents'), dialect)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('normative_documents_agency')
    .on('normative_documents')
    .columns(['agency_id', 'kind', 'issued_on'])
    .execute();
  await db.schema
    .createIndex('normative_documents_doc_no')
    .on('normative_documents')
    .columns(['agency_id', 'doc_no'])
    .unique()
    .execute();

  await idColumn(db.schema.createTable('normative_events'), dialect)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('normative_documents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('by_doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('by_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('normative_events_document').on('normative_events').column('document_id').execute();
}
