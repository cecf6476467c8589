import { DomainError, ITEM_STATUSES, REVIEW_STAGES, type Actor } from '@xxgk/core';
import { findItemVersion, listAgencyItems, listSubmitReviews, type ItemListRow } from '@xxgk/db';
import { diffLines, diffWords } from 'diff';
import { z } from 'zod';
import { requireAgency } from '../agencies/require-agency.ts';
import { authorize } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { itemForActor } from './item-view.ts';

export const ItemListQuery = z.object({
  status: z.enum(ITEM_STATUSES).optional(),
  /** Items waiting for this 三审 stage. */
  stage: z.enum(REVIEW_STAGES).optional(),
  /** Items being written (a working version not in review). */
  editing: z.coerce.boolean().optional(),
  columnId: z.coerce.number().int().positive().optional(),
  title: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ItemListQuery = z.input<typeof ItemListQuery>;

export interface ItemListEntry {
  readonly id: number;
  readonly columnId: number;
  readonly status: ItemListRow['status'];
  readonly reviewStage: ItemListRow['review_stage'];
  readonly indexNo: string | null;
  readonly publishedAt: string | null;
  readonly scheduledFor: string | null;
  readonly updatedAt: string;
  readonly title: string;
  readonly docNo: string;
  readonly version: number;
  /** A draft or revision is being written or reviewed. */
  readonly working: boolean;
  /** In review: what the 送审 checks found in the version under review, for the reviewers' queue. */
  readonly findings: { readonly severe: number; readonly warning: number } | null;
}

/** Findings recorded with the latest 送审 of each item in review. */
async function submissionFindings(
  ctx: AppContext,
  rows: readonly ItemListRow[],
): Promise<Map<number, { severe: number; warning: number }>> {
  const inReview = rows.filter((r) => r.review_stage !== null && r.working_version !== null);
  const out = new Map<number, { severe: number; warning: number }>();
  if (inReview.length === 0) {
    return out;
  }
  const submits = await listSubmitReviews(
    ctx.db,
    inReview.map((r) => r.id),
  );
  for (const r of inReview) {
    const latest = submits.filter((s) => s.item_id === r.id && s.version === r.working_version).at(-1);
    const findings = latest?.findings == null ? [] : (JSON.parse(latest.findings) as { severity?: string }[]);
    out.set(r.id, {
      severe: findings.filter((f) => f.severity === 'severe').length,
      warning: findings.filter((f) => f.severity !== 'severe').length,
    });
  }
  return out;
}

/** An agency's items for its staff (and supervisors above it), newest change first. */
export async function listItems(
  ctx: AppContext,
  { actor, agencyId, query, meta }: { actor: Actor; agencyId: number; query: ItemListQuery; meta: RequestMeta },
): Promise<{ rows: ItemListEntry[]; total: number }> {
  const q = parseInput(ItemListQuery, query);
  const agency = await requireAgency(ctx.db, agencyId);
  await authorize(ctx, actor, meta, 'item.read', agency, {
    action: 'item.list',
    targetType: 'agency',
    targetId: agencyId,
  });
  const { rows, total } = await listAgencyItems(
    ctx.db,
    {
      agencyId,
      ...(q.status === undefined ? {} : { statuses: [q.status] }),
      ...(q.stage === undefined ? {} : { stage: q.stage }),
      ...(q.editing === true ? { editing: true } : {}),
      ...(q.columnId === undefined ? {} : { columnId: q.columnId }),
      ...(q.title === undefined ? {} : { title: q.title }),
    },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  const findings = await submissionFindings(ctx, rows);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      columnId: r.column_id,
      status: r.status,
      reviewStage: r.review_stage,
      indexNo: r.index_no,
      publishedAt: r.published_at,
      scheduledFor: r.scheduled_for,
      updatedAt: r.updated_at,
      title: r.title,
      docNo: r.doc_no,
      version: r.version,
      working: r.working_version !== null,
      findings: findings.get(r.id) ?? null,
    })),
    total,
  };
}

/** One changed field between two versions; `parts` for the body, word by word or line by line. */
export interface FieldChange {
  readonly field: string;
  readonly label: string;
  readonly parts: { value: string; added: boolean; removed: boolean }[];
}

const DIFFED_FIELDS = [
  ['title', '标题'],
  ['doc_no', '发文字号'],
  ['publisher', '发布机构'],
  ['written_on', '成文日期'],
  ['topic', '主题分类'],
  ['genre', '体裁分类'],
  ['keywords', '关键词'],
  ['summary', '内容概述'],
  ['disclosure', '公开属性'],
  ['validity', '有效性'],
  ['body_text', '正文'],
] as const;

/** What version `version` changed against the one before it. */
export async function diffItemVersion(
  ctx: AppContext,
  { actor, itemId, version, meta }: { actor: Actor; itemId: number; version: number; meta: RequestMeta },
): Promise<{ version: number; changeNote: string; changes: FieldChange[] }> {
  await itemForActor(ctx, actor, meta, itemId, 'item.read', 'item.read');
  const [before, after] = await Promise.all([
    findItemVersion(ctx.db, itemId, version - 1),
    findItemVersion(ctx.db, itemId, version),
  ]);
  if (after === undefined || before === undefined) {
    throw new DomainError('NOT_FOUND', `信息 ${itemId} 没有第 ${version} 版或它的上一版`);
  }
  const changes: FieldChange[] = [];
  for (const [field, label] of DIFFED_FIELDS) {
    const a = String(before[field] ?? '');
    const b = String(after[field] ?? '');
    if (a !== b) {
      const parts = field === 'body_text' && (a.length > 2000 || b.length > 2000) ? diffLines(a, b) : diffWords(a, b);
      changes.push({
        field,
        label,
        parts: parts.map((p) => ({ value: p.value, added: p.added, removed: p.removed })),
      });
    }
  }
  return { version, changeNote: after.change_note, changes };
}
