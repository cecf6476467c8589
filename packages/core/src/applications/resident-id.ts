import { isIsoDate } from '../calendar/dates.ts';

/**
 * 公民身份号码 (GB 11643—1999): 6-digit address code, 8-digit birth date, 3-digit sequence, and a
 * check character computed with ISO 7064 MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
 * remainder → 1 0 X 9 8 7 6 5 4 3 2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

/** The check character for the first 17 digits, or undefined when they are not 17 digits. */
export function residentIdCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/u.test(first17)) {
    return undefined;
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  }
  return CHECK[sum % 11];
}

/** Checks a 居民身份证 number; the message says what is wrong in Chinese. */
export function checkResidentId(value: string): { ok: true } | { ok: false; message: string } {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/u.test(id)) {
    return { ok: false, message: '居民身份证号码应为18位，前17位是数字，最后一位是数字或X' };
  }
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < '1900-01-01') {
    return { ok: false, message: `居民身份证号码中的出生日期（${id.slice(6, 14)}）不是有效日期` };
  }
  const expected = residentIdCheckCharacter(id.slice(0, 17));
  if (expected !== id[17]) {
    return { ok: false, message: `居民身份证号码校验位不符（最后一位应为 ${expected ?? '?'}），请核对` };
  }
  return { ok: true };
}

/** The last four characters, the only part of an identity number a public page may echo. */
export function lastFour(value: string): string {
  return value.trim().toUpperCase().slice(-4);
}
