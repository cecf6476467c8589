import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { idColumn } from './helpers.ts';

/** An agency's starting text for sections 五 and 六 of its annual report, reused year after year. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await idColumn(db.schema.createTable('report_templates'), dialect)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('section', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_templates_agency_section', ['agency_id', 'section'])
    .execute();
}
