import { can, DomainError, REVIEW_STAGE_LABELS, type Actor, type Permission } from '@xxgk/core';
import { updateItem } from '@xxgk/db';
import { z } from 'zod';
import type { AppContext, RequestMeta } from '../context.ts';
import { parseInput, text } from '../validation.ts';
import { itemForActor, type ItemDetail } from './item-view.ts';
import { takeStep, inReview } from './review-steps.ts';

export const SendBackInput = z.object({ opinion: text('退回意见', { min: 1, max: 1000 }) });
export type SendBackInput = z.input<typeof SendBackInput>;

/** Any reviewer of the current stage (or the 保密审查员) sends the item back to its author with comments. */
export async function sendBackItem(
  ctx: AppContext,
  { actor, itemId, input, meta }: { actor: Actor; itemId: number; input: SendBackInput; meta: RequestMeta },
): Promise<ItemDetail> {
  const fields = parseInput(SendBackInput, input);
  const { item: found, agency } = await itemForActor(ctx, actor, meta, itemId, 'item.read', 'item.return');
  const stage = found.review_stage;
  if (stage === null) {
    throw new DomainError('CONFLICT', '该信息不在审核中');
  }
  const permission: Permission = can(actor, `item.review.${stage}`, agency) ? `item.review.${stage}` : 'item.secrecy';
  const { item, version } = await inReview(ctx, actor, meta, itemId, permission, 'item.return');
  return takeStep(
    ctx,
    actor,
    meta,
    { item, agency },
    { step: 'return', version, verdict: 'return', opinion: fields.opinion },
    (trx, at) => updateItem(trx, item.id, { review_stage: null, updated_at: at }),
    () => ({ action: 'item.return', note: `${REVIEW_STAGE_LABELS[stage]}退回：${fields.opinion}` }),
  );
}
