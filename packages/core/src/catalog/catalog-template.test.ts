import { describe, expect, it } from 'vitest';
import { CATALOG_TEMPLATE, flattenTemplate } from './catalog-template.ts';

describe('the standard catalog (docs/rules.md#platform, 条例 第二十条)', () => {
  it('has the standard first-level columns in order', () => {
    expect(CATALOG_TEMPLATE.map((c) => c.name)).toEqual([
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '工作动态',
      '建议提案办理',
      '重点领域信息',
      '政府信息公开年报',
      '专题专栏',
    ]);
  });

  it('covers 条例 第二十条 items 1–14 under 法定主动公开内容, with unique codes', () => {
    const all = flattenTemplate();
    const items = new Set(all.map((x) => x.column.article20).filter((n) => n !== undefined));
    expect([...items].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(new Set(all.map((x) => x.column.code)).size).toBe(all.length);
    expect(all.find((x) => x.column.name === '行政规范性文件')?.parent).toBe('statutory.policy');
  });
});
