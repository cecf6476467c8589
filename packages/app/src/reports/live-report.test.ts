import { OUTCOME_CODES, TOTAL_COLUMN, cellValue, type Actor } from '@xxgk/core';
import iconv from 'iconv-lite';
import { importReport, renderReportDocx, renderReportPdf } from '@xxgk/documents';
import { expect, it } from 'vitest';
import { requireAgency } from '../agencies/require-agency.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedDemoApplications } from '../demo/seed-demo-applications.ts';
import { seedDemoDecisionCounts } from '../demo/seed-demo-reports.ts';
import { describeApp, TEST_META } from '../testing.ts';
import { importDecisionCounts, listDecisionCounts, saveDecisionMonth } from './decision-counts.ts';
import { computeLiveReport, reportCellRecords } from './live-report.ts';

const meta = TEST_META;

describeApp('年度报告：由实时数据生成', (t) => {
  it('computes tables 三 and 四 equal to a count made here from the raw records, R1–R5 holding for every demo agency', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    await seedDemoApplications(ctx);
    await seedDemoDecisionCounts(ctx);
    const handler = await actor('handler');
    const czj = await requireAgency(ctx.db, handler.agency.id);
    const raw = await ctx.db.selectFrom('applications').selectAll().where('agency_id', '=', czj.id).execute();
    for (const year of [2024, 2025, 2026]) {
      const start = `${year}-01-01`;
      const end = `${year}-12-31`;
      const report = await computeLiveReport(ctx.db, czj, year);
      const a = report.applications!;
      // The independent count: legal receipt year and decision year, straight from the rows.
      const inScope = raw.filter(
        (r) => r.received_on !== null && r.received_on <= end && !(r.decided_on !== null && r.decided_on < start),
      );
      const decidedInYear = inScope.filter((r) => r.decided_on !== null && r.decided_on <= end);
      expect(a.newReceived![TOTAL_COLUMN]).toBe(inScope.filter((r) => r.received_on! >= start).length);
      expect(a.carriedOver![TOTAL_COLUMN]).toBe(inScope.filter((r) => r.received_on! < start).length);
      expect(a.results.total![TOTAL_COLUMN]).toBe(decidedInYear.length);
      expect(a.carriedForward![TOTAL_COLUMN]).toBe(inScope.length - decidedInYear.length);
      for (const code of OUTCOME_CODES) {
        expect(cellValue(report, `applications.results.${code}[${TOTAL_COLUMN}]`), code).toBe(
          decidedInYear.filter((r) => r.outcome_code === code).length,
        );
      }
      expect(a.newReceived![0]).toBe(
        inScope.filter((r) => r.received_on! >= start && r.applicant_kind === 'natural_person').length,
      );
      const cases = await ctx.db
        .selectFrom('application_appeals')
        .selectAll()
        .where('agency_id', '=', czj.id)
        .execute();
      const reconsiderations = cases.filter(
        (c) =>
          c.kind === 'reconsideration' && c.filed_on <= end && !(c.concluded_on !== null && c.concluded_on < start),
      );
      expect(report.appeals!.reconsideration![4]).toBe(reconsiderations.length);
      expect(report.appeals!.reconsideration![3]).toBe(
        reconsiderations.filter((c) => c.concluded_on === null || c.concluded_on > end).length,
      );
      expect(report.sections[0]!.text).toContain(`本年新收政府信息公开申请${a.newReceived![TOTAL_COLUMN]}件`);
      const months = await ctx.db
        .selectFrom('decision_counts')
        .selectAll()
        .where('agency_id', '=', czj.id)
        .where('year', '=', year)
        .execute();
      expect(report.active!.licensing!.decisions).toBe(months.reduce((s, m) => s + m.licensing, 0));
    }
    const agencies = await ctx.db.selectFrom('agencies').selectAll().execute();
    for (const agency of agencies) {
      for (const year of [2024, 2025, 2026]) {
        const report = await computeLiveReport(ctx.db, agency, year);
        const broken = report.findings.filter((f) => ['R1', 'R2', 'R3', 'R4', 'R5'].includes(f.rule));
        expect(broken, `${agency.name} ${year}`).toEqual([]);
        // The drafted overview quotes the tables, so R6 finds nothing either.
        expect(
          report.findings.filter((f) => f.rule === 'R6'),
          `${agency.name} ${year}`,
        ).toEqual([]);
      }
    }
  }, 120_000);

  it('renders the computed report as DOCX and PDF that the importer reads back to the same numbers', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    await seedDemoApplications(ctx);
    await seedDemoDecisionCounts(ctx);
    const handler = await actor('handler');
    const report = await computeLiveReport(ctx.db, await requireAgency(ctx.db, handler.agency.id), 2025);
    for (const [name, bytes] of [
      ['示例市财政局2025年政府信息公开工作年度报告.docx', await renderReportDocx(report)],
      ['示例市财政局2025年政府信息公开工作年度报告.pdf', await renderReportPdf(report)],
    ] as const) {
      const imported = await importReport(name, bytes);
      expect(imported.year, name).toBe(2025);
      expect(imported.active, name).toEqual(report.active);
      expect(imported.applications, name).toEqual(report.applications);
      expect(imported.appeals, name).toEqual(report.appeals);
      expect(
        imported.findings.filter((f) => f.severity === 'error'),
        name,
      ).toEqual([]);
    }
  }, 120_000);

  it('opens each number onto exactly the records behind it', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    await seedDemoApplications(ctx);
    const handler = await actor('handler');
    const czj = await requireAgency(ctx.db, handler.agency.id);
    const report = await computeLiveReport(ctx.db, czj, 2025);
    for (const cell of [
      `applications.newReceived[${TOTAL_COLUMN}]`,
      'applications.newReceived[0]',
      `applications.carriedForward[${TOTAL_COLUMN}]`,
      `applications.results.granted[${TOTAL_COLUMN}]`,
      `applications.results.unableToProvide.notHeld[${TOTAL_COLUMN}]`,
      'appeals.reconsideration[4]',
    ]) {
      const drill = await reportCellRecords(ctx, { actor: handler, agencyId: czj.id, year: 2025, cell, meta });
      expect(drill.value, cell).toBe(cellValue(report, cell));
      expect(drill.records, cell).toHaveLength(drill.value ?? -1);
    }
    const granted = await reportCellRecords(ctx, {
      actor: handler,
      agencyId: czj.id,
      year: 2025,
      cell: `applications.results.granted[${TOTAL_COLUMN}]`,
      meta,
    });
    expect(granted.records[0]).toMatchObject({
      kind: 'application',
      href: expect.stringMatching(/^\/admin\/applications\/\d+$/),
    });
    const other = await actor('jyj.admin');
    await expect(
      reportCellRecords(ctx, { actor: other, agencyId: czj.id, year: 2025, cell: 'applications.newReceived[6]', meta }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  }, 120_000);
});

