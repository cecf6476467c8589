import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { idColumn } from './helpers.ts';

/**
 * 依申请公开, the rest of the handling: personal data sealed at rest, the letters and their templates,
 * the agency's particulars the letters need (复议机关, 人民法院, 依申请公开专用章), whether 法制审核 is
 * required, archiving, and the 行政复议/行政诉讼 cases behind the report's table 四.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  // The identity number is stored sealed (AES-256-GCM, key from config); its last four characters
  // stay readable for the status-page check, and a keyed hash finds the same applicant's other
  // applications (fees count per month; duplicates) without the number in clear.
  for (const column of ['id_last4', 'applicant_key'] as const) {
    await db.schema
      .alterTable('applications')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
  for (const column of ['archived_on', 'personal_data_purged_on'] as const) {
    await db.schema.alterTable('applications').addColumn(column, 'text').execute();
  }
  await db.schema.createIndex('applications_applicant').on('applications').column('applicant_key').execute();

  await db.schema
    .alterTable('application_files')
    .addColumn('encrypted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('application_files')
    .addColumn('letter_kind', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  for (const column of ['reconsideration_body', 'court', 'seal_file_key'] as const) {
    await db.schema
      .alterTable('agencies')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
  await db.schema
    .alterTable('agencies')
    .addColumn('legal_review_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await idColumn(db.schema.createTable('letter_templates'), dialect)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('letter_templates_agency_kind', ['agency_id', 'kind'])
    .execute();

  await idColumn(db.schema.createTable('application_appeals'), dialect)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('concluded_on', 'text')
    .addColumn('after_reconsideration', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_appeals_agency').on('application_appeals').column('agency_id').execute();
}
