import type { AnnualReport } from '@xxgk/core';
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { activeTables, applicationsTable, appealsTable, reportTitle, sectionsOf, type RenderTable } from './tables.ts';

/**
 * 公文 typography (GB/T 9704—2012 党政机关公文格式): A4; margins top 37 mm, bottom 35 mm, left 28 mm,
 * right 26 mm; title in 方正小标宋简体 二号 (22 pt); part titles 黑体 三号; body 仿宋_GB2312 三号 (16 pt)
 * with a two-character first-line indent; tables in 宋体 五号. Word and WPS substitute 宋体/仿宋 where a
 * 方正 or _GB2312 font is not installed.
 */
const MM = 56.7; // twips per millimetre
const FONTS = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312', table: '宋体' } as const;

const run = (text: string, font: string, halfPoints: number, bold = false) =>
  new TextRun({
    text,
    bold,
    size: halfPoints,
    font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  });

function cellParagraphs(text: string, numeric: boolean): Paragraph[] {
  return [
    new Paragraph({
      alignment: numeric ? AlignmentType.CENTER : AlignmentType.CENTER,
      children: [run(text, FONTS.table, 21)],
    }),
  ];
}

function docxTable(table: RenderTable): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: table.rows.map(
      (row) =>
        new TableRow({
          tableHeader: false,
          children: row.map(
            (cell) =>
              new TableCell({
                children: cellParagraphs(cell.text, cell.value !== undefined),
                ...(cell.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
                ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
                verticalAlign: VerticalAlign.CENTER,
                ...(cell.vertical ? { textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT } : {}),
              }),
          ),
        }),
    ),
  });
}

/** Renders a report to a .docx in the official template's layout. */
export async function renderReportDocx(report: AnnualReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [run(reportTitle(report), FONTS.title, 44)],
    }),
  ];
  for (const s of sectionsOf(report)) {
    children.push(
      new Paragraph({
        spacing: { before: 200, after: 100 },
        indent: { firstLine: 640 },
        children: [run(s.title, FONTS.heading, 32)],
      }),
    );
    for (const line of s.text.split('\n').filter((l) => l.trim() !== '')) {
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 560, lineRule: 'exact' },
          children: [run(line.trim(), FONTS.body, 32)],
        }),
      );
    }
    const tables =
      s.number === 2
        ? activeTables(report)
        : s.number === 3
          ? [applicationsTable(report)]
          : s.number === 4
            ? [appealsTable(report)]
            : [];
    for (const t of tables) {
      children.push(docxTable(t));
      children.push(new Paragraph({ children: [] }));
    }
  }
  const doc = new Document({
    creator: 'xxgk',
    title: reportTitle(report),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
