import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EARLIEST_DOCUMENT_DATE, plausibleDates } from '@xxgk/app';
import {
  BUILT_IN_WORDING,
  compileWording,
  isIsoDate,
  scanCheckLabel,
  scanText,
  shanghaiDate,
  type ScanFinding,
  type WordingFile,
} from '@xxgk/core';
import { readFileText } from '@xxgk/documents';
import { clockFromEnv } from '@xxgk/server/config';
import { EXIT, readInputFile, UsageError, type Io } from '../io.ts';

/**
 * `xxgk scan FILE... [--date YYYY-MM-DD] [--dict FILE] [--json]`: the pre-publication scanner for
 * anyone checking documents before upload — 错敏 wording (the shipped dictionary, plus a city's file
 * in the same shape), personal data, 文号 format — over text, DOCX, PDF and XLSX. `--date` is the
 * publication date the check assumes (former names and leaders' posts depend on it). Exit 1 when a
 * severe finding is present, 2 when a file cannot be read.
 */
export async function scan(
  env: Readonly<Record<string, string | undefined>>,
  io: Io,
  files: readonly string[],
  flags: { date?: string | undefined; dict?: string | undefined; json?: boolean | undefined },
): Promise<number> {
  if (files.length === 0) {
    throw new UsageError('用法：xxgk scan FILE... [--date YYYY-MM-DD] [--dict FILE] [--json]');
  }
  const today = shanghaiDate(clockFromEnv(env)());
  const date = flags.date ?? today;
  if (!isIsoDate(date)) {
    throw new UsageError(`--date 应为 YYYY-MM-DD 格式的日期，不是“${date}”`);
  }
  // A document's date, as the forms take it (issue 18): from 1949-10-01 through next year.
  const range = plausibleDates(today, { min: EARLIEST_DOCUMENT_DATE });
  if (date < range.min || date > range.max) {
    throw new UsageError(`--date 应在 ${range.min} 至 ${range.max} 之间，不是“${date}”`);
  }
  const dictionaries: WordingFile[] = [...BUILT_IN_WORDING];
  if (flags.dict !== undefined) {
    try {
      dictionaries.push(JSON.parse(readFileSync(flags.dict, 'utf8')) as WordingFile);
    } catch (error) {
      throw new UsageError(`无法读取词库文件 ${flags.dict}：${(error as Error).message}`);
    }
  }
  let dictionary;
  try {
    dictionary = compileWording(dictionaries);
  } catch (error) {
    throw new UsageError(`词库有误：${(error as Error).message}`);
  }
  const results: { file: string; status: string; message: string; findings: ScanFinding[] }[] = [];
  let unreadable = false;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readInputFile(file);
    } catch (error) {
      unreadable = true;
      io.err(`无法读取 ${file}：${(error as Error).message}`);
      continue;
    }
    const name = path.basename(file);
    const read = await readFileText(
      bytes,
      name,
      /\.(txt|md|csv)$/iu.test(name) || !name.includes('.') ? 'text/plain' : '',
    );
    if (read.status === 'unreadable' || read.status === 'skipped') {
      unreadable = true;
      io.err(`${file}：${read.message}`);
      results.push({ file, status: read.status, message: read.message, findings: [] });
      continue;
    }
    results.push({
      file,
      status: read.status,
      message: read.message,
      findings: scanText(`file:${name}`, read.text, { dictionary, date }),
    });
  }
  const severe = results.some((r) => r.findings.some((f) => f.severity === 'severe'));
  if (flags.json) {
    io.out(JSON.stringify({ date, files: results }, null, 2));
  } else {
    for (const r of results) {
      if (r.status === 'empty') {
        io.out(`${r.file}\t一般\t附件：无内容\t${r.message}`);
      }
      for (const f of r.findings) {
        io.out(
          [
            `${r.file}${f.line === undefined ? '' : `:${f.line}`}`,
            f.severity === 'severe' ? '严重' : '一般',
            scanCheckLabel(f.check),
            f.excerpt === '' ? f.message : `${f.message}｜${f.excerpt}`,
            f.suggestion === undefined ? '' : `建议：${f.suggestion}`,
          ].join('\t'),
        );
      }
    }
    const total = results.reduce((n, r) => n + r.findings.length, 0);
    const severeCount = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'severe').length, 0);
    io.err(`按发布日期 ${date} 检查 ${results.length} 个文件：${total} 个问题，其中严重 ${severeCount} 个`);
  }
  return unreadable ? 2 : severe ? EXIT.problem : EXIT.ok;
}
