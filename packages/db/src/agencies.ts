import type { AgencyRow, AgencyUpdate, NewAgencyRow } from './schema.ts';
import type { Executor } from './connection.ts';

export type NewAgency = Omit<NewAgencyRow, 'id' | 'path' | 'created_at' | 'updated_at'>;

/** Inserts an agency under its parent (or as a root) and gives it its materialised path. */
export async function insertAgency(ex: Executor, agency: NewAgency, now: string): Promise<AgencyRow> {
  const parentPath =
    agency.parent_id == null
      ? '/'
      : (await ex.selectFrom('agencies').select('path').where('id', '=', agency.parent_id).executeTakeFirstOrThrow())
          .path;
  const { id } = await ex
    .insertInto('agencies')
    .values({ ...agency, path: '', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ex
    .updateTable('agencies')
    .set({ path: `${parentPath}${id}/` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findAgency(ex: Executor, id: number): Promise<AgencyRow | undefined> {
  return ex.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAgencyByUscc(ex: Executor, uscc: string): Promise<AgencyRow | undefined> {
  return ex.selectFrom('agencies').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

/** Every agency, or those at or below the agency whose path is given, in tree order. */
export async function listAgencies(ex: Executor, options: { underPath?: string } = {}): Promise<AgencyRow[]> {
  let query = ex.selectFrom('agencies').selectAll();
  if (options.underPath !== undefined) {
    query = query.where('path', 'like', `${options.underPath}%`);
  }
  return query.orderBy('sort_order').orderBy('id').execute();
}

/** The agencies directly under this one (a government's departments and towns), in display order. */
export async function listChildAgencies(ex: Executor, parentId: number): Promise<AgencyRow[]> {
  return ex.selectFrom('agencies').selectAll().where('parent_id', '=', parentId).orderBy('sort_order').execute();
}

/** Every agency's id, name and path, in tree order (by path). */
export async function listAgencyPaths(ex: Executor): Promise<Pick<AgencyRow, 'id' | 'name' | 'path'>[]> {
  return ex.selectFrom('agencies').select(['id', 'name', 'path']).orderBy('path').execute();
}

/** Keeps the storage key of the agency's seal image ('' when removed). */
export async function updateAgencySeal(ex: Executor, id: number, sealFileKey: string, now: string): Promise<void> {
  await ex.updateTable('agencies').set({ seal_file_key: sealFileKey, updated_at: now }).where('id', '=', id).execute();
}

export async function countAgencies(ex: Executor): Promise<number> {
  const row = await ex
    .selectFrom('agencies')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Updates an agency. Moving it under another parent rewrites the paths of its whole subtree in the
 * same statement set; the caller checks that the new parent is not inside the subtree.
 */
export async function updateAgency(
  ex: Executor,
  id: number,
  patch: Omit<AgencyUpdate, 'id' | 'path' | 'created_at'>,
  now: string,
): Promise<AgencyRow> {
  const before = await ex.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const updated = await ex
    .updateTable('agencies')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (patch.parent_id !== undefined && patch.parent_id !== before.parent_id) {
    const parentPath =
      patch.parent_id === null
        ? '/'
        : (await ex.selectFrom('agencies').select('path').where('id', '=', patch.parent_id).executeTakeFirstOrThrow())
            .path;
    const newPath = `${parentPath}${id}/`;
    const subtree = await listAgencies(ex, { underPath: before.path });
    for (const row of subtree) {
      await ex
        .updateTable('agencies')
        .set({ path: newPath + row.path.slice(before.path.length) })
        .where('id', '=', row.id)
        .execute();
    }
    return { ...updated, path: newPath };
  }
  return updated;
}
