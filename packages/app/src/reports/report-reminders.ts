import { chineseDate, reportDeadline, shanghaiDate } from '@xxgk/core';
import { listAgencies, listAgencyIdsPublishedFor } from '@xxgk/db';
import type { AppContext } from '../context.ts';
import { queueMail } from '../notifications/mail.ts';
import { usersWithPermission } from '../users/users-with-permission.ts';

/** The statutory deadline of an agency's report for `year`: a people's government's, or everyone else's. */
export function agencyReportDeadline(kind: string, year: number): string {
  return reportDeadline(kind === 'government' ? 'government' : 'department', year);
}

/** Days before the deadline on which the agency's report writers are reminded. */
export const REPORT_REMINDER_DAYS = [30, 14, 7, 3, 1] as const;

/**
 * Reminds each agency whose report for last year is not yet published, by e-mail to its users who
 * write the report, 30, 14, 7, 3 and 1 days before its deadline (once each: the dedupe key). Run by
 * the server's minute timer; nothing is queued when mail is not configured.
 */
export async function queueReportReminders(ctx: AppContext): Promise<number> {
  if (ctx.mail === undefined) {
    return 0;
  }
  const today = shanghaiDate(ctx.now());
  const year = Number(today.slice(0, 4)) - 1;
  const agencies = await listAgencies(ctx.db);
  const published = new Set(await listAgencyIdsPublishedFor(ctx.db, year));
  let queued = 0;
  for (const agency of agencies) {
    if (published.has(agency.id)) {
      continue;
    }
    const deadline = agencyReportDeadline(agency.kind, year);
    const daysLeft = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
    if (!(REPORT_REMINDER_DAYS as readonly number[]).includes(daysLeft)) {
      continue;
    }
    const writers = (await usersWithPermission(ctx.db, agency, 'report.edit')).filter((u) => u.email !== '');
    for (const u of writers) {
      await queueMail(ctx.db, ctx, {
        kind: 'report_due',
        applicationId: null,
        dedupeKey: `report:${agency.id}:${year}:${daysLeft}:${u.id}`,
        to: u.email,
        subject: `【年度报告】${agency.name}${year}年度报告应于${chineseDate(deadline)}前公布（还有${daysLeft}天）`,
        text: [
          `${u.displayName}：`,
          `按照《中华人民共和国政府信息公开条例》第四十九条，${agency.name}${year}年政府信息公开工作年度报告应于${chineseDate(deadline)}前向社会公布，目前尚未发布。`,
          `起草和提交：${ctx.mail.publicUrl}/admin/annual-report`,
          '（本邮件由政府信息公开平台自动发送，请勿直接回复。）',
        ].join('\n'),
      });
      queued += 1;
    }
  }
  return queued;
}
