import type { AnnualReport } from '@xxgk/core';
import ExcelJS from 'exceljs';
import { activeTables, applicationsTable, appealsTable, reportTitle, type RenderTable } from './tables.ts';

/** Lays a table out on a sheet from `startRow`, merging spans; returns the next free row. */
function layTable(sheet: ExcelJS.Worksheet, table: RenderTable, startRow: number): number {
  const taken = new Set<string>();
  table.rows.forEach((row, r) => {
    let c = 1;
    for (const cell of row) {
      while (taken.has(`${startRow + r}:${c}`)) {
        c += 1;
      }
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      const target = sheet.getCell(startRow + r, c);
      target.value = cell.value !== undefined ? cell.value : cell.text;
      target.alignment = {
        vertical: 'middle',
        horizontal: 'center',
        wrapText: true,
        ...(cell.vertical ? { textRotation: 'vertical' as const } : {}),
      };
      target.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
      if (cell.header) {
        target.font = { bold: true };
      }
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          taken.add(`${startRow + r + dr}:${c + dc}`);
        }
      }
      if (rs > 1 || cs > 1) {
        sheet.mergeCells(startRow + r, c, startRow + r + rs - 1, c + cs - 1);
      }
      c += cs;
    }
  });
  return startRow + table.rows.length + 1;
}

/** One sheet per table, numbers as numbers, merged headers as in the official format. */
export async function renderReportXlsx(report: AnnualReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'xxgk';
  book.title = reportTitle(report);
  const sheets: [string, RenderTable[]][] = [
    ['二、主动公开', activeTables(report)],
    ['三、依申请公开', [applicationsTable(report)]],
    ['四、复议诉讼', [appealsTable(report)]],
  ];
  for (const [name, tables] of sheets) {
    const sheet = book.addWorksheet(name);
    let row = 1;
    for (const t of tables) {
      row = layTable(sheet, t, row);
    }
    sheet.columns.forEach((col, i) => {
      col.width = name.startsWith('三') && i < 3 ? 18 : 12;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
