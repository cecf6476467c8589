/*
 * Compiled SQL for snapshot tests (STYLE.md habit 11: the queries that matter are reviewable): what a
 * repository function sends, per dialect, without a database.
 */

import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type Dialect,
} from 'kysely';
import type { DialectName, Executor } from './connection.ts';
import type { Schema } from './schema.ts';

const COMPILERS: Readonly<Record<DialectName, Dialect>> = {
  sqlite: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
  postgres: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
};

/**
 * The SQL a repository function sends, compiled for the dialect without a database: the dummy driver
 * answers every query with no rows, and the log keeps each compiled query ({ sql, parameters }) in
 * the order it was sent.
 */
export async function compiledBy(dialect: DialectName, run: (ex: Executor) => Promise<unknown>): Promise<string> {
  const sent: CompiledQuery[] = [];
  const db = new Kysely<Schema>({
    dialect: COMPILERS[dialect],
    log: (event) => {
      if (event.level === 'query') {
        sent.push(event.query);
      }
    },
  });
  try {
    await run(db);
  } finally {
    await db.destroy();
  }
  return sent.map((q) => `${q.sql};\n-- parameters: ${JSON.stringify(q.parameters)}\n`).join('\n');
}

/** Each named run's SQL under its name, for one snapshot file. */
export async function compiledSqlSnapshot(
  dialect: DialectName,
  sections: Record<string, (ex: Executor) => Promise<unknown>>,
) {
  const parts: string[] = [];
  for (const [name, run] of Object.entries(sections)) {
    parts.push(`-- ${name}\n\n${await compiledBy(dialect, run)}`);
  }
  return parts.join('\n');
}
