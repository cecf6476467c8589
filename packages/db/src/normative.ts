import type { Insertable } from 'kysely';
import type { Executor } from './connection.ts';
import type { NormativeDocumentRow, NormativeDocumentTable, NormativeEventRow, NormativeEventTable } from './schema.ts';

export async function insertNormativeDocument(
  ex: Executor,
  row: Omit<Insertable<NormativeDocumentTable>, 'id'>,
): Promise<NormativeDocumentRow> {
  return ex.insertInto('normative_documents').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findNormativeDocument(ex: Executor, id: number): Promise<NormativeDocumentRow | undefined> {
  return ex.selectFrom('normative_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findNormativeDocumentByDocNo(
  ex: Executor,
  agencyId: number,
  docNo: string,
): Promise<NormativeDocumentRow | undefined> {
  return ex
    .selectFrom('normative_documents')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('doc_no', '=', docNo)
    .executeTakeFirst();
}

export async function listNormativeDocuments(ex: Executor, agencyId: number): Promise<NormativeDocumentRow[]> {
  return ex
    .selectFrom('normative_documents')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('issued_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertNormativeEvent(
  ex: Executor,
  row: Omit<Insertable<NormativeEventTable>, 'id'>,
): Promise<NormativeEventRow> {
  return ex.insertInto('normative_events').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Every event of the given documents, oldest first. */
export async function listNormativeEvents(ex: Executor, documentIds: readonly number[]): Promise<NormativeEventRow[]> {
  if (documentIds.length === 0) {
    return [];
  }
  return ex
    .selectFrom('normative_events')
    .selectAll()
    .where('document_id', 'in', documentIds)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
}
