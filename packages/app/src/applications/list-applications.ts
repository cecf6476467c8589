import {
  addWorkingDays,
  can,
  DomainError,
  isClosedStatus,
  shanghaiDate,
  type Actor,
  type ApplicantCategory,
  type Channel,
  type ClockStatus,
  type Deadline,
  type OutcomeCode,
} from '@xxgk/core';
import {
  findApplication,
  listAgencyApplications,
  listApplicationEvents,
  listApplicationFiles,
  type ApplicationRow,
} from '@xxgk/db';
import { z } from 'zod';
import { requireAgency } from '../agencies/require-agency.ts';
import { authorize, denied } from '../audit.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { deadlineOf } from './ledger.ts';

export const ApplicationListQuery = z.object({
  /** open: not yet answered or closed; urgent: overdue or due within 3 working days. */
  view: z.enum(['open', 'urgent', 'all']).default('open'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ApplicationListQuery = z.input<typeof ApplicationListQuery>;

export interface ApplicationListEntry {
  readonly id: number;
  readonly trackingCode: string;
  readonly channel: Channel;
  readonly applicantKind: ApplicantCategory;
  readonly applicantName: string;
  readonly infoTitle: string;
  readonly receivedOn: string | null;
  readonly dueOn: string | null;
  readonly status: ClockStatus;
  readonly outcomeCode: OutcomeCode | null;
  /** Overdue, or due within 3 working days: flagged on the handler's and supervisor's dashboards. */
  readonly flag: 'overdue' | 'due_soon' | null;
}

/** The working-day window that counts as "due soon". */
export const DUE_SOON_WORKING_DAYS = 3;

/** An agency's applications, most urgent first, with overdue and due-soon flags. */
export async function listApplications(
  ctx: AppContext,
  { actor, agencyId, query, meta }: { actor: Actor; agencyId: number; query: ApplicationListQuery; meta: RequestMeta },
): Promise<{ rows: ApplicationListEntry[]; total: number }> {
  const q = parseInput(ApplicationListQuery, query);
  const agency = await requireAgency(ctx.db, agencyId);
  await authorize(ctx, actor, meta, 'application.read', agency, {
    action: 'application.list',
    targetType: 'agency',
    targetId: agencyId,
  });
  const today = shanghaiDate(ctx.now());
  const soon = addWorkingDays(await loadCalendar(ctx.db), today, DUE_SOON_WORKING_DAYS).date;
  const { rows, total } = await listAgencyApplications(
    ctx.db,
    {
      agencyId,
      ...(q.view === 'all' ? {} : { open: true }),
      ...(q.view === 'urgent' ? { dueBy: soon } : {}),
    },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  const open = (r: ApplicationRow) => !isClosedStatus(r.clock_status);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      trackingCode: r.tracking_code,
      channel: r.channel,
      applicantKind: r.applicant_kind,
      applicantName: r.applicant_name,
      infoTitle: r.info_title,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      status: r.clock_status,
      outcomeCode: r.outcome_code,
      flag: !open(r) || r.due_on === null ? null : r.due_on < today ? 'overdue' : r.due_on <= soon ? 'due_soon' : null,
    })),
    total,
  };
}

export interface ApplicationDetail {
  readonly application: Omit<ApplicationListEntry, 'flag'> & {
    readonly idType: string;
    readonly idNumber: string;
    readonly contactName: string;
    readonly phone: string;
    readonly email: string;
    readonly address: string;
    readonly postcode: string;
    readonly infoDocNo: string;
    readonly infoDescription: string;
    readonly infoForm: string;
    readonly delivery: string;
  };
  readonly deadline: Deadline;
  readonly events: { id: number; type: string; date: string; note: string; userName: string; at: string }[];
  readonly files: { id: number; kind: string; fileName: string; size: number }[];
}

/** One application for staff who may read it, with its ledger and the clock's explanation. */
export async function getApplication(
  ctx: AppContext,
  { actor, applicationId, meta }: { actor: Actor; applicationId: number; meta: RequestMeta },
): Promise<ApplicationDetail> {
  const row = await findApplication(ctx.db, applicationId);
  if (row === undefined) {
    throw new DomainError('NOT_FOUND', `申请（编号 ${applicationId}）不存在`);
  }
  const agency = await requireAgency(ctx.db, row.agency_id);
  if (!can(actor, 'application.read', agency)) {
    await denied(ctx, actor, meta, {
      action: 'application.read',
      targetType: 'application',
      targetId: applicationId,
      agencyId: agency.id,
      permission: 'application.read',
    });
  }
  const [events, files] = await Promise.all([
    listApplicationEvents(ctx.db, row.id),
    listApplicationFiles(ctx.db, row.id),
  ]);
  return {
    application: {
      id: row.id,
      trackingCode: row.tracking_code,
      channel: row.channel,
      applicantKind: row.applicant_kind,
      applicantName: row.applicant_name,
      infoTitle: row.info_title,
      receivedOn: row.received_on,
      dueOn: row.due_on,
      status: row.clock_status,
      outcomeCode: row.outcome_code,
      idType: row.id_type,
      idNumber: row.id_number,
      contactName: row.contact_name,
      phone: row.phone,
      email: row.email,
      address: row.address,
      postcode: row.postcode,
      infoDocNo: row.info_doc_no,
      infoDescription: row.info_description,
      infoForm: row.info_form,
      delivery: row.delivery,
    },
    deadline: await deadlineOf(ctx.db, events, ctx.now()),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      date: e.on_date,
      note: e.note,
      userName: e.user_name,
      at: e.created_at,
    })),
    files: files.map((f) => ({ id: f.id, kind: f.kind, fileName: f.file_name, size: f.size })),
  };
}
