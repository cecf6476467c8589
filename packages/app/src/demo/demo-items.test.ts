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
  it('gives about 400 applications since 2024: every outcome, 补正, extension, consultation, fee, appeal and letter', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const { seedDemoApplications } = await import('./seed-demo-applications.ts');
    const { listApplications } = await import('../applications/list-applications.ts');
    const { OUTCOME_CODES, LETTER_KINDS } = await import('@xxgk/core');
    const made = await seedDemoApplications(ctx);
    expect(made).toBeGreaterThanOrEqual(380);
    expect(made).toBeLessThanOrEqual(430);
    const rows = await ctx.db.selectFrom('applications').selectAll().execute();
    expect(rows).toHaveLength(made);
    expect(rows.every((r) => r.id_number.startsWith('v1.'))).toBe(true);
    expect(new Set(rows.flatMap((r) => (r.received_on === null ? [] : [r.received_on.slice(0, 4)])))).toEqual(
      new Set(['2024', '2025', '2026']),
    );
    expect([...new Set(rows.map((r) => r.outcome_code).filter((c) => c !== null))].sort()).toEqual(
      [...OUTCOME_CODES].sort(),
    );
    const events = new Set((await ctx.db.selectFrom('application_events').select('type').execute()).map((e) => e.type));
    for (const type of [
      'correction_requested',
      'correction_received',
      'correction_expired',
      'extension_approved',
      'consultation_started',
      'consultation_ended',
      'fee_notice_sent',
      'fee_paid',
      'fee_expired',
      'legal_review',
      'letter_issued',
      'delivered',
      'archived',
    ]) {
      expect(events, type).toContain(type);
    }
    const letters = new Set(
      (await ctx.db.selectFrom('application_files').select('letter_kind').where('kind', '=', 'letter').execute()).map(
        (f) => f.letter_kind,
      ),
    );
    expect([...letters].sort()).toEqual([...LETTER_KINDS].sort());
    const appeals = await ctx.db.selectFrom('application_appeals').selectAll().execute();
    expect(new Set(appeals.map((a) => a.kind))).toEqual(new Set(['reconsideration', 'litigation']));
    expect(appeals.some((a) => a.after_reconsideration === 1)).toBe(true);
    expect(new Set(appeals.map((a) => a.result))).toContain('pending');

    const handler = await actor('handler');
    const meta = { ip: '', requestId: '' };
    const open = await listApplications(ctx, { actor: handler, agencyId: handler.agency.id, query: {}, meta });
    expect(new Set(open.rows.map((r) => r.status))).toEqual(
      new Set(['awaiting_confirmation', 'awaiting_correction', 'awaiting_payment', 'consulting', 'in_progress']),
    );
    const urgent = await listApplications(ctx, {
      actor: handler,
      agencyId: handler.agency.id,
      query: { view: 'urgent' },
      meta,
    });
    expect(urgent.rows.map((r) => r.flag).sort()).toEqual(['due_soon', 'overdue']);
    const { applicationAlerts } = await import('../applications/application-alerts.ts');
    const mine = await applicationAlerts(ctx, { actor: handler });
    expect(mine).toMatchObject([{ agencyName: '示例市财政局', overdue: 1, dueSoon: 1 }]);
    // The 政务公开办 sees every agency below it.
    const city = await applicationAlerts(ctx, { actor: await actor('supervisor') });
    expect(city.map((a) => a.agencyName)).toContain('示例市财政局');
    for (const a of city) {
      expect(['示例市财政局', '示例市教育局', '示例市人力资源和社会保障局', '示例市东城街道办事处']).toContain(
        a.agencyName,
      );
    }
    expect(await applicationAlerts(ctx, { actor: await actor('editor') })).toEqual([]);
  }, 300_000);
});
