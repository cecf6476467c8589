import { CLOSED_CLOCK_STATUSES } from '@xxgk/core';
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from './connection.ts';
import { updateLocked } from './lock-version.ts';
import type {
  ApplicationEventRow,
  ApplicationEventTable,
  ApplicationFileRow,
  ApplicationFileTable,
  ApplicationRow,
  ApplicationTable,
} from './schema.ts';

export async function insertApplication(
  ex: Executor,
  row: Omit<Insertable<ApplicationTable>, 'id'>,
): Promise<ApplicationRow> {
  return ex.insertInto('applications').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findApplication(ex: Executor, id: number): Promise<ApplicationRow | undefined> {
  return ex.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findApplicationByTrackingCode(ex: Executor, code: string): Promise<ApplicationRow | undefined> {
  return ex.selectFrom('applications').selectAll().where('tracking_code', '=', code).executeTakeFirst();
}

export async function updateApplication(
  ex: Executor,
  id: number,
  patch: Omit<Updateable<ApplicationTable>, 'id' | 'agency_id' | 'tracking_code' | 'created_at'>,
): Promise<ApplicationRow> {
  return ex.updateTable('applications').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** As claimItem: refuses a change made from a stale read of the application. */
export async function claimApplication(ex: Executor, seen: ApplicationRow): Promise<boolean> {
  return (await updateLocked(ex, 'applications', seen)) !== undefined;
}

export async function insertApplicationEvent(
  ex: Executor,
  row: Omit<Insertable<ApplicationEventTable>, 'id'>,
): Promise<ApplicationEventRow> {
  return ex.insertInto('application_events').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The ledger, in the order it was written. */
export async function listApplicationEvents(ex: Executor, applicationId: number): Promise<ApplicationEventRow[]> {
  return ex
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export async function insertApplicationFile(
  ex: Executor,
  row: Omit<Insertable<ApplicationFileTable>, 'id'>,
): Promise<ApplicationFileRow> {
  return ex.insertInto('application_files').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listApplicationFiles(ex: Executor, applicationId: number): Promise<ApplicationFileRow[]> {
  return ex
    .selectFrom('application_files')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export interface ApplicationFilter {
  readonly agencyId: number;
  /** Open (not decided or closed) only. */
  readonly open?: boolean;
  /** Due on or before this date (open ones). */
  readonly dueBy?: string;
  readonly handlerUserId?: number;
  /** Legal receipt date within [from, to]. */
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  readonly outcomeCode?: string;
  readonly channel?: string;
  /** Matches the tracking code, the information asked for, or the applicant's name. */
  readonly search?: string;
  /** due: most urgent first (open work); recent: newest first (the whole register). */
  readonly order?: 'due' | 'recent';
}

export async function listAgencyApplications(
  ex: Executor,
  filter: ApplicationFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ApplicationRow[]; total: number }> {
  let query = ex.selectFrom('applications').where('agency_id', '=', filter.agencyId);
  if (filter.open === true) {
    query = query.where('clock_status', 'not in', CLOSED_CLOCK_STATUSES);
  }
  if (filter.dueBy !== undefined) {
    query = query.where('due_on', '<=', filter.dueBy);
  }
  if (filter.handlerUserId !== undefined) {
    query = query.where('handler_user_id', '=', filter.handlerUserId);
  }
  if (filter.receivedFrom !== undefined) {
    query = query.where('received_on', '>=', filter.receivedFrom);
  }
  if (filter.receivedTo !== undefined) {
    query = query.where('received_on', '<=', filter.receivedTo);
  }
  if (filter.outcomeCode !== undefined) {
    query = query.where('outcome_code', '=', filter.outcomeCode as ApplicationRow['outcome_code'] & string);
  }
  if (filter.channel !== undefined) {
    query = query.where('channel', '=', filter.channel as ApplicationRow['channel']);
  }
  const search = filter.search?.trim() ?? '';
  if (search !== '') {
    // A % or _ typed in the box acts as a wildcard: harmless in a staff search.
    const pattern = `%${search}%`;
    query = query.where((eb) =>
      eb.or([
        eb('tracking_code', 'like', pattern.toUpperCase()),
        eb('info_title', 'like', pattern),
        eb('applicant_name', 'like', pattern),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    (filter.order === 'recent'
      ? query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc')
      : query.selectAll().orderBy('due_on').orderBy('id', 'desc')
    )
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** How many applications were submitted online (anonymously) from this address since `since`, read from the audit log. */
export async function countApplicationsFromAddress(ex: Executor, ip: string, since: string): Promise<number> {
  const row = await ex
    .selectFrom('audit_log')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('action', '=', 'application.create')
    // The applicant online is anonymous; staff registering counter or post applications from the same
    // office address are not the public form's concern (issue 18).
    .where('actor_user_id', 'is', null)
    .where('ip', '=', ip)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Open applications per agency, with how many are overdue and how many are due by `soon`. */
export async function applicationAlertCounts(
  ex: Executor,
  agencyIds: readonly number[],
  today: string,
  soon: string,
): Promise<{ agency_id: number; open: number; overdue: number; due_soon: number }[]> {
  if (agencyIds.length === 0) {
    return [];
  }
  const rows = await ex
    .selectFrom('applications')
    .select((eb) => [
      'agency_id',
      eb.cast<number>(eb.fn.countAll(), 'integer').as('open'),
      eb.cast<number>(eb.fn.sum(eb.case().when('due_on', '<', today).then(1).else(0).end()), 'integer').as('overdue'),
      eb
        .cast<number>(
          eb.fn.sum(
            eb
              .case()
              .when(eb.and([eb('due_on', '>=', today), eb('due_on', '<=', soon)]))
              .then(1)
              .else(0)
              .end(),
          ),
          'integer',
        )
        .as('due_soon'),
    ])
    .where('agency_id', 'in', agencyIds)
    .where('clock_status', 'not in', CLOSED_CLOCK_STATUSES)
    .groupBy('agency_id')
    .execute();
  return rows;
}

/**
 * How many applications the same applicant (by keyed hash) made to an agency in a month (YYYY-MM of
 * the legal receipt date) before the given one, in receipt order: the 按件 fee count.
 */
export async function countApplicantApplicationsInMonth(
  ex: Executor,
  q: { agencyId: number; applicantKey: string; month: string; before: { receivedOn: string; id: number } },
): Promise<number> {
  if (q.applicantKey === '') {
    return 0;
  }
  const row = await ex
    .selectFrom('applications')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('agency_id', '=', q.agencyId)
    .where('applicant_key', '=', q.applicantKey)
    .where('received_on', '>=', `${q.month}-01`)
    .where('received_on', '<=', `${q.month}-31`)
    .where((eb) =>
      eb.or([
        eb('received_on', '<', q.before.receivedOn),
        eb.and([eb('received_on', '=', q.before.receivedOn), eb('id', '<', q.before.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The same applicant's other applications to an agency (for duplicates and fees), newest first. */
export async function listApplicantApplications(
  ex: Executor,
  q: { agencyId: number; applicantKey: string; exceptId: number },
): Promise<ApplicationRow[]> {
  if (q.applicantKey === '') {
    return [];
  }
  return ex
    .selectFrom('applications')
    .selectAll()
    .where('agency_id', '=', q.agencyId)
    .where('applicant_key', '=', q.applicantKey)
    .where('id', '!=', q.exceptId)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
}

/** Applications archived before `before` whose applicant's personal data are still kept. */
export async function listApplicationsToPurge(
  ex: Executor,
  before: string,
): Promise<Pick<ApplicationRow, 'id' | 'agency_id' | 'tracking_code'>[]> {
  return ex
    .selectFrom('applications')
    .select(['id', 'agency_id', 'tracking_code'])
    .where('archived_on', '<', before)
    .where('personal_data_purged_on', 'is', null)
    .execute();
}

/**
 * Erases what names the applicant: the files that do (identity proof, scans, letters) and the
 * application's personal fields. Returns the erased files' storage keys, for the blobs to follow.
 */
export async function purgeApplicantData(
  ex: Executor,
  applicationId: number,
  { placeholderName, today, now }: { placeholderName: string; today: string; now: string },
): Promise<string[]> {
  const files = await ex
    .selectFrom('application_files')
    .select(['id', 'storage_key'])
    .where('application_id', '=', applicationId)
    .where('kind', 'in', ['identity', 'scan', 'letter'])
    .execute();
  await ex
    .deleteFrom('application_files')
    .where('id', 'in', [0, ...files.map((f) => f.id)])
    .execute();
  await ex
    .updateTable('applications')
    .set({
      applicant_name: placeholderName,
      id_number: '',
      id_last4: '',
      applicant_key: '',
      contact_name: '',
      phone: '',
      email: '',
      address: '',
      postcode: '',
      personal_data_purged_on: today,
      updated_at: now,
    })
    .where('id', '=', applicationId)
    .execute();
  return files.map((f) => f.storage_key);
}

/** The ledgers of several applications, in the order written. */
export async function listEventsOfApplications(
  ex: Executor,
  applicationIds: readonly number[],
): Promise<ApplicationEventRow[]> {
  if (applicationIds.length === 0) {
    return [];
  }
  return ex
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', 'in', [...applicationIds])
    .orderBy('id')
    .execute();
}

/** Open applications due by the end of `dueBy` (overdue ones too). */
export async function listOpenApplicationsDueBy(ex: Executor, dueBy: string): Promise<ApplicationRow[]> {
  return ex
    .selectFrom('applications')
    .selectAll()
    .where('clock_status', 'not in', CLOSED_CLOCK_STATUSES)
    .where('due_on', '<=', dueBy)
    .execute();
}

export type DuplicateCandidate = Pick<
  ApplicationRow,
  | 'id'
  | 'tracking_code'
  | 'applicant_key'
  | 'info_title'
  | 'info_doc_no'
  | 'info_description'
  | 'received_on'
  | 'outcome_code'
>;

/** The agency's other applications by the same applicant, or made since `since`: whom a request may repeat. */
export async function listDuplicateCandidates(
  ex: Executor,
  application: Pick<ApplicationRow, 'id' | 'agency_id' | 'applicant_key'>,
  since: string,
): Promise<DuplicateCandidate[]> {
  return ex
    .selectFrom('applications')
    .select([
      'id',
      'tracking_code',
      'applicant_key',
      'info_title',
      'info_doc_no',
      'info_description',
      'received_on',
      'outcome_code',
    ])
    .where('agency_id', '=', application.agency_id)
    .where('id', '!=', application.id)
    .where((eb) => eb.or([eb('applicant_key', '=', application.applicant_key), eb('created_at', '>=', since)]))
    .execute();
}
