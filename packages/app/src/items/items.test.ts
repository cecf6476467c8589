import { getCatalog } from '../catalog/catalog-columns.ts';
import { Document, Packer, Paragraph } from 'docx';
import { claimItem, findItem, listAudit, listPublishedItems, searchPublishedItems } from '@xxgk/db';
import { expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { queryTerms } from '../search/segment.ts';
import { describeApp, TEST_META, type AppTestContext } from '../testing.ts';
import { addItemAttachment, createItem, createItemFromDocx, startRevision, updateItemDraft } from './edit-items.ts';
import type { ItemInput } from './item-input.ts';
import { getItem } from './item-view.ts';
import { approveItem } from './approve-item.ts';
import { publishDueItems } from './publish-due-items.ts';
import { recordSecrecyReview } from './record-secrecy-review.ts';
import { sendBackItem } from './send-back-item.ts';
import { submitItem } from './submit-item.ts';
import { withdrawItem } from './withdraw-item.ts';

const meta = TEST_META;

async function setUp(t: AppTestContext) {
  await seedDemo(t.ctx);
  const editor = await t.actor('editor');
  const catalog = await getCatalog(t.ctx.db, editor.agency.id);
  const columns = catalog.flatMap(function walk(c): typeof catalog {
    return [c, ...c.children.flatMap(walk)];
  });
  const column = (name: string): number => {
    const found = columns.find((c) => c.name === name);
    if (found === undefined) {
      throw new Error(`no column ${name}`);
    }
    return found.id;
  };
  const input = (over: Partial<ItemInput> = {}): ItemInput => ({
    columnId: column('财政预决算'),
    title: '示例市2026年市级财政预算执行情况',
    docNo: '示财预〔2026〕12号',
    publisher: '示例市财政局',
    writtenOn: '2026-11-20',
    topic: '财政、金融、审计',
    genre: '报告',
    summary: '公开2026年市级一般公共预算执行情况。',
    bodyHtml: '<p>2026年1至10月，全市一般公共预算收入完成年度预算的86%。</p>',
    ...over,
  });
  return { editor, column, input };
}

/** Takes an item through 初审, 保密审查, 复审 and 终审 by four different people. */
async function passReview(t: AppTestContext, itemId: number, publishAt?: string) {
  const { ctx } = t;
  await submitItem(ctx, { actor: await t.actor('editor'), itemId, meta });
  await approveItem(ctx, {
    actor: await t.actor('reviewer1'),
    itemId,
    stage: 'first',
    input: { opinion: '文字已校' },
    meta,
  });
  await approveItem(ctx, { actor: await t.actor('reviewer2'), itemId, stage: 'second', input: {}, meta });
  await recordSecrecyReview(ctx, {
    actor: await t.actor('secrecy'),
    itemId,
    input: { verdict: 'clear', opinion: '不涉及国家秘密和工作秘密' },
    meta,
  });
  return approveItem(ctx, {
    actor: await t.actor('reviewer3'),
    itemId,
    stage: 'final',
    input: publishAt === undefined ? {} : { publishAt },
    meta,
  });
}

describeApp('主动公开信息与三审三校', (t) => {
  it('keeps Word and WPS clutter and scripts out of the stored body', async () => {
    const { editor, input } = await setUp(t());
    const pasted =
      '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->' +
      '<p class="MsoNormal" style="mso-line-height-rule:exactly"><span style="font-family:仿宋_GB2312">一、总体情况<o:p></o:p></span></p>' +
      '<p class=MsoNormal><o:p>&nbsp;</o:p></p>' +
      '<p onclick="alert(1)"><b>加粗</b><font color=red>红字</font><script>alert(1)</script><a href="javascript:alert(1)">链接</a></p>' +
      '<table class=MsoTableGrid><tr><td colspan="2" style="width:10pt">预算</td></tr></table>';
    const item = await createItem(t().ctx, {
      actor: editor,
      agencyId: editor.agency.id,
      input: input({ bodyHtml: pasted }),
      meta,
    });
    expect(item.content.bodyHtml).toBe(
      '<p>一、总体情况</p><p><strong>加粗</strong>红字<a>链接</a></p><table><tr><td colspan="2">预算</td></tr></table>',
    );
    expect(item.content.bodyText).toBe('一、总体情况\n加粗红字链接\n预算');
  });

  it('refuses a malformed 发文字号 with the reason, and saves nothing', async () => {
    const { editor, input } = await setUp(t());
    await expect(
      createItem(t().ctx, {
        actor: editor,
        agencyId: editor.agency.id,
        input: input({ docNo: '示财预[2026]012号' }),
        meta,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { path: 'docNo', message: '发文字号的年份应使用六角括号〔〕，不能用“[2026]”，应形如“示财预〔2026〕12号”' },
      ],
    });
    expect(await listPublishedItems(t().ctx.db, {}, { limit: 10, offset: 0 })).toEqual({ rows: [], total: 0 });
  });

  it('publishes after 初审, 复审, 保密审查 and 终审, with a 索引号 from the agency pattern, found by a two-character word', async () => {
    const { ctx, clock } = t();
    const { editor, input } = await setUp(t());
    const draft = await createItem(ctx, { actor: editor, agencyId: editor.agency.id, input: input(), meta });
    expect(draft.actions).toMatchObject({ edit: true, submit: true, approve: null });

    const published = await passReview(t(), draft.id);
    expect(published.status).toBe('published');
    const uscc = (
      await t()
        .ctx.db.selectFrom('agencies')
        .select('uscc')
        .where('id', '=', editor.agency.id)
        .executeTakeFirstOrThrow()
    ).uscc;
    expect(published.indexNo).toBe(`${uscc}/2026-00001`);
    expect(published.publishedAt).toBe(clock.now().toISOString());
    expect(published.reviews.map((r) => [r.step, r.verdict, r.userName])).toEqual([
      ['submit', null, '张信息（市财政局信息员）'],
      ['first', 'approve', '陈初审（市财政局）'],
      ['second', 'approve', '刘复审（市财政局）'],
      ['secrecy', 'clear', '孙保密（市财政局）'],
      ['final', 'approve', '赵终审（市财政局分管领导）'],
    ]);

    const found = await searchPublishedItems(ctx.db, ctx.dialect, queryTerms('预算'), {}, { limit: 10, offset: 0 });
    expect(found.rows.map((r) => r.title)).toEqual(['示例市2026年市级财政预算执行情况']);
    expect(
      (await searchPublishedItems(ctx.db, ctx.dialect, queryTerms('收入 预算'), {}, { limit: 10, offset: 0 })).total,
    ).toBe(1);
    expect(
      (await searchPublishedItems(ctx.db, ctx.dialect, queryTerms('教育'), {}, { limit: 10, offset: 0 })).total,
    ).toBe(0);

    const actions = (await listAudit(ctx.db, { limit: 100, offset: 0 })).rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'item.create',
        'item.submit',
        'item.approve.first',
        'item.approve.second',
        'item.secrecy',
        'item.approve.final',
      ]),
    );
  });

  it('blocks 终审 until a 保密审查 clearance is on record, and one person approves only one step', async () => {
    const { ctx } = t();
    const { editor, input } = await setUp(t());
    const { id } = await createItem(ctx, { actor: editor, agencyId: editor.agency.id, input: input(), meta });
    await submitItem(ctx, { actor: editor, itemId: id, meta });
    const both = { ...(await t().actor('reviewer1')), roles: ['reviewer_first', 'reviewer_second'] as const };
    await approveItem(ctx, { actor: both, itemId: id, stage: 'first', input: {}, meta });
    await expect(approveItem(ctx, { actor: both, itemId: id, stage: 'second', input: {}, meta })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
        message: '同一人不能既初审又复审同一稿件',
      },
    );
    await approveItem(ctx, { actor: await t().actor('reviewer2'), itemId: id, stage: 'second', input: {}, meta });
    await expect(
      approveItem(ctx, { actor: await t().actor('reviewer3'), itemId: id, stage: 'final', input: {}, meta }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '终审前须有保密审查意见（“不涉密，可以公开”）' });
    await expect(
      approveItem(ctx, { actor: await t().actor('reviewer1'), itemId: id, stage: 'final', input: {}, meta }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('sends an item back with comments; the author edits and resubmits, and the approvals start again', async () => {
    const { ctx } = t();
    const { editor, input } = await setUp(t());
    const { id } = await createItem(ctx, { actor: editor, agencyId: editor.agency.id, input: input(), meta });
    await submitItem(ctx, { actor: editor, itemId: id, meta });
    await expect(
      updateItemDraft(ctx, { actor: editor, itemId: id, input: input({ title: '改' }), meta }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await approveItem(ctx, { actor: await t().actor('reviewer1'), itemId: id, stage: 'first', input: {}, meta });
    const back = await sendBackItem(ctx, {
      actor: await t().actor('reviewer2'),
      itemId: id,
      input: { opinion: '数据口径请核实' },
      meta,
    });
    expect(back.reviewStage).toBeNull();
    expect(back.reviews.at(-1)).toMatchObject({ step: 'return', opinion: '数据口径请核实' });
    await updateItemDraft(ctx, {
      actor: editor,
      itemId: id,
      input: input({ title: '示例市2026年1至10月财政预算执行情况' }),
      meta,
    });
    const again = await submitItem(ctx, { actor: editor, itemId: id, meta });
    expect(again.reviewStage).toBe('first');
    expect(again.actions.approve).toBeNull();
  });

  it('refuses to send an empty item for review, naming the finding', async () => {
    const { ctx } = t();
    const { editor, input } = await setUp(t());
    const { id } = await createItem(ctx, {
      actor: editor,
      agencyId: editor.agency.id,
      input: input({ bodyHtml: '<p> </p>' }),
      meta,
    });
    await expect(submitItem(ctx, { actor: editor, itemId: id, meta })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '送审前检查发现 1 个须改正的问题：正文为空且没有附件，发布后会成为空白信息',
    });
    expect((await getItem(ctx, { actor: editor, itemId: id, meta })).reviewStage).toBeNull();
  });

  it('publishes a scheduled item when its time comes, and withdraws it from the portal and search at once', async () => {
    const { ctx, clock } = t();
    const { editor, input } = await setUp(t());
    const { id } = await createItem(ctx, { actor: editor, agencyId: editor.agency.id, input: input(), meta });
    const scheduled = await passReview(t(), id, '2026-11-30T02:00:00.000Z');
    expect(scheduled).toMatchObject({ status: 'scheduled', indexNo: null, scheduledFor: '2026-11-30T02:00:00.000Z' });
    // What passed 终审 is what goes out: the scheduled version cannot be edited.
    expect(scheduled.actions).toMatchObject({ edit: false, submit: false, withdraw: true });
    await expect(
      updateItemDraft(ctx, { actor: editor, itemId: id, input: input({ title: '改动' }), meta }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '该信息已通过终审、等待定时发布，不能修改；如需修改请先撤稿',
    });
    expect(await publishDueItems(ctx, meta)).toEqual([]);
    clock.advanceMinutes(61);
    expect(await publishDueItems(ctx, meta)).toEqual([id]);
    expect((await listPublishedItems(ctx.db, {}, { limit: 10, offset: 0 })).total).toBe(1);

    const withdrawn = await withdrawItem(ctx, {
      actor: await t().actor('reviewer3'),
      itemId: id,
      input: { reason: '数据有误，待更正后重新发布' },
      meta,
    });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnReason: '数据有误，待更正后重新发布' });
    expect((await listPublishedItems(ctx.db, {}, { limit: 10, offset: 0 })).total).toBe(0);
    expect((await searchPublishedItems(ctx.db, ctx.dialect, ['预算'], {}, { limit: 10, offset: 0 })).total).toBe(0);

    // The withdrawn item keeps its number; the next one does not reuse it.
    const second = await createItem(ctx, {
      actor: editor,
      agencyId: editor.agency.id,
      input: input({ title: '第二件' }),
      meta,
    });
    const published = await passReview(t(), second.id);
    expect(published.indexNo?.endsWith('/2026-00002')).toBe(true);
  });

  it('revises a published item: same 索引号 and 发布日期, a new version with its note, the old one kept', async () => {
    const { ctx, clock } = t();
    const { editor, input } = await setUp(t());
    const { id } = await createItem(ctx, { actor: editor, agencyId: editor.agency.id, input: input(), meta });
    const first = await passReview(t(), id);
    clock.advanceMinutes(60 * 24);
    const revision = await startRevision(ctx, { actor: editor, itemId: id, meta });
    expect(revision).toMatchObject({ status: 'published', publishedVersion: 1, workingVersion: 2 });
    await updateItemDraft(ctx, {
      actor: editor,
      itemId: id,
      input: input({
        bodyHtml: '<p>2026年1至10月，全市一般公共预算收入完成年度预算的87%。</p>',
        changeNote: '更正收入完成比例',
      }),
      meta,
    });
    // While the revision is in review the public still sees version 1.
    expect((await listPublishedItems(ctx.db, {}, { limit: 10, offset: 0 })).rows[0]?.body_text).toContain('86%');
    const revised = await passReview(t(), id);
    expect(revised).toMatchObject({
      indexNo: first.indexNo,
      publishedAt: first.publishedAt,
      revisedAt: clock.now().toISOString(),
      publishedVersion: 2,
      workingVersion: null,
    });
    expect(revised.versions.map((v) => [v.version, v.changeNote])).toEqual([
      [1, ''],
      [2, '更正收入完成比例'],
    ]);
    expect((await searchPublishedItems(ctx.db, ctx.dialect, ['87'], {}, { limit: 10, offset: 0 })).total).toBe(1);
  });

  it('checks attachments by content: a real PDF is kept, a renamed file is refused', async () => {
    const { ctx } = t();
    const { editor, input } = await setUp(t());
    const { id } = await createItem(ctx, { actor: editor, agencyId: editor.agency.id, input: input(), meta });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const attachment = await addItemAttachment(ctx, {
      actor: editor,
      itemId: id,
      fileName: '预算表.pdf',
      bytes: pdf,
      meta,
    });
    expect(attachment).toMatchObject({ fileName: '预算表.pdf', mediaType: 'application/pdf', size: pdf.length });
    expect(await ctx.files.get(attachment.sha256)).toEqual(pdf);
    await expect(
      addItemAttachment(ctx, {
        actor: editor,
        itemId: id,
        fileName: '说明.pdf',
        bytes: Buffer.from('MZ\x90\x00 not a pdf'),
        meta,
      }),
    ).rejects.toMatchObject({
      message: '附件“说明.pdf”不是允许的文件类型（允许：PDF、DOCX、DOC、XLSX、XLS、OFD、PNG、JPG、GIF），或文件已损坏',
    });
    await expect(
      addItemAttachment(ctx, { actor: editor, itemId: id, fileName: '表.docx', bytes: pdf, meta }),
    ).rejects.toMatchObject({ message: '附件“表.docx”的扩展名与内容不符：内容是PDF，请改为 .pdf' });
    expect((await getItem(ctx, { actor: editor, itemId: id, meta })).attachments).toHaveLength(1);
  });

  it('makes a draft from a Word 公文: title, 发文字号, 成文日期 and body', async () => {
    const { ctx } = t();
    const { editor, column } = await setUp(t());
    const doc = new Document({
      sections: [
        {
          children: [
            '示例市财政局文件',
            '示财预〔2026〕8号',
            '示例市财政局关于做好2027年部门预算编制工作的通知',
            '各区县财政局，市直各部门：',
            '为做好2027年部门预算编制工作，现将有关事项通知如下。',
            '示例市财政局',
            '2026年3月9日',
          ].map((text) => new Paragraph(text)),
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    const { item, warnings } = await createItemFromDocx(ctx, {
      actor: editor,
      agencyId: editor.agency.id,
      columnId: column('行政规范性文件'),
      fileName: '预算编制通知.docx',
      bytes,
      meta,
    });
    expect(warnings).toEqual([]);
    expect(item.content).toMatchObject({
      title: '示例市财政局关于做好2027年部门预算编制工作的通知',
      docNo: '示财预〔2026〕8号',
      writtenOn: '2026-03-09',
      genre: '通知',
      publisher: '示例市财政局',
    });
    expect(item.content.bodyText).toBe(
      '各区县财政局，市直各部门：\n为做好2027年部门预算编制工作，现将有关事项通知如下。\n示例市财政局\n2026年3月9日',
    );
  });

  it('lets only one of two simultaneous approvals of the same step through', async () => {
    const { ctx } = t();
    const { editor, input } = await setUp(t());
    const { id } = await createItem(ctx, { actor: editor, agencyId: editor.agency.id, input: input(), meta });
    await submitItem(ctx, { actor: editor, itemId: id, meta });
    const first = await t().actor('reviewer1');
    // A second 初审人 of the same agency (the actor is all the use case needs).
    const colleague = { ...(await t().actor('reviewer2')), roles: ['reviewer_first'] as const };
    const results = await Promise.allSettled([
      approveItem(ctx, { actor: first, itemId: id, stage: 'first', input: {}, meta }),
      approveItem(ctx, { actor: colleague, itemId: id, stage: 'first', input: {}, meta }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const detail = await getItem(ctx, { actor: editor, itemId: id, meta });
    expect(detail.reviewStage).toBe('second');
    expect(detail.reviews.filter((r) => r.step === 'first')).toHaveLength(1);
    // The guard itself: a change from a stale read of the row is refused.
    const seen = await findItem(ctx.db, id);
    if (seen === undefined) {
      throw new Error('item vanished');
    }
    expect(await claimItem(ctx.db, seen)).toBe(true);
    expect(await claimItem(ctx.db, seen)).toBe(false);
  });

  it('lets nobody outside the agency edit its items', async () => {
    const { ctx } = t();
    const { editor, input } = await setUp(t());
    const { id } = await createItem(ctx, { actor: editor, agencyId: editor.agency.id, input: input(), meta });
    const other = await t().actor('jyj.editor');
    await expect(updateItemDraft(ctx, { actor: other, itemId: id, input: input(), meta })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
