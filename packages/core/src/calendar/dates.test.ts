import { describe, expect, it } from 'vitest';
import { addDays, DateRangeError, isIsoDate } from './dates.ts';

describe('addDays at the ends of the four-digit years', () => {
  it('works up to 9999-12-31 and back to 0001-01-01', () => {
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(addDays('0001-01-02', -1)).toBe('0001-01-01');
  });

  it('refuses to step past them instead of writing +010000-01-01 (issue 18: a walk that never ended)', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(DateRangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(DateRangeError);
    expect(() => addDays('2024-01-01', 4_000_000)).toThrow(/超出可计算的范围/u);
  });

  it('refuses what is not a date, as a VALIDATION_FAILED DomainError', () => {
    expect(() => addDays('not-a-date', 1)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(isIsoDate('9999-12-31')).toBe(true);
    expect(isIsoDate('+010000-01-01')).toBe(false);
  });
});
