import { SECRECY_VERDICT_LABELS, type Actor, type SecrecyVerdict } from '@xxgk/core';
import { updateItem } from '@xxgk/db';
import { z } from 'zod';
import type { AppContext, RequestMeta } from '../context.ts';
import { parseInput, text } from '../validation.ts';
import type { ItemDetail } from './item-view.ts';
import { takeStep, inReview } from './review-steps.ts';

export const SecrecyInput = z.object({
  verdict: z.enum(['clear', 'not_clear'], { error: '请选择保密审查结论' }),
  opinion: text('保密审查意见', { min: 1, max: 1000 }),
});
export type SecrecyInput = z.input<typeof SecrecyInput>;

/**
 * Records the 保密审查 opinion on the version in review. "不涉密" clears the way to 终审; the
 * other verdict sends the item back to its author at once (涉密信息不上网).
 */
export async function recordSecrecyReview(
  ctx: AppContext,
  { actor, itemId, input, meta }: { actor: Actor; itemId: number; input: SecrecyInput; meta: RequestMeta },
): Promise<ItemDetail> {
  const fields = parseInput(SecrecyInput, input);
  const { item, agency, version } = await inReview(ctx, actor, meta, itemId, 'item.secrecy', 'item.secrecy');
  const clear = fields.verdict === 'clear';
  return takeStep(
    ctx,
    actor,
    meta,
    { item, agency },
    { step: 'secrecy', version, verdict: fields.verdict, opinion: fields.opinion },
    (trx, at) => updateItem(trx, item.id, clear ? { updated_at: at } : { review_stage: null, updated_at: at }),
    () => ({
      action: 'item.secrecy',
      note: `保密审查：${SECRECY_VERDICT_LABELS[fields.verdict as SecrecyVerdict]}（第 ${version} 版）${clear ? '' : '，已退回'}`,
    }),
  );
}
