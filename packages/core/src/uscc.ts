/**
 * 统一社会信用代码 (unified social credit identifier), GB 32100—2015 《法人和其他组织统一社会信用代码编码规则》.
 *
 * 18 characters: 登记管理部门码 (1) + 机构类别码 (1) + 登记管理机关行政区划码 (6) + 主体标识码 (9, the former
 * 组织机构代码 with its own check character) + 校验码 (1). The alphabet is the digits and the capital letters
 * without I, O, Z, S, V (31 characters, each with its value 0–30). The check character is
 * `31 − (Σ value(cᵢ)·wᵢ mod 31)`, with 31 written as 0, over the weights `3^(i) mod 31`.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** 登记管理部门码 and, for each, the 机构类别码 the standard assigns (Y = 其他, no fixed list). */
const CATEGORIES: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '9': '123', // 工商: 企业, 个体工商户, 农民专业合作社
  Y: '1',
};

export type UsccProblem = 'length' | 'characters' | 'check' | 'category';

export interface UsccCheck {
  readonly ok: boolean;
  readonly problem?: UsccProblem;
  /** Chinese explanation, suitable for a form. */
  readonly message?: string;
  /** The check character the first 17 characters call for, when they are well formed. */
  readonly expectedCheck?: string;
}

/** Computes the check character for the first 17 characters, or undefined if they use a letter outside the alphabet. */
export function usccCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) {
    return undefined;
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) {
      return undefined;
    }
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check];
}

/** Upper-cases and strips spaces, as people type codes copied from certificates. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** Validates a 统一社会信用代码 (already normalised with {@link normalizeUscc}). */
export function checkUscc(code: string): UsccCheck {
  if (code.length !== 18) {
    return { ok: false, problem: 'length', message: `统一社会信用代码应为18位，当前为${code.length}位` };
  }
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) {
    return {
      ok: false,
      problem: 'characters',
      message: `统一社会信用代码含有不允许的字符“${bad}”（只可使用数字和除I、O、Z、S、V以外的大写字母）`,
    };
  }
  const department = code[0] ?? '';
  const allowed = CATEGORIES[department];
  if (allowed !== undefined && !allowed.includes(code[1] ?? '')) {
    return {
      ok: false,
      problem: 'category',
      message: `统一社会信用代码第2位机构类别码“${code[1]}”与第1位登记管理部门码“${department}”不匹配`,
    };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) {
    return {
      ok: false,
      problem: 'check',
      message: `统一社会信用代码校验位错误：最后一位应为“${expected}”，实为“${code[17]}”`,
      ...(expected === undefined ? {} : { expectedCheck: expected }),
    };
  }
  return { ok: true };
}
