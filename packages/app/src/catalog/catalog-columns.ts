import { COLUMN_KINDS, DomainError, flattenTemplate, type Actor, type ColumnKind } from '@xxgk/core';
import {
  countCatalogColumns,
  deleteCatalogColumn,
  findAgency,
  findCatalogColumn,
  insertCatalogColumn,
  listCatalogColumns,
  updateCatalogColumn,
  type CatalogColumnRow,
  type Executor,
} from '@xxgk/db';
import { bumpPortalGeneration } from '@xxgk/db';
import { z } from 'zod';
import { requireAgency } from '../agencies/require-agency.ts';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput, text } from '../validation.ts';

/** A catalog column as the API, the admin and the portal see it, with its children. */
export interface CatalogColumn {
  readonly id: number;
  readonly parentId: number | null;
  readonly code: string | null;
  readonly name: string;
  readonly kind: ColumnKind;
  readonly article20: number | null;
  readonly sortOrder: number;
  readonly children: CatalogColumn[];
}

/** Builds the tree from rows (ordered by sort order). */
export function toCatalogTree(rows: readonly CatalogColumnRow[]): CatalogColumn[] {
  const nodes = new Map<number, CatalogColumn>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        parentId: r.parent_id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        article20: r.article20,
        sortOrder: r.sort_order,
        children: [],
      },
    ]),
  );
  const roots: CatalogColumn[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id);
    const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id);
    if (node !== undefined) {
      (parent?.children ?? roots).push(node);
    }
  }
  return roots;
}

/** An agency's catalog, public information (条例 第十二条: the 目录 is published). */
export async function getCatalog(ex: Executor, agencyId: number): Promise<CatalogColumn[]> {
  return toCatalogTree(await listCatalogColumns(ex, agencyId));
}

/**
 * Gives an agency the standard catalog. Refuses an agency that already has columns, so an edited
 * catalog is never overwritten.
 */
export async function createCatalogFromTemplate(
  ctx: AppContext,
  { actor, agencyId, meta }: { actor: Actor; agencyId: number; meta: RequestMeta },
): Promise<CatalogColumn[]> {
  const agency = await requireAgency(ctx.db, agencyId);
  await authorize(ctx, actor, meta, 'catalog.manage', agency, {
    action: 'catalog.create',
    targetType: 'catalog',
    targetId: agencyId,
  });
  if ((await countCatalogColumns(ctx.db, agencyId)) > 0) {
    throw new DomainError('CONFLICT', `“${agency.name}”已有信息公开目录，不能再按模板创建`);
  }
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    // The portal shows agencies and catalogs: its cached pages are stale from here on.
    await bumpPortalGeneration(trx);
    const ids = new Map<string, number>();
    let order = 0;
    for (const { column, parent } of flattenTemplate()) {
      const row = await insertCatalogColumn(
        trx,
        {
          agency_id: agencyId,
          parent_id: parent === null ? null : (ids.get(parent) ?? null),
          code: column.code,
          name: column.name,
          kind: column.kind,
          article20: column.article20 ?? null,
          sort_order: (order += 10),
        },
        now,
      );
      ids.set(column.code, row.id);
    }
    await audit(trx, ctx, actor, meta, {
      action: 'catalog.create',
      agencyId,
      targetType: 'catalog',
      targetId: agencyId,
      note: `按标准模板创建 ${ids.size} 个栏目`,
    });
    return getCatalog(trx, agencyId);
  });
}

export const ColumnInput = z.object({
  parentId: z.number().int().positive().nullable(),
  name: text('栏目名称', { min: 1, max: 50 }),
  kind: z.enum(COLUMN_KINDS, { error: '栏目类型应为动态类、文件类或静态类' }),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
});
export type ColumnInput = z.input<typeof ColumnInput>;

