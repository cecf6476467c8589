import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { idColumn } from './helpers.ts';

/**
 * An agency's annual report for a year as it moves from draft to publication: the narrative staff
 * write (the tables are computed from the registers until submission freezes them), the reasons
 * given for warnings, the 政务公开办's comments, and every published version, kept for good.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await idColumn(db.schema.createTable('annual_reports'), dialect)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('explanations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('report_json', 'text')
    .addColumn('review_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reopen_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('published_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('lock_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('annual_reports_agency_year', ['agency_id', 'year'])
    .execute();

  await idColumn(db.schema.createTable('annual_report_versions'), dialect)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_report_versions_version', ['report_id', 'version'])
    .execute();
}
