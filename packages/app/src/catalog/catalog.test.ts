import { CATALOG_TEMPLATE } from '@xxgk/core';
import { listAudit } from '@xxgk/db';
import { expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { describeApp, TEST_META } from '../testing.ts';
import {
  addCatalogColumn,
  createCatalogFromTemplate,
  getCatalog,
  removeCatalogColumn,
  updateCatalogColumnDetails,
} from './catalog-columns.ts';

describeApp('信息公开目录', (t) => {
  it('gives every demo agency the standard catalog as a tree', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const editor = await actor('editor');
    const tree = await getCatalog(ctx.db, editor.agency.id);
    expect(tree.map((c) => c.name)).toEqual(CATALOG_TEMPLATE.map((c) => c.name));
    const policy = tree[2]?.children.find((c) => c.name === '政策文件');
    expect(policy?.children.map((c) => [c.name, c.kind, c.article20])).toEqual([
      ['规章', 'document', 1],
      ['行政规范性文件', 'document', 1],
      ['其他文件', 'document', 1],
    ]);
  });

  it('refuses to create a second catalog over an existing one', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    await expect(
      createCatalogFromTemplate(ctx, { actor: admin, agencyId: admin.agency.id, meta: TEST_META }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '“示例市财政局”已有信息公开目录，不能再按模板创建',
    });
  });

  it('lets an agency admin add, rename, move and remove columns of their own catalog, all audited', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    const agencyId = admin.agency.id;
    const special = (await getCatalog(ctx.db, agencyId)).find((c) => c.code === 'special');
    const added = await addCatalogColumn(ctx, {
      actor: admin,
      agencyId,
      meta: TEST_META,
      input: { parentId: special?.id ?? null, name: '优化营商环境', kind: 'dynamic', sortOrder: 5 },
    });
    await updateCatalogColumnDetails(ctx, {
      actor: admin,
      columnId: added.id,
      meta: TEST_META,
      input: { parentId: special?.id ?? null, name: '优化营商环境专栏', kind: 'dynamic', sortOrder: 5 },
    });
    let tree = await getCatalog(ctx.db, agencyId);
    expect(tree.find((c) => c.code === 'special')?.children.map((c) => c.name)).toEqual(['优化营商环境专栏']);
    await expect(
      updateCatalogColumnDetails(ctx, {
        actor: admin,
        columnId: special?.id ?? 0,
        meta: TEST_META,
        input: { parentId: added.id, name: '专题专栏', kind: 'static' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      removeCatalogColumn(ctx, { actor: admin, columnId: special?.id ?? 0, meta: TEST_META }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '栏目“专题专栏”下还有子栏目，请先删除或移走子栏目',
    });
    await removeCatalogColumn(ctx, { actor: admin, columnId: added.id, meta: TEST_META });
    tree = await getCatalog(ctx.db, agencyId);
    expect(tree.find((c) => c.code === 'special')?.children).toEqual([]);
    const log = await listAudit(ctx.db, { action: 'catalog.column', limit: 10, offset: 0 });
    expect(log.rows.map((r) => r.action)).toEqual([
      'catalog.column.delete',
      'catalog.column.update',
      'catalog.column.create',
    ]);
  });

  it('keeps an editor and other agencies’ admins out', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const editor = await actor('editor');
    const other = await actor('jyj.admin');
    const input = { parentId: null, name: '新栏目', kind: 'static' as const };
    await expect(
      addCatalogColumn(ctx, { actor: editor, agencyId: editor.agency.id, meta: TEST_META, input }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      addCatalogColumn(ctx, { actor: other, agencyId: editor.agency.id, meta: TEST_META, input }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
