/**
 * 信息处理费 under 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）. Amounts are integer 分.
 *
 * 第三条: two methods, 按件计收 and 按量计收, both 超额累进 (only the part above a threshold is charged
 * at that tier's rate); one method per application, never both.
 */
export type FeeMethod = 'per_application' | 'per_page';

export interface FeeTier {
  /** First unit (application number or page number) of the tier, inclusive. */
  readonly from: number;
  /** Last unit, inclusive; null for open-ended. */
  readonly to: number | null;
  /** Rate per unit in 分. */
  readonly rateFen: number;
}

export interface FeeLine {
  readonly from: number;
  readonly to: number;
  readonly units: number;
  readonly rateFen: number;
  readonly amountFen: number;
  /** Chinese: `第11—30件，20件×100元/件＝2000元`. */
  readonly text: string;
}

export interface FeeBreakdown {
  readonly method: FeeMethod;
  readonly units: number;
  readonly totalFen: number;
  readonly lines: readonly FeeLine[];
  /** Chinese summary of the whole computation, with its legal basis. */
  readonly summary: string;
}

/**
 * 第五条 按量计收, per application: pages 1–30 free; 31–100 at 10 元/页; 101–200 at 20 元/页; 201 and up at
 * 40 元/页. (2219 pages → 83,460 元, the published case in docs/rules.md#fees.)
 */
export const PAGE_TIERS: readonly FeeTier[] = [
  { from: 1, to: 30, rateFen: 0 },
  { from: 31, to: 100, rateFen: 1_000 },
  { from: 101, to: 200, rateFen: 2_000 },
  { from: 201, to: null, rateFen: 4_000 },
];

/**
 * 第四条 按件计收, per applicant per natural month, cumulative: applications 1–10 free; 11–30 at 100 元/件;
 * from the 31st, every further band of 10 costs 100 元/件 more (31–40: 200, 41–50: 300, …).
 */
export function applicationRateFen(n: number): number {
  if (n <= 10) {
    return 0;
  }
  if (n <= 30) {
    return 10_000;
  }
  return 10_000 * (2 + Math.floor((n - 31) / 10));
}

function yuan(fen: number): string {
  const y = fen / 100;
  return Number.isInteger(y) ? `${y}` : y.toFixed(2);
}

function linesFor(tiers: readonly FeeTier[], units: number, unitName: string): FeeLine[] {
  const lines: FeeLine[] = [];
  for (const tier of tiers) {
    if (units < tier.from) {
      break;
    }
    const to = tier.to === null ? units : Math.min(units, tier.to);
    const count = to - tier.from + 1;
    const amountFen = count * tier.rateFen;
    lines.push({
      from: tier.from,
      to,
      units: count,
      rateFen: tier.rateFen,
      amountFen,
      text:
        tier.rateFen === 0
          ? `第${tier.from}—${to}${unitName}，${count}${unitName}免费`
          : `第${tier.from}—${to}${unitName}，${count}${unitName}×${yuan(tier.rateFen)}元/${unitName}＝${yuan(amountFen)}元`,
    });
  }
  return lines;
}

/** Tiers of 按件计收 up to `n` applications. */
export function applicationTiers(n: number): FeeTier[] {
  const tiers: FeeTier[] = [
    { from: 1, to: 10, rateFen: 0 },
    { from: 11, to: 30, rateFen: 10_000 },
  ];
  for (let from = 31; from <= n; from += 10) {
    tiers.push({ from, to: from + 9, rateFen: applicationRateFen(from) });
  }
  return tiers;
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${what}应为非负整数，实为${n}`);
  }
}

/** The fee for `pages` pages of one application (第五条). */
export function pageFee(pages: number): FeeBreakdown {
  checkCount(pages, '页数');
  const lines = linesFor(PAGE_TIERS, pages, '页');
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  return {
    method: 'per_page',
    units: pages,
    totalFen,
    lines,
    summary: `按量计收（国办函〔2020〕109号第五条），共${pages}页，超额累进：${lines.map((l) => l.text).join('；') || '无'}；合计${yuan(totalFen)}元`,
  };
}

/** The total fee for `count` applications by one applicant in one natural month (第四条). */
export function applicationsFee(count: number): FeeBreakdown {
  checkCount(count, '申请件数');
  const lines = linesFor(applicationTiers(count), count, '件');
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  return {
    method: 'per_application',
    units: count,
    totalFen,
    lines,
    summary: `按件计收（国办函〔2020〕109号第四条），同一申请人本自然月累计${count}件，超额累进：${lines.map((l) => l.text).join('；') || '无'}；合计${yuan(totalFen)}元`,
  };
}

/**
 * The fee for one more application, given how many the same applicant already made this natural
 * month: what a fee notice for that application states.
 */
export function nextApplicationFee(alreadyThisMonth: number): FeeBreakdown {
  checkCount(alreadyThisMonth, '本月已申请件数');
  const n = alreadyThisMonth + 1;
  const rate = applicationRateFen(n);
  return {
    method: 'per_application',
    units: 1,
    totalFen: rate,
    lines: [
      {
        from: n,
        to: n,
        units: 1,
        rateFen: rate,
        amountFen: rate,
        text: rate === 0 ? `本月第${n}件，免费` : `本月第${n}件，1件×${yuan(rate)}元/件＝${yuan(rate)}元`,
      },
    ],
    summary: `按件计收（国办函〔2020〕109号第四条），该申请为同一申请人本自然月第${n}件，${rate === 0 ? '在免费范围内' : `收费${yuan(rate)}元`}`,
  };
}

/** 分 as 元 text with two decimals when needed: `83460`, `0.5`. */
export function fenToYuan(fen: number): string {
  return yuan(fen);
}
