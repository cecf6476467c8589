import { LETTER_LABELS, type Actor } from '@xxgk/core';
import { deleteLetterTemplate } from '@xxgk/db';
import { audit } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { templateAccess } from './letter-access.ts';

/** Goes back to the built-in wording. */
export async function resetLetterTemplate(
  ctx: AppContext,
  { actor, agencyId, kind, meta }: { actor: Actor; agencyId: number; kind: string; meta: RequestMeta },
): Promise<void> {
  const { kind: k, agency } = await templateAccess(ctx, {
    actor,
    meta,
    agencyId,
    kind,
    permission: 'agency.update',
    action: 'letter_template.reset',
  });
  await ctx.db.transaction().execute(async (trx) => {
    await deleteLetterTemplate(trx, agency.id, k);
    await audit(trx, ctx, actor, meta, {
      action: 'letter_template.reset',
      agencyId: agency.id,
      targetType: 'letter_template',
      targetId: agency.id,
      note: `${LETTER_LABELS[k]}恢复为默认文本`,
    });
  });
}
