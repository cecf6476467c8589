import { addDays, shanghaiDate, type Actor } from '@xxgk/core';
import { findUserByUsername } from '@xxgk/db';
import { renderReportDocx } from '@xxgk/documents';
import { actorOf } from '../auth/actor.ts';
import { NO_REQUEST, systemActor, type AppContext } from '../context.ts';
import { writeDecisionMonths } from '../reports/decision-counts.ts';
import { computeLiveReport } from '../reports/live-report.ts';
import { agencyReportDeadline } from '../reports/report-reminders.ts';
import { getReportDraft } from '../reports/get-report-draft.ts';
import { importPublishedReport } from '../reports/import-published-report.ts';
import { reviewReport } from '../reports/review-report.ts';
import { saveReportDraft } from '../reports/save-report-draft.ts';
import { submitReport } from '../reports/submit-report.ts';
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

/** Section 五 of the demo reports: problems and the year's improvements, as agencies write them. */
function sectionFive(year: number): string {
  return [
    `${year}年，本机关政府信息公开工作取得一定成效，但仍存在一些不足：一是部分栏目信息更新不够及时；二是政策解读形式还不够丰富；三是依申请公开答复文书的规范性有待提高。`,
    `下一步，本机关将建立栏目更新提醒机制，丰富图解、问答等解读形式，并加强答复文书的法制审核。`,
  ].join('\n');
}

/**
 * The demo's annual reports through the workflow, on the days they would have happened: every
 * agency's 2024 report published in January (departments and towns) or March (governments) 2025,
 * and its 2025 report published likewise in 2026 — except the 财政局's 2025 report, left for the
 * demo users to write (and so the city's 2025 report, which waits for it), and the 教育局, whose 2024
 * report was published before it used xxgk: it is
 * imported from its file, which disagrees with the registers (its 结转下年度 is 2 higher than what
 * the registers give), so its 2025 report shows how the checker explains the difference (R5).
 */
export async function seedDemoReports(ctx: AppContext): Promise<number> {
  const supervisorRow = await findUserByUsername(ctx.db, 'supervisor');
  if (supervisorRow === undefined) {
    return 0;
  }
  const supervisor = await actorOf(ctx.db, supervisorRow);
  const today = shanghaiDate(ctx.now());
  // Departments and towns first: a government's report sums theirs.
  const agencies = (await ctx.db.selectFrom('agencies').selectAll().orderBy('sort_order').execute()).sort(
    (a, b) => Number(a.kind === 'government') - Number(b.kind === 'government'),
  );
  const key = new Map(DEMO_AGENCIES.map((a) => [a.name, a.key]));
  let published = 0;
  for (const year of [2024, 2025]) {
    for (const agency of agencies) {
      const demoKey = key.get(agency.name);
      // Published nine days before the statutory deadline.
      const due = addDays(agencyReportDeadline(agency.kind, year), -9);
      if (demoKey === undefined || due > today || (year === 2025 && (demoKey === 'czj' || demoKey === 'jyj'))) {
        continue;
      }
      const at = { ...ctx, now: () => new Date(`${due}T02:00:00.000Z`) };
      const staff: Actor = {
        userId: 0,
        username: 'system',
        displayName: `${agency.short_name}（演示数据）`,
        agency: { id: agency.id, path: agency.path },
        roles: ['agency_admin'],
      };
      const where = { agencyId: agency.id, year, meta: NO_REQUEST };
      if (demoKey === 'jyj' && year === 2024) {
        const computed = await computeLiveReport(ctx.db, agency, 2024);
        const file = structuredClone(computed);
        const off = (row: (number | null)[] | null | undefined) => {
          if (row) {
            row[0] = (row[0] ?? 0) + 2;
            row[6] = (row[6] ?? 0) + 2;
          }
        };
        off(file.applications?.carriedForward);
        off(file.applications?.newReceived);
        file.sections = computed.sections.map((s) => (s.number === 5 ? { ...s, text: sectionFive(2024) } : s));
        await importPublishedReport(at, {
          actor: staff,
          ...where,
          publishedOn: due,
          file: {
            fileName: `${agency.name}2024年政府信息公开工作年度报告.docx`,
            bytes: await renderReportDocx(file),
          },
        });
        published += 1;
        continue;
      }
      const draft = await getReportDraft(at, { actor: staff, ...where });
      if ((draft.consolidation?.missing.length ?? 0) > 0) {
        // A government waits for its departments: its draft shows who has not published yet.
        continue;
      }
      const sections = Object.fromEntries(draft.report.sections.map((s) => [String(s.number), s.text ?? '']));
      sections['5'] = sectionFive(year);
      await saveReportDraft(at, { actor: staff, ...where, input: { sections, lockVersion: draft.lockVersion } });
      await submitReport(at, { actor: staff, ...where });
      await reviewReport(at, { actor: supervisor, ...where, input: { decision: 'approve' } });
      published += 1;
    }
  }
  return published;
}
