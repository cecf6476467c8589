import { shanghaiDate } from '@xxgk/core';
import { listApplicationsToPurge, purgeApplicantData } from '@xxgk/db';
import { iso, NO_REQUEST, systemActor, type AppContext } from '../context.ts';
import { audit } from '../audit.ts';

/** What an application keeps of its applicant once the retention period has run out. */
export const PURGED_NAME = '（个人信息已按期删除）';

/**
 * Erases the personal data of applications archived more than the configured number of years ago
 * (AppContext.applicationSettings.personalDataRetentionYears; null or unset: never). The applicant's
 * name, identity number, contacts and the files that name them (identity proof, scans, letters) go;
 * what the annual report counts stays: the applicant category, channel, dates, ledger, outcome and
 * appeals, and the information released. One transaction per application, audited as the system.
 * Which period applies is the agency's archival rule, not the 条例's: hence a setting.
 */
export async function purgePersonalData(ctx: AppContext): Promise<number[]> {
  const years = ctx.applicationSettings?.personalDataRetentionYears ?? null;
  if (years === null || years <= 0) {
    return [];
  }
  const today = shanghaiDate(ctx.now());
  // The same calendar day `years` years back (29 February falls back to 28 February).
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const before = new Date(Date.UTC(y - years, m - 1, Math.min(d, m === 2 ? 28 : d))).toISOString().slice(0, 10);
  const due = await listApplicationsToPurge(ctx.db, before);
  const purged: number[] = [];
  for (const application of due) {
    const keys = await ctx.db.transaction().execute(async (trx) => {
      const files = await purgeApplicantData(trx, application.id, {
        placeholderName: PURGED_NAME,
        today,
        now: iso(ctx.now()),
      });
      await audit(trx, ctx, systemActor('个人信息保存期限届满'), NO_REQUEST, {
        action: 'application.purge',
        agencyId: application.agency_id,
        targetType: 'application',
        targetId: application.id,
        note: `归档满${years}年，删除申请人个人信息和${files.length}个相关文件（查询码 ${application.tracking_code}；统计数据保留）`,
      });
      return files;
    });
    // The rows are gone; the sealed blobs follow (each is unique: sealing uses a fresh IV).
    await Promise.all(keys.map((k) => ctx.files.delete(k)));
    purged.push(application.id);
  }
  return purged;
}
