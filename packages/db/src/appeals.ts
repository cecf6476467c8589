/*
 * 行政复议 and 行政诉讼 brought over an application (条例 第五十一条), as the ledger records them and
 * the report's table 四 counts them.
 */

import type { Insertable, Updateable } from 'kysely';
import type { Executor } from './connection.ts';
import type { ApplicationAppealRow, ApplicationAppealTable } from './schema.ts';

export async function insertAppeal(
  ex: Executor,
  row: Omit<Insertable<ApplicationAppealTable>, 'id'>,
): Promise<ApplicationAppealRow> {
  return ex.insertInto('application_appeals').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The case, if it was brought over this application. */
export async function findAppeal(
  ex: Executor,
  id: number,
  applicationId: number,
): Promise<ApplicationAppealRow | undefined> {
  return ex
    .selectFrom('application_appeals')
    .selectAll()
    .where('id', '=', id)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

export async function updateAppeal(
  ex: Executor,
  id: number,
  patch: Omit<Updateable<ApplicationAppealTable>, 'id' | 'application_id' | 'agency_id' | 'created_at'>,
): Promise<ApplicationAppealRow> {
  return ex.updateTable('application_appeals').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The cases over one application, by filing date. */
export async function listAppealsOfApplication(ex: Executor, applicationId: number): Promise<ApplicationAppealRow[]> {
  return ex
    .selectFrom('application_appeals')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('filed_on')
    .orderBy('id')
    .execute();
}

/** Every case against the agency, in the order recorded (the report's table 四). */
export async function listAgencyAppeals(ex: Executor, agencyId: number): Promise<ApplicationAppealRow[]> {
  return ex.selectFrom('application_appeals').selectAll().where('agency_id', '=', agencyId).orderBy('id').execute();
}

/** The cases over several applications, by filing date. */
export async function listAppealsOfApplications(
  ex: Executor,
  applicationIds: readonly number[],
): Promise<ApplicationAppealRow[]> {
  if (applicationIds.length === 0) {
    return [];
  }
  return ex
    .selectFrom('application_appeals')
    .selectAll()
    .where('application_id', 'in', [...applicationIds])
    .orderBy('filed_on')
    .execute();
}
