import { expect, it } from 'vitest';
import { chineseNumber } from './chinese-number.ts';

it('writes the numbers of 公文 headings in Chinese', () => {
  expect([1, 9, 10, 11, 16, 20, 21, 99].map(chineseNumber)).toEqual([
    '一',
    '九',
    '十',
    '十一',
    '十六',
    '二十',
    '二十一',
    '九十九',
  ]);
  expect(chineseNumber(100)).toBe('100');
});
