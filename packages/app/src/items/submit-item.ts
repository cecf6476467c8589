import { DomainError, fieldLabel, type Actor } from '@xxgk/core';
import { updateItem } from '@xxgk/db';
import type { AppContext, RequestMeta } from '../context.ts';
import { isEditable, itemForActor, type ItemDetail } from './item-view.ts';
import type { ItemFinding } from './pre-submit-checks.ts';
import { takeStep } from './review-steps.ts';
import { checkWorkingVersion } from './check-working-version.ts';

/** 送审: sends the working version to 初审, unless a check finds something the agency lets block it. */
export async function submitItem(
  ctx: AppContext,
  { actor, itemId, meta }: { actor: Actor; itemId: number; meta: RequestMeta },
): Promise<ItemDetail> {
  const { item, agency } = await itemForActor(ctx, actor, meta, itemId, 'item.write', 'item.submit');
  if (!isEditable(item) || item.working_version === null) {
    throw new DomainError(
      'CONFLICT',
      item.review_stage !== null
        ? '该信息已在审核中'
        : item.status === 'scheduled'
          ? '该信息已通过终审，等待定时发布'
          : '没有待送审的稿件',
    );
  }
  const { findings, blocking } = await checkWorkingVersion(ctx, item, agency);
  if (blocking.length > 0) {
    const where = (f: ItemFinding) =>
      f.text === '' ? f.message : `${f.message}（${fieldLabel(f.field)}：${f.excerpt}）`;
    throw new DomainError(
      'VALIDATION_FAILED',
      `送审前检查发现 ${blocking.length} 个须改正的问题：${blocking.map(where).join('；')}`,
      {
        issues: blocking.map((f) => ({ path: f.field, message: f.message })),
        details: { findings },
      },
    );
  }
  return takeStep(
    ctx,
    actor,
    meta,
    { item, agency },
    { step: 'submit', version: item.working_version, findings },
    (trx, at) => updateItem(trx, item.id, { review_stage: 'first', updated_at: at }),
    () => ({
      action: 'item.submit',
      note: `送审第 ${item.working_version} 版${findings.length > 0 ? `，检查提示 ${findings.length} 条` : ''}`,
    }),
  );
}
