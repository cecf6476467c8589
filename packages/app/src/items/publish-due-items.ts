import { claimItem, findAgency, listDueScheduledItems } from '@xxgk/db';
import { audit } from '../audit.ts';
import { iso, systemActor, type AppContext, type RequestMeta } from '../context.ts';
import { rescanQuietly } from './review-steps.ts';
import { publishWorkingVersion } from './publish-working-version.ts';

/** Publishes scheduled items whose time has come; run every minute by the server. Returns their ids. */
export async function publishDueItems(ctx: AppContext, meta: RequestMeta): Promise<number[]> {
  const now = ctx.now();
  const published: number[] = [];
  for (const item of await listDueScheduledItems(ctx.db, iso(now))) {
    const agency = await findAgency(ctx.db, item.agency_id);
    if (agency === undefined) {
      continue;
    }
    const done = await ctx.db.transaction().execute(async (trx) => {
      // Another server process may have published it a moment ago: then there is nothing to do here.
      if (!(await claimItem(trx, item))) {
        return false;
      }
      const updated = await publishWorkingVersion(trx, ctx, item, agency, now);
      await audit(trx, ctx, systemActor('定时发布'), meta, {
        action: 'item.publish.scheduled',
        agencyId: agency.id,
        targetType: 'item',
        targetId: item.id,
        note: `定时发布，索引号 ${updated.index_no ?? ''}`,
      });
      return true;
    });
    if (done) {
      published.push(item.id);
      await rescanQuietly(ctx, item.id);
    }
  }
  return published;
}
