import { readFileSync } from 'node:fs';
import { applicationsFee, checkReport, fenToYuan, hasErrors, isIsoDate, pageFee, type AnnualReport } from '@xxgk/core';
import { EXIT, UsageError, type Io } from '../io.ts';

/** Commands over the pure rulebook: no database, no calendar. */

function count(value: string | undefined, what: string, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min) {
    throw new UsageError(`${what}应为不小于${min}的整数，实为“${value ?? ''}”`);
  }
  return n;
}

function date(value: string, what: string): string {
  if (!isIsoDate(value)) {
    throw new UsageError(`${what}应为 YYYY-MM-DD 格式的日期，实为“${value}”`);
  }
  return value;
}

export function fee(io: Io, args: string[], flags: { json?: boolean | undefined }): number {
  const [kind, value] = args;
  if (kind !== 'items' && kind !== 'pages') {
    throw new UsageError('用法：xxgk fee items N | pages N [--json]');
  }
  const b = kind === 'items' ? applicationsFee(count(value, '申请件数', 0)) : pageFee(count(value, '页数', 0));
  if (flags.json) {
    io.out(JSON.stringify({ ...b, totalYuan: fenToYuan(b.totalFen) }, null, 2));
  } else {
    io.out(`${fenToYuan(b.totalFen)}元`);
  }
  return EXIT.ok;
}

function readReport(file: string): AnnualReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`无法读取 ${file}：${(error as Error).message}`);
  }
  try {
    const report = JSON.parse(text) as AnnualReport;
    if (typeof report !== 'object' || report === null || !('applications' in report)) {
      throw new Error('不是 xxgk-annual-report/1 格式（缺少 applications）');
    }
    return { ...report, sections: report.sections ?? [], findings: [] };
  } catch (error) {
    throw new UsageError(`${file} 不是有效的年度报告 JSON：${(error as Error).message}`);
  }
}

export function reportVerify(
  io: Io,
  args: string[],
  flags: {
    previous?: string | undefined;
    json?: boolean | undefined;
    published?: string | undefined;
    level?: string | undefined;
  },
): number {
  const [file] = args;
  if (file === undefined) {
    throw new UsageError(
      '用法：xxgk report verify FILE.json [--previous LAST.json] [--published DATE --level department|government] [--json]',
    );
  }
  if (flags.level !== undefined && flags.level !== 'department' && flags.level !== 'government') {
    throw new UsageError('--level 应为 department（政府部门）或 government（人民政府）');
  }
  const report = readReport(file);
  const findings = checkReport(report, {
    previous: flags.previous === undefined ? undefined : readReport(flags.previous),
    publishedOn: flags.published === undefined ? undefined : date(flags.published, '--published '),
    level: flags.level as 'department' | 'government' | undefined,
  });
  if (flags.json) {
    io.out(JSON.stringify({ ...report, findings }, null, 2));
  } else if (findings.length === 0) {
    io.out(`${report.agency ?? ''}${report.year ?? ''}年度报告：全部勾稽关系校验通过`);
  } else {
    const label = { error: '错误', warning: '警告', info: '提示' } as const;
    io.out(`${report.agency ?? ''}${report.year ?? ''}年度报告：发现 ${findings.length} 处问题`);
    for (const f of findings) {
      io.out(`  [${f.rule}·${label[f.severity]}] ${f.message}`);
      io.out(`      单元格：${f.cells.join('，')}`);
    }
  }
  return hasErrors(findings) ? EXIT.problem : EXIT.ok;
}
