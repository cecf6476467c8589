import { approvalProblem, DomainError, nextStage, REVIEW_STAGE_LABELS, type Actor, type ReviewStage } from '@xxgk/core';
import { findItem, listItemReviews, updateItem } from '@xxgk/db';
import { z } from 'zod';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput, text } from '../validation.ts';
import { currentTrail, loadItemDetail, type ItemDetail } from './item-view.ts';
import { takeStep, inReview, rescanQuietly } from './review-steps.ts';
import { publishWorkingVersion } from './publish-working-version.ts';

export const ApproveInput = z.object({
  opinion: text('审核意见', { max: 1000 }).default(''),
  /** 终审 only: publish at this instant instead of now (定时发布). */
  publishAt: z.iso.datetime({ offset: true, error: '定时发布时间格式不正确' }).optional(),
});
export type ApproveInput = z.input<typeof ApproveInput>;

/** Passes the stage the item waits for; 终审 publishes it (now or at the scheduled time). */
export async function approveItem(
  ctx: AppContext,
  {
    actor,
    itemId,
    stage,
    input,
    meta,
  }: { actor: Actor; itemId: number; stage: ReviewStage; input: ApproveInput; meta: RequestMeta },
): Promise<ItemDetail> {
  const fields = parseInput(ApproveInput, input);
  const { item, agency, version } = await inReview(ctx, actor, meta, itemId, `item.review.${stage}`, `item.approve`);
  if (item.review_stage !== stage) {
    throw new DomainError(
      'CONFLICT',
      `该信息当前处于${REVIEW_STAGE_LABELS[item.review_stage ?? 'first']}环节，不能${REVIEW_STAGE_LABELS[stage]}`,
    );
  }
  const trail = currentTrail(item, await listItemReviews(ctx.db, item.id));
  const approvals = trail
    .filter((r) => r.verdict === 'approve' || r.step === 'secrecy')
    .map((r) => ({ stage: r.step as ReviewStage | 'secrecy', userId: r.user_id ?? 0 }));
  const lastSecrecy = trail.filter((r) => r.step === 'secrecy').at(-1);
  const problem = approvalProblem(stage, actor.userId, approvals, lastSecrecy?.verdict === 'clear');
  if (problem !== null) {
    throw new DomainError('CONFLICT', problem);
  }
  const now = ctx.now();
  const publishAt = fields.publishAt === undefined ? undefined : new Date(fields.publishAt);
  if (publishAt !== undefined && (stage !== 'final' || item.status !== 'draft')) {
    throw new DomainError('VALIDATION_FAILED', '只有首次发布的终审可以定时发布', {
      issues: [{ path: 'publishAt', message: '此处不能定时' }],
    });
  }
  const next = nextStage(stage);
  const detail = await takeStep(
    ctx,
    actor,
    meta,
    { item, agency },
    { step: stage, version, verdict: 'approve', opinion: fields.opinion },
    async (trx, at) => {
      if (next !== 'done') {
        return updateItem(trx, item.id, { review_stage: next, updated_at: at });
      }
      if (publishAt !== undefined && publishAt.getTime() > now.getTime()) {
        return updateItem(trx, item.id, {
          status: 'scheduled',
          review_stage: null,
          scheduled_for: iso(publishAt),
          updated_at: at,
        });
      }
      return publishWorkingVersion(trx, ctx, item, agency, now);
    },
    (updated) => ({
      action: `item.approve.${stage}`,
      note:
        `${REVIEW_STAGE_LABELS[stage]}通过（第 ${version} 版）` +
        (updated.status === 'scheduled' ? `，定时于 ${updated.scheduled_for ?? ''} 发布` : '') +
        (next === 'done' && updated.status === 'published' ? `，已发布，索引号 ${updated.index_no ?? ''}` : ''),
    }),
  );
  if (detail.status === 'published' && next === 'done') {
    await rescanQuietly(ctx, itemId);
    return loadItemDetail(ctx.db, actor, (await findItem(ctx.db, itemId)) ?? item, agency);
  }
  return detail;
}
