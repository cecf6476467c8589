import { expect, it } from 'vitest';
import { demoUscc } from '../demo/demo-data.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { describeApp, TEST_META } from '../testing.ts';
import { createAgency } from './create-agency.ts';
import { listAgencies } from './list-agencies.ts';
import { updateAgency } from './update-agency.ts';
import { listAudit, verifyAuditChain } from '@xxgk/db';

describeApp('agencies', (t) => {
  it('seeds 示例市 in tree order, every change audited on an intact chain', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const agencies = await listAgencies(ctx, { actor: await actor('supervisor') });
    expect(agencies).toHaveLength(16);
    expect(agencies[0]?.name).toBe('示例市人民政府');
    expect(agencies.every((a, i) => i === 0 || a.parentId === agencies[0]?.id)).toBe(true);
    const log = await listAudit(ctx.db, { action: 'agency.create', limit: 100, offset: 0 });
    expect(log.total).toBe(16);
    expect((await verifyAuditChain(ctx.db)).breaks).toEqual([]);
  });

  it('refuses a 统一社会信用代码 with a wrong check character, saying which it should be', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const supervisor = await actor('supervisor');
    const good = demoUscc(99);
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    await expect(
      createAgency(ctx, {
        actor: supervisor,
        meta: TEST_META,
        input: {
          parentId: supervisor.agency.id,
          name: '示例市统计局',
          shortName: '市统计局',
          uscc: bad,
          kind: 'department',
        },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'uscc', message: `统一社会信用代码校验位错误：最后一位应为“${good[17]}”，实为“${bad[17]}”` }],
    });
  });

  it('lets a supervisor add an agency below theirs, with contact details checked', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const supervisor = await actor('supervisor');
    const created = await createAgency(ctx, {
      actor: supervisor,
      meta: TEST_META,
      input: {
        parentId: supervisor.agency.id,
        name: '示例市统计局',
        shortName: '市统计局',
        uscc: demoUscc(99).toLowerCase(),
        kind: 'department',
        phone: '0799-1234567',
        postcode: '336000',
      },
    });
    expect(created).toMatchObject({ uscc: demoUscc(99), path: `/${supervisor.agency.id}/${created.id}/` });
    await expect(
      createAgency(ctx, {
        actor: supervisor,
        meta: TEST_META,
        input: {
          parentId: null,
          name: '另一个市',
          shortName: '另一市',
          uscc: demoUscc(98),
          kind: 'government',
          postcode: '12',
        },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'postcode', message: '邮政编码应为6位数字' }],
    });
  });

  it('keeps an agency admin from creating agencies, and audits it', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    await expect(
      createAgency(ctx, {
        actor: admin,
        meta: TEST_META,
        input: {
          parentId: admin.agency.id,
          name: '财政局下属中心',
          shortName: '中心',
          uscc: demoUscc(97),
          kind: 'other',
        },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await listAudit(ctx.db, { outcome: 'denied', limit: 5, offset: 0 })).rows[0]?.action).toBe('agency.create');
  });

  it('refuses to move an agency under its own descendant', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('admin');
    const [city, office] = await listAgencies(ctx, { actor: admin });
    if (city === undefined || office === undefined) {
      throw new Error('demo incomplete');
    }
    await expect(
      updateAgency(ctx, { actor: admin, agencyId: city.id, meta: TEST_META, input: { ...city, parentId: office.id } }),
    ).rejects.toMatchObject({ code: 'AGENCY_CYCLE' });
  });

  it('records before and after of an edit', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    const [own] = await listAgencies(ctx, { actor: admin });
    if (own === undefined) {
      throw new Error('no agency');
    }
    const updated = await updateAgency(ctx, {
      actor: admin,
      agencyId: own.id,
      meta: TEST_META,
      input: { ...own, officeHours: '工作日 9:00—17:00' },
    });
    expect(updated.officeHours).toBe('工作日 9:00—17:00');
    const [entry] = (await listAudit(ctx.db, { action: 'agency.update', limit: 1, offset: 0 })).rows;
    expect(JSON.parse(entry?.before_json ?? '{}').officeHours).toBe(own.officeHours);
    expect(JSON.parse(entry?.after_json ?? '{}').officeHours).toBe('工作日 9:00—17:00');
  });

  it('keeps an agency admin from changing their own agency’s kind, which moves its report deadline (issue 18)', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const admin = await actor('agencyadmin');
    const [own] = await listAgencies(ctx, { actor: admin });
    if (own === undefined) {
      throw new Error('no agency');
    }
    expect(own.kind).toBe('department');
    await expect(
      updateAgency(ctx, {
        actor: admin,
        agencyId: own.id,
        meta: TEST_META,
        input: { ...own, kind: 'government', officeHours: '全天' },
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '机关类型决定年度报告的报送期限，只能由上级机关的政务公开办或系统管理员修改',
    });
    const [unchanged] = await listAgencies(ctx, { actor: admin });
    expect(unchanged).toEqual(own);
    const [refusal] = (await listAudit(ctx.db, { outcome: 'denied', limit: 1, offset: 0 })).rows;
    expect(refusal).toMatchObject({
      action: 'agency.update',
      target_id: String(own.id),
      note: '修改机关类型（政府工作部门 → 人民政府）须由上级机关办理',
    });

    // The rest of the agency's own settings stay the admin's to edit.
    const edited = await updateAgency(ctx, {
      actor: admin,
      agencyId: own.id,
      meta: TEST_META,
      input: { ...own, phone: '0799-7654321', court: '示例市人民法院', legalReviewRequired: true },
    });
    expect(edited).toMatchObject({ kind: 'department', phone: '0799-7654321', legalReviewRequired: true });
  });

  it('lets the supervisor above an agency change its kind, and only a system admin change a root’s', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const supervisor = await actor('supervisor');
    const finance = (await listAgencies(ctx, { actor: await actor('agencyadmin') }))[0];
    const city = (await listAgencies(ctx, { actor: supervisor }))[0];
    if (finance === undefined || city === undefined) {
      throw new Error('demo incomplete');
    }
    const changed = await updateAgency(ctx, {
      actor: supervisor,
      agencyId: finance.id,
      meta: TEST_META,
      input: { ...finance, kind: 'other' },
    });
    expect(changed.kind).toBe('other');
    // The supervisor's own agency is the root: its kind is not theirs to change either.
    await expect(
      updateAgency(ctx, { actor: supervisor, agencyId: city.id, meta: TEST_META, input: { ...city, kind: 'other' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const byAdmin = await updateAgency(ctx, {
      actor: await actor('admin'),
      agencyId: city.id,
      meta: TEST_META,
      input: { ...city, kind: 'other' },
    });
    expect(byAdmin.kind).toBe('other');
  });
});
