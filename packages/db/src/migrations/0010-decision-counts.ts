import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { idColumn } from './helpers.ts';

/**
 * The month's counts of 行政许可, 行政处罚 and 行政强制 decisions and the 行政事业性收费 collected, which
 * live in other systems: entered by staff month by month, or imported from a spreadsheet. Table 二
 * of the annual report sums them over the year.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await idColumn(db.schema.createTable('decision_counts'), dialect)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('licensing', 'integer', (c) => c.notNull())
    .addColumn('penalties', 'integer', (c) => c.notNull())
    .addColumn('coercion', 'integer', (c) => c.notNull())
    .addColumn('fees_fen', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('decision_counts_agency_month', ['agency_id', 'year', 'month'])
    .execute();
}
