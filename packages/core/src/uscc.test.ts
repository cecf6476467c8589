import { describe, expect, it } from 'vitest';
import { checkUscc, normalizeUscc, usccCheckCharacter } from './uscc.ts';

describe('统一社会信用代码', () => {
  // Codes printed on published 索引号 (docs/rules.md#index-number): a 重庆 机关 and a 安徽 机关.
  it.each(['11500000MB1B37366Q', '11341702486344515H'])('accepts the real code %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true });
  });

  it('computes the check character from the first 17', () => {
    expect(usccCheckCharacter('11500000MB1B37366')).toBe('Q');
  });

  it('names the expected check character when the last one is wrong', () => {
    const result = checkUscc('11500000MB1B37366R');
    expect(result.ok).toBe(false);
    expect(result.problem).toBe('check');
    expect(result.expectedCheck).toBe('Q');
    expect(result.message).toContain('应为“Q”');
  });

  it('refuses letters the standard leaves out', () => {
    expect(checkUscc('11500000MB1B3736OQ').problem).toBe('characters');
  });

  it('refuses the wrong length', () => {
    expect(checkUscc('1150000').message).toBe('统一社会信用代码应为18位，当前为7位');
  });

  it('refuses a category code that does not belong to the registering department', () => {
    expect(checkUscc('1A500000MB1B37366Q').problem).toBe('category');
  });

  it('normalises what people paste', () => {
    expect(normalizeUscc(' 11500000mb1b37366q ')).toBe('11500000MB1B37366Q');
  });
});
