/*
 * What the review use cases (submit-item.ts, approve-item.ts, record-secrecy-review.ts, send-back-item.ts,
 * withdraw-item.ts, publish-due-items.ts) share. Internal to items/: index.ts does not re-export it.
 */

import { can, DomainError, type Actor, type Permission, type ReviewStage, type ReviewStep } from '@xxgk/core';
import { insertItemReview, type AgencyRow, type Executor, type ItemRow } from '@xxgk/db';
import { audit, denied } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { claimOrConflict, itemForActor, loadItemDetail, type ItemDetail } from './item-view.ts';
import { rescanItem } from '../inspection/record-scan.ts';
import type { ItemFinding } from './pre-submit-checks.ts';

/** One entry on the review trail: who took which step on which version, with what verdict. */
interface TrailEntry {
  readonly step: ReviewStep;
  readonly version: number;
  readonly verdict?: string;
  readonly opinion?: string;
  readonly findings?: readonly ItemFinding[];
}

/**
 * The shape every review step shares, in one transaction: claim the item (refusing a stale read),
 * write the trail entry, apply the step's change to the item, audit it, and read the item back.
 */
export async function takeStep(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  { item, agency }: { item: ItemRow; agency: AgencyRow },
  entry: TrailEntry,
  change: (trx: Executor, at: string) => Promise<ItemRow>,
  audited: (updated: ItemRow) => { action: string; note: string },
): Promise<ItemDetail> {
  const at = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await claimOrConflict(trx, item);
    await insertItemReview(trx, {
      item_id: item.id,
      version: entry.version,
      step: entry.step,
      verdict: entry.verdict ?? null,
      opinion: entry.opinion ?? '',
      findings: entry.findings === undefined ? null : JSON.stringify(entry.findings),
      user_id: actor.userId === 0 ? null : actor.userId,
      user_name: actor.displayName,
      at,
    });
    const updated = await change(trx, at);
    await audit(trx, ctx, actor, meta, {
      ...audited(updated),
      agencyId: agency.id,
      targetType: 'item',
      targetId: item.id,
    });
    return loadItemDetail(trx, actor, updated, agency);
  });
}

/** The item in review and its stage, once the actor holds `permission` there; a refusal is audited under `action`. */
export async function inReview(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  itemId: number,
  permission: Permission,
  action: string,
): Promise<{ item: ItemRow; agency: AgencyRow; stage: ReviewStage; version: number }> {
  const { item, agency } = await itemForActor(ctx, actor, meta, itemId, 'item.read', action);
  if (item.review_stage === null || item.working_version === null) {
    throw new DomainError('CONFLICT', '该信息不在审核中');
  }
  if (!can(actor, permission, agency)) {
    await denied(ctx, actor, meta, {
      action,
      targetType: 'item',
      targetId: itemId,
      agencyId: agency.id,
      permission,
    });
  }
  return { item, agency, stage: item.review_stage, version: item.working_version };
}

/**
 * What is now public is scanned at once (a fix shows as fixed). A failure here does not undo the
 * publication, which has committed: the nightly scan covers it.
 */
export async function rescanQuietly(ctx: AppContext, itemId: number): Promise<void> {
  try {
    await rescanItem(ctx, itemId);
  } catch {
    // Left to the nightly scan.
  }
}
