import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Schema>;
/** Anything that runs queries: the database or a transaction on it. Repositories take this. */
export type Executor = Kysely<Schema> | Transaction<Schema>;

export interface Database {
  readonly db: Db;
  readonly dialect: DialectName;
  /** Where it lives, for logs: the SQLite file or the PostgreSQL URL without its password. */
  readonly location: string;
  destroy(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite under {@link dataDir}. */
  readonly databaseUrl?: string | undefined;
  /** Directory of the embedded SQLite database `xxgk.sqlite`. */
  readonly dataDir: string;
  /** PostgreSQL only: schema to put first on the search_path (tests use one schema each). */
  readonly pgSchema?: string;
  readonly pgPoolSize?: number;
}

// PostgreSQL returns int8 (count(*), sum of integers) as strings; every number we store fits a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export function openDatabase(options: OpenDatabaseOptions): Database {
  if (isPostgresUrl(options.databaseUrl)) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.pgPoolSize ?? 10,
      ...(options.pgSchema === undefined ? {} : { options: `-c search_path=${options.pgSchema}` }),
    });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: redactUrl(options.databaseUrl), destroy: () => db.destroy() };
  }
  const file = options.dataDir === ':memory:' ? ':memory:' : path.join(options.dataDir, 'xxgk.sqlite');
  if (file !== ':memory:') {
    mkdirSync(options.dataDir, { recursive: true });
  }
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, destroy: () => db.destroy() };
}

/** Answers when the database takes queries; /readyz calls it. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
