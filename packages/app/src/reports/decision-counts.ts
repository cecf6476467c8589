import { DomainError, fenToYuan, type Actor, type YearlyDecisionCounts } from '@xxgk/core';
import type { Executor } from '@xxgk/db';
import { readSheetFile } from '@xxgk/documents';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput, reportYear } from '../validation.ts';

const count = (label: string) =>
  z.coerce
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(10_000_000, { error: `${label}过大，请核对` });

/** 元 with at most two decimals, as written on a 收费 statement: `1234.5`, `0`, `1,234.56`. */
const yuan = z
  .string({ error: '行政事业性收费应为金额（元）' })
  .transform((v) => v.replace(/[,，\s]/gu, ''))
  .refine((v) => /^\d{1,12}(\.\d{1,2})?$/u.test(v), '行政事业性收费应为金额（元），最多两位小数')
  .transform((v) => {
    const [whole, part = ''] = v.split('.');
    return Number(whole) * 100 + Number(part.padEnd(2, '0'));
  });

/**
 * One month's figures as staff enter them, for a year from 2008 through the current one by the
 * clock `now` (issue 18: no figures for 2100 stored by a slip of the keyboard).
 */
function decisionMonthInput(now: () => Date) {
  return z.object({
    year: reportYear(now),
    month: z.coerce.number({ error: '月份应为数字' }).int().min(1, '月份应为1—12').max(12, '月份应为1—12'),
    licensing: count('行政许可'),
    penalties: count('行政处罚'),
    coercion: count('行政强制'),
    feesYuan: z.union([z.number().transform(String), z.string()]).pipe(yuan),
  });
}
export type DecisionMonthInput = z.input<ReturnType<typeof decisionMonthInput>>;
type DecisionMonthFields = z.output<ReturnType<typeof decisionMonthInput>>;

export interface DecisionMonth {
  readonly month: number;
  readonly licensing: number;
  readonly penalties: number;
  readonly coercion: number;
  readonly feesFen: number;
  readonly feesYuan: string;
  readonly source: 'manual' | 'import';
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** The year's months as entered (missing months are not zero: they are not entered yet). */
export async function decisionMonths(ex: Executor, agencyId: number, year: number): Promise<DecisionMonth[]> {
  const rows = await ex
    .selectFrom('decision_counts')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('month')
    .execute();
  return rows.map((r) => ({
    month: r.month,
    licensing: r.licensing,
    penalties: r.penalties,
    coercion: r.coercion,
    feesFen: Number(r.fees_fen),
    feesYuan: fenToYuan(Number(r.fees_fen)),
    source: r.source,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

/** Table 二's decision and fee rows for a year: the sum of its months. */
export async function yearlyDecisionCounts(
  ex: Executor,
  agencyId: number,
  year: number,
): Promise<YearlyDecisionCounts> {
  const months = await decisionMonths(ex, agencyId, year);
  return months.reduce(
    (sum, m) => ({
      licensing: sum.licensing + m.licensing,
      penalties: sum.penalties + m.penalties,
      coercion: sum.coercion + m.coercion,
      feesFen: sum.feesFen + m.feesFen,
    }),
    { licensing: 0, penalties: 0, coercion: 0, feesFen: 0 },
  );
}

/** The months entered for a year, with which are missing. */
export async function listDecisionCounts(
  ctx: AppContext,
  { actor, agencyId, year, meta }: { actor: Actor; agencyId: number; year: number; meta: RequestMeta },
): Promise<{ months: DecisionMonth[]; missing: number[]; total: YearlyDecisionCounts }> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'agency.read',
    action: 'decision_counts.read',
  });
  const months = await decisionMonths(ctx.db, agency.id, year);
  const entered = new Set(months.map((m) => m.month));
  return {
    months,
    missing: Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !entered.has(m)),
    total: await yearlyDecisionCounts(ctx.db, agency.id, year),
  };
}

/**
 * Writes months as given, audited, without checking who asks: for trusted callers only (the use
 * cases below after their checks, and the demo seeding as the system).
 */
export async function writeDecisionMonths(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  agencyId: number,
  months: readonly DecisionMonthFields[],
  source: 'manual' | 'import',
): Promise<void> {
  const now = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    for (const m of months) {
      const before = await trx
        .selectFrom('decision_counts')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('year', '=', m.year)
        .where('month', '=', m.month)
        .executeTakeFirst();
      const values = {
        licensing: m.licensing,
        penalties: m.penalties,
        coercion: m.coercion,
        fees_fen: m.feesYuan,
        source,
        updated_by: actor.displayName,
        updated_at: now,
      };
      await trx
        .insertInto('decision_counts')
        .values({ agency_id: agencyId, year: m.year, month: m.month, ...values })
        .onConflict((oc) => oc.columns(['agency_id', 'year', 'month']).doUpdateSet(values))
        .execute();
      await audit(trx, ctx, actor, meta, {
        action: source === 'import' ? 'decision_counts.import' : 'decision_counts.save',
        agencyId,
        targetType: 'decision_counts',
        targetId: agencyId,
        note: `${m.year}年${m.month}月：许可${m.licensing}、处罚${m.penalties}、强制${m.coercion}、收费${fenToYuan(m.feesYuan)}元`,
        ...(before === undefined
          ? {}
          : {
              before: {
                licensing: before.licensing,
                penalties: before.penalties,
                coercion: before.coercion,
                feesFen: Number(before.fees_fen),
              },
            }),
      });
    }
  });
}

