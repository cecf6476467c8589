import { parse } from 'parse5';
import type { Block } from './blocks.ts';

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  childNodes?: Node[];
  attrs?: { name: string; value: string }[];
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
]);
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'section',
  'article',
  'main',
  'body',
  'br',
  'blockquote',
  'center',
  'td',
  'th',
]);

function textOf(node: Node): string {
  if (node.nodeName === '#text') {
    return node.value ?? '';
  }
  if (node.nodeName === 'br') {
    return '\n';
  }
  return (node.childNodes ?? []).map(textOf).join('');
}

/**
 * A saved web page of a report: tables become rows of cell texts (a cell spanning rows or columns is
 * read once, where it starts — labels come before their numbers, so reading order is enough), other
 * block elements become paragraphs. Site navigation, headers, footers, scripts and forms are skipped.
 */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let para = '';
  const flush = () => {
    for (const line of para.split('\n')) {
      if (line.trim() !== '') {
        blocks.push({ kind: 'para', text: line.replace(/\s+/g, ' ').trim() });
      }
    }
    para = '';
  };
  const walk = (node: Node) => {
    const tag = node.nodeName;
    if (SKIP.has(tag)) {
      return;
    }
    const cls = node.attrs?.find((a) => a.name === 'class' || a.name === 'id')?.value ?? '';
    if (/\b(nav|menu|footer|header|breadcrumb|share|sidebar)\b/i.test(cls) && tag !== 'body') {
      return;
    }
    if (tag === '#text') {
      para += node.value ?? '';
      return;
    }
    if (tag === 'table') {
      flush();
      for (const tr of rowsOf(node)) {
        const cells = (tr.childNodes ?? [])
          .filter((c) => c.nodeName === 'td' || c.nodeName === 'th')
          .map((c) => textOf(c).replace(/\s+/g, ' ').trim());
        if (cells.some((c) => c !== '')) {
          blocks.push({ kind: 'row', cells });
        }
      }
      return;
    }
    if (BLOCK.has(tag)) {
      flush();
    }
    if (tag === 'br') {
      para += '\n';
      return;
    }
    (node.childNodes ?? []).forEach(walk);
    if (BLOCK.has(tag)) {
      flush();
    }
  };
  walk(parse(html) as unknown as Node);
  flush();
  return blocks;
}

/** The rows of a table, through thead/tbody/tfoot, not into nested tables. */
function rowsOf(table: Node): Node[] {
  const out: Node[] = [];
  for (const child of table.childNodes ?? []) {
    if (child.nodeName === 'tr') {
      out.push(child);
    } else if (child.nodeName === 'thead' || child.nodeName === 'tbody' || child.nodeName === 'tfoot') {
      out.push(...rowsOf(child));
    }
  }
  return out;
}
