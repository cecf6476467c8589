import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Database, DialectName } from '../connection.ts';
import * as m0001 from './0001-house.ts';
import * as m0002 from './0002-calendar.ts';
import * as m0003 from './0003-catalog.ts';
import * as m0004 from './0004-items.ts';
import * as m0005 from './0005-normative.ts';
import * as m0006 from './0006-guide.ts';
import * as m0007 from './0007-applications.ts';
import * as m0008 from './0008-application-handling.ts';
import * as m0009 from './0009-mail-outbox.ts';
import * as m0010 from './0010-decision-counts.ts';
import * as m0011 from './0011-annual-reports.ts';
import * as m0012 from './0012-report-templates.ts';
import * as m0013 from './0013-inspection.ts';

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/** Every migration, in order. Names never change once released; add new ones at the end. */
const MIGRATIONS: Readonly<Record<string, DialectMigration>> = {
  '0001-house': m0001,
  '0002-calendar': m0002,
  '0003-catalog': m0003,
  '0004-items': m0004,
  '0005-normative': m0005,
  '0006-guide': m0006,
  '0007-applications': m0007,
  '0008-application-handling': m0008,
  '0009-mail-outbox': m0009,
  '0010-decision-counts': m0010,
  '0011-annual-reports': m0011,
  '0012-report-templates': m0012,
  '0013-inspection': m0013,
};

class InCodeProvider implements MigrationProvider {
  readonly #dialect: DialectName;
  constructor(dialect: DialectName) {
    this.#dialect = dialect;
  }
  getMigrations(): Promise<Record<string, Migration>> {
    const dialect = this.#dialect;
    return Promise.resolve(
      Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, dialect) }]),
      ),
    );
  }
}

export interface MigrationReport {
  readonly applied: readonly string[];
}

/**
 * The migrator, with its bookkeeping tables pinned to the schema the connection works in. Left
 * unpinned, Kysely looks for them in every schema of the database and, finding another schema's
 * (another tenant's, or a parallel test's), would skip creating its own.
 */
async function migratorFor(database: Database): Promise<Migrator> {
  const provider = new InCodeProvider(database.dialect);
  if (database.dialect !== 'postgres') {
    return new Migrator({ db: database.db, provider });
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  const schema = rows[0]?.schema;
  return new Migrator({ db: database.db, provider, ...(schema === undefined ? {} : { migrationTableSchema: schema }) });
}

/** Brings the schema up to date. Throws with the failing migration's name if one fails. */
export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  const migrator = await migratorFor(database);
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败 / migration failed${failed ? `: ${failed.migrationName}` : ''}`, {
      cause: result.error,
    });
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Names of migrations not yet applied; /readyz is not ready while any remain. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const migrator = await migratorFor(database);
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
