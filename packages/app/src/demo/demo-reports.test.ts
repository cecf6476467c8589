import type { AnnualReport } from '@xxgk/core';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { inspectionDashboard, publishedInMonth } from '../inspection/dashboard.ts';
import { monthlyInspectionFile, monthlyInspectionReport } from '../inspection/monthly-report.ts';
import { describeApp, TEST_META as meta } from '../testing.ts';
import { PLANTED, seedDemoInspection } from './seed-demo-inspection.ts';
import { seedDemoApplications } from './seed-demo-applications.ts';
import { seedDemoItems } from './seed-demo-items.ts';
import { seedDemoDecisionCounts, seedDemoReports } from './seed-demo-reports.ts';
import { seedDemo } from './seed-demo.ts';

describeApp('演示数据：年度报告与监督检查', (t) => {
  it('publishes the 2024 and 2025 reports through the workflow, every rule passing; the scanner finds every planted error and nothing else', async () => {
    const { ctx } = t();
    await seedDemo(ctx);
    await seedDemoItems(ctx);
    await seedDemoApplications(ctx);
    await seedDemoDecisionCounts(ctx);
    expect(await seedDemoReports(ctx)).toBe(29);
    const versions = await ctx.db
      .selectFrom('annual_report_versions')
      .innerJoin('annual_reports', 'annual_reports.id', 'annual_report_versions.report_id')
      .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
      .select(['agencies.name', 'annual_reports.year', 'annual_report_versions.report_json'])
      .execute();
    for (const v of versions) {
      const report = JSON.parse(v.report_json) as AnnualReport;
      expect(report.findings, `${v.name} ${v.year}`).toEqual([]);
      expect(report.applications?.newReceived?.[6], `${v.name} ${v.year}`).toBeGreaterThanOrEqual(0);
    }

    await seedDemoInspection(ctx);
    const findings = await ctx.db
      .selectFrom('scan_findings as f')
      .leftJoin('item_versions as v', 'v.item_id', 'f.item_id')
      .select(['v.title', 'f.check_code', 'f.severity', 'f.text', 'f.fixed_at', 'f.dismissed_at'])
      .execute();
    const open = findings.filter((f) => f.fixed_at === null && f.dismissed_at === null);
    // Every planted error is found where it was planted…
    const found = (title: string) =>
      open
        .filter((f) => f.title === title)
        .map((f) => `${f.check_code}:${f.severity}`)
        .sort();
    expect(found(PLANTED.idList)).toContain('personal.id_list:severe');
    expect(found(PLANTED.idList).filter((c) => c === 'personal.resident_id:severe')).toHaveLength(5);
    expect(found(PLANTED.mistypedId)).toEqual(['personal.resident_id:warning']);
    expect(found(PLANTED.formulation)).toEqual(['wording.political:severe']);
    expect(found(PLANTED.institution)).toEqual([
      'wording.format:warning',
      'wording.institution:severe',
      'wording.institution:warning',
    ]);
    expect(found('关于进一步加强基层医疗卫生机构药品管理的通知')).toEqual(['form.doc_no:severe']);
    expect(found(PLANTED.leader)).toEqual(['wording.leader:severe', 'wording.leader:severe', 'wording.leader:severe']);
    expect(found(PLANTED.internalLink)).toEqual(['form.link_internal:severe']);
    // …the fixed one is marked fixed, the dismissed false positive dismissed…
    expect(findings.filter((f) => f.fixed_at !== null).map((f) => f.text)).toEqual(['139****2345']);
    // No identity number or phone is kept in the findings as found.
    expect(JSON.stringify(findings)).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/u);
    expect(findings.filter((f) => f.dismissed_at !== null).map((f) => f.check_code)).toEqual(['personal.address']);
    // …and no clean demo item has a finding: the false-positive rate over the demo is 0.
    const planted = new Set<string>([...Object.values(PLANTED), '关于进一步加强基层医疗卫生机构药品管理的通知']);
    expect(open.filter((f) => !planted.has(f.title ?? ''))).toEqual([]);
    const published = await ctx.db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    expect(Number(published.n)).toBeGreaterThan(3000);

    // The supervisor's dashboard: 青山乡 fails on its columns, three agencies on the planted severe findings;
    // the failing rank below every passing one; the 财政局's overdue application shows.
    const supervisor = await t().actor('supervisor');
    const dashboard = await inspectionDashboard(ctx, { actor: supervisor, meta });
    const qingshan = dashboard.agencies.find((a) => a.agencyName === '示例市青山乡人民政府')!;
    expect(qingshan.freshness.fails).toBe(true);
    expect(qingshan.freshness.stale).toBeGreaterThanOrEqual(5);
    expect(dashboard.agencies.filter((a) => a.freshness.fails).map((a) => a.agencyName)).toEqual([
      '示例市青山乡人民政府',
    ]);
    const failing = ['示例市教育局', '示例市财政局', '示例市市场监督管理局', '示例市青山乡人民政府'];
    expect(dashboard.agencies.filter((a) => a.verdict.fails).map((a) => a.agencyName)).toEqual(failing);
    expect(dashboard.agencies.find((a) => a.agencyName === '示例市财政局')!.verdict.reasons).toEqual([
      '公开了未去标识化的个人信息',
    ]);
    expect(
      dashboard.ranking
        .slice(-4)
        .map((r) => r.agencyName)
        .sort(),
    ).toEqual([...failing].sort());
    expect(dashboard.agencies.find((a) => a.agencyName === '示例市财政局')!.applications.overdue).toBe(1);

    // The monthly chart's bars open the items behind them.
    const news = await publishedInMonth(ctx, { actor: supervisor, meta, month: '2026-11', column: '工作动态' });
    const newsCount = dashboard.agencies
      .flatMap((a) => a.itemsByMonth)
      .filter((x) => x.month === '2026-11' && x.column === '工作动态')
      .reduce((n, x) => n + x.count, 0);
    expect(news.rows).toHaveLength(newsCount);
    expect(newsCount).toBeGreaterThan(0);

    // The monthly report names the failing agency and lists the problems; both files open.
    const month = await monthlyInspectionReport(ctx, { actor: supervisor, meta, month: '2026-11' });
    expect(month.title).toBe('示例市政府信息公开检查情况通报（2026年11月）');
    expect(month.agencies.find((a) => a.agencyName === '示例市青山乡人民政府')).toMatchObject({ verdict: '不合格' });
    expect(month.agencies.find((a) => a.agencyName === '示例市财政局')).toMatchObject({
      verdict: '不合格',
      reasons: '公开了未去标识化的个人信息',
    });
    expect(month.problems.length).toBe(open.length);
    const xlsx = await monthlyInspectionFile(ctx, { actor: supervisor, meta, month: '2026-11', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['检查汇总', '问题清单', '栏目更新']);
    expect(book.getWorksheet('检查汇总')!.rowCount).toBe(2 + dashboard.agencies.length);
    const docx = await monthlyInspectionFile(ctx, { actor: supervisor, meta, month: '2026-11', format: 'docx' });
    expect(docx.fileName).toBe('示例市政府信息公开检查情况通报（2026年11月）.docx');
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
  }, 600_000);
});
