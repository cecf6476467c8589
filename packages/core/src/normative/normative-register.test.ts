import { describe, expect, it } from 'vitest';
import { countActiveDisclosure } from '../report/counting.ts';
import {
  cleanupReason,
  normativeStatusOn,
  toCountingRecord,
  type NormativeDocumentFacts,
} from './normative-register.ts';

const doc = (over: Partial<NormativeDocumentFacts> = {}): NormativeDocumentFacts => ({
  kind: 'normativeDocument',
  issuedOn: '2023-03-01',
  validUntil: '2028-02-29',
  events: [],
  ...over,
});

describe('规范性文件 register', () => {
  it('answers 现行有效 for any date from the history', () => {
    const abolished = doc({
      events: [
        { kind: 'revised', on: '2024-05-01' },
        { kind: 'abolished', on: '2025-06-30' },
      ],
    });
    expect(normativeStatusOn(abolished, '2023-02-28')).toBe('not_yet');
    expect(normativeStatusOn(abolished, '2024-12-31')).toBe('in_force');
    expect(normativeStatusOn(abolished, '2025-06-30')).toBe('abolished');
    expect(normativeStatusOn(doc({ validUntil: '2025-02-28' }), '2025-03-01')).toBe('expired');
    expect(normativeStatusOn(doc({ validUntil: '2025-02-28' }), '2025-02-28')).toBe('in_force');
  });

  it('puts documents past or near the end of their 有效期 on the cleanup list', () => {
    expect(cleanupReason(doc({ validUntil: '2026-06-30' }), '2026-11-30')).toBe('past_validity');
    expect(cleanupReason(doc({ validUntil: '2027-03-31' }), '2026-11-30')).toBe('review_due');
    expect(cleanupReason(doc({ validUntil: '2028-02-29' }), '2026-11-30')).toBeNull();
    expect(
      cleanupReason(doc({ validUntil: '2026-06-30', events: [{ kind: 'expired', on: '2026-07-01' }] }), '2026-11-30'),
    ).toBeNull();
    expect(cleanupReason(doc({ validUntil: null }), '2026-11-30')).toBeNull();
  });

  it('feeds table 二: issued, abolished (or expired) and in force at the year end', () => {
    const docs = [
      doc({ issuedOn: '2025-02-01' }),
      doc({ issuedOn: '2021-01-01', events: [{ kind: 'abolished', on: '2025-09-01' }] }),
      doc({ issuedOn: '2020-01-01', validUntil: '2025-12-31' }),
      doc({ kind: 'regulation', issuedOn: '2019-05-01', validUntil: null }),
    ].map(toCountingRecord);
    const active = countActiveDisclosure(docs, { licensing: 0, penalties: 0, coercion: 0, feesFen: 0 }, 2025);
    expect(active.normativeDocuments).toEqual({ issued: 1, abolished: 1, inForce: 2 });
    expect(active.regulations).toEqual({ issued: 0, abolished: 0, inForce: 1 });
  });
});
