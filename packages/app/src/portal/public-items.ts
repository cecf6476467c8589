import { DomainError, VALIDITY_KINDS, type ValidityKind } from '@xxgk/core';
import {
  findItem,
  findItemAttachment,
  findItemVersion,
  listCatalogColumns,
  listItemAttachments,
  listItemLinks,
  listItemReviews,
  listItemVersions,
  listPublishedItems,
  searchPublishedItems,
  type CatalogColumnRow,
  type Executor,
  type PublishedItemFilter,
  type PublishedItemRow,
} from '@xxgk/db';
import type { AppContext } from '../context.ts';
import { toAttachment, toContent, type ItemAttachment, type ItemContent } from '../items/item-view.ts';
import { queryTerms } from '../search/segment.ts';
import { highlight, snippet, type SnippetPart } from '../search/snippet.ts';

/**
 * What the public portal reads: only published, 主动公开 items, only their published version.
 * Nothing here takes an actor — it is public information (条例 第十九条、第二十三条).
 */
export interface PublicListItem {
  readonly id: number;
  readonly agencyId: number;
  readonly columnId: number;
  readonly indexNo: string | null;
  readonly title: string;
  readonly docNo: string;
  readonly publisher: string;
  readonly writtenOn: string | null;
  readonly publishedAt: string;
  readonly revisedAt: string | null;
  readonly validity: ValidityKind;
  readonly summary: string;
}

