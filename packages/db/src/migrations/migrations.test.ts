import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing.ts';
import { pendingMigrations } from './index.ts';

describe('migrations on PostgreSQL with several schemas in one database', () => {
  const opened: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((d) => d.destroy()));
  });

  it('keep each schema’s own record of what was applied', async () => {
    // Each test database is a schema of the same database, migrated as it opens: the second one must
    // create its own bookkeeping table although the first schema already has one.
    const first = await openTestDatabase('postgres');
    const second = await openTestDatabase('postgres');
    opened.push(first, second);
    for (const database of [first, second]) {
      expect(await pendingMigrations(database)).toEqual([]);
      const { rows } = await sql<{ schema: string; n: number }>`
        select table_schema as schema, count(*)::int as n from information_schema.tables
        where table_name = 'kysely_migration' and table_schema = current_schema() group by table_schema`.execute(
        database.db,
      );
      expect(rows).toEqual([{ schema: database.schema, n: 1 }]);
    }
  });
});
