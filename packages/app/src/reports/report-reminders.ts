import { can, chineseDate, shanghaiDate, type Actor } from '@xxgk/core';
import { listUsers } from '@xxgk/db';
import type { AppContext } from '../context.ts';
import { queueMail } from '../notifications/mail.ts';

/**
 * The statutory deadline of an agency's annual report for `year` (条例 第四十九条): a department's (and
 * a town's) by 31 January, a people's government's by 31 March of the next year.
 */
export function reportDeadline(kind: string, year: number): string {
  return kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
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
  const agencies = await ctx.db.selectFrom('agencies').selectAll().execute();
  const published = new Set(
    (
      await ctx.db
        .selectFrom('annual_reports')
        .select('agency_id')
        .where('year', '=', year)
        .where('published_version', '>', 0)
        .execute()
    ).map((r) => r.agency_id),
  );
  let queued = 0;
  for (const agency of agencies) {
    if (published.has(agency.id)) {
      continue;
    }
    const deadline = reportDeadline(agency.kind, year);
    const daysLeft = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
    if (!(REPORT_REMINDER_DAYS as readonly number[]).includes(daysLeft)) {
      continue;
    }
    const writers = (await listUsers(ctx.db, { agencyId: agency.id })).filter((u) => {
      const actor: Actor = { userId: u.id, username: u.username, displayName: u.displayName, agency, roles: u.roles };
      return u.status === 'active' && u.email !== '' && can(actor, 'report.edit', agency);
    });
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
