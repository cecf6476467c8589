import { describe, expect, it } from 'vitest';
import { formatTrackingCode, TRACKING_CODE } from './application-form.ts';
import { checkResidentId, residentIdCheckCharacter } from './resident-id.ts';

describe('居民身份证号码 (GB 11643—1999)', () => {
  it('computes the check character', () => {
    // The standard's own example: 11010519491231002X.
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(checkResidentId('11010519491231002X')).toEqual({ ok: true });
    expect(checkResidentId('11010519491231002x')).toEqual({ ok: true });
  });

  it('explains what is wrong', () => {
    expect(checkResidentId('110105194912310021')).toEqual({
      ok: false,
      message: '居民身份证号码校验位不符（最后一位应为 X），请核对',
    });
    expect(checkResidentId('1101051949123100')).toMatchObject({
      ok: false,
      message: '居民身份证号码应为18位，前17位是数字，最后一位是数字或X',
    });
    expect(checkResidentId('110105194913310025')).toMatchObject({
      message: '居民身份证号码中的出生日期（19491331）不是有效日期',
    });
  });
});

describe('tracking codes', () => {
  it('are the date and eight unambiguous characters', () => {
    const code = formatTrackingCode('2026-11-30', [0, 1, 2, 3, 4, 5, 30, 31]);
    expect(code).toBe('20261130-234567Z2');
    expect(TRACKING_CODE.test(code)).toBe(true);
    expect(TRACKING_CODE.test('20261130-0O1IL234')).toBe(false);
  });
});
