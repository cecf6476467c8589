/*
 * An agency's own wording of its reply letters (告知书); a kind without a row uses the built-in
 * wording (core DEFAULT_LETTER_TEMPLATES).
 */

import type { Executor } from './connection.ts';
import type { LetterTemplateRow } from './schema.ts';

/** The agency's wording of one kind of letter, if it saved one. */
export async function findLetterTemplate(
  ex: Executor,
  agencyId: number,
  kind: string,
): Promise<Pick<LetterTemplateRow, 'title' | 'body'> | undefined> {
  return ex
    .selectFrom('letter_templates')
    .select(['title', 'body'])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** Keeps (or replaces) the agency's wording of one kind of letter. */
export async function upsertLetterTemplate(ex: Executor, row: Omit<LetterTemplateRow, 'id'>): Promise<void> {
  const { title, body, updated_at, updated_by } = row;
  await ex
    .insertInto('letter_templates')
    .values(row)
    .onConflict((oc) => oc.columns(['agency_id', 'kind']).doUpdateSet({ title, body, updated_at, updated_by }))
    .execute();
}

/** Drops the agency's wording, so the built-in one applies again. */
export async function deleteLetterTemplate(ex: Executor, agencyId: number, kind: string): Promise<void> {
  await ex.deleteFrom('letter_templates').where('agency_id', '=', agencyId).where('kind', '=', kind).execute();
}
