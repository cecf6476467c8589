import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationRateFen, applicationsFee, nextApplicationFee, pageFee } from './information-fees.ts';

describe('国办函〔2020〕109号 第五条 按量计收', () => {
  it.each([
    [0, 0],
    [30, 0],
    [31, 1_000],
    [100, 70_000],
    [101, 72_000],
    [200, 270_000],
    [201, 274_000],
    [2219, 8_346_000], // the published case: 83,460 元 (docs/rules.md#fees)
  ])('%i pages cost %i 分', (pages, fen) => {
    expect(pageFee(pages).totalFen).toBe(fen);
  });

  it('breaks the amount down by tier in Chinese', () => {
    expect(pageFee(2219).lines.map((l) => l.text)).toEqual([
      '第1—30页，30页免费',
      '第31—100页，70页×10元/页＝700元',
      '第101—200页，100页×20元/页＝2000元',
      '第201—2219页，2019页×40元/页＝80760元',
    ]);
  });
});

describe('国办函〔2020〕109号 第四条 按件计收', () => {
  it.each([
    [10, 0],
    [11, 10_000],
    [30, 200_000],
    [31, 220_000],
    [40, 400_000],
    [41, 430_000],
    [50, 700_000],
  ])('%i applications in a month cost %i 分', (n, fen) => {
    expect(applicationsFee(n).totalFen).toBe(fen);
  });

  it('raises the rate by 100 元 for every band of 10 above 30', () => {
    expect([10, 11, 30, 31, 40, 41, 51, 61].map(applicationRateFen)).toEqual([
      0, 10_000, 10_000, 20_000, 20_000, 30_000, 40_000, 50_000,
    ]);
  });

  it('prices the next application from the month so far', () => {
    expect(nextApplicationFee(10).summary).toBe(
      '按件计收（国办函〔2020〕109号第四条），该申请为同一申请人本自然月第11件，收费100元',
    );
    expect(nextApplicationFee(3).totalFen).toBe(0);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => pageFee(-1)).toThrow('页数应为非负整数，实为-1');
    expect(() => applicationsFee(1.5)).toThrow(RangeError);
  });
});

describe('fees never decrease', () => {
  it('with more pages or more applications', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), (n) => pageFee(n + 1).totalFen >= pageFee(n).totalFen));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        (n) => applicationsFee(n + 1).totalFen >= applicationsFee(n).totalFen,
      ),
    );
  });

  it('and the per-application total is the sum of the marginal fees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (n) => {
        let sum = 0;
        for (let k = 0; k < n; k++) {
          sum += nextApplicationFee(k).totalFen;
        }
        return sum === applicationsFee(n).totalFen;
      }),
    );
  });
});
