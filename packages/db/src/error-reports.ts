import type { Insertable } from 'kysely';
import type { Executor } from './connection.ts';
import type { ErrorReportRow, ErrorReportStatus, ErrorReportTable } from './schema.ts';

/** 我要纠错 reports from the public (migrations/0013-inspection.ts). */
export async function insertErrorReport(ex: Executor, row: Omit<Insertable<ErrorReportTable>, 'id'>): Promise<number> {
  const { id } = await ex.insertInto('error_reports').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findErrorReport(ex: Executor, id: number): Promise<ErrorReportRow | undefined> {
  return ex.selectFrom('error_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** By the tracking code the reporter was given (stored upper-case). */
export async function findErrorReportByCode(ex: Executor, code: string): Promise<ErrorReportRow | undefined> {
  return ex.selectFrom('error_reports').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The reports on these agencies' pages, newest first; only those in `status` when given. */
export async function listAgencyErrorReports(
  ex: Executor,
  { agencyIds, status }: { agencyIds: readonly number[]; status?: ErrorReportStatus },
): Promise<ErrorReportRow[]> {
  let query = ex
    .selectFrom('error_reports')
    .selectAll()
    .where('agency_id', 'in', [...agencyIds, -1])
    .orderBy('received_at', 'desc');
  if (status !== undefined) {
    query = query.where('status', '=', status);
  }
  return query.execute();
}

/** Records the agency's answer; a report already answered is left as it was. */
export async function markErrorReportReplied(
  ex: Executor,
  id: number,
  reply: { reply: string; at: string; by: string },
): Promise<void> {
  await ex
    .updateTable('error_reports')
    .set({ status: 'replied', reply: reply.reply, replied_at: reply.at, replied_by: reply.by })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}
