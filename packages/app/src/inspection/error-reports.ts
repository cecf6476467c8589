import { randomInt } from 'node:crypto';
import { addWorkingDays, can, DomainError, formatTrackingCode, shanghaiDate, type Actor } from '@xxgk/core';
import {
  findAgency,
  findErrorReport,
  findErrorReportByCode,
  findItem,
  insertErrorReport,
  listAgencies,
  listAgencyErrorReports,
  markErrorReportReplied,
  type ErrorReportRow,
  type ErrorReportStatus,
} from '@xxgk/db';
import { z } from 'zod';
import { audit, authorize } from '../audit.ts';
import { requireAgency } from '../agencies/require-agency.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { queueMail } from '../notifications/mail.ts';
import { usersWithPermission } from '../users/users-with-permission.ts';
import { parseInput, text } from '../validation.ts';

/**
 * 我要纠错: anyone reading a portal page may report an error on it. The report becomes a ticket for
 * the agency whose page it is, due within a set number of working days (a city setting,
 * AppContext.errorReportWorkingDays, 5 by default — no statute fixes it; the inspection only fails a
 * site whose messages go unanswered for 3 months), and shows on the supervisor's dashboard. The
 * reporter gets a code to look the answer up with; contact details are optional and shown only to
 * the agency.
 */
export const ERROR_REPORT_KINDS = ['wording', 'outdated', 'link', 'personal', 'other'] as const;
export type ErrorReportKind = (typeof ERROR_REPORT_KINDS)[number];
export const ERROR_REPORT_KIND_LABELS: Readonly<Record<ErrorReportKind, string>> = {
  wording: '错别字或表述错误',
  outdated: '内容过时或不准确',
  link: '链接或附件打不开',
  personal: '公开了个人信息',
  other: '其他问题',
};

export const DEFAULT_ERROR_REPORT_WORKING_DAYS = 5;

export const ErrorReportInput = z.object({
  pageUrl: z
    .string()
    .trim()
    .max(500, '页面地址过长')
    // A page of this site: a path, never //other.host.
    .regex(/^\/(?![/\\])\S*$/u, '页面地址不正确'),
  pageTitle: text('页面标题', { max: 200 }).default(''),
  kind: z.enum(ERROR_REPORT_KINDS, { error: '请选择问题类型' }),
  description: text('问题描述', { min: 5, max: 1000 }),
  contactName: text('称呼', { max: 40 }).default(''),
  contact: text('联系方式', { max: 100 }).default(''),
});
export type ErrorReportInput = z.input<typeof ErrorReportInput>;

export interface ErrorReportView {
  readonly id: number;
  readonly code: string;
  readonly agencyId: number;
  readonly agencyName: string;
  readonly itemId: number | null;
  readonly pageUrl: string;
  readonly pageTitle: string;
  readonly kind: ErrorReportKind;
  readonly description: string;
  readonly contactName: string;
  readonly contact: string;
  readonly status: ErrorReportStatus;
  readonly receivedAt: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly reply: string;
  readonly repliedAt: string | null;
  readonly repliedBy: string;
}

function toView(row: ErrorReportRow, agencyName: string, today: string): ErrorReportView {
  return {
    id: row.id,
    code: row.code,
    agencyId: row.agency_id,
    agencyName,
    itemId: row.item_id,
    pageUrl: row.page_url,
    pageTitle: row.page_title,
    kind: row.kind as ErrorReportKind,
    description: row.description,
    contactName: row.contact_name,
    contact: row.contact,
    status: row.status,
    receivedAt: row.received_at,
    dueOn: row.due_on,
    overdue: row.status === 'open' ? today > row.due_on : shanghaiDate(new Date(row.replied_at ?? '')) > row.due_on,
    reply: row.reply,
    repliedAt: row.replied_at,
    repliedBy: row.replied_by,
  };
}

