import { expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedDemoApplications } from '../demo/seed-demo-applications.ts';
import { seedDemoDecisionCounts, seedDemoReports } from '../demo/seed-demo-reports.ts';
import { requireAgency } from '../agencies/require-agency.ts';
import { describeApp, TEST_META } from '../testing.ts';
import { computeLiveReport, saveSectionTemplate } from './live-report.ts';
import { findingKey } from './finding-key.ts';
import { getReportDraft } from './get-report-draft.ts';
import { importPublishedReport } from './import-published-report.ts';
import { listPublishedReports } from './list-published-reports.ts';
import { publishedReport } from './published-report.ts';
import { reopenReport } from './reopen-report.ts';
import { reportCell } from './report-cell.ts';
import { reviewReport } from './review-report.ts';
import { saveReportDraft } from './save-report-draft.ts';
import { submitReport } from './submit-report.ts';

const meta = TEST_META;

describeApp('年度报告：起草、提交、审核、发布', (t) => {
  it('goes from draft to published through the 政务公开办, and a reopened report is published again with what changed', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    await seedDemoApplications(ctx);
    await seedDemoDecisionCounts(ctx);
    const editor = await actor('editor');
    const supervisor = await actor('supervisor');
    const agencyId = editor.agency.id;
    const at = { agencyId, year: 2025, meta };

    const fresh = await getReportDraft(ctx, { actor: editor, ...at });
    expect(fresh).toMatchObject({ status: 'new', canEdit: true, canReview: false, lockVersion: 0 });
    const overview = fresh.report.sections.find((s) => s.number === 1)!.text!;
    expect(overview).toContain('本年新收政府信息公开申请');
    // Section 五 starts from the template; its “……” must be replaced before submission.
    expect(fresh.report.sections.find((s) => s.number === 5)!.text).toContain(
      '2025年，本机关政府信息公开工作仍存在一些不足',
    );

    const sections = { '1': overview, '5': '', '6': fresh.report.sections.find((s) => s.number === 6)!.text! };
    let saved = await saveReportDraft(ctx, { actor: editor, ...at, input: { sections, lockVersion: 0 } });
    await expect(
      saveReportDraft(ctx, { actor: editor, ...at, input: { sections, lockVersion: 0 } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      saveReportDraft(ctx, {
        actor: await actor('handler'),
        ...at,
        input: { sections, lockVersion: saved.lockVersion },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(submitReport(ctx, { actor: editor, ...at })).rejects.toMatchObject({
      message: '请填写：五、存在的主要问题及改进情况（模板中的“……”须替换为实际内容）',
    });

    // A number quoted by hand that the tables do not bear out is a warning (R6): it needs a reason.
    const wrong = { ...sections, '1': `${overview}\n全年共受理申请999件。`, '5': '一是主动公开的及时性有待提高。' };
    saved = await saveReportDraft(ctx, {
      actor: editor,
      ...at,
      input: { sections: wrong, lockVersion: saved.lockVersion },
    });
    const warned = await getReportDraft(ctx, { actor: editor, ...at });
    const r6 = warned.report.findings.find((f) => f.rule === 'R6');
    expect(r6?.severity).toBe('warning');
    await expect(submitReport(ctx, { actor: editor, ...at })).rejects.toMatchObject({
      message: expect.stringContaining('需要书面说明'),
    });
    await saveReportDraft(ctx, {
      actor: editor,
      ...at,
      input: { sections: wrong, explanations: { [findingKey(r6!)]: '含转办件' }, lockVersion: saved.lockVersion },
    });
    let state = await submitReport(ctx, { actor: editor, ...at });
    expect(state).toMatchObject({ status: 'submitted', canEdit: false });
    await expect(
      saveReportDraft(ctx, { actor: editor, ...at, input: { sections: wrong, lockVersion: state.lockVersion } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    await expect(reviewReport(ctx, { actor: editor, ...at, input: { decision: 'approve' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      reviewReport(ctx, { actor: supervisor, ...at, input: { decision: 'return', comment: ' ' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    state = await reviewReport(ctx, {
      actor: supervisor,
      ...at,
      input: { decision: 'return', comment: '总体情况中的“999件”与表三不符，请更正' },
    });
    expect(state).toMatchObject({ status: 'returned', reviewComment: '总体情况中的“999件”与表三不符，请更正' });

    await saveReportDraft(ctx, {
      actor: editor,
      ...at,
      input: { sections: { ...wrong, '1': overview }, lockVersion: state.lockVersion },
    });
    await submitReport(ctx, { actor: editor, ...at });
    state = await reviewReport(ctx, { actor: supervisor, ...at, input: { decision: 'approve' } });
    expect(state).toMatchObject({ status: 'published', versions: [{ version: 1, changes: '首次发布' }] });
    const published = await publishedReport(ctx.db, agencyId, 2025);
    expect(published?.version).toBe(1);
    expect(published?.report.sections.find((s) => s.number === 5)?.text).toBe('一是主动公开的及时性有待提高。');
    expect((await listPublishedReports(ctx.db)).map((r) => [r.agency_name, r.year, r.published_version])).toEqual([
      ['示例市财政局', 2025, 1],
    ]);

    await expect(reopenReport(ctx, { actor: editor, ...at, reason: '' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    state = await reopenReport(ctx, { actor: editor, ...at, reason: '补充第五部分的改进措施' });
    expect(state.status).toBe('draft');
    // The published version stays online while the correction is written.
    expect((await publishedReport(ctx.db, agencyId, 2025))?.version).toBe(1);
    await saveReportDraft(ctx, {
      actor: editor,
      ...at,
      input: {
        sections: { ...wrong, '1': overview, '5': '一是主动公开的及时性有待提高。下一步将建立发布提醒机制。' },
        lockVersion: state.lockVersion,
      },
    });
    await submitReport(ctx, { actor: editor, ...at });
    state = await reviewReport(ctx, { actor: supervisor, ...at, input: { decision: 'approve' } });
    expect(state.versions[0]).toMatchObject({
      version: 2,
      reason: '补充第五部分的改进措施',
      changes: '五、存在的主要问题及改进情况文字修改',
    });
    await saveSectionTemplate(ctx, {
      actor: editor,
      agencyId,
      section: 5,
      body: '{年度}年，本局公开工作存在的问题：一是……',
      meta,
    });
    const next = await getReportDraft(ctx, { actor: editor, agencyId, year: 2026, meta });
    expect(next.report.sections.find((s) => s.number === 5)?.text).toBe('2026年，本局公开工作存在的问题：一是……');
    expect(next.lastYearSectionFive).toBe('一是主动公开的及时性有待提高。下一步将建立发布提醒机制。');
    await expect(
      saveReportDraft(ctx, {
        actor: await actor('jyj.editor'),
        ...at,
        input: { sections, lockVersion: 0 },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  }, 120_000);
});

describeApp('年度报告：演示数据与导入的往年报告', (t) => {
  it('publishes the demo’s 2024 and 2025 reports, and explains where the imported 2024 report disagrees with the registers', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    await seedDemoApplications(ctx);
    await seedDemoDecisionCounts(ctx);
    expect(await seedDemoReports(ctx)).toBe(29);
    const published = await listPublishedReports(ctx.db);
    expect(published).toHaveLength(29);
    expect(published.filter((r) => r.year === 2024)).toHaveLength(16);
    // Departments published by 31 January, governments by 31 March (条例 第四十九条).
    for (const r of published) {
      expect(r.published_on <= `${r.year + 1}-03-31`).toBe(true);
    }
    const editor = await actor('editor');
    expect((await getReportDraft(ctx, { actor: editor, agencyId: editor.agency.id, year: 2025, meta })).status).toBe(
      'new',
    );
    const jyj = await actor('jyj.admin');
    const imported = await getReportDraft(ctx, { actor: jyj, agencyId: jyj.agency.id, year: 2024, meta });
    expect(imported).toMatchObject({
      status: 'published',
      versions: [{ version: 1, changes: expect.stringContaining('从已发布的文件导入') }],
    });
    const current = await getReportDraft(ctx, { actor: jyj, agencyId: jyj.agency.id, year: 2025, meta });
    const r5 = current.report.findings.filter((f) => f.rule === 'R5');
    expect(r5.map((f) => [f.severity, f.expected! - f.actual!])).toEqual([
      ['warning', 2],
      ['warning', 2],
    ]);
    // The city's report sums its own registers and the published reports of the agencies under it.
    const supervisor = await actor('supervisor');
    const city = await getReportDraft(ctx, { actor: supervisor, agencyId: supervisor.agency.id, year: 2025, meta });
    expect(city.consolidation?.missing.map((m) => m.agencyName).sort()).toEqual(
      ['示例市教育局', '示例市财政局'].sort(),
    );
    expect(city.consolidation?.included).toHaveLength(13);
    const own = await computeLiveReport(ctx.db, await requireAgency(ctx.db, supervisor.agency.id), 2025);
    let sum = own.applications!.newReceived![6]!;
    for (const part of city.consolidation!.included) {
      sum += (await publishedReport(ctx.db, part.agencyId, 2025))!.report.applications!.newReceived![6]!;
    }
    expect(city.report.applications!.newReceived![6]).toBe(sum);
    expect(city.status).toBe('new');
    const drill = await reportCell(ctx, {
      actor: supervisor,
      agencyId: supervisor.agency.id,
      year: 2025,
      cell: 'applications.newReceived[6]',
      meta,
    });
    expect(drill.value).toBe(sum);
    const counted = drill.records.reduce(
      (n, r) => n + (r.kind === 'report' ? Number(r.detail.replace('计入 ', '')) : 1),
      0,
    );
    expect(counted).toBe(sum);
    expect(city.report.sections[0]!.text).toContain('示例市财政局');
    // Its checks explain that the sum no longer matches last year's (two departments are missing).
    expect(city.report.findings.some((f) => f.rule === 'R5')).toBe(true);
    await expect(
      importPublishedReport(ctx, {
        actor: jyj,
        agencyId: jyj.agency.id,
        year: 2024,
        publishedOn: '2025-01-20',
        file: { fileName: 'again.docx', bytes: new Uint8Array() },
        meta,
      }),
    ).rejects.toBeDefined();
  }, 300_000);
});