export interface PublicPage<T> {
  readonly rows: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

function toListItem(r: PublishedItemRow): PublicListItem {
  return {
    id: r.id,
    agencyId: r.agency_id,
    columnId: r.column_id,
    indexNo: r.index_no,
    title: r.title,
    docNo: r.doc_no,
    publisher: r.publisher,
    writtenOn: r.written_on,
    publishedAt: r.published_at,
    revisedAt: r.revised_at,
    validity: r.validity as ValidityKind,
    summary: r.summary,
  };
}

/** A column and every column below it. */
export function columnAndBelow(columns: readonly CatalogColumnRow[], columnId: number): number[] {
  const ids = [columnId];
  for (let i = 0; i < ids.length; i += 1) {
    for (const c of columns) {
      if (c.parent_id === ids[i]) {
        ids.push(c.id);
      }
    }
  }
  return ids;
}

export async function listColumnItems(
  ex: Executor,
  { agencyId, columnId, page, pageSize = 20 }: { agencyId: number; columnId: number; page: number; pageSize?: number },
): Promise<PublicPage<PublicListItem>> {
  const columns = await listCatalogColumns(ex, agencyId);
  const { rows, total } = await listPublishedItems(
    ex,
    { agencyId, columnIds: columnAndBelow(columns, columnId) },
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  return { rows: rows.map(toListItem), total, page, pageSize };
}

export async function latestItems(ex: Executor, limit: number, agencyId?: number): Promise<PublicListItem[]> {
  const filter: PublishedItemFilter = agencyId === undefined ? {} : { agencyId };
  return (await listPublishedItems(ex, filter, { limit, offset: 0 })).rows.map(toListItem);
}

export interface PublicItem extends PublicListItem {
  readonly content: ItemContent;
  readonly attachments: ItemAttachment[];
  /** Published interpretations of this policy, and policies this item interprets. */
  readonly interpretations: PublicListItem[];
  readonly policies: PublicListItem[];
  /** Earlier published versions: when each was replaced, and what the revision said it changed. */
  readonly revisions: { version: number; changeNote: string; at: string }[];
}

async function publishedListItem(ex: Executor, id: number): Promise<PublicListItem | undefined> {
  const item = await findItem(ex, id);
  if (item?.status !== 'published' || item.published_version === null || item.published_at === null) {
    return undefined;
  }
  const v = await findItemVersion(ex, id, item.published_version);
  if (v?.disclosure !== 'active') {
    return undefined;
  }
  return toListItem({
    id,
    agency_id: item.agency_id,
    column_id: item.column_id,
    index_no: item.index_no,
    published_at: item.published_at,
    revised_at: item.revised_at,
    title: v.title,
    doc_no: v.doc_no,
    publisher: v.publisher,
    written_on: v.written_on,
    validity: v.validity,
    summary: v.summary,
    body_text: '',
  });
}

/** A published item as its page shows it, or undefined when it is not (or no longer) public. */
export async function getPublicItem(ex: Executor, id: number): Promise<PublicItem | undefined> {
  const head = await publishedListItem(ex, id);
  const item = head === undefined ? undefined : await findItem(ex, id);
  const version = item?.published_version ?? null;
  if (head === undefined || item === undefined || version === null) {
    return undefined;
  }
  const [content, attachments, links, versions, reviews] = await Promise.all([
    findItemVersion(ex, id, version),
    listItemAttachments(ex, id, version),
    listItemLinks(ex, id),
    listItemVersions(ex, id),
    listItemReviews(ex, id),
  ]);
  // A revision went public when its 终审 passed.
  const publishedOn = (v: number) => reviews.find((r) => r.version === v && r.step === 'final')?.at ?? '';
  if (content === undefined) {
    return undefined;
  }
  const linked = async (ids: number[]) =>
    (await Promise.all(ids.map((i) => publishedListItem(ex, i)))).filter((x): x is PublicListItem => x !== undefined);
  return {
    ...head,
    content: toContent(content),
    attachments: attachments.map(toAttachment),
    interpretations: await linked(links.interpretations),
    policies: await linked(links.policies),
    revisions: versions
      .filter((v) => v.version > 1 && v.version <= version)
      .map((v) => ({ version: v.version, changeNote: v.change_note, at: publishedOn(v.version) })),
  };
}

/** An attachment of a published item's public version, with its bytes. */
export async function getPublicAttachment(
  ctx: AppContext,
  itemId: number,
  attachmentId: number,
): Promise<{ fileName: string; mediaType: string; bytes: Buffer } | undefined> {
  const item = await getPublicItem(ctx.db, itemId);
  const attachment = item?.attachments.find((a) => a.id === attachmentId);
  const row = attachment === undefined ? undefined : await findItemAttachment(ctx.db, attachmentId);
  if (row === undefined) {
    return undefined;
  }
  return { fileName: row.file_name, mediaType: row.media_type, bytes: await ctx.files.get(row.storage_key) };
}

export interface SearchQuery {
  readonly q: string;
  readonly agencyId?: number | undefined;
  readonly columnId?: number | undefined;
  readonly year?: number | undefined;
  readonly validity?: string | undefined;
  readonly page: number;
}

export interface SearchHit extends PublicListItem {
  readonly titleParts: SnippetPart[];
  readonly snippet: SnippetPart[];
}

export interface SearchResult extends PublicPage<SearchHit> {
  readonly terms: string[];
  readonly tookMs: number;
}

export const SEARCH_PAGE_SIZE = 10;

/** 站内搜索: jieba words of the query, all required, in published 主动公开 items. */
export async function searchItems(ctx: AppContext, query: SearchQuery): Promise<SearchResult> {
  const started = performance.now();
  const terms = queryTerms(query.q);
  if (query.validity !== undefined && !(VALIDITY_KINDS as readonly string[]).includes(query.validity)) {
    throw new DomainError('VALIDATION_FAILED', '有效性筛选条件无效');
  }
  let columnIds: number[] | undefined;
  if (query.columnId !== undefined && query.agencyId !== undefined) {
    columnIds = columnAndBelow(await listCatalogColumns(ctx.db, query.agencyId), query.columnId);
  }
  const filter: PublishedItemFilter = {
    ...(query.agencyId === undefined ? {} : { agencyId: query.agencyId }),
    ...(columnIds === undefined ? {} : { columnIds }),
    ...(query.year === undefined
      ? {}
      : {
          // 发布日期 in Beijing time: the year starts at 16:00 UTC on 31 December.
          publishedFrom: new Date(Date.UTC(query.year - 1, 11, 31, 16)).toISOString(),
          publishedBefore: new Date(Date.UTC(query.year, 11, 31, 16)).toISOString(),
        }),
    ...(query.validity === undefined ? {} : { validity: query.validity }),
  };
  const { rows, total } = await searchPublishedItems(ctx.db, ctx.dialect, terms, filter, {
    limit: SEARCH_PAGE_SIZE,
    offset: (query.page - 1) * SEARCH_PAGE_SIZE,
  });
  return {
    rows: rows.map((r) => ({
      ...toListItem(r),
      titleParts: highlight(r.title, terms),
      snippet: snippet(r.summary === '' ? r.body_text : `${r.summary} ${r.body_text}`, terms),
    })),
    total,
    page: query.page,
    pageSize: SEARCH_PAGE_SIZE,
    terms,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