/** Whose page it is: the item's agency, the agency in /agencies/N…, else the top of the tree. */
async function pageAgency(ctx: AppContext, pageUrl: string): Promise<{ agencyId: number; itemId: number | null }> {
  const item = /^\/items\/(\d+)/u.exec(pageUrl);
  if (item !== null) {
    const row = await findItem(ctx.db, Number(item[1]));
    if (row !== undefined) {
      return { agencyId: row.agency_id, itemId: row.id };
    }
  }
  const agency = /^\/agencies\/(\d+)/u.exec(pageUrl);
  if (agency !== null) {
    const row = await findAgency(ctx.db, Number(agency[1]));
    if (row !== undefined) {
      return { agencyId: row.id, itemId: null };
    }
  }
  // The first root by id, as the tree's top.
  const root = (await listAgencies(ctx.db)).filter((a) => a.parent_id === null).sort((a, b) => a.id - b.id)[0];
  if (root === undefined) {
    throw new DomainError('NOT_FOUND', '站点尚未设置机关');
  }
  return { agencyId: root.id, itemId: null };
}

/** A report from the public; returns the tracking code and the reply's due date. */
export async function submitErrorReport(
  ctx: AppContext,
  { input, meta }: { input: ErrorReportInput; meta: RequestMeta },
): Promise<{ code: string; dueOn: string; agencyName: string }> {
  const v = parseInput(ErrorReportInput, input);
  const { agencyId, itemId } = await pageAgency(ctx, v.pageUrl);
  const agency = await requireAgency(ctx.db, agencyId);
  const today = shanghaiDate(ctx.now());
  const days = ctx.errorReportWorkingDays ?? DEFAULT_ERROR_REPORT_WORKING_DAYS;
  const dueOn = addWorkingDays(await loadCalendar(ctx.db), today, days).date;
  const code = `JC${formatTrackingCode(
    today,
    Array.from({ length: 8 }, () => randomInt(0, 31)),
  )}`;
  await ctx.db.transaction().execute(async (trx) => {
    const reportId = await insertErrorReport(trx, {
      code,
      agency_id: agency.id,
      item_id: itemId,
      page_url: v.pageUrl,
      page_title: v.pageTitle,
      kind: v.kind,
      description: v.description,
      contact_name: v.contactName,
      contact: v.contact,
      status: 'open',
      received_at: iso(ctx.now()),
      due_on: dueOn,
    });
    await audit(trx, ctx, null, meta, {
      action: 'error_report.submit',
      agencyId: agency.id,
      targetType: 'error_report',
      targetId: reportId,
      note: `${ERROR_REPORT_KIND_LABELS[v.kind]}：${v.pageUrl}，查询码 ${code}`,
    });
    for (const u of (await usersWithPermission(trx, agency, 'feedback.handle')).filter((x) => x.email !== '')) {
      await queueMail(trx, ctx, {
        kind: 'error_report',
        applicationId: null,
        dedupeKey: `error-report:${reportId}:${u.id}`,
        to: u.email,
        subject: `【我要纠错】${agency.name}网页“${v.pageTitle || v.pageUrl}”收到纠错，请于 ${dueOn} 前答复`,
        text: [
          `${u.displayName}：`,
          `网民反映：${ERROR_REPORT_KIND_LABELS[v.kind]}`,
          v.description,
          `页面：${ctx.mail?.publicUrl ?? ''}${v.pageUrl}`,
          `处理：${ctx.mail?.publicUrl ?? ''}/admin/error-reports`,
        ].join('\n'),
      });
    }
  });
  return { code, dueOn, agencyName: agency.name };
}

/** The public's view of a report: what was asked and the answer, by code. */
export async function lookupErrorReport(
  ctx: AppContext,
  { code }: { code: string },
): Promise<
  Pick<
    ErrorReportView,
    | 'code'
    | 'pageTitle'
    | 'pageUrl'
    | 'kind'
    | 'description'
    | 'status'
    | 'receivedAt'
    | 'dueOn'
    | 'reply'
    | 'repliedAt'
    | 'agencyName'
  >
