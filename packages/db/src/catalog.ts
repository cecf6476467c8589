import type { Insertable, Updateable } from 'kysely';
import type { Executor } from './connection.ts';
import type { CatalogColumnRow, CatalogColumnTable } from './schema.ts';

export async function insertCatalogColumn(
  ex: Executor,
  column: Omit<Insertable<CatalogColumnTable>, 'id' | 'created_at' | 'updated_at'>,
  now: string,
): Promise<CatalogColumnRow> {
  return ex
    .insertInto('catalog_columns')
    .values({ ...column, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listCatalogColumns(ex: Executor, agencyId: number): Promise<CatalogColumnRow[]> {
  return ex
    .selectFrom('catalog_columns')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export async function findCatalogColumn(ex: Executor, id: number): Promise<CatalogColumnRow | undefined> {
  return ex.selectFrom('catalog_columns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateCatalogColumn(
  ex: Executor,
  id: number,
  patch: Omit<Updateable<CatalogColumnTable>, 'id' | 'agency_id' | 'created_at'>,
  now: string,
): Promise<CatalogColumnRow> {
  return ex
    .updateTable('catalog_columns')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteCatalogColumn(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('catalog_columns').where('id', '=', id).execute();
}

export async function countCatalogColumns(ex: Executor, agencyId: number): Promise<number> {
  const row = await ex
    .selectFrom('catalog_columns')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return row.n;
}
