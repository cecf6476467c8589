import { expect, it } from 'vitest';
import { insertAgency } from './agencies.ts';
import type { Executor } from './connection.ts';
import {
  dismissScanFindings,
  findAttachmentText,
  insertAttachmentText,
  insertScanDismissal,
  insertScanFinding,
  listDismissedFingerprints,
  listOpenScanFindingKeys,
  listScanFindings,
  markScanFindingsFixed,
  markScanFindingsSeen,
} from './inspection.ts';
import { findJobRunAt, upsertJobRun } from './job-runs.ts';
import { describeDialects } from './testing.ts';

const NOW = '2026-03-10T02:00:00.000Z';
const LATER = '2026-03-11T02:00:00.000Z';

async function agencyId(ex: Executor): Promise<number> {
  const agency = await insertAgency(
    ex,
    { parent_id: null, name: '示例市人民政府', short_name: '市政府', uscc: 'A1', kind: 'government' },
    NOW,
  );
  return agency.id;
}

function finding(agency: number, fingerprint: string) {
  return {
    agency_id: agency,
    item_id: null,
    field: 'index_no',
    check_code: 'form.index_gap',
    severity: 'warning' as const,
    text: '',
    excerpt: '',
    line: null,
    message: '索引号不连续',
    suggestion: '',
    fingerprint,
    found_at: NOW,
    seen_at: NOW,
  };
}

describeDialects('inspection repositories', (database) => {
  it('marks findings seen and fixed in batches, past the bound-parameter limit of one statement', async () => {
    const { db } = database();
    const agency = await agencyId(db);
    const ids = await db
      .transaction()
      .execute(async (trx) =>
        Promise.all(Array.from({ length: 1201 }, (_, i) => insertScanFinding(trx, finding(agency, `f${i}`)))),
      );
    await markScanFindingsSeen(db, ids.slice(0, 700), LATER);
    await markScanFindingsFixed(db, ids.slice(700), LATER);
    const open = await listOpenScanFindingKeys(db, agency);
    expect(open).toHaveLength(700);
    const rows = await db.selectFrom('scan_findings').select(['seen_at', 'fixed_at']).execute();
    expect(rows.filter((r) => r.seen_at === LATER)).toHaveLength(700);
    expect(rows.filter((r) => r.fixed_at === LATER)).toHaveLength(501);
    await markScanFindingsSeen(db, [], LATER);
  });

  it('keeps the first dismissal of a fingerprint and dismisses only findings not fixed', async () => {
    const { db } = database();
    const agency = await agencyId(db);
    const open = await insertScanFinding(db, finding(agency, 'same'));
    const fixed = await insertScanFinding(db, finding(agency, 'same'));
    await markScanFindingsFixed(db, [fixed], NOW);
    const dismissal = {
      agency_id: agency,
      fingerprint: 'same',
      check_code: 'form.index_gap',
      text: '索引号不连续',
      item_id: null,
      user_id: null,
      user_name: '审核人',
      at: LATER,
    };
    await insertScanDismissal(db, { ...dismissal, reason: '撤稿留下的空号' });
    await insertScanDismissal(db, { ...dismissal, reason: '再次排除' });
    await dismissScanFindings(db, { agencyId: agency, fingerprint: 'same', at: LATER });
    expect(await listDismissedFingerprints(db, agency)).toEqual(['same']);
    expect((await db.selectFrom('scan_dismissals').select('reason').execute()).map((r) => r.reason)).toEqual([
      '撤稿留下的空号',
    ]);
    const rows = await listScanFindings(db, [agency]);
    expect(rows.map((r) => [r.id, r.dismissed_at, r.title])).toEqual([
      [open, LATER, null],
      [fixed, null, null],
    ]);
  });

  it('keeps one reading of a stored file', async () => {
    const { db } = database();
    await insertAttachmentText(db, { storage_key: 'k1', status: 'ok', text: '第一次', message: '', read_at: NOW });
    await insertAttachmentText(db, { storage_key: 'k1', status: 'empty', text: '', message: '', read_at: LATER });
    expect(await findAttachmentText(db, 'k1')).toMatchObject({ status: 'ok', text: '第一次', read_at: NOW });
    expect(await findAttachmentText(db, 'k2')).toBeUndefined();
  });

  it('records when a daily job last ran', async () => {
    const { db } = database();
    expect(await findJobRunAt(db, 'scan')).toBeUndefined();
    await upsertJobRun(db, 'scan', NOW);
    await upsertJobRun(db, 'scan', LATER);
    expect(await findJobRunAt(db, 'scan')).toBe(LATER);
  });
});
