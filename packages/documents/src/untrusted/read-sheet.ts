import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** One row of a sheet: its number as the spreadsheet shows it, and its cells as text (column A first). */
export interface SheetRow {
  readonly number: number;
  readonly cells: string[];
}

/** A CSV is UTF-8 (with or without BOM) or, from older Excel, GB18030. */
function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'object' && 'result' in value) {
    return String(value.result ?? '');
  }
  if (typeof value === 'object' && 'richText' in value) {
    return value.richText.map((t) => t.text).join('');
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}

/**
 * The first worksheet of an XLSX file, or a CSV (by the name's extension), as rows of cell texts;
 * empty rows are left out, and rows keep their numbers. Null when the workbook has no sheet.
 */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<SheetRow[] | null> {
  const book = new ExcelJS.Workbook();
  if (/\.csv$/iu.test(fileName)) {
    await book.csv.read(Readable.from([decodeCsv(bytes)]));
  } else {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  }
  const sheet = book.worksheets[0];
  if (sheet === undefined) {
    return null;
  }
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    rows.push({ number, cells: (row.values as ExcelJS.CellValue[]).slice(1).map(cellText) });
  });
  return rows;
}
