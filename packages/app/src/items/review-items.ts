import {
  approvalProblem,
  can,
  DEFAULT_INDEX_PATTERN,
  DomainError,
  fieldLabel,
  formatIndexNumber,
  indexPeriod,
  nextStage,
  REVIEW_STAGE_LABELS,
  SECRECY_VERDICT_LABELS,
  shanghaiDate,
  type Actor,
  type Permission,
  type ReviewStage,
  type ReviewStep,
  type SecrecyVerdict,
} from '@xxgk/core';
import {
  bumpPortalGeneration,
  claimItem,
  findAgency,
  findItem,
  findItemVersion,
  indexItemText,
  insertItemReview,
  listDueScheduledItems,
  listItemAttachments,
  listItemReviews,
  nextIndexSerial,
  removeItemText,
  updateItem,
  type AgencyRow,
  type Executor,
  type ItemRow,
} from '@xxgk/db';
import { z } from 'zod';
import { audit, denied } from '../audit.ts';
import { iso, systemActor, type AppContext, type RequestMeta } from '../context.ts';
import { segmentForIndex } from '../search/segment.ts';
import { parseInput, text } from '../validation.ts';
import {
  claimOrConflict,
  currentTrail,
  isEditable,
  itemForActor,
  loadItemDetail,
  type ItemDetail,
} from './item-view.ts';
import { cityWording } from '../inspection/dictionary.ts';
import { rescanItem } from '../inspection/record-scan.ts';
import { dismissedFingerprints, scanItemVersion } from '../inspection/scan-item.ts';
import { BUILT_IN_CHECKS, todayInBeijing, type ItemFinding } from './pre-submit-checks.ts';

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
async function takeStep(
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

/** What the pre-submission checks found, and which of it stops 送审 under the agency's setting. */
export interface SubmissionCheck {
  readonly findings: ItemFinding[];
  readonly blocking: ItemFinding[];
  /** Findings left out because the agency dismissed them as false positives. */
  readonly dismissed: number;
}

export function blockingFindings(agency: AgencyRow, findings: readonly ItemFinding[]): ItemFinding[] {
  switch (agency.scan_blocking) {
    case 'none':
      return [];
    case 'warning':
      return [...findings];
    case 'severe':
      return findings.filter((f) => f.severity === 'severe');
  }
}

/**
 * Runs the checks on the working version as it would be published today: the item-wide checks, the
 * scanner over title, summary, body, images and attachments (inspection/scan-item.ts), and any
 * AppContext.itemChecks.
 */
export async function checkWorkingVersion(ctx: AppContext, item: ItemRow, agency: AgencyRow): Promise<SubmissionCheck> {
  const version =
    item.working_version === null ? undefined : await findItemVersion(ctx.db, item.id, item.working_version);
  if (version === undefined) {
    return { findings: [], blocking: [], dismissed: 0 };
  }
  const attachments = await listItemAttachments(ctx.db, item.id, version.version);
  const today = todayInBeijing(ctx.now());
  const checked = {
    title: version.title,
    docNo: version.doc_no,
    writtenOn: version.written_on,
    summary: version.summary,
    bodyText: version.body_text,
    attachmentCount: attachments.length,
    today,
  };
  const dismissed = await dismissedFingerprints(ctx.db, agency.id);
  const all: ItemFinding[] = [];
  for (const check of [...BUILT_IN_CHECKS, ...(ctx.itemChecks ?? [])]) {
    all.push(...(await check(checked)));
  }
  const scanned = await scanItemVersion(
    ctx,
    ctx.db,
    await cityWording(ctx.db),
    { agencyId: agency.id, version, attachments, publishedOn: today, today },
    new Set(),
  );
  all.push(...scanned);
  const findings = all.filter((f) => !dismissed.has(f.fingerprint));
  return { findings, blocking: blockingFindings(agency, findings), dismissed: all.length - findings.length };
}

/** 预检: the checks 送审 will run, for the writer to see before sending. */
export async function previewChecks(
  ctx: AppContext,
  { actor, itemId, meta }: { actor: Actor; itemId: number; meta: RequestMeta },
): Promise<SubmissionCheck> {
  const { item, agency } = await itemForActor(ctx, actor, meta, itemId, 'item.read', 'item.check');
  return checkWorkingVersion(ctx, item, agency);
}

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

export const ApproveInput = z.object({
  opinion: text('审核意见', { max: 1000 }).default(''),
  /** 终审 only: publish at this instant instead of now (定时发布). */
  publishAt: z.iso.datetime({ offset: true, error: '定时发布时间格式不正确' }).optional(),
});
export type ApproveInput = z.input<typeof ApproveInput>;

async function inReview(
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

/**
 * What is now public is scanned at once (a fix shows as fixed). A failure here does not undo the
 * publication, which has committed: the nightly scan covers it.
 */
async function rescanQuietly(ctx: AppContext, itemId: number): Promise<void> {
  try {
    await rescanItem(ctx, itemId);
  } catch {
    // Left to the nightly scan.
  }
}

/**
 * Makes the working version the public one. The first publication assigns the 索引号 and the
 * 发布日期; a revision keeps both and records when it was revised.
 */
export async function publishWorkingVersion(
  trx: Executor,
  ctx: AppContext,
  item: ItemRow,
  agency: AgencyRow,
  now: Date,
): Promise<ItemRow> {
  const version = item.working_version;
  const content = version === null ? undefined : await findItemVersion(trx, item.id, version);
  if (content === undefined) {
    throw new DomainError('INTERNAL', `信息 ${item.id} 没有可发布的稿件`);
  }
  let indexNo = item.index_no;
  if (indexNo === null) {
    const pattern = agency.index_pattern === '' ? DEFAULT_INDEX_PATTERN : agency.index_pattern;
    const period = indexPeriod(pattern, { uscc: agency.uscc, date: shanghaiDate(now) });
    indexNo = formatIndexNumber(period, await nextIndexSerial(trx, agency.id, period));
  }
  const first = item.published_at === null;
  const updated = await updateItem(trx, item.id, {
    status: 'published',
    review_stage: null,
    index_no: indexNo,
    published_at: item.published_at ?? iso(now),
    scheduled_for: null,
    revised_at: first ? null : iso(now),
    published_version: version,
    working_version: null,
    updated_at: iso(now),
  });
  if (content.disclosure === 'active') {
    await indexItemText(trx, ctx.dialect, item.id, {
      title: segmentForIndex(content.title),
      body: segmentForIndex(`${content.doc_no}\n${content.keywords}\n${content.summary}\n${content.body_text}`),
    });
  } else {
    await removeItemText(trx, ctx.dialect, item.id);
  }
  await bumpPortalGeneration(trx);
  return updated;
}

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
