import { DomainError, type Actor } from '@xxgk/core';
import { bumpPortalGeneration, removeItemText, updateItem } from '@xxgk/db';
import { z } from 'zod';
import type { AppContext, RequestMeta } from '../context.ts';
import { parseInput, text } from '../validation.ts';
import { itemForActor, type ItemDetail } from './item-view.ts';
import { takeStep } from './review-steps.ts';

export const WithdrawInput = z.object({ reason: text('撤稿理由', { min: 1, max: 500 }) });
export type WithdrawInput = z.input<typeof WithdrawInput>;

/**
 * 撤稿: takes a published (or scheduled) item off the portal and out of search at once. The item,
 * its versions and its 索引号 stay in the archive; the number is not reused.
 */
export async function withdrawItem(
  ctx: AppContext,
  { actor, itemId, input, meta }: { actor: Actor; itemId: number; input: WithdrawInput; meta: RequestMeta },
): Promise<ItemDetail> {
  const fields = parseInput(WithdrawInput, input);
  const { item, agency } = await itemForActor(ctx, actor, meta, itemId, 'item.withdraw', 'item.withdraw');
  if (
    (item.status !== 'published' && item.status !== 'scheduled') ||
    (item.working_version !== null && item.status === 'published')
  ) {
    throw new DomainError(
      'CONFLICT',
      item.status === 'published'
        ? '该信息有进行中的修订，请先完成或退回修订再撤稿'
        : '只有已发布或定时发布的信息可以撤稿',
    );
  }
  return takeStep(
    ctx,
    actor,
    meta,
    { item, agency },
    { step: 'withdraw', version: item.published_version ?? item.working_version ?? 0, opinion: fields.reason },
    async (trx, at) => {
      const updated = await updateItem(trx, item.id, {
        status: 'withdrawn',
        withdrawn_at: at,
        withdrawn_reason: fields.reason,
        scheduled_for: null,
        updated_at: at,
      });
      await removeItemText(trx, ctx.dialect, item.id);
      await bumpPortalGeneration(trx);
      return updated;
    },
    () => ({ action: 'item.withdraw', note: `撤稿：${fields.reason}` }),
  );
}
