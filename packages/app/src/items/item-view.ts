import {
  can,
  DomainError,
  type Actor,
  type DisclosureKind,
  type ItemStatus,
  type Permission,
  type ReviewStage,
  type ReviewStep,
  type ValidityKind,
} from '@xxgk/core';
import {
  claimItem,
  findAgency,
  findCatalogColumn,
  findItem,
  findItemVersion,
  listItemAttachments,
  listItemLinks,
  listItemReviews,
  listItemTitles,
  listItemVersions,
  listOpenItemFindings,
  type AgencyRow,
  type Executor,
  type ItemAttachmentRow,
  type ItemReviewRow,
  type ItemRow,
  type ItemVersionRow,
} from '@xxgk/db';
import { authorize } from '../audit.ts';
import { toScanFinding } from '../inspection/record-scan.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import type { ItemFinding } from './pre-submit-checks.ts';

/** The content of one version, as forms and pages show it. */
export interface ItemContent {
  readonly version: number;
  readonly title: string;
  readonly docNo: string;
  readonly publisher: string;
  readonly writtenOn: string;
  readonly topic: string;
  readonly genre: string;
  readonly keywords: string;
  readonly summary: string;
  readonly disclosure: DisclosureKind;
  readonly withheldReason: string;
  readonly validity: ValidityKind;
  readonly bodyHtml: string;
  readonly bodyText: string;
  readonly changeNote: string;
  readonly updatedAt: string;
}

export interface ItemAttachment {
  readonly id: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
}

export interface ReviewRecord {
  readonly id: number;
  readonly version: number;
  readonly step: ReviewStep;
  readonly verdict: string | null;
  readonly opinion: string;
  readonly findings: ItemFinding[];
  readonly userName: string;
  readonly at: string;
}

export interface LinkedItem {
  readonly id: number;
  readonly title: string;
}

