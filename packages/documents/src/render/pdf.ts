import { existsSync } from 'node:fs';
import type { AnnualReport } from '@xxgk/core';
import PDFDocument from 'pdfkit';
import { reportTitle, sectionsOf, tablesOfSection, type RenderTable } from './tables.ts';

/** A CJK font file and, for a collection (.ttc), the face's PostScript name (STACK.md §6). */
export interface CjkFont {
  readonly path: string;
  readonly family?: string;
}

/** Debian's fonts-noto-cjk (installed by .ci/run); the serif face stands in for 仿宋/宋体. */
export const DEFAULT_CJK_FONTS: readonly CjkFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
];

export class MissingFontError extends Error {}

const MM = 72 / 25.4;
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };

/**
 * Renders a report to PDF with an embedded, subset CJK font (text stays extractable), A4 with 公文
 * margins, the tables drawn from the same grid as every other format.
 */
export async function renderReportPdf(report: AnnualReport, options: { font?: CjkFont } = {}): Promise<Buffer> {
  const font = options.font ?? DEFAULT_CJK_FONTS.find((f) => existsSync(f.path));
  if (font === undefined || !existsSync(font.path)) {
    throw new MissingFontError('未找到中文字体，无法生成 PDF：请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk）');
  }
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, info: { Title: reportTitle(report), Creator: 'xxgk' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const width = doc.page.width - MARGIN.left - MARGIN.right;

  doc.fontSize(20).text(reportTitle(report), { align: 'center' });
  doc.moveDown(1);
  for (const s of sectionsOf(report)) {
    ensureSpace(doc, 60);
    doc.fontSize(15).text(s.title, MARGIN.left, doc.y);
    doc.moveDown(0.3);
    for (const line of s.text.split('\n').filter((l) => l.trim() !== '')) {
      doc.fontSize(12).text(line.trim(), MARGIN.left, doc.y, { width, indent: 24, lineGap: 4 });
    }
    const tables = tablesOfSection(report, s.number);
    for (const t of tables) {
      drawTable(doc, t, width);
      doc.moveDown(0.8);
    }
  }
  doc.end();
  return done;
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN.bottom) {
    doc.addPage();
  }
}

/** Column widths: label columns of table 三 are wider, numbers share the rest. */
function columnWidths(table: RenderTable, width: number): number[] {
  if (table.id === 'applications') {
    const label = [22, 74, 120];
    const rest = (width - label.reduce((a, b) => a + b, 0)) / 7;
    return [...label, ...new Array<number>(7).fill(rest)];
  }
  if (table.columns === 2) {
    return [width * 0.5, width * 0.5];
  }
  return new Array<number>(table.columns).fill(width / table.columns);
}

function drawTable(doc: PDFKit.PDFDocument, table: RenderTable, width: number): void {
  const widths = columnWidths(table, width);
  const size = table.id === 'applications' || table.id === 'appeals' ? 8 : 10;
  doc.fontSize(size);
  // Lay cells on the grid, honouring spans.
  const taken = new Set<string>();
  const placed: { r: number; c: number; cell: RenderTable['rows'][number][number] }[] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r}:${c}`)) {
        c += 1;
      }
      placed.push({ r, c, cell });
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          taken.add(`${r + dr}:${c + dc}`);
        }
      }
      c += cell.colSpan ?? 1;
    }
  });
  const spanWidth = (c: number, span: number) => widths.slice(c, c + span).reduce((a, b) => a + b, 0);
  // Row heights from the cells that span one row.
  const heights = table.rows.map(() => size * 2.6);
  for (const p of placed) {
    if ((p.cell.rowSpan ?? 1) === 1 && !p.cell.vertical) {
      const h = doc.heightOfString(p.cell.text || ' ', { width: spanWidth(p.c, p.cell.colSpan ?? 1) - 4 }) + 6;
      heights[p.r] = Math.max(heights[p.r] ?? 0, h);
    }
  }
  // Split into page-sized runs of rows, breaking only where no merged cell crosses.
  const crosses = (boundary: number) => placed.some((p) => p.r < boundary && p.r + (p.cell.rowSpan ?? 1) > boundary);
  let start = 0;
  while (start < table.rows.length) {
    let end = start;
    let height = 0;
    let lastBreak = -1;
    while (end < table.rows.length && height + (heights[end] ?? 0) <= doc.page.height - MARGIN.bottom - doc.y) {
      height += heights[end] ?? 0;
      end += 1;
      if (!crosses(end)) {
        lastBreak = end;
      }
    }
    if (end < table.rows.length) {
      if (lastBreak <= start) {
        if (doc.y > MARGIN.top + 1) {
          doc.addPage();
          continue;
        }
        lastBreak = Math.max(end, start + 1); // a merged block taller than a page: cut it anyway
      }
      end = lastBreak;
    }
    drawRows(start, end);
    start = end;
    if (start < table.rows.length) {
      doc.addPage();
    }
  }
  doc.x = MARGIN.left;
  doc.y += 4;

  function drawRows(from: number, to: number): void {
    const top = doc.y;
    const rowTop = (r: number) => top + heights.slice(from, r).reduce((a, b) => a + b, 0);
    const colLeft = (c: number) => MARGIN.left + widths.slice(0, c).reduce((a, b) => a + b, 0);
    for (const p of placed.filter((q) => q.r >= from && q.r < to)) {
      const x = colLeft(p.c);
      const y = rowTop(p.r);
      const w = spanWidth(p.c, p.cell.colSpan ?? 1);
      const h = heights.slice(p.r, Math.min(to, p.r + (p.cell.rowSpan ?? 1))).reduce((a, b) => a + b, 0);
      doc.rect(x, y, w, h).lineWidth(0.5).stroke();
      const text = p.cell.vertical ? [...p.cell.text].join('\n') : p.cell.text;
      const textHeight = doc.heightOfString(text || ' ', { width: w - 4 });
      doc.text(text, x + 2, y + Math.max(2, (h - textHeight) / 2), {
        width: w - 4,
        align: p.cell.scope === 'row' ? 'left' : 'center',
        lineBreak: true,
      });
    }
    doc.x = MARGIN.left;
    doc.y = top + heights.slice(from, to).reduce((a, b) => a + b, 0);
  }
}
