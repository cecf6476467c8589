import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICANT_CATEGORIES, OUTCOME_CODES } from '../outcomes.ts';
import {
  countActiveDisclosure,
  countAppeals,
  countApplications,
  type AppealRecord,
  type ApplicationRecord,
  type NormativeDocumentRecord,
} from './counting.ts';
import { appealCells, applicationCells, cellLabel, cellValue, normativeCells } from './drill-down.ts';

const day = (n: number) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Every cell the records touch, with how many records touch it. */
function tally<T>(records: readonly T[], cellsOf: (r: T) => string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    for (const c of cellsOf(r)) {
      out.set(c, (out.get(c) ?? 0) + 1);
    }
  }
  return out;
}

describe('drill-down: each number opens onto exactly the records counted in it', () => {
  it('table 三', () => {
    const record = fc.record({
      applicant: fc.constantFrom(...APPLICANT_CATEGORIES),
      received: fc.option(fc.integer({ min: 0, max: 3 * 365 }), { nil: null }),
      decidedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      outcome: fc.constantFrom(...OUTCOME_CODES),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), (items) => {
        const records: ApplicationRecord[] = items.map((x) => ({
          applicant: x.applicant,
          receivedOn: x.received === null ? null : day(x.received),
          outcome:
            x.decidedAfter === null || x.received === null
              ? null
              : { code: x.outcome, decidedOn: day(x.received + x.decidedAfter) },
        }));
        const counted = { applications: countApplications(records, 2024) };
        const cells = tally(records, (r) => applicationCells(r, 2024));
        for (const [cell, count] of cells) {
          expect(cellValue(counted, cell), cell).toBe(count);
        }
        // And nothing counted is missing a record.
        const paths = [
          'newReceived',
          'carriedOver',
          'carriedForward',
          'results.total',
          ...OUTCOME_CODES.map((c) => `results.${c}`),
        ];
        for (const p of paths) {
          for (let c = 0; c < 7; c += 1) {
            const cell = `applications.${p}[${c}]`;
            expect(cells.get(cell) ?? 0, cell).toBe(cellValue(counted, cell));
          }
        }
      }),
    );
  });

  it('table 四 and table 二', () => {
    const appeal = fc.record({
      kind: fc.constantFrom('reconsideration', 'litigationDirect', 'litigationAfterReconsideration' as const),
      filed: fc.integer({ min: 0, max: 3 * 365 }),
      concluded: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      outcome: fc.constantFrom('upheld', 'corrected', 'other' as const),
    });
    const doc = fc.record({
      kind: fc.constantFrom('regulation', 'normativeDocument' as const),
      issued: fc.integer({ min: 0, max: 3 * 365 }),
      abolishedAfter: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(appeal, { maxLength: 30 }), fc.array(doc, { maxLength: 30 }), (cases, docs) => {
        const appeals: AppealRecord[] = cases.map((x) => ({
          kind: x.kind,
          filedOn: day(x.filed),
          result: x.concluded === null ? null : { outcome: x.outcome, concludedOn: day(x.filed + x.concluded) },
        }));
        const documents: NormativeDocumentRecord[] = docs.map((d) => ({
          kind: d.kind,
          issuedOn: day(d.issued),
          abolishedOn: d.abolishedAfter === null ? null : day(d.issued + d.abolishedAfter),
        }));
        const counted = {
          appeals: countAppeals(appeals, 2024),
          active: countActiveDisclosure(documents, { licensing: 0, penalties: 0, coercion: 0, feesFen: 0 }, 2024),
        };
        const a = tally(appeals, (r) => appealCells(r, 2024));
        for (const kind of ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']) {
          for (let c = 0; c < 5; c += 1) {
            const cell = `appeals.${kind}[${c}]`;
            expect(a.get(cell) ?? 0, cell).toBe(cellValue(counted, cell));
          }
        }
        const d = tally(documents, (r) => normativeCells(r, 2024));
        for (const row of ['regulations', 'normativeDocuments']) {
          for (const col of ['issued', 'abolished', 'inForce']) {
            const cell = `active.${row}.${col}`;
            expect(d.get(cell) ?? 0, cell).toBe(cellValue(counted, cell));
          }
        }
      }),
    );
  });

  it('names a cell in words', () => {
    expect(cellLabel('applications.results.granted[0]')).toBe('表三 （一）予以公开 · 自然人');
    expect(cellLabel('applications.results.denied.stateSecret[6]')).toBe('表三 （三）1属于国家秘密 · 总计');
    expect(cellLabel('applications.newReceived[6]')).toBe('表三 一、本年新收政府信息公开申请数量 · 总计');
    expect(cellLabel('appeals.litigationAfterReconsideration[3]')).toBe('表四 行政诉讼（复议后起诉） · 尚未审结');
    expect(cellLabel('active.normativeDocuments.inForce')).toBe('表二 行政规范性文件 现行有效件数');
  });

  it('reads a cell by its path', () => {
    const report = { applications: { results: { denied: { stateSecret: [1, 2, null] } } } };
    expect(cellValue(report, 'applications.results.denied.stateSecret[1]')).toBe(2);
    expect(cellValue(report, 'applications.results.denied.stateSecret[2]')).toBeNull();
    expect(cellValue(report, 'applications.nothing[0]')).toBeNull();
  });
});
