import { addWorkingDays, chineseDate, isClosedStatus, shanghaiDate } from '@xxgk/core';
import { listOpenApplicationsDueBy, type AgencyRow, type ApplicationRow, type Executor } from '@xxgk/db';
import { requireAgency } from '../agencies/require-agency.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { AppContext } from '../context.ts';
import { queueMail } from '../notifications/mail.ts';
import { usersWithPermission } from '../users/users-with-permission.ts';
import { CLOCK_STATUS_LABELS } from './application-status.ts';
import { DUE_SOON_WORKING_DAYS } from './list-applications.ts';

/** The agency's handlers who have an e-mail address. */
async function handlersToMail(ex: Executor, agency: AgencyRow): Promise<{ id: number; email: string; name: string }[]> {
  return (await usersWithPermission(ex, agency, 'application.handle'))
    .filter((u) => u.email !== '')
    .map((u) => ({ id: u.id, email: u.email, name: u.displayName }));
}

const FOOTER = '（本邮件由政府信息公开平台自动发送，请勿直接回复。）';

/** Tells the agency's handlers of a new application (no personal data beyond what the list shows). */
export async function notifyNewApplication(
  ex: Executor,
  ctx: AppContext,
  application: ApplicationRow,
  agency: AgencyRow,
  dueOn: string | null,
): Promise<void> {
  if (ctx.mail === undefined) {
    return;
  }
  for (const handler of await handlersToMail(ex, agency)) {
    await queueMail(ex, ctx, {
      kind: 'new_application',
      applicationId: application.id,
      dedupeKey: `new:${application.id}:${handler.id}`,
      to: handler.email,
      subject: `新的政府信息公开申请：${application.info_title}（${application.tracking_code}）`,
      text: [
        `${handler.name}：`,
        `${agency.name}收到一件政府信息公开申请。`,
        `所需信息：${application.info_title}`,
        `查询码：${application.tracking_code}`,
        `答复期限：${dueOn === null ? '待确认收件后计算' : chineseDate(dueOn)}`,
        `办理：${ctx.mail.publicUrl}/admin/applications/${application.id}`,
        FOOTER,
      ].join('\n'),
    });
  }
}

/**
 * Tells an applicant who gave an e-mail address that their application moved: the step, the status
 * and the due date, and where to look. Only what the status page shows.
 */
export async function notifyApplicant(
  ex: Executor,
  ctx: AppContext,
  application: ApplicationRow,
  agencyName: string,
  step: { eventId: number; date: string; label: string },
): Promise<void> {
  if (ctx.mail === undefined || application.email === '') {
    return;
  }
  const closed = isClosedStatus(application.clock_status);
  await queueMail(ex, ctx, {
    kind: 'status_change',
    applicationId: application.id,
    dedupeKey: `status:${application.id}:${step.eventId}`,
    to: application.email,
    subject: `您的政府信息公开申请有新进展（查询码 ${application.tracking_code}）`,
    text: [
      `${application.applicant_name}：`,
      `您向${agencyName}提出的政府信息公开申请（${application.info_title}）有新进展：`,
      `${chineseDate(step.date)}\u3000${step.label}`,
      `当前状态：${CLOCK_STATUS_LABELS[application.clock_status]}${!closed && application.due_on !== null ? `；答复期限：${chineseDate(application.due_on)}` : ''}。`,
      `凭查询码和联系电话（或证件号码）后四位可查看办理进度：${ctx.mail.publicUrl}/apply/status`,
      FOOTER,
    ].join('\n'),
  });
}

/**
 * Reminds handlers of applications overdue or due within 3 working days: the one assigned, or every
 * handler of the agency when none is. Once per application and due date (the dedupe key), so the
 * minute timer may call it freely.
 */
export async function queueDeadlineReminders(ctx: AppContext): Promise<number> {
  if (ctx.mail === undefined) {
    return 0;
  }
  const today = shanghaiDate(ctx.now());
  const soon = addWorkingDays(await loadCalendar(ctx.db), today, DUE_SOON_WORKING_DAYS).date;
  const urgent = await listOpenApplicationsDueBy(ctx.db, soon);
  let queued = 0;
  for (const application of urgent) {
    const agency = await requireAgency(ctx.db, application.agency_id);
    const handlers = await handlersToMail(ctx.db, agency);
    const assigned = handlers.filter((h) => h.id === application.handler_user_id);
    const overdue = (application.due_on ?? '') < today;
    for (const handler of assigned.length > 0 ? assigned : handlers) {
      await queueMail(ctx.db, ctx, {
        kind: overdue ? 'overdue' : 'due_soon',
        applicationId: application.id,
        dedupeKey: `${overdue ? 'overdue' : 'due_soon'}:${application.id}:${application.due_on ?? ''}:${handler.id}`,
        to: handler.email,
        subject: `${overdue ? '【已超期】' : '【即将到期】'}${application.info_title}（${application.tracking_code}）`,
        text: [
          `${handler.name}：`,
          `${agency.name}的政府信息公开申请“${application.info_title}”（查询码 ${application.tracking_code}）${overdue ? '已超过答复期限' : '将在3个工作日内到期'}，答复期限为${chineseDate(application.due_on ?? today)}。`,
          `办理：${ctx.mail.publicUrl}/admin/applications/${application.id}`,
          FOOTER,
        ].join('\n'),
      });
      queued += 1;
    }
  }
  return queued;
}