describeApp('年度报告：行政许可、处罚、强制和收费的月度数据', (t) => {
  const csv = (rows: string[]) =>
    new TextEncoder().encode(
      ['年份,月份,行政许可决定（件）,行政处罚决定（件）,行政强制决定（件）,行政事业性收费（元）', ...rows].join('\r\n'),
    );

  it('imports months from CSV row by row, refusing a file with any bad row, and sums them into table 二', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const editor: Actor = await actor('editor');
    const agencyId = editor.agency.id;
    await expect(
      importDecisionCounts(ctx, {
        actor: editor,
        agencyId,
        file: { fileName: '2025.csv', bytes: csv(['2025,1,10,2,0,1200.50', '2025,13,1,1,1,0', '2025,3,-1,0,0,abc']) },
        meta,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { message: '第3行：月份应为1—12' },
        { message: '第4行：行政许可不能为负数' },
        { message: '第4行：行政事业性收费应为金额（元），最多两位小数' },
      ],
    });
    expect((await listDecisionCounts(ctx, { actor: editor, agencyId, year: 2025, meta })).months).toEqual([]);
    const imported = await importDecisionCounts(ctx, {
      actor: editor,
      agencyId,
      file: { fileName: '2025.csv', bytes: csv(['2025,1,10,2,0,"1,200.50"', '2025,2,5,1,1,99.5', '', '2025,3,,,,']) },
      meta,
    });
    expect(imported).toEqual({ imported: 2, years: [2025] });
    await saveDecisionMonth(ctx, {
      actor: editor,
      agencyId,
      input: { year: 2025, month: 12, licensing: 3, penalties: 0, coercion: 0, feesYuan: '0' },
      meta,
    });
    const listed = await listDecisionCounts(ctx, { actor: editor, agencyId, year: 2025, meta });
    expect(listed.total).toEqual({ licensing: 18, penalties: 3, coercion: 1, feesFen: 130_000 });
    expect(listed.missing).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const report = await computeLiveReport(ctx.db, await requireAgency(ctx.db, agencyId), 2025);
    expect(report.active).toMatchObject({
      licensing: { decisions: 18 },
      penalties: { decisions: 3 },
      coercion: { decisions: 1 },
      fees: { amountWanYuan: 0.13 },
    });
    const drill = await reportCellRecords(ctx, {
      actor: editor,
      agencyId,
      year: 2025,
      cell: 'active.licensing.decisions',
      meta,
    });
    expect(drill.records.map((r) => r.detail)).toEqual(['10件', '5件', '3件']);
  });

  it('reads a CSV saved by a Chinese Excel (GB18030) and the XLSX template', async () => {
    const { ctx, actor } = t();
    await seedDemo(ctx);
    const editor = await actor('editor');
    const gbk = iconv.encode(
      [
        '年份,月份,行政许可决定（件）,行政处罚决定（件）,行政强制决定（件）,行政事业性收费（元）',
        '2025,5,7,0,0,12',
      ].join('\r\n'),
      'gb18030',
    );
    expect(
      await importDecisionCounts(ctx, {
        actor: editor,
        agencyId: editor.agency.id,
        file: { fileName: '五月.csv', bytes: gbk },
        meta,
      }),
    ).toEqual({ imported: 1, years: [2025] });
    const { decisionCountsTemplate } = await import('./decision-counts.ts');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await decisionCountsTemplate(2026)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    sheet.getRow(2).values = [2026, 1, 4, 1, 0, 300];
    sheet.getRow(3).values = [2026, 2, 6, 0, 0, 0];
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(
      await importDecisionCounts(ctx, {
        actor: editor,
        agencyId: editor.agency.id,
        file: { fileName: 'm.xlsx', bytes },
        meta,
      }),
    ).toEqual({ imported: 2, years: [2026] });
    await expect(
      importDecisionCounts(ctx, {
        actor: await actor('jyj.editor'),
        agencyId: editor.agency.id,
        file: { fileName: 'm.xlsx', bytes },
        meta,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
