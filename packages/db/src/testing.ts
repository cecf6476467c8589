import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe } from 'vitest';
import { openDatabase, type Database, type DialectName } from './connection.ts';
import { migrateToLatest } from './migrations/index.ts';

/**
 * Test databases on every dialect we ship. SQLite is in memory; PostgreSQL gets a schema of its own
 * per test in the database named by XXGK_TEST_DATABASE_URL (default: CI's 127.0.0.1:5432/test),
 * dropped afterwards, so test files run in parallel without seeing each other.
 */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

export const TEST_PG_URL = process.env['XXGK_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Database {
  /** Only set on PostgreSQL. */
  readonly schema?: string;
}

export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ dataDir: ':memory:' });
    await migrateToLatest(database);
    return database;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const database = openDatabase({ databaseUrl: TEST_PG_URL, dataDir: '', pgSchema: schema, pgPoolSize: 4 });
  await migrateToLatest(database);
  return {
    ...database,
    schema,
    destroy: async () => {
      await database.destroy();
      const cleanup = new pg.Client({ connectionString: TEST_PG_URL });
      await cleanup.connect();
      try {
        await cleanup.query(`drop schema ${schema} cascade`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/**
 * Runs the same test body on SQLite and on PostgreSQL, with a fresh, migrated database for each
 * test: `describeDialects('users', (database) => { it('…', async () => { database().db … }) })`.
 */
export function describeDialects(name: string, body: (database: () => TestDatabase) => void): void {
  describe.each(DIALECTS)(`${name} [%s]`, (dialect) => {
    let current: TestDatabase | undefined;
    beforeEach(async () => {
      current = await openTestDatabase(dialect);
    });
    afterEach(async () => {
      await current?.destroy();
      current = undefined;
    });
    body(() => {
      if (current === undefined) {
        throw new Error('test database is only open inside a test');
      }
      return current;
    });
  });
}
