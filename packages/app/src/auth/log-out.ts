import type { Actor } from '@xxgk/core';
import { endSession } from '@xxgk/db';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';

export async function logOut(ctx: AppContext, actor: Actor, sessionId: string, meta: RequestMeta): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await endSession(trx, sessionId, iso(ctx.now()));
    await audit(trx, ctx, actor, meta, {
      action: 'auth.logout',
      agencyId: actor.agency.id,
      targetType: 'user',
      targetId: actor.userId,
    });
  });
}
