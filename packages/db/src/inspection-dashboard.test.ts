import { describe, expect, it } from 'vitest';
import { compiledSqlSnapshot } from './compiled-sql.ts';
import { insertAgency } from './agencies.ts';
import { insertCatalogColumn } from './catalog.ts';
import type { Executor } from './connection.ts';
import { insertErrorReport } from './error-reports.ts';
import { insertScanFinding } from './inspection.ts';
import {
  columnFreshnessFacts,
  dashboardFacts,
  listColumnTree,
  listPublishedBetween,
  monthlyInspectionFacts,
} from './inspection-dashboard.ts';
import { insertItem } from './items.ts';
import { describeDialects, DIALECTS } from './testing.ts';

const AGENCIES = [3, 7];
// Parameters only: what matters is where each lands in the SQL.
const YEAR_START = '2026-01-01';
const MONTH_START = '2026-03-01T00:00:00+08:00';
const MONTH_END = '2026-04-01T00:00:00+08:00';

describe.each(DIALECTS)('inspection aggregates SQL [%s]', (dialect) => {
  it('the dashboard: column freshness, the figures, the column tree and a month’s chart bar', async () => {
    const sql = await compiledSqlSnapshot(dialect, {
      columnFreshnessFacts: (ex) => columnFreshnessFacts(ex, AGENCIES),
      dashboardFacts: (ex) =>
        dashboardFacts(ex, { agencyIds: AGENCIES, since: YEAR_START, reportYear: 2025, publishedFrom: MONTH_START }),
      listColumnTree: (ex) => listColumnTree(ex, AGENCIES),
      listPublishedBetween: (ex) => listPublishedBetween(ex, { agencyIds: AGENCIES, from: MONTH_START, to: MONTH_END }),
    });
    await expect(sql).toMatchFileSnapshot(`./__snapshots__/inspection-dashboard.${dialect}.sql`);
  });

  it('the monthly inspection report', async () => {
    const sql = await compiledSqlSnapshot(dialect, {
      monthlyInspectionFacts: (ex) =>
        monthlyInspectionFacts(ex, { agencyIds: AGENCIES, from: MONTH_START, to: MONTH_END }),
    });
    await expect(sql).toMatchFileSnapshot(`./__snapshots__/inspection-monthly.${dialect}.sql`);
  });
});

const NOW = '2026-03-10T02:00:00.000Z';

describeDialects('inspection aggregates', (database) => {
  async function seed(ex: Executor) {
    const agency = await insertAgency(
      ex,
      { parent_id: null, name: '示例市人民政府', short_name: '市政府', uscc: 'A1', kind: 'government' },
      NOW,
    );
    const top = await insertCatalogColumn(
      ex,
      { agency_id: agency.id, parent_id: null, code: null, name: '工作动态', kind: 'dynamic', article20: null },
      NOW,
    );
    const leaf = await insertCatalogColumn(
      ex,
      { agency_id: agency.id, parent_id: top.id, code: null, name: '部门动态', kind: 'dynamic', article20: null },
      NOW,
    );
    const item = await insertItem(ex, {
      agency_id: agency.id,
      column_id: leaf.id,
      status: 'published',
      published_at: NOW,
      published_version: 1,
      created_at: NOW,
      updated_at: NOW,
    });
    await insertErrorReport(ex, {
      code: 'JC1',
      agency_id: agency.id,
      item_id: item.id,
      page_url: `/items/${item.id}`,
      page_title: '',
      kind: 'wording',
      description: '错别字一处',
      status: 'open',
      received_at: NOW,
      due_on: '2026-03-17',
    });
    await insertScanFinding(ex, {
      agency_id: agency.id,
      item_id: item.id,
      field: 'title',
      check_code: 'wording.wrong_form',
      severity: 'warning',
      text: '',
      excerpt: '',
      line: null,
      message: '表述有误',
      suggestion: '',
      fingerprint: 'f1',
      found_at: NOW,
      seen_at: NOW,
    });
    return { agency, top, leaf, item };
  }

  it('counts what the dashboard and the monthly report count, on both databases', async () => {
    const { db } = database();
    const { agency, leaf, item } = await seed(db);

    const freshness = await columnFreshnessFacts(db, [agency.id]);
    expect(freshness.columns.map((c) => c.name)).toEqual(['工作动态', '部门动态']);
    expect(freshness.stats).toEqual([{ column_id: leaf.id, last: NOW, n: 1 }]);
    expect(freshness.reports).toEqual([]);

    const dashboard = await dashboardFacts(db, {
      agencyIds: [agency.id],
      since: YEAR_START,
      reportYear: 2025,
      publishedFrom: MONTH_START,
    });
    expect(dashboard.items).toEqual([{ agency_id: agency.id, column_id: leaf.id, published_at: NOW }]);
    expect(dashboard.errorReports).toEqual([{ agency_id: agency.id, status: 'open', due_on: '2026-03-17' }]);
    expect(dashboard.findings).toHaveLength(1);
    expect(dashboard.applications).toEqual([]);
    expect(dashboard.reports).toEqual([]);

    const monthly = await monthlyInspectionFacts(db, { agencyIds: [agency.id], from: MONTH_START, to: MONTH_END });
    expect(monthly.published).toEqual([{ agency_id: agency.id }]);
    expect(monthly.findings.map((f) => [f.item_id, f.title])).toEqual([[item.id, null]]);
    expect(monthly.errorReports).toHaveLength(1);

    const before = await monthlyInspectionFacts(db, { agencyIds: [agency.id], from: YEAR_START, to: MONTH_START });
    expect(before.published).toEqual([]);
    expect(before.findings).toEqual([]);
  });

  it('answers an empty list of agencies with nothing', async () => {
    const { db } = database();
    await seed(db);
    const dashboard = await dashboardFacts(db, {
      agencyIds: [],
      since: YEAR_START,
      reportYear: 2025,
      publishedFrom: MONTH_START,
    });
    expect(Object.values(dashboard).every((rows) => rows.length === 0)).toBe(true);
    expect(await listColumnTree(db, [])).toEqual([]);
  });
});
