import type ExcelJS from 'exceljs';

export interface XlsxColumn<T> {
  readonly header: string;
  readonly key: keyof T;
  readonly width: number;
}

/**
 * A worksheet as agencies keep registers in Excel: the title across the top, a 序号 column, the
 * header frozen and filtered, rows wrapped and top-aligned.
 */
export function addTableSheet<T>(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: readonly XlsxColumn<T>[],
  rows: readonly T[],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, columns.length + 1);
  const heading = sheet.getCell(1, 1);
  heading.value = title;
  heading.font = { bold: true, size: 14 };
  heading.alignment = { horizontal: 'center' };
  const header = sheet.getRow(2);
  header.values = ['序号', ...columns.map((c) => c.header)];
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  sheet.getColumn(1).width = 6;
  columns.forEach((c, i) => {
    sheet.getColumn(i + 2).width = c.width;
  });
  rows.forEach((row, i) => {
    const added = sheet.addRow([i + 1, ...columns.map((c) => row[c.key] as unknown as ExcelJS.CellValue)]);
    added.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length + 1 } };
  return sheet;
}
