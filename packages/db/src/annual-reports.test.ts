import { describe, expect, it } from 'vitest';
import { insertAgency } from './agencies.ts';
import {
  listAgencyColumnTree,
  listApplicationRecordRows,
  listFeeEventsOfYear,
  listItemsPublishedAround,
} from './annual-report-facts.ts';
import {
  findAnnualReport,
  findReportTemplate,
  insertAnnualReport,
  updateAnnualReportLocked,
  upsertReportTemplate,
} from './annual-reports.ts';
import { listAgencyAppeals } from './appeals.ts';
import { compiledSqlSnapshot } from './compiled-sql.ts';
import { describeDialects, DIALECTS } from './testing.ts';

const AGENCY = 7;
const YEAR = 2025;

describe.each(DIALECTS)('annual-report aggregates SQL [%s]', (dialect) => {
  it('what the live report is computed from', async () => {
    const sql = await compiledSqlSnapshot(dialect, {
      listApplicationRecordRows: (ex) => listApplicationRecordRows(ex, AGENCY),
      listAgencyAppeals: (ex) => listAgencyAppeals(ex, AGENCY),
      listItemsPublishedAround: (ex) => listItemsPublishedAround(ex, AGENCY, YEAR),
      listAgencyColumnTree: (ex) => listAgencyColumnTree(ex, AGENCY),
      listFeeEventsOfYear: (ex) => listFeeEventsOfYear(ex, AGENCY, YEAR),
      findReportTemplate: (ex) => findReportTemplate(ex, AGENCY, 5),
    });
    await expect(sql).toMatchFileSnapshot(`./__snapshots__/annual-report-facts.${dialect}.sql`);
  });
});

const NOW = '2026-03-10T02:00:00.000Z';

describeDialects('annual reports', (database) => {
  it('changes a report only from the version last read (the one optimistic lock)', async () => {
    const { db } = database();
    const agency = await insertAgency(
      db,
      { parent_id: null, name: '示例市人民政府', short_name: '市政府', uscc: 'A1', kind: 'government' },
      NOW,
    );
    const created = await insertAnnualReport(db, {
      agency_id: agency.id,
      year: YEAR,
      status: 'draft',
      sections: '{}',
      report_json: null,
      submitted_by: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_at: null,
      created_at: NOW,
      updated_at: NOW,
      lock_version: 1,
    });
    expect(await updateAnnualReportLocked(db, created, { sections: '{"1":"一"}', updated_at: NOW })).toBe(2);
    // A second writer still holding version 1 is refused and changes nothing.
    expect(await updateAnnualReportLocked(db, created, { sections: '{"1":"二"}', updated_at: NOW })).toBeUndefined();
    const row = await findAnnualReport(db, agency.id, YEAR);
    expect(row?.sections).toBe('{"1":"一"}');
    expect(row?.lock_version).toBe(2);
  });

  it('keeps one template per agency and section', async () => {
    const { db } = database();
    const agency = await insertAgency(
      db,
      { parent_id: null, name: '示例市人民政府', short_name: '市政府', uscc: 'A1', kind: 'government' },
      NOW,
    );
    expect(await findReportTemplate(db, agency.id, 5)).toBeUndefined();
    await upsertReportTemplate(db, {
      agency_id: agency.id,
      section: 5,
      body: '甲',
      updated_by: '张三',
      updated_at: NOW,
    });
    await upsertReportTemplate(db, {
      agency_id: agency.id,
      section: 5,
      body: '乙',
      updated_by: '李四',
      updated_at: NOW,
    });
    expect(await findReportTemplate(db, agency.id, 5)).toBe('乙');
  });
});
