import { residentIdCheckCharacter } from '@xxgk/core';
import { listAudit } from '@xxgk/db';
import { expect, it } from 'vitest';
import { getCatalog } from '../catalog/catalog-columns.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { createItem, startRevision, updateItemDraft } from '../items/edit-items.ts';
import type { ItemInput } from '../items/item-input.ts';
import { getItem } from '../items/item-view.ts';
import { listItems } from '../items/list-items.ts';
import { approveItem } from '../items/approve-item.ts';
import { previewChecks } from '../items/preview-checks.ts';
import { recordSecrecyReview } from '../items/record-secrecy-review.ts';
import { submitItem } from '../items/submit-item.ts';
import { withdrawItem } from '../items/withdraw-item.ts';
import { describeApp, TEST_META as meta, type AppTestContext } from '../testing.ts';
import { listErrorReports, lookupErrorReport, replyErrorReport, submitErrorReport } from './error-reports.ts';
import { dismissFinding, scanPublished } from './findings.ts';
import { queueFreshnessWarnings, queueFreshnessWarningsDaily } from './freshness.ts';
import { addWordingRule, listWordingRules } from './wording-rules.ts';

const ID = '11010519491231002' + (residentIdCheckCharacter('11010519491231002') ?? '');

async function setUp(t: AppTestContext) {
  await seedDemo(t.ctx);
  const editor = await t.actor('editor');
  const catalog = await getCatalog(t.ctx.db, editor.agency.id);
  const columns = catalog.flatMap(function walk(c): typeof catalog {
    return [c, ...c.children.flatMap(walk)];
  });
  const column = columns.find((c) => c.name === '工作动态')!.id;
  const input = (over: Partial<ItemInput> = {}): ItemInput => ({
    columnId: column,
    title: '市财政局开展惠民惠农补贴资金专项检查',
    publisher: '示例市财政局',
    writtenOn: '2026-11-27',
    topic: '财政、金融、审计',
    genre: '动态',
    summary: '市财政局开展补贴资金专项检查。',
    bodyHtml: '<p>11月，市财政局对惠民惠农补贴资金发放情况开展专项检查。</p>',
    ...over,
  });
  const draft = async (over: Partial<ItemInput> = {}) =>
    (await createItem(t.ctx, { actor: editor, agencyId: editor.agency.id, input: input(over), meta })).id;
  return { editor, draft };
}

async function publish(t: AppTestContext, itemId: number) {
  const { ctx } = t;
  await submitItem(ctx, { actor: await t.actor('editor'), itemId, meta });
  for (const [user, stage] of [
    ['reviewer1', 'first'],
    ['reviewer2', 'second'],
  ] as const) {
    await approveItem(ctx, { actor: await t.actor(user), itemId, stage, input: { opinion: '同意' }, meta });
  }
  await recordSecrecyReview(ctx, {
    actor: await t.actor('secrecy'),
    itemId,
    input: { verdict: 'clear', opinion: '不涉密' },
    meta,
  });
  await approveItem(ctx, {
    actor: await t.actor('reviewer3'),
    itemId,
    stage: 'final',
    input: { opinion: '同意' },
    meta,
  });
}