async function linkedItems(ex: Executor, ids: readonly number[]): Promise<LinkedItem[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await listItemTitles(ex, ids);
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

/** What the actor may do with the item now; the admin shows exactly these buttons. */
export interface ItemActions {
  readonly edit: boolean;
  readonly submit: boolean;
  readonly approve: ReviewStage | null;
  readonly secrecy: boolean;
  readonly sendBack: boolean;
  readonly withdraw: boolean;
  readonly revise: boolean;
}

export interface ItemDetail {
  readonly id: number;
  readonly agencyId: number;
  readonly agencyName: string;
  readonly columnId: number;
  readonly columnName: string;
  readonly status: ItemStatus;
  readonly reviewStage: ReviewStage | null;
  readonly indexNo: string | null;
  readonly publishedAt: string | null;
  readonly scheduledFor: string | null;
  readonly revisedAt: string | null;
  readonly withdrawnAt: string | null;
  readonly withdrawnReason: string | null;
  readonly publishedVersion: number | null;
  readonly workingVersion: number | null;
  /** The version staff work on: the working one, else the published one. */
  readonly content: ItemContent;
  readonly attachments: ItemAttachment[];
  readonly reviews: ReviewRecord[];
  /** Findings of the latest submission of the working version. */
  readonly findings: ItemFinding[];
  /** What the daily scan finds in the published version and is not yet fixed or dismissed. */
  readonly scanFindings: ItemFinding[];
  readonly versions: { version: number; changeNote: string; createdAt: string }[];
  /** 政策解读 of this document, and documents this item interprets, each with the title staff see. */
  readonly interpretations: LinkedItem[];
  readonly policies: LinkedItem[];
  readonly actions: ItemActions;
}

export function toContent(v: ItemVersionRow): ItemContent {
  return {
    version: v.version,
    title: v.title,
    docNo: v.doc_no,
    publisher: v.publisher,
    writtenOn: v.written_on ?? '',
    topic: v.topic,
    genre: v.genre,
    keywords: v.keywords,
    summary: v.summary,
    disclosure: v.disclosure,
    withheldReason: v.withheld_reason,
    validity: v.validity,
    bodyHtml: v.body_html,
    bodyText: v.body_text,
    changeNote: v.change_note,
    updatedAt: v.updated_at,
  };
}

export function toAttachment(a: ItemAttachmentRow): ItemAttachment {
  return { id: a.id, fileName: a.file_name, mediaType: a.media_type, size: a.size, sha256: a.sha256 };
}

/** A finding as stored with a submission; those stored before the scanner lack its newer fields. */
function storedFinding(f: Partial<ItemFinding>): ItemFinding {
  return {
    check: f.check ?? '',
    severity: f.severity ?? 'warning',
    field: f.field ?? '',
    text: f.text ?? '',
    excerpt: f.excerpt ?? '',
    message: f.message ?? '',
    ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
    ...(f.line === undefined ? {} : { line: f.line }),
    fingerprint: f.fingerprint ?? `${f.check ?? ''}|${f.field ?? ''}`,
  };
}

function toReview(r: ItemReviewRow): ReviewRecord {
  return {
    id: r.id,
    version: r.version,
    step: r.step,
    verdict: r.verdict,
    opinion: r.opinion,
    findings: r.findings === null ? [] : (JSON.parse(r.findings) as Partial<ItemFinding>[]).map(storedFinding),
    userName: r.user_name,
    at: r.at,
  };
}

/** The reviews of the working version since it was last submitted. */
export function currentTrail(item: ItemRow, reviews: readonly ItemReviewRow[]): ItemReviewRow[] {
  const version = item.working_version;
  let start = -1;
  reviews.forEach((r, i) => {
    if (r.version === version && r.step === 'submit') {
      start = i;
    }
  });
  return start < 0 ? [] : reviews.slice(start);
}

/**
 * Whether the working version may be changed: there is one, it is not in review, and it is not an
 * approved version waiting for its scheduled time (that one changes only by 撤稿 and a new review).
 */
export function isEditable(item: ItemRow): boolean {
  return item.working_version !== null && item.review_stage === null && item.status !== 'scheduled';
}

export function actionsFor(actor: Actor, item: ItemRow, agency: AgencyRow): ItemActions {
  const editing = isEditable(item);
  const reviewing = item.review_stage !== null;
  const stage = item.review_stage;
  const stagePermission = stage === null ? null : (`item.review.${stage}` as Permission);
  const mayReviewStage = stagePermission !== null && can(actor, stagePermission, agency);
  const maySecrecy = reviewing && can(actor, 'item.secrecy', agency);
  const publicState = item.status === 'published' || item.status === 'scheduled';
  return {
    edit: editing && can(actor, 'item.write', agency),
    submit: editing && can(actor, 'item.write', agency),
    approve: mayReviewStage ? stage : null,
    secrecy: maySecrecy,
    sendBack: reviewing && (mayReviewStage || maySecrecy),
    withdraw:
      (item.status === 'scheduled' || (publicState && item.working_version === null)) &&
      can(actor, 'item.withdraw', agency),
    revise: item.status === 'published' && item.working_version === null && can(actor, 'item.write', agency),
  };
}

/** Claims the item in the transaction that changes it, or refuses a change made from a stale read. */
export async function claimOrConflict(trx: Executor, item: ItemRow): Promise<void> {
  if (!(await claimItem(trx, item))) {
    throw new DomainError('CONFLICT', '该信息刚被其他人修改或审核，请刷新后再操作');
  }
}

/** An item with its agency, after checking the actor may do `permission` on it (audited refusal). */
export async function itemForActor(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  itemId: number,
  permission: Permission,
  action: string,
): Promise<{ item: ItemRow; agency: AgencyRow }> {
  const item = await findItem(ctx.db, itemId);
  const agency = item === undefined ? undefined : await findAgency(ctx.db, item.agency_id);
  if (item === undefined || agency === undefined) {
    throw new DomainError('NOT_FOUND', `信息（编号 ${itemId}）不存在`);
  }
  await authorize(ctx, actor, meta, permission, agency, { action, targetType: 'item', targetId: itemId });
  return { item, agency };
}

export async function loadItemDetail(
  ex: Executor,
  actor: Actor,
  item: ItemRow,
  agency: AgencyRow,
): Promise<ItemDetail> {
  const shown = item.working_version ?? item.published_version;
  const version = shown === null ? undefined : await findItemVersion(ex, item.id, shown);
  if (version === undefined) {
    throw new DomainError('INTERNAL', `信息 ${item.id} 缺少内容版本`);
  }
  const [column, attachments, reviews, versions, links, scanned] = await Promise.all([
    findCatalogColumn(ex, item.column_id),
    listItemAttachments(ex, item.id, version.version),
    listItemReviews(ex, item.id),
    listItemVersions(ex, item.id),
    listItemLinks(ex, item.id),
    listOpenItemFindings(ex, item.id),
  ]);
  const trail = currentTrail(item, reviews);
  return {
    id: item.id,
    agencyId: agency.id,
    agencyName: agency.name,
    columnId: item.column_id,
    columnName: column?.name ?? '',
    status: item.status,
    reviewStage: item.review_stage,
    indexNo: item.index_no,
    publishedAt: item.published_at,
    scheduledFor: item.scheduled_for,
    revisedAt: item.revised_at,
    withdrawnAt: item.withdrawn_at,
    withdrawnReason: item.withdrawn_reason,
    publishedVersion: item.published_version,
    workingVersion: item.working_version,
    content: toContent(version),
    attachments: attachments.map(toAttachment),
    reviews: reviews.map(toReview),
    findings: trail[0] === undefined ? [] : toReview(trail[0]).findings,
    scanFindings: scanned.map(toScanFinding),
    versions: versions.map((v) => ({ version: v.version, changeNote: v.change_note, createdAt: v.created_at })),
    interpretations: await linkedItems(ex, links.interpretations),
    policies: await linkedItems(ex, links.policies),
    actions: actionsFor(actor, item, agency),
  };
}

/** One item for staff who may read it. */
export async function getItem(
  ctx: AppContext,
  { actor, itemId, meta }: { actor: Actor; itemId: number; meta: RequestMeta },
): Promise<ItemDetail> {
  const { item, agency } = await itemForActor(ctx, actor, meta, itemId, 'item.read', 'item.read');
  return loadItemDetail(ctx.db, actor, item, agency);
}
