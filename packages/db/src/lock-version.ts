import type { Updateable } from 'kysely';
import type { Executor } from './connection.ts';
import type { Schema } from './schema.ts';

/** The tables whose rows carry a `lock_version` for optimistic locking. */
export type LockedTable = 'applications' | 'items' | 'annual_reports';

/** What a locked update may change besides the lock version itself. */
export type LockedPatch<T extends LockedTable> = Omit<Updateable<Schema[T]>, 'id' | 'lock_version'>;

/**
 * The one optimistic lock: applies `patch` to the row only if nobody changed it since `seen` was read,
 * and raises its lock version, in the transaction that makes the change. On PostgreSQL a concurrent
 * update waits for the first transaction and then finds the version moved on, so two people acting on
 * the same state cannot both succeed. Returns the new lock version, or undefined when `seen` is stale.
 */
export async function updateLocked<T extends LockedTable>(
  ex: Executor,
  table: T,
  seen: { readonly id: number; readonly lock_version: number },
  patch?: LockedPatch<T>,
): Promise<number | undefined> {
  // Kysely cannot narrow a generic table name; the three tables share `id` and `lock_version`.
  const row = await ex
    .updateTable(table as LockedTable)
    .set({ ...(patch as LockedPatch<LockedTable> | undefined), lock_version: seen.lock_version + 1 })
    .where('id', '=', seen.id)
    .where('lock_version', '=', seen.lock_version)
    .returning('lock_version')
    .executeTakeFirst();
  return row?.lock_version;
}
