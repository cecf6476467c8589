import { expect, it } from 'vitest';
import { columnStatus, staleOn } from './freshness.ts';

it('counts freshness as the inspection does: 2 weeks for dynamic columns, 6 months for document columns', () => {
  expect(staleOn('dynamic', '2026-11-01')).toBe('2026-11-16');
  expect(columnStatus('dynamic', 3, '2026-11-01', '2026-11-15')).toBe('due_soon');
  expect(columnStatus('dynamic', 3, '2026-11-01', '2026-11-16')).toBe('stale');
  expect(columnStatus('dynamic', 3, '2026-11-01', '2026-11-08')).toBe('fresh');
  expect(staleOn('document', '2026-08-31')).toBe('2027-03-01');
  expect(columnStatus('document', 1, '2026-05-29', '2026-11-30')).toBe('stale');
  expect(columnStatus('document', 1, '2026-05-30', '2026-11-30')).toBe('due_soon');
  expect(columnStatus('static', 0, null, '2026-11-30')).toBe('blank');
  expect(columnStatus('static', 2, '2020-01-01', '2026-11-30')).toBe('static');
});
