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
import { reportTitle, sectionsOf, tablesOfSection, type RenderTable } from './tables.ts';

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

/** Text width of the page in twips (A4 less the 公文 margins). */
const TEXT_WIDTH = 11906 - Math.round(28 * MM) - Math.round(26 * MM);

/** Table 三's columns as in the template: wide label columns, seven even number columns. */
const APPLICATION_WIDTHS = (() => {
  const labels = [500, 1000, 2300];
  const rest = Math.floor((TEXT_WIDTH - labels.reduce((a, b) => a + b, 0)) / 7);
  return [...labels, ...new Array<number>(7).fill(rest)];
})();

/**
 * The grid column each cell starts in (cells merged from the rows above take their columns), so a
 * cell can be given the width of the columns it spans.
 */
function startColumns(table: RenderTable): number[][] {
  const taken = new Set<string>();
  return table.rows.map((row, r) => {
    let c = 0;
    return row.map((cell) => {
      while (taken.has(`${r}:${c}`)) {
        c += 1;
      }
      const start = c;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          taken.add(`${r + dr}:${c + dc}`);
        }
      }
      c += cell.colSpan ?? 1;
      return start;
    });
  });
}

function docxTable(table: RenderTable): Table {
  // Table 三 gets the template's wide label columns through its cells' widths. (A table-level grid
  // or a fixed layout made LibreOffice drop the table that follows.)
  const starts = table.id === 'applications' ? startColumns(table) : null;
  const widthOf = (r: number, i: number, span: number) => {
    const start = starts?.[r]?.[i] ?? 0;
    return APPLICATION_WIDTHS.slice(start, start + span).reduce((a, b) => a + b, 0);
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: table.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: false,
          children: row.map(
            (cell, i) =>
              new TableCell({
                ...(starts ? { width: { size: widthOf(r, i, cell.colSpan ?? 1), type: WidthType.DXA } } : {}),
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
        // Part 四 starts a page: LibreOffice squeezes its merged-header table into a line when it
        // begins right below the long table 三 near the foot of a page.
        pageBreakBefore: s.number === 4,
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
    const tables = tablesOfSection(report, s.number);
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
