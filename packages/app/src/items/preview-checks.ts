import type { Actor } from '@xxgk/core';
import type { AppContext, RequestMeta } from '../context.ts';
import { itemForActor } from './item-view.ts';
import { type SubmissionCheck, checkWorkingVersion } from './check-working-version.ts';

/** 预检: the checks 送审 will run, for the writer to see before sending. */
export async function previewChecks(
  ctx: AppContext,
  { actor, itemId, meta }: { actor: Actor; itemId: number; meta: RequestMeta },
): Promise<SubmissionCheck> {
  const { item, agency } = await itemForActor(ctx, actor, meta, itemId, 'item.read', 'item.check');
  return checkWorkingVersion(ctx, item, agency);
}