async function checkParent(ex: Executor, agencyId: number, parentId: number | null, self?: number): Promise<void> {
  if (parentId === null) {
    return;
  }
  const rows = await listCatalogColumns(ex, agencyId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (!byId.has(parentId)) {
    throw new DomainError('VALIDATION_FAILED', '上级栏目不属于本机关的目录', {
      issues: [{ path: 'parentId', message: '上级栏目无效' }],
    });
  }
  for (let p: number | null = parentId; p !== null; p = byId.get(p)?.parent_id ?? null) {
    if (p === self) {
      throw new DomainError('CONFLICT', '不能把栏目移到它自己或其下级栏目之下', {
        issues: [{ path: 'parentId', message: '不能选择本栏目或其下级栏目' }],
      });
    }
  }
}

/** Adds a column (a 专题专栏, a local sub-column) to an agency's catalog. */
export async function addCatalogColumn(
  ctx: AppContext,
  { actor, agencyId, input, meta }: { actor: Actor; agencyId: number; input: ColumnInput; meta: RequestMeta },
): Promise<CatalogColumn> {
  const fields = parseInput(ColumnInput, input);
  const agency = await requireAgency(ctx.db, agencyId);
  await authorize(ctx, actor, meta, 'catalog.manage', agency, {
    action: 'catalog.column.create',
    targetType: 'catalog_column',
    targetId: null,
  });
  await checkParent(ctx.db, agencyId, fields.parentId);
  return ctx.db.transaction().execute(async (trx) => {
    // The portal shows agencies and catalogs: its cached pages are stale from here on.
    await bumpPortalGeneration(trx);
    const row = await insertCatalogColumn(
      trx,
      {
        agency_id: agencyId,
        parent_id: fields.parentId,
        code: null,
        name: fields.name,
        kind: fields.kind,
        article20: null,
        sort_order: fields.sortOrder,
      },
      iso(ctx.now()),
    );
    await audit(trx, ctx, actor, meta, {
      action: 'catalog.column.create',
      agencyId,
      targetType: 'catalog_column',
      targetId: row.id,
      after: fields,
    });
    const [node] = toCatalogTree([row]);
    if (node === undefined) {
      throw new Error('unreachable');
    }
    return node;
  });
}

/** Renames, re-kinds, reorders or moves a column within its agency's catalog. */
export async function updateCatalogColumnDetails(
  ctx: AppContext,
  { actor, columnId, input, meta }: { actor: Actor; columnId: number; input: ColumnInput; meta: RequestMeta },
): Promise<void> {
  const fields = parseInput(ColumnInput, input);
  const before = await findCatalogColumn(ctx.db, columnId);
  if (before === undefined) {
    throw new DomainError('NOT_FOUND', `栏目（编号 ${columnId}）不存在`);
  }
  const agency = await findAgency(ctx.db, before.agency_id);
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', '栏目所属机关不存在');
  }
  await authorize(ctx, actor, meta, 'catalog.manage', agency, {
    action: 'catalog.column.update',
    targetType: 'catalog_column',
    targetId: columnId,
  });
  await checkParent(ctx.db, before.agency_id, fields.parentId, columnId);
  await ctx.db.transaction().execute(async (trx) => {
    // The portal shows agencies and catalogs: its cached pages are stale from here on.
    await bumpPortalGeneration(trx);
    await updateCatalogColumn(
      trx,
      columnId,
      { parent_id: fields.parentId, name: fields.name, kind: fields.kind, sort_order: fields.sortOrder },
      iso(ctx.now()),
    );
    await audit(trx, ctx, actor, meta, {
      action: 'catalog.column.update',
      agencyId: before.agency_id,
      targetType: 'catalog_column',
      targetId: columnId,
      before: { parentId: before.parent_id, name: before.name, kind: before.kind, sortOrder: before.sort_order },
      after: fields,
    });
  });
}

/** Removes an empty column (one without sub-columns; items arrive with the items feature). */
export async function removeCatalogColumn(
  ctx: AppContext,
  { actor, columnId, meta }: { actor: Actor; columnId: number; meta: RequestMeta },
): Promise<void> {
  const column = await findCatalogColumn(ctx.db, columnId);
  if (column === undefined) {
    throw new DomainError('NOT_FOUND', `栏目（编号 ${columnId}）不存在`);
  }
  const agency = await findAgency(ctx.db, column.agency_id);
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', '栏目所属机关不存在');
  }
  await authorize(ctx, actor, meta, 'catalog.manage', agency, {
    action: 'catalog.column.delete',
    targetType: 'catalog_column',
    targetId: columnId,
  });
  const rows = await listCatalogColumns(ctx.db, column.agency_id);
  if (rows.some((r) => r.parent_id === columnId)) {
    throw new DomainError('CONFLICT', `栏目“${column.name}”下还有子栏目，请先删除或移走子栏目`);
  }
  await ctx.db.transaction().execute(async (trx) => {
    // The portal shows agencies and catalogs: its cached pages are stale from here on.
    await bumpPortalGeneration(trx);
    await deleteCatalogColumn(trx, columnId);
    await audit(trx, ctx, actor, meta, {
      action: 'catalog.column.delete',
      agencyId: column.agency_id,
      targetType: 'catalog_column',
      targetId: columnId,
      before: { name: column.name, kind: column.kind, parentId: column.parent_id },
    });
  });
}
