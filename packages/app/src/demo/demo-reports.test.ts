import type { AnnualReport } from '@xxgk/core';
import { expect, it } from 'vitest';
import { describeApp } from '../testing.ts';
import { seedDemoApplications } from './seed-demo-applications.ts';
import { seedDemoItems } from './seed-demo-items.ts';
import { seedDemoDecisionCounts, seedDemoReports } from './seed-demo-reports.ts';
import { seedDemo } from './seed-demo.ts';

describeApp('演示年度报告', (t) => {
  it('publishes the 2024 and 2025 reports of the whole demo through the workflow, every rule passing', async () => {
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
  }, 300_000);
});
