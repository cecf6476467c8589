import type { Block } from './blocks.ts';
import { parseNumberCell } from './labels.ts';
import { DEFAULT_PARSE_LIMITS, fileRejected } from '../untrusted/limits.ts';

interface Item {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly size: number;
}

/**
 * A PDF: text with positions (pdfjs-dist), rebuilt into rows and paragraphs.
 *
 * Tables are found from their numbers: number items that share a baseline make a row, and the text to
 * their left within the row's band (half the distance to the neighbouring rows, at most about a line)
 * is its label — so a label wrapped over two lines, or a group label centred over several rows
 * (（三）不予公开), still lands in one row. Text outside every band is read as paragraph lines. Page
 * footers such as `- 3 -` are dropped; a vertical label printed one character per line ends up as
 * stray single characters, which the mapper ignores.
 */
export async function pdfToBlocks(
  bytes: Uint8Array,
  options: { readonly pdfPages?: number } = {},
): Promise<{ blocks: Block[]; warnings: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    isEvalSupported: false,
  }).promise;
  const blocks: Block[] = [];
  const warnings: string[] = [];
  try {
    const maxPages = options.pdfPages ?? DEFAULT_PARSE_LIMITS.pdfPages;
    if (doc.numPages > maxPages) {
      throw fileRejected('pdfPages', { ...DEFAULT_PARSE_LIMITS, pdfPages: maxPages }, `共 ${doc.numPages} 页`);
    }
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str.trim() === '') {
          continue;
        }
        const [a, , , d, x, y] = raw.transform as number[];
        items.push({ str: raw.str, x: x ?? 0, y: y ?? 0, w: raw.width, size: Math.abs(d ?? a ?? 10) });
      }
      blocks.push(...pageBlocks(items));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  if (blocks.length === 0) {
    warnings.push('PDF 中没有可提取的文字（可能是扫描件），无法读取');
  }
  return { blocks, warnings };
}

const isNumber = (s: string) => parseNumberCell(s).kind === 'number';
const isFooter = (s: string) =>
  /^[-—–]\s*\d+\s*[-—–]$/.test(s.trim()) || /^第\s*\d+\s*页(，?共\s*\d+\s*页)?$/.test(s.trim());

function pageBlocks(all: Item[]): Block[] {
  const items = all.filter((i) => !isFooter(i.str));
  // 1. Numeric baselines.
  const numbers = items.filter((i) => isNumber(i.str));
  const baselines: { y: number; nums: Item[] }[] = [];
  for (const n of [...numbers].sort((a, b) => b.y - a.y)) {
    const line = baselines.find((b) => Math.abs(b.y - n.y) <= 2);
    if (line) {
      line.nums.push(n);
    } else {
      baselines.push({ y: n.y, nums: [n] });
    }
  }
  // 2. Each baseline's band and label.
  const texts = items.filter((i) => !isNumber(i.str));
  const used = new Set<Item>();
  const rows: { y: number; cells: string[] }[] = [];
  baselines.forEach((b, i) => {
    const firstX = Math.min(...b.nums.map((n) => n.x));
    const above = baselines[i - 1];
    const below = baselines[i + 1];
    // A label may wrap over three lines around its numbers: allow about two lines each way, never
    // past half the distance to the neighbouring row.
    const line = Math.max(...b.nums.map((n) => n.size), 10) * 2.2;
    const top = b.y + Math.min(above ? (above.y - b.y) / 2 : line, line);
    const bottom = b.y - Math.min(below ? (b.y - below.y) / 2 : line, line);
    const label = texts.filter((t) => !used.has(t) && t.y <= top && t.y > bottom && t.x + t.w <= firstX + 1);
    if (label.length === 0 && b.nums.length < 5) {
      return; // a lone number outside a table: leave it to the paragraph lines
    }
    label.forEach((t) => used.add(t));
    b.nums.forEach((n) => used.add(n));
    rows.push({ y: b.y, cells: [...labelCells(label), ...b.nums.sort((m, n) => m.x - n.x).map((n) => n.str.trim())] });
  });
  // 3. Everything else as paragraph lines.
  const rest = items.filter((i) => !used.has(i)).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; items: Item[] }[] = [];
  for (const it of rest) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(2, it.size * 0.3));
    if (line) {
      line.items.push(it);
    } else {
      lines.push({ y: it.y, items: [it] });
    }
  }
  const paras = lines.map((l) => ({
    y: l.y,
    text: l.items
      .sort((a, b) => a.x - b.x)
      .map((i) => i.str)
      .join('')
      .trim(),
  }));
  const out: { y: number; block: Block }[] = [
    ...rows.map((r) => ({ y: r.y, block: { kind: 'row', cells: r.cells } as Block })),
    ...paras.filter((p) => p.text !== '').map((p) => ({ y: p.y, block: { kind: 'para', text: p.text } as Block })),
  ];
  return out.sort((a, b) => b.y - a.y).map((o) => o.block);
}

/**
 * The label text of a row as cells: pieces on one line that touch are joined; pieces that start at the
 * same x on successive lines are one wrapped cell; different x positions are different cells.
 */
function labelCells(items: Item[]): string[] {
  const segments: { x: number; y: number; end: number; text: string }[] = [];
  for (const it of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const prev = segments.find(
      (s) => Math.abs(s.y - it.y) <= 2 && it.x - s.end <= Math.max(4, it.size * 0.6) && it.x >= s.x,
    );
    if (prev) {
      prev.text += it.str;
      prev.end = it.x + it.w;
    } else {
      segments.push({ x: it.x, y: it.y, end: it.x + it.w, text: it.str });
    }
  }
  // A wrapped cell's lines follow each other at about one line's distance; a header row above is
  // further away and stays a cell of its own.
  const cells: { x: number; y: number; size: number; text: string }[] = [];
  for (const s of segments.sort((a, b) => b.y - a.y || a.x - b.x)) {
    const size = items.find((i) => i.y === s.y)?.size ?? 10;
    const cell = cells.find((c) => Math.abs(c.x - s.x) <= 6 && c.y - s.y <= Math.max(c.size, size) * 2.2);
    if (cell) {
      cell.text += s.text;
      cell.y = s.y;
    } else {
      cells.push({ x: s.x, y: s.y, size, text: s.text });
    }
  }
  return cells.sort((a, b) => a.x - b.x).map((c) => c.text.replace(/\s+/g, ''));
}
