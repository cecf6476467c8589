import { listAgencyItems, listPublishedItems, searchPublishedItems } from '@xxgk/db';
import { expect, it } from 'vitest';
import { queryTerms } from '../search/segment.ts';
import { describeApp } from '../testing.ts';
import { seedDemo } from './seed-demo.ts';
import { seedDemoItems } from './seed-demo-items.ts';

describeApp('演示信息', (t) => {
  it('publishes years of items with unique 索引号, links 解读 to policies, and leaves work in the review queues', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const { published } = await seedDemoItems(ctx, { scale: 0.25 });
    expect(published).toBeGreaterThan(300);
    const all = await listPublishedItems(ctx.db, {}, { limit: 100_000, offset: 0 });
    expect(all.total).toBe(published);
    const numbers = all.rows.map((r) => r.index_no);
    expect(new Set(numbers).size).toBe(numbers.length);
    // Within an agency and year, serials follow publication order.
    const czj = (await actor('editor')).agency.id;
    const ofCzj2024 = all.rows
      .filter((r) => r.agency_id === czj && r.index_no?.includes('/2024-'))
      .sort((a, b) => a.published_at.localeCompare(b.published_at));
    expect(ofCzj2024.map((r) => Number(r.index_no?.slice(-5)))).toEqual(ofCzj2024.map((_, i) => i + 1));
    expect((await ctx.db.selectFrom('item_links').select('id').execute()).length).toBeGreaterThan(0);
    expect(
      (await searchPublishedItems(ctx.db, ctx.dialect, queryTerms('预算'), {}, { limit: 5, offset: 0 })).total,
    ).toBeGreaterThan(0);
    const waiting = await listAgencyItems(ctx.db, { agencyId: czj, stage: 'first' }, { limit: 10, offset: 0 });
    expect(waiting.rows.map((r) => r.title).sort()).toEqual([
      '市财政局召开惠民惠农补贴资金专项检查部署会',
      '示例市2026年1—10月财政收支情况',
    ]);
    expect((await listAgencyItems(ctx.db, { agencyId: czj, stage: 'final' }, { limit: 10, offset: 0 })).total).toBe(1);
  });
});

describeApp('演示申请', (t) => {
  it('gives the 财政局 applications in every state, one overdue and one due soon', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const { seedDemoApplications } = await import('./seed-demo-applications.ts');
    const { listApplications } = await import('../applications/list-applications.ts');
    expect(await seedDemoApplications(ctx)).toBe(8);
    const handler = await actor('handler');
    const meta = { ip: '', requestId: '' };
    const all = await listApplications(ctx, {
      actor: handler,
      agencyId: handler.agency.id,
      query: { view: 'all' },
      meta,
    });
    expect(all.total).toBe(8);
    const statuses = new Set(all.rows.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['awaiting_confirmation', 'awaiting_correction', 'decided', 'in_progress']);
    const urgent = await listApplications(ctx, {
      actor: handler,
      agencyId: handler.agency.id,
      query: { view: 'urgent' },
      meta,
    });
    expect(urgent.rows.map((r) => r.flag).sort()).toEqual(['due_soon', 'overdue']);
    const { applicationAlerts } = await import('../applications/application-alerts.ts');
    const expected = [{ agencyId: handler.agency.id, agencyName: '示例市财政局', open: 5, overdue: 1, dueSoon: 1 }];
    expect(await applicationAlerts(ctx, { actor: handler })).toEqual(expected);
    // The 政务公开办 sees every agency below it; other agencies have nothing open.
    expect(await applicationAlerts(ctx, { actor: await actor('supervisor') })).toEqual(expected);
    expect(await applicationAlerts(ctx, { actor: await actor('editor') })).toEqual([]);
  });
});