/** Saves one month's figures (replacing what was entered for that month). */
export async function saveDecisionMonth(
  ctx: AppContext,
  { actor, agencyId, input, meta }: { actor: Actor; agencyId: number; input: unknown; meta: RequestMeta },
): Promise<DecisionMonth[]> {
  const month = parseInput(
    decisionMonthInput(() => ctx.now()),
    input,
  );
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'report.edit',
    action: 'decision_counts.save',
  });
  await writeDecisionMonths(ctx, actor, meta, agency.id, [month], 'manual');
  return decisionMonths(ctx.db, agency.id, month.year);
}

/** The spreadsheet's columns, in order, as the template writes them and the import reads them. */
export const DECISION_COLUMNS = [
  '年份',
  '月份',
  '行政许可决定（件）',
  '行政处罚决定（件）',
  '行政强制决定（件）',
  '行政事业性收费（元）',
] as const;
const KEYS = ['year', 'month', 'licensing', 'penalties', 'coercion', 'feesYuan'] as const;

/** A workbook to fill in: the header and the twelve months of the year. */
export async function decisionCountsTemplate(year: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'xxgk';
  const sheet = book.addWorksheet('月度数据');
  sheet.addRow([...DECISION_COLUMNS]).font = { bold: true };
  for (let m = 1; m <= 12; m += 1) {
    sheet.addRow([year, m, null, null, null, null]);
  }
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Imports months from the template (XLSX) or a CSV with the same columns. Every row is checked and
 * every problem named by its row; one bad row and nothing is written. Empty rows are skipped.
 */
export async function importDecisionCounts(
  ctx: AppContext,
  {
    actor,
    agencyId,
    file,
    meta,
  }: { actor: Actor; agencyId: number; file: { fileName: string; bytes: Uint8Array }; meta: RequestMeta },
): Promise<{ imported: number; years: number[] }> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'report.edit',
    action: 'decision_counts.import',
  });
  let rows;
  try {
    rows = await readSheetFile(file.fileName, file.bytes);
  } catch (error) {
    if (error instanceof DomainError && error.details['limit'] !== undefined) {
      throw error;
    }
    throw new DomainError('VALIDATION_FAILED', '无法读取文件：请上传模板格式的 XLSX 或 CSV 文件');
  }
  if (rows === null) {
    throw new DomainError('VALIDATION_FAILED', '文件中没有工作表');
  }
  const header = rows.find((r) => r.number === 1)?.cells ?? [];
  const columns = DECISION_COLUMNS.map((name) => header.findIndex((h) => h.replace(/\s/gu, '') === name));
  const absent = DECISION_COLUMNS.filter((_, i) => columns[i] === -1);
  if (absent.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `表头缺少：${absent.join('、')}（请使用下载的模板）`);
  }
  const schema = decisionMonthInput(() => ctx.now());
  const months: DecisionMonthFields[] = [];
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const { number, cells: values } of rows) {
    if (number === 1) {
      continue;
    }
    const cells = columns.map((c) => values[c] ?? '');
    if (cells.every((v) => v === '')) {
      continue;
    }
    if (cells.slice(2).every((v) => v === '')) {
      continue; // a template month not filled in yet
    }
    const parsed = schema.safeParse(Object.fromEntries(KEYS.map((k, i) => [k, cells[i]])));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ path: `row${number}`, message: `第${number}行：${issue.message}` });
      }
      continue;
    }
    const key = `${parsed.data.year}-${parsed.data.month}`;
    if (seen.has(key)) {
      issues.push({
        path: `row${number}`,
        message: `第${number}行：${parsed.data.year}年${parsed.data.month}月重复出现`,
      });
      continue;
    }
    seen.add(key);
    months.push(parsed.data);
  }
  if (issues.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `有 ${issues.length} 处错误，未导入任何数据：${issues
        .slice(0, 5)
        .map((i) => i.message)
        .join('；')}`,
      {
        issues,
      },
    );
  }
  if (months.length === 0) {
    throw new DomainError('VALIDATION_FAILED', '文件中没有填写数据的月份');
  }
  await writeDecisionMonths(ctx, actor, meta, agency.id, months, 'import');
  return { imported: months.length, years: [...new Set(months.map((m) => m.year))].sort() };
}
