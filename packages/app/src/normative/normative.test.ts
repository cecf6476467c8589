import { listAudit } from '@xxgk/db';
import { expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { describeApp, TEST_META } from '../testing.ts';
import {
  applyDueNormativeEnds,
  listNormativeRegister,
  normativeYearCounts,
  recordNormativeEvent,
  registerNormativeDocument,
} from './normative-register.ts';

const meta = TEST_META;

describeApp('规范性文件登记簿', (t) => {
  it('registers documents, answers 现行有效 on a date, and counts table 二 from the history', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const editor = await actor('editor');
    const agencyId = editor.agency.id;
    const a = await registerNormativeDocument(ctx, {
      actor: editor,
      agencyId,
      meta,
      input: {
        kind: 'normativeDocument',
        title: '示例市财政专项资金管理办法',
        docNo: '示财规〔2021〕1号',
        issuedOn: '2021-04-01',
        validUntil: '2026-03-31',
      },
    });
    const b = await registerNormativeDocument(ctx, {
      actor: editor,
      agencyId,
      meta,
      input: {
        kind: 'normativeDocument',
        title: '示例市政府采购管理办法',
        docNo: '示财规〔2023〕2号',
        issuedOn: '2023-06-01',
        validUntil: '2028-05-31',
      },
    });
    await registerNormativeDocument(ctx, {
      actor: editor,
      agencyId,
      meta,
      input: {
        kind: 'regulation',
        title: '示例市国有资产管理规定',
        docNo: '示例市人民政府令第3号',
        issuedOn: '2022-01-10',
      },
    });
    await recordNormativeEvent(ctx, {
      actor: editor,
      documentId: b.id,
      meta,
      input: {
        kind: 'revised',
        on: '2024-09-01',
        byDocNo: '示财规〔2024〕3号',
        byTitle: '关于修订政府采购管理办法的决定',
      },
    });
    const abolished = await recordNormativeEvent(ctx, {
      actor: editor,
      documentId: b.id,
      meta,
      input: { kind: 'abolished', on: '2025-12-01', byDocNo: '示财规〔2025〕4号' },
    });
    expect(abolished.status).toBe('abolished');
    expect(abolished.events.map((e) => e.kind)).toEqual(['revised', 'abolished']);

    const in2024 = await listNormativeRegister(ctx, { actor: editor, agencyId, asOf: '2024-12-31', meta });
    expect(in2024.map((e) => [e.docNo, e.status])).toEqual([
      ['示财规〔2023〕2号', 'in_force'],
      ['示例市人民政府令第3号', 'in_force'],
      ['示财规〔2021〕1号', 'in_force'],
    ]);
    const today = await listNormativeRegister(ctx, { actor: editor, agencyId, meta });
    expect(today.find((e) => e.id === a.id)).toMatchObject({ status: 'expired', cleanup: 'past_validity' });

    expect(await normativeYearCounts(ctx.db, agencyId, 2025)).toEqual({
      regulations: { issued: 0, abolished: 0, inForce: 1 },
      normativeDocuments: { issued: 0, abolished: 1, inForce: 1 },
    });
    expect(await normativeYearCounts(ctx.db, agencyId, 2026)).toEqual({
      regulations: { issued: 0, abolished: 0, inForce: 1 },
      normativeDocuments: { issued: 0, abolished: 1, inForce: 0 },
    });
    const actions = (await listAudit(ctx.db, { limit: 50, offset: 0 })).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['normative.create', 'normative.revised', 'normative.abolished']));
  });

  it('refuses what the register cannot hold, in Chinese', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const editor = await actor('editor');
    const agencyId = editor.agency.id;
    const base = {
      kind: 'normativeDocument' as const,
      title: '办法',
      docNo: '示财规〔2024〕1号',
      issuedOn: '2024-01-01',
    };
    await expect(
      registerNormativeDocument(ctx, { actor: editor, agencyId, meta, input: { ...base, docNo: '示财规(2024)1号' } }),
    ).rejects.toMatchObject({ issues: [{ path: 'docNo' }] });
    await expect(
      registerNormativeDocument(ctx, { actor: editor, agencyId, meta, input: { ...base, validUntil: '2023-12-31' } }),
    ).rejects.toMatchObject({ issues: [{ path: 'validUntil', message: '有效期不能早于制发日期' }] });
    const doc = await registerNormativeDocument(ctx, { actor: editor, agencyId, meta, input: base });
    await expect(registerNormativeDocument(ctx, { actor: editor, agencyId, meta, input: base })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '登记簿中已有文号为“示财规〔2024〕1号”的文件',
    });
    await expect(
      recordNormativeEvent(ctx, {
        actor: editor,
        documentId: doc.id,
        meta,
        input: { kind: 'abolished', on: '2025-01-01' },
      }),
    ).rejects.toMatchObject({ message: '请填写作出废止决定的文件文号' });
    await recordNormativeEvent(ctx, {
      actor: editor,
      documentId: doc.id,
      meta,
      input: { kind: 'expired', on: '2025-01-01' },
    });
    await expect(
      recordNormativeEvent(ctx, {
        actor: editor,
        documentId: doc.id,
        meta,
        input: { kind: 'revised', on: '2025-02-01', byDocNo: '示财规〔2025〕1号' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '该文件已于 2025-01-01 失效，不能再登记其他事项' });
    const reviewer = await actor('reviewer1');
    await expect(
      registerNormativeDocument(ctx, {
        actor: reviewer,
        agencyId,
        meta,
        input: { ...base, docNo: '示财规〔2024〕9号' },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows the abolition on the portal item once its date has come', async () => {
    const { ctx, actor, clock } = t();
    await seedDemo(ctx);
    const editor = await actor('editor');
    const agencyId = editor.agency.id;
    // A published item that discloses the document, inserted as the demo import does.
    const { seedDemoItems } = await import('../demo/seed-demo-items.ts');
    await seedDemoItems(ctx, { scale: 0.5 });
    const item = await ctx.db
      .selectFrom('items as i')
      .innerJoin('item_versions as v', (j) =>
        j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
      )
      .select(['i.id', 'v.doc_no'])
      .where('i.agency_id', '=', agencyId)
      .where('v.validity', '=', 'valid')
      .where('v.doc_no', '!=', '')
      .orderBy('i.id')
      .executeTakeFirstOrThrow();
    const existing = (await listNormativeRegister(ctx, { actor: editor, agencyId, meta })).find(
      (e) => e.itemId === item.id,
    );
    const doc =
      existing ??
      (await registerNormativeDocument(ctx, {
        actor: editor,
        agencyId,
        meta,
        input: {
          kind: 'normativeDocument',
          title: '办法',
          docNo: item.doc_no,
          issuedOn: '2024-01-01',
          itemId: item.id,
        },
      }));
    await recordNormativeEvent(ctx, {
      actor: editor,
      documentId: doc.id,
      meta,
      input: { kind: 'abolished', on: '2026-12-01', byDocNo: '示财规〔2026〕9号' },
    });
    const validity = async () =>
      (
        await ctx.db
          .selectFrom('items as i')
          .innerJoin('item_versions as v', (j) =>
            j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
          )
          .select('v.validity')
          .where('i.id', '=', item.id)
          .executeTakeFirstOrThrow()
      ).validity;
    expect(await applyDueNormativeEnds(ctx)).toEqual([]);
    expect(await validity()).toBe('valid');
    clock.advanceMinutes(24 * 60);
    expect(await applyDueNormativeEnds(ctx)).toEqual([item.id]);
    expect(await validity()).toBe('abolished');
  });
});
