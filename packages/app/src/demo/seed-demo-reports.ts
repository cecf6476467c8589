import { shanghaiDate } from '@xxgk/core';
import { NO_REQUEST, systemActor, type AppContext } from '../context.ts';
import { writeDecisionMonths } from '../reports/decision-counts.ts';
import { DEMO_AGENCIES } from './demo-data.ts';

/** How busy each demo agency is in a month: 行政许可, 行政处罚, 行政强制 decisions and 收费 in 元. */
const WORKLOAD: Readonly<Record<string, readonly [number, number, number, number]>> = {
  city: [0, 0, 0, 0],
  office: [0, 0, 0, 0],
  fgw: [30, 2, 0, 0],
  jyj: [12, 1, 0, 0],
  gaj: [400, 260, 35, 52_000],
  czj: [3, 1, 0, 0],
  rsj: [45, 6, 0, 1_200],
  zrj: [60, 14, 3, 180_000],
  sthjj: [25, 18, 6, 0],
  zjj: [80, 9, 2, 36_000],
  jtj: [120, 90, 12, 8_000],
  wjw: [70, 30, 1, 4_500],
  scjgj: [300, 45, 8, 0],
  dongcheng: [10, 3, 1, 0],
  chengnan: [8, 2, 0, 0],
  qingshan: [6, 1, 0, 0],
};

/**
 * The months of 行政许可、处罚、强制 decisions and 行政事业性收费 of every demo agency from January 2024
 * to last month, as if imported from their business systems: table 二 of the demo reports.
 */
export async function seedDemoDecisionCounts(ctx: AppContext): Promise<number> {
  const today = shanghaiDate(ctx.now());
  const agencies = await ctx.db.selectFrom('agencies').select(['id', 'name']).execute();
  const byName = new Map(agencies.map((a) => [a.name, a.id]));
  let seed = 7;
  const vary = (base: number) => {
    seed = (seed * 48_271) % 2_147_483_647;
    return Math.max(0, Math.round(base * (0.7 + (seed % 600) / 1000)));
  };
  let written = 0;
  for (const demo of DEMO_AGENCIES) {
    const agencyId = byName.get(demo.name);
    const load = WORKLOAD[demo.key];
    if (agencyId === undefined || load === undefined) {
      continue;
    }
    const months = [];
    for (let year = 2024; year <= Number(today.slice(0, 4)); year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        if (`${year}-${String(month).padStart(2, '0')}` >= today.slice(0, 7)) {
          break;
        }
        months.push({
          year,
          month,
          licensing: vary(load[0]),
          penalties: vary(load[1]),
          coercion: vary(load[2]),
          feesYuan: vary(load[3]) * 100,
        });
      }
    }
    await writeDecisionMonths(ctx, systemActor('演示数据导入'), NO_REQUEST, agencyId, months, 'import');
    written += months.length;
  }
  return written;
}