describeApp('发布前检查与监督', (t) => {
  it('refuses 送审 of an item with a severe finding, naming it and where, and leaves the item as it was', async () => {
    const { ctx } = t();
    const { editor, draft } = await setUp(t());
    const id = await draft({
      bodyHtml: `<p>经审核，拟聘用以下人员：</p><p>张三，${ID}，保洁岗</p><p>深入学习新时代中国特色社会主义思想。</p>`,
    });
    const error = await submitItem(ctx, { actor: editor, itemId: id, meta }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const text = (error as Error).message;
    expect(text).toContain('送审前检查发现 3 个须改正的问题');
    expect(text).toContain('含居民身份证号码，公开前应隐去（建议：110105********002X）（正文：');
    expect(text).toContain('名单中姓名与完整身份证号码并列（1 行）');
    expect(text).toContain('“新时代中国特色社会主义思想”应为“习近平新时代中国特色社会主义思想”');
    expect((await getItem(ctx, { actor: editor, itemId: id, meta })).reviewStage).toBeNull();

    // The agency may let findings through as prompts only: then the submission carries them.
    await ctx.db.updateTable('agencies').set({ scan_blocking: 'none' }).where('id', '=', editor.agency.id).execute();
    const sent = await submitItem(ctx, { actor: editor, itemId: id, meta });
    expect(sent.reviewStage).toBe('first');
    expect(sent.findings.map((f) => f.check)).toEqual([
      'personal.resident_id',
      'personal.id_list',
      'wording.political',
    ]);
    // The reviewers' queue shows what 送审 found.
    const queue = await listItems(ctx, {
      actor: await t().actor('reviewer1'),
      agencyId: editor.agency.id,
      query: { stage: 'first' },
      meta,
    });
    expect(queue.rows.find((r) => r.id === id)?.findings).toEqual({ severe: 3, warning: 0 });
  });

  it('blocks warnings too when the agency says so, and reads attachments', async () => {
    const { ctx } = t();
    const { editor, draft } = await setUp(t());
    const id = await draft({ bodyHtml: '<p>截止目前，已完成检查。</p>' });
    const check = await previewChecks(ctx, { actor: editor, itemId: id, meta });
    expect(check.findings.map((f) => [f.check, f.severity, f.suggestion])).toEqual([
      ['wording.typo', 'warning', '截至目前'],
    ]);
    expect(check.blocking).toEqual([]);
    await ctx.db.updateTable('agencies').set({ scan_blocking: 'warning' }).where('id', '=', editor.agency.id).execute();
    await expect(submitItem(ctx, { actor: editor, itemId: id, meta })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('lets a reviewer, not the writer, dismiss a false positive with a reason; it is audited and not raised again', async () => {
    const { ctx } = t();
    const { editor, draft } = await setUp(t());
    const body = '<p>咨询地点：示例市人民路8号政务大楼3号楼502室。</p>';
    const id = await draft({ bodyHtml: body });
    const [finding] = (await previewChecks(ctx, { actor: editor, itemId: id, meta })).findings;
    expect(finding).toMatchObject({ check: 'personal.address', severity: 'warning' });
    await expect(
      dismissFinding(ctx, {
        actor: editor,
        itemId: id,
        input: { fingerprint: finding!.fingerprint, reason: '办公地址' },
        meta,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reviewer = await t().actor('reviewer1');
    await expect(
      dismissFinding(ctx, {
        actor: reviewer,
        itemId: id,
        input: { fingerprint: finding!.fingerprint, reason: '' },
        meta,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await dismissFinding(ctx, {
      actor: reviewer,
      itemId: id,
      input: { fingerprint: finding!.fingerprint, reason: '机关办公地址，不是个人住址' },
      meta,
    });
    expect((await previewChecks(ctx, { actor: editor, itemId: id, meta })).findings).toEqual([]);
    // Another item quoting the same sentence is not flagged either.
    const other = await draft({ title: '关于开展政策咨询日活动的通知', bodyHtml: body });
    const again = await previewChecks(ctx, { actor: editor, itemId: other, meta });
    expect(again.findings).toEqual([]);
    expect(again.dismissed).toBe(1);
    const audit = await listAudit(ctx.db, { action: 'scan.dismiss', limit: 10, offset: 0 });
    // Newest first: the reviewer's dismissal, then the writer's refused attempt.
    expect(audit.rows.map((r) => [r.outcome, r.actor_name])).toEqual([
      ['ok', '陈初审（市财政局）（reviewer1）'],
      ['denied', '张信息（市财政局信息员）（editor）'],
    ]);
    expect(audit.rows[0]!.note).toBe(
      '排除误报：疑似个人住址（含楼栋、单元、房号），公开前应隐去门牌以下部分；理由：机关办公地址，不是个人住址',
    );
  });

  it('knows a city rule: a former mayor’s title after the term ended; only the 政务公开办 keeps the rules', async () => {
    const { ctx } = t();
    const { editor, draft } = await setUp(t());
    const rule = {
      kind: 'leader',
      text: '王建国',
      replacement: '市长',
      category: 'leader',
      severity: 'severe',
      startsOn: '2021-06-01',
      endsOn: '2026-03-15',
    } as const;
    await expect(addWordingRule(ctx, { actor: editor, input: rule, meta })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const supervisor = await t().actor('supervisor');
    await expect(
      addWordingRule(ctx, { actor: supervisor, input: { ...rule, kind: 'rename', startsOn: null }, meta }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '请填写更名日期' });
    await addWordingRule(ctx, { actor: supervisor, input: rule, meta });
    expect((await listWordingRules(ctx, { actor: supervisor, meta }))[0]).toMatchObject({
      source: '本市',
      text: '王建国',
    });
    const id = await draft({ bodyHtml: '<p>市长王建国出席会议。</p>' });
    const [finding] = (await previewChecks(ctx, { actor: editor, itemId: id, meta })).findings;
    expect(finding).toMatchObject({ check: 'wording.leader', severity: 'severe', suggestion: '原市长王建国' });
  });

  it('scans published items nightly: records what it finds, marks it fixed once the item is revised', async () => {
    const { ctx, clock } = t();
    const { draft } = await setUp(t());
    const id = await draft({ bodyHtml: '<p>联系人：赵老师，电话13905912345。</p>' });
    await ctx.db.updateTable('agencies').set({ scan_blocking: 'none' }).execute();
    await publish(t(), id);
    // Publication scanned it already; the nightly scan finds it still there.
    expect(await scanPublished(ctx)).toMatchObject({ items: 1, found: 0, fixed: 0, open: 1 });
    const rows = await ctx.db.selectFrom('scan_findings').selectAll().execute();
    expect(rows.map((r) => [r.item_id, r.check_code, r.severity, r.fixed_at])).toEqual([
      [id, 'personal.mobile', 'severe', null],
    ]);
    await ctx.db.deleteFrom('scan_findings').execute();
    expect(await scanPublished(ctx)).toMatchObject({ items: 1, found: 1, fixed: 0, open: 1 });
    await ctx.db
      .updateTable('item_versions')
      .set({
        body_text: '联系人：赵老师，电话0591-87654321。',
        body_html: '<p>联系人：赵老师，电话0591-87654321。</p>',
      })
      .where('item_id', '=', id)
      .execute();
    clock.advanceMinutes(60 * 24);
    expect(await scanPublished(ctx)).toMatchObject({ found: 0, fixed: 1, open: 0 });
    expect((await ctx.db.selectFrom('scan_findings').select('fixed_at').executeTakeFirstOrThrow()).fixed_at).toBe(
      '2026-12-01T01:00:00.000Z',
    );
  });

  it('scans what is published at once: a finding shows on the item, and a revision that fixes it marks it fixed', async () => {
    const { ctx } = t();
    const { editor, draft } = await setUp(t());
    await ctx.db.updateTable('agencies').set({ scan_blocking: 'none' }).execute();
    const body = (phone: string) => `<p>联系人：赵老师，电话${phone}。</p>`;
    const id = await draft({ bodyHtml: body('13905912345') });
    await publish(t(), id);
    const published = await getItem(ctx, { actor: editor, itemId: id, meta });
    expect(published.scanFindings.map((f) => [f.check, f.suggestion])).toEqual([['personal.mobile', '139****2345']]);

    await startRevision(ctx, { actor: editor, itemId: id, meta });
    const current = await getItem(ctx, { actor: editor, itemId: id, meta });
    await updateItemDraft(ctx, {
      actor: editor,
      itemId: id,
      input: {
        columnId: current.columnId,
        title: current.content.title,
        publisher: current.content.publisher,
        writtenOn: current.content.writtenOn,
        topic: '财政、金融、审计',
        genre: '动态',
        summary: current.content.summary,
        bodyHtml: body('0591-87654321'),
        changeNote: '联系电话改为办公电话',
      },
      meta,
    });
    await publish(t(), id);
    expect((await getItem(ctx, { actor: editor, itemId: id, meta })).scanFindings).toEqual([]);
    const rows = await ctx.db.selectFrom('scan_findings').select(['check_code', 'fixed_at']).execute();
    expect(rows).toEqual([{ check_code: 'personal.mobile', fixed_at: '2026-11-30T01:00:00.000Z' }]);
  });

  it('warns the agency’s writers by e-mail of columns about to go stale, stale or blank, once for the same list', async () => {
    const base = t();
    const ctx = {
      ...base.ctx,
      mail: { mailer: { send: async () => undefined }, publicUrl: 'https://xxgk.example.gov.cn' },
    };
    const { editor, draft } = await setUp(base);
    await ctx.db
      .updateTable('users')
      .set({ email: 'zhang@czj.example.gov.cn' })
      .where('id', '=', editor.userId)
      .execute();
    await ctx.db.updateTable('agencies').set({ scan_blocking: 'none' }).execute();
    await publish(base, await draft());
    expect(await queueFreshnessWarningsDaily(ctx)).toBe(1);
    // Once a day; and the same list is not sent twice.
    expect(await queueFreshnessWarningsDaily(ctx)).toBeNull();
    expect(await queueFreshnessWarnings(ctx)).toBe(1);
    const queued = await ctx.db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'freshness').execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.to_address).toBe('zhang@czj.example.gov.cn');
    expect(queued[0]!.subject).toMatch(/^【栏目更新提醒】示例市财政局有 \d+ 个栏目需要更新（已达到检查不合格标准）$/u);
    // The news column just got an item: it is not in the list; the blank ones are.
    expect(queued[0]!.body).not.toContain('工作动态：');
    expect(queued[0]!.body).toContain('- 法定主动公开内容 › 财政预决算：空白栏目（从未发布信息）');
  });

  it('tries links to other sites once per run when the city turns it on, and reports the dead ones', async () => {
    const { ctx } = t();
    const { draft } = await setUp(t());
    await ctx.db.updateTable('agencies').set({ scan_blocking: 'none' }).execute();
    const html =
      '<p>详见<a href="https://www.example.gov.cn/old-page">原文件</a>和<a href="https://www.gov.cn/">中国政府网</a>。</p>';
    for (const title of ['第一条动态', '第二条动态']) {
      await publish(t(), await draft({ title, bodyHtml: html }));
    }
    const tried: string[] = [];
    const probe = async (url: string) => {
      tried.push(url);
      return url.endsWith('/old-page') ? 'HTTP 404' : null;
    };
    await scanPublished({ ...ctx, linkProbe: probe });
    expect(tried.sort()).toEqual(['https://www.example.gov.cn/old-page', 'https://www.gov.cn/']);
    const dead = await ctx.db.selectFrom('scan_findings').select(['check_code', 'message']).execute();
    expect(dead).toEqual([
      { check_code: 'form.link_dead', message: '链接打不开（HTTP 404）：https://www.example.gov.cn/old-page' },
      { check_code: 'form.link_dead', message: '链接打不开（HTTP 404）：https://www.example.gov.cn/old-page' },
    ]);
  });

  it('counts a withdrawn item’s 索引号 as used: only a number nobody holds is a gap', async () => {
    const { ctx } = t();
    const { draft } = await setUp(t());
    await ctx.db.updateTable('agencies').set({ scan_blocking: 'none' }).execute();
    const ids: number[] = [];
    for (const title of ['第一条动态', '第二条动态', '第三条动态']) {
      const id = await draft({ title });
      await publish(t(), id);
      ids.push(id);
    }
    await withdrawItem(ctx, {
      actor: await t().actor('reviewer3'),
      itemId: ids[1]!,
      input: { reason: '内容有误，撤回' },
      meta,
    });
    expect(await scanPublished(ctx)).toMatchObject({ open: 0 });
    // A number lost without a trace (here: the second item's, rewritten by hand) is a gap.
    await ctx.db.updateTable('items').set({ index_no: null }).where('id', '=', ids[1]!).execute();
    await scanPublished(ctx);
    const gap = await ctx.db.selectFrom('scan_findings').select(['check_code', 'message']).executeTakeFirstOrThrow();
    expect(gap.check_code).toBe('form.index_gap');
    expect(gap.message).toMatch(/^索引号断号 1 个：.*-00002（撤回或删除的信息应说明）$/u);
  });

  it('takes an error report from the public, due in 5 working days, answered by the agency and shown by code', async () => {
    const { ctx } = t();
    const { editor } = await setUp(t());
    await expect(
      submitErrorReport(ctx, {
        input: {
          pageUrl: `/agencies/${editor.agency.id}`,
          pageTitle: '示例市财政局',
          kind: 'link',
          description: '打不开',
        },
        meta,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: 'description：问题描述至少5个字' });
    const r = await submitErrorReport(ctx, {
      input: {
        pageUrl: `/agencies/${editor.agency.id}`,
        pageTitle: '示例市财政局',
        kind: 'link',
        description: '预算公开栏目的附件下载打不开。',
        contact: 'citizen@example.com',
      },
      meta,
    });
    // Monday 30 November 2026 + 5 working days.
    expect(r).toMatchObject({ dueOn: '2026-12-07', agencyName: '示例市财政局' });
    const [open] = await listErrorReports(ctx, { actor: editor, meta, status: 'open' });
    expect(open).toMatchObject({ code: r.code, overdue: false, contact: 'citizen@example.com' });
    await expect(
      replyErrorReport(ctx, {
        actor: await t().actor('jyj.editor'),
        reportId: open!.id,
        input: { reply: '已更正' },
        meta,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await replyErrorReport(ctx, {
      actor: editor,
      reportId: open!.id,
      input: { reply: '附件已重新上传，感谢指正。' },
      meta,
    });
    expect(await lookupErrorReport(ctx, { code: r.code.toLowerCase() })).toMatchObject({
      status: 'replied',
      reply: '附件已重新上传，感谢指正。',
    });
    // The supervisor sees every agency's reports.
    expect(await listErrorReports(ctx, { actor: await t().actor('supervisor'), meta })).toHaveLength(1);
  });
});
