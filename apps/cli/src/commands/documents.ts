import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkReport, hasErrors, type AnnualReport } from '@xxgk/core';
import { readReportFile, renderReportDocx, renderReportHtml, renderReportPdf, renderReportXlsx } from '@xxgk/documents';
import { EXIT, readInputFile, UsageError, type Io } from '../io.ts';

/** Reads a report from a published file (DOCX, PDF, HTML, text) or from report-json. */
async function readAny(file: string): Promise<AnnualReport> {
  const bytes = readInputFile(file);
  if (/\.json$/i.test(file)) {
    const report = JSON.parse(bytes.toString('utf8')) as AnnualReport;
    return {
      ...report,
      sections: report.sections ?? [],
      findings: [],
      source: report.source ?? { kind: 'generated', warnings: [] },
    };
  }
  return readReportFile(path.basename(file), bytes);
}

/**
 * `xxgk report check FILE... [--previous FILE] [--json]`: import each file, run R1–R12, print the
 * report-json (an array for several files) or a Chinese summary. Exit 0 without error findings, 1
 * with any, 2 when a file cannot be read.
 */
export async function reportCheck(
  io: Io,
  files: string[],
  flags: { previous?: string | undefined; json?: boolean | undefined },
): Promise<number> {
  if (files.length === 0) {
    throw new UsageError('用法：xxgk report check FILE... [--previous FILE] [--json]');
  }
  let previous: AnnualReport | undefined;
  if (flags.previous !== undefined) {
    try {
      previous = await readAny(flags.previous);
    } catch (error) {
      io.err(`无法读取上年报告 ${flags.previous}：${(error as Error).message}`);
      return 2;
    }
  }
  const results: AnnualReport[] = [];
  let unreadable = false;
  for (const file of files) {
    try {
      const report = await readAny(file);
      report.findings = checkReport(report, { previous });
      results.push(report);
    } catch (error) {
      unreadable = true;
      io.err(`无法读取 ${file}：${(error as Error).message}`);
    }
  }
  if (flags.json) {
    io.out(JSON.stringify(files.length === 1 ? (results[0] ?? null) : results, null, 2));
  } else {
    io.out(['文件', '机关', '年度', '错误', '警告', '读取提示'].join('\t'));
    results.forEach((r) => {
      const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
      io.out(
        [
          String(r.source['file'] ?? ''),
          r.agency ?? '（未识别）',
          String(r.year ?? '？'),
          count('error'),
          count('warning'),
          r.source.warnings.length,
        ].join('\t'),
      );
      for (const f of r.findings.filter((x) => x.severity !== 'info')) {
        io.out(`  [${f.rule}·${f.severity === 'error' ? '错误' : '警告'}] ${f.message}`);
      }
    });
  }
  if (unreadable) {
    return 2;
  }
  return results.some((r) => hasErrors(r.findings)) ? EXIT.problem : EXIT.ok;
}

const RENDERERS = {
  docx: renderReportDocx,
  pdf: renderReportPdf,
  html: async (r: AnnualReport) => Buffer.from(renderReportHtml(r), 'utf8'),
  xlsx: renderReportXlsx,
} as const;

/** `xxgk report render FILE.json --to docx|pdf|html|xlsx -o OUT`. */
export async function reportRender(
  io: Io,
  files: string[],
  flags: { to?: string | undefined; out?: string | undefined },
): Promise<number> {
  const [file] = files;
  if (file === undefined || flags.to === undefined || flags.out === undefined) {
    throw new UsageError('用法：xxgk report render FILE.json --to docx|pdf|html|xlsx -o OUT');
  }
  if (!(flags.to in RENDERERS)) {
    throw new UsageError(`--to 应为 docx、pdf、html 或 xlsx，实为“${flags.to}”`);
  }
  const report = await readAny(file);
  const bytes = await RENDERERS[flags.to as keyof typeof RENDERERS](report);
  writeFileSync(flags.out, bytes);
  io.out(`已生成 ${flags.out}（${(bytes.length / 1024).toFixed(1)} KB）`);
  return EXIT.ok;
}