> {
  const row = await findErrorReportByCode(ctx.db, code.trim().toUpperCase());
  if (row === undefined) {
    throw new DomainError('NOT_FOUND', '查询码不正确，请核对后再查');
  }
  const agency = await requireAgency(ctx.db, row.agency_id);
  const v = toView(row, agency.name, shanghaiDate(ctx.now()));
  return {
    code: v.code,
    pageTitle: v.pageTitle,
    pageUrl: v.pageUrl,
    kind: v.kind,
    description: v.description,
    status: v.status,
    receivedAt: v.receivedAt,
    dueOn: v.dueOn,
    reply: v.reply,
    repliedAt: v.repliedAt,
    agencyName: v.agencyName,
  };
}

/** Reports the actor may see: their agency's (feedback.handle), or every agency below (inspection.read). */
export async function listErrorReports(
  ctx: AppContext,
  { actor, meta, status }: { actor: Actor; meta: RequestMeta; status?: ErrorReportStatus },
): Promise<ErrorReportView[]> {
  const agencies = await listAgencies(ctx.db);
  const visible = agencies.filter((a) => can(actor, 'feedback.handle', a) || can(actor, 'inspection.read', a));
  if (visible.length === 0) {
    await authorize(ctx, actor, meta, 'feedback.handle', actor.agency, {
      action: 'error_report.list',
      targetType: 'agency',
      targetId: actor.agency.id,
    });
  }
  const names = new Map(visible.map((a) => [a.id, a.name]));
  const rows = await listAgencyErrorReports(ctx.db, {
    agencyIds: [...names.keys()],
    ...(status === undefined ? {} : { status }),
  });
  const today = shanghaiDate(ctx.now());
  return rows.map((r) => toView(r, names.get(r.agency_id) ?? '', today));
}

export const ErrorReportReplyInput = z.object({ reply: text('答复', { min: 2, max: 2000 }) });
export type ErrorReportReplyInput = z.input<typeof ErrorReportReplyInput>;

/** The agency answers; the answer is shown to the reporter by code (and mailed, when they gave an e-mail). */
export async function replyErrorReport(
  ctx: AppContext,
  { actor, reportId, input, meta }: { actor: Actor; reportId: number; input: ErrorReportReplyInput; meta: RequestMeta },
): Promise<ErrorReportView> {
  const { reply } = parseInput(ErrorReportReplyInput, input);
  const row = await findErrorReport(ctx.db, reportId);
  if (row === undefined) {
    throw new DomainError('NOT_FOUND', `纠错（编号 ${reportId}）不存在`);
  }
  const agency = await requireAgency(ctx.db, row.agency_id);
  await authorize(ctx, actor, meta, 'feedback.handle', agency, {
    action: 'error_report.reply',
    targetType: 'error_report',
    targetId: reportId,
  });
  if (row.status === 'replied') {
    throw new DomainError('CONFLICT', '该纠错已答复');
  }
  const at = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await markErrorReportReplied(trx, reportId, { reply, at, by: actor.displayName });
    await audit(trx, ctx, actor, meta, {
      action: 'error_report.reply',
      agencyId: agency.id,
      targetType: 'error_report',
      targetId: reportId,
      note: reply.slice(0, 200),
    });
    if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/u.test(row.contact)) {
      await queueMail(trx, ctx, {
        kind: 'error_report',
        applicationId: null,
        dedupeKey: `error-report-reply:${reportId}`,
        to: row.contact,
        subject: `您反映的网页问题已答复（查询码 ${row.code}）`,
        text: [
          `${row.contact_name || '您好'}：`,
          `您对“${row.page_title || row.page_url}”反映的问题，${agency.name}答复如下：`,
          reply,
        ].join('\n'),
      });
    }
    const updated = await findErrorReport(trx, reportId);
    if (updated === undefined) {
      throw new Error(`error report ${reportId} vanished while being answered`);
    }
    return toView(updated, agency.name, shanghaiDate(ctx.now()));
  });
}
