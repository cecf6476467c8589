import {
  addWorkingDays,
  CHANNELS,
  OUTCOME_CODES,
  DomainError,
  isClosedStatus,
  LETTER_LABELS,
  shanghaiDate,
  type LetterKind,
  type Actor,
  type ApplicantCategory,
  type Channel,
  type ClockStatus,
  type Deadline,
  type OutcomeCode,
} from '@xxgk/core';
import {
  listAgencyApplications,
  listApplicationEvents,
  listApplicationFiles,
  listUsers,
  type ApplicationFilter,
  type ApplicationRow,
} from '@xxgk/db';
import { z } from 'zod';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit } from '../audit.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { maskIdNumber } from '../privacy/personal-data.ts';
import { listApplicationAppeals, type Appeal } from './appeals.ts';
import { eventLabel } from './application-status.ts';
import { findLikelyDuplicates, type DuplicateFindings } from './duplicates.ts';
import { deadlineForView } from './ledger.ts';
import { lettersAvailable } from './letters-available.ts';
import { requireApplication } from './require-application.ts';
import { usersWithPermission } from '../users/users-with-permission.ts';

/** The register's filters (the list and the XLSX export take the same ones). */
export const ApplicationFilterQuery = z.object({
  /** open: not yet answered or closed; urgent: overdue or due within 3 working days. */
  view: z.enum(['open', 'urgent', 'all']).default('open'),
  /** Received (legal receipt date) in this year. */
  year: z.coerce.number().int().min(2008).max(2100).optional(),
  outcome: z.enum(OUTCOME_CODES as [OutcomeCode, ...OutcomeCode[]]).optional(),
  channel: z.enum(CHANNELS).optional(),
  q: z.string().max(100).optional(),
  /** Only the applications assigned to me. */
  mine: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((v) => v === true || v === 'true')
    .optional(),
});

export const ApplicationListQuery = ApplicationFilterQuery.extend({
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

export function toFilter(
  agencyId: number,
  q: z.output<typeof ApplicationFilterQuery>,
  actor: Actor,
  soon: string,
): ApplicationFilter {
  return {
    agencyId,
    ...(q.view === 'all' ? { order: 'recent' as const } : { open: true }),
    ...(q.view === 'urgent' ? { dueBy: soon } : {}),
    ...(q.year === undefined ? {} : { receivedFrom: `${q.year}-01-01`, receivedTo: `${q.year}-12-31` }),
    ...(q.outcome === undefined ? {} : { outcomeCode: q.outcome }),
    ...(q.channel === undefined ? {} : { channel: q.channel }),
    ...(q.q === undefined || q.q.trim() === '' ? {} : { search: q.q }),
    ...(q.mine === true ? { handlerUserId: actor.userId } : {}),
  };
}

/** An agency's applications, most urgent first, with overdue and due-soon flags. */
export async function listApplications(
  ctx: AppContext,
  { actor, agencyId, query, meta }: { actor: Actor; agencyId: number; query: ApplicationListQuery; meta: RequestMeta },
): Promise<{ rows: ApplicationListEntry[]; total: number }> {
  const q = parseInput(ApplicationListQuery, query);
  await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'application.read',
    action: 'application.list',
  });
  const today = shanghaiDate(ctx.now());
  const soon = addWorkingDays(await loadCalendar(ctx.db), today, DUE_SOON_WORKING_DAYS).date;
  const { rows, total } = await listAgencyApplications(ctx.db, toFilter(agencyId, q, actor, soon), {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
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
    /** Masked: the whole number is shown only on request, audited (revealIdentityNumber). */
    readonly idNumberMasked: string;
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
  readonly events: {
    id: number;
    type: string;
    label: string;
    date: string;
    note: string;
    /** The step's own fields (outcome, reasons, fee, letter…). */
    details: Record<string, unknown>;
    userName: string;
    at: string;
  }[];
  readonly files: { id: number; kind: string; letterKind: string; fileName: string; size: number; at: string }[];
  readonly handler: { id: number; name: string } | null;
  /** Who may be assigned: the agency's active users who may handle applications. */
  readonly handlers: { id: number; name: string }[];
  readonly archivedOn: string | null;
  readonly legalReviewRequired: boolean;
  /** The letters that may be issued now (a reply only for the outcome recorded). */
  readonly letters: { kind: LetterKind; label: string }[];
  readonly appeals: Appeal[];
  readonly duplicates: DuplicateFindings;
}

/** One application for staff who may read it, with its ledger and the clock's explanation. */
export async function getApplication(
  ctx: AppContext,
  { actor, applicationId, meta }: { actor: Actor; applicationId: number; meta: RequestMeta },
): Promise<ApplicationDetail> {
  const { application: row, agency } = await requireApplication(ctx, {
    actor,
    meta,
    applicationId,
    permission: 'application.read',
    action: 'application.read',
  });
  const [events, files, appeals, duplicates, users] = await Promise.all([
    listApplicationEvents(ctx.db, row.id),
    listApplicationFiles(ctx.db, row.id),
    listApplicationAppeals(ctx.db, row.id),
    findLikelyDuplicates(ctx.db, row),
    listUsers(ctx.db, { agencyId: agency.id }),
  ]);
  const handlers = (await usersWithPermission(ctx.db, agency, 'application.handle')).map((u) => ({
    id: u.id,
    name: u.displayName,
  }));
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
      idNumberMasked: maskIdNumber(row.id_last4, row.id_type === 'resident_id' ? 18 : row.id_type === 'uscc' ? 18 : 8),
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
    deadline: await deadlineForView(ctx.db, row, events, ctx.now()),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      label: eventLabel(e.type, e.payload),
      date: e.on_date,
      note: e.note,
      details: JSON.parse(e.payload) as Record<string, unknown>,
      userName: e.user_name,
      at: e.created_at,
    })),
    files: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      letterKind: f.letter_kind,
      fileName: f.file_name,
      size: f.size,
      at: f.created_at,
    })),
    handler:
      row.handler_user_id === null
        ? null
        : { id: row.handler_user_id, name: users.find((u) => u.id === row.handler_user_id)?.displayName ?? '' },
    handlers,
    archivedOn: row.archived_on,
    legalReviewRequired: agency.legal_review_required === 1,
    letters: lettersAvailable(row).map((kind) => ({ kind, label: LETTER_LABELS[kind] })),
    appeals,
    duplicates,
  };
}

/**
 * The applicant's whole identity number, for a handler checking identity against the proof. Only for
 * those who may handle the application, and every reveal is in the audit log.
 */
export async function revealIdentityNumber(
  ctx: AppContext,
  { actor, applicationId, meta }: { actor: Actor; applicationId: number; meta: RequestMeta },
): Promise<{ idNumber: string }> {
  const { application: row, agency } = await requireApplication(ctx, {
    actor,
    meta,
    applicationId,
    permission: 'application.handle',
    action: 'application.reveal_identity',
  });
  if (row.id_number === '') {
    throw new DomainError('NOT_FOUND', '该申请的个人信息已按保存期限删除');
  }
  await audit(ctx.db, ctx, actor, meta, {
    action: 'application.reveal_identity',
    agencyId: agency.id,
    targetType: 'application',
    targetId: applicationId,
    note: '查看完整证件号码',
  });
  return { idNumber: ctx.personalData.openText(row.id_number) };
}
