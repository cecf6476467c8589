import { describe, expect, it } from 'vitest';
import { parseDocumentNumber } from './document-number.ts';
import { checkIndexPattern, DEFAULT_INDEX_PATTERN, formatIndexNumber, indexPeriod } from './index-number.ts';
import { approvalProblem } from './review-flow.ts';

describe('发文字号 (GB/T 9704—2012 7.2.5)', () => {
  it('reads well-formed numbers', () => {
    expect(parseDocumentNumber('樟工信字〔2023〕12号')).toEqual({
      ok: true,
      value: { issuer: '樟工信字', year: 2023, serial: 12 },
    });
    expect(parseDocumentNumber(' 国办发〔2017〕47号 ').ok).toBe(true);
  });

  it.each([
    ['示财预[2026]12号', '发文字号的年份应使用六角括号〔〕，不能用“[2026]”，应形如“示财预〔2026〕12号”'],
    ['示财预（2026）12号', '发文字号的年份应使用六角括号〔〕，不能用“（2026）”，应形如“示财预〔2026〕12号”'],
    ['示财预【2026】12号', '发文字号的年份应使用六角括号〔〕，不能用“【2026】”，应形如“示财预〔2026〕12号”'],
    ['示财预〔26〕12号', '发文字号的年份应写全四位数字（如〔2026〕），不能写“〔26〕”'],
    ['示财预〔2026〕012号', '发文字号的顺序号不编虚位（不能写“012”，应写“12”）'],
    ['示财预〔2026〕第12号', '发文字号的顺序号前不加“第”，应形如“示财预〔2026〕12号”'],
    ['示财预〔2026〕12', '发文字号应以“号”结尾，应形如“示财预〔2026〕12号”'],
    ['〔2026〕12号', '发文字号缺少机关代字，应形如“示财预〔2026〕12号”'],
    ['示财预2026年12号', '发文字号缺少用六角括号〔〕标注的年份，应形如“示财预〔2026〕12号”'],
  ])('refuses %s, saying why', (value, message) => {
    expect(parseDocumentNumber(value)).toEqual({ ok: false, message });
  });
});

describe('索引号 patterns', () => {
  it('fills the default pattern: 统一社会信用代码/year-serial of five digits', () => {
    const period = indexPeriod(DEFAULT_INDEX_PATTERN, { uscc: '11500000MB1B37366Q', date: '2026-03-09' });
    expect(period).toBe('11500000MB1B37366Q/2026-{NNNNN}');
    expect(formatIndexNumber(period, 217)).toBe('11500000MB1B37366Q/2026-00217');
  });

  it('keeps a counter per month when the pattern has the month', () => {
    const period = indexPeriod('{统一社会信用代码}/{YYYY}{MM}-{NNNNN}', { uscc: 'X', date: '2021-10-02' });
    expect(formatIndexNumber(period, 13)).toBe('X/202110-00013');
  });

  it('explains unusable patterns', () => {
    expect(checkIndexPattern(DEFAULT_INDEX_PATTERN)).toEqual([]);
    expect(checkIndexPattern('{统一社会信用代码}-{NNNNN}')).toEqual(['索引号规则必须包含年份 {YYYY}']);
    expect(checkIndexPattern('{YYYY}-{NN}')).toEqual(['索引号的顺序号至少 3 位（{NNN}）']);
    expect(checkIndexPattern('{YYYY}-{序号}')).toEqual([
      '索引号规则必须有且只有一个顺序号占位符，如 {NNNNN}',
      '索引号规则中的占位符 {序号} 无法识别（可用：{统一社会信用代码}、{YYYY}、{MM}、{DD}、{NNNNN}）',
    ]);
  });
});

describe('三审 order rules', () => {
  it('requires a 保密审查 clearance before 终审', () => {
    expect(approvalProblem('final', 3, [], false)).toBe('终审前须有保密审查意见（“不涉密，可以公开”）');
    expect(approvalProblem('final', 3, [], true)).toBeNull();
  });

  it('lets one person approve only one of the three steps, unless the policy allows it', () => {
    const trail = [{ stage: 'first' as const, userId: 7 }];
    expect(approvalProblem('second', 7, trail, false)).toBe('同一人不能既初审又复审同一稿件');
    expect(approvalProblem('second', 7, trail, false, { distinctReviewers: false })).toBeNull();
    expect(approvalProblem('second', 8, [...trail, { stage: 'secrecy', userId: 8 }], false)).toBeNull();
  });
});
