import type { Kysely } from 'kysely';

/** Each agency's own additions to its generated 政府信息公开指南 (条例 第十二条). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agencies')
    .addColumn('guide_notes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
