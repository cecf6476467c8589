import type { CreateTableBuilder } from 'kysely';
import type { DialectName } from '../connection.ts';

/** The one DDL difference between our dialects: an auto-increment integer primary key. */
export function idColumn<T extends string>(
  table: CreateTableBuilder<T>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'serial', (c) => c.primaryKey());
}
