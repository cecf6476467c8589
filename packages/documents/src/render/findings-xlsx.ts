import type { AnnualReport } from '@xxgk/core';
import ExcelJS from 'exceljs';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

/** Every finding of every report checked, one row each, for the 政务公开办's working list. */
export async function renderFindingsXlsx(reports: readonly AnnualReport[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'xxgk';
  const sheet = book.addWorksheet('校验结果');
  sheet.columns = [
    { header: '机关', key: 'agency', width: 28 },
    { header: '年度', key: 'year', width: 8 },
    { header: '来源文件', key: 'file', width: 28 },
    { header: '规则', key: 'rule', width: 8 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '问题', key: 'message', width: 80 },
    { header: '应为', key: 'expected', width: 10 },
    { header: '实为', key: 'actual', width: 10 },
    { header: '单元格', key: 'cells', width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of reports) {
    if (r.findings.length === 0) {
      sheet.addRow({
        agency: r.agency ?? '',
        year: r.year ?? '',
        file: String(r.source?.['file'] ?? ''),
        message: '全部勾稽关系校验通过',
      });
    }
    for (const f of r.findings) {
      sheet.addRow({
        agency: r.agency ?? '',
        year: r.year ?? '',
        file: String(r.source?.['file'] ?? ''),
        rule: f.rule,
        severity: SEVERITY[f.severity],
        message: f.message,
        expected: f.expected ?? null,
        actual: f.actual ?? null,
        cells: f.cells.join('，'),
      });
    }
  }
  sheet.autoFilter = { from: 'A1', to: 'I1' };
  return Buffer.from(await book.xlsx.writeBuffer());
}
