import type { Block } from './blocks.ts';

/**
 * Text copied out of Word (as in fixtures/reports/zhangshu-gongxinju-2023.txt): table cells are
 * tab-indented lines, one cell per line, rows separated by blank lines; a cell that wrapped continues
 * on an unindented line right after it; everything else is paragraphs.
 *
 * Text copied from a web page puts a row on one line with tab-separated cells; that is read too.
 */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let row: string[] | null = null;
  let lastWasCell = false;
  const flush = () => {
    if (row !== null && row.length > 0) {
      blocks.push({ kind: 'row', cells: row });
    }
    row = null;
  };
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (raw.trim() === '' && !raw.includes('\t')) {
      flush();
      lastWasCell = false;
      continue;
    }
    if (raw.startsWith('\t')) {
      row ??= [];
      row.push(raw.replace(/^\t/, '').trim());
      lastWasCell = true;
      continue;
    }
    if (lastWasCell && row !== null && raw.trim().length <= 12 && !/[。；]/.test(raw)) {
      const r: string[] = row;
      r[r.length - 1] = `${r[r.length - 1] ?? ''}${raw.trim()}`;
      continue;
    }
    if (raw.includes('\t') && raw.split('\t').filter((c) => c.trim() !== '').length >= 2) {
      flush();
      blocks.push({ kind: 'row', cells: raw.split('\t').map((c) => c.trim()) });
      lastWasCell = false;
      continue;
    }
    flush();
    blocks.push({ kind: 'para', text: raw.replace(/\t+$/, '').trim() });
    lastWasCell = false;
  }
  flush();
  return blocks;
}
