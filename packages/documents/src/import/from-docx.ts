import mammoth from 'mammoth';
import type { Block } from './blocks.ts';
import { htmlToBlocks } from './from-html.ts';

/**
 * A Word file: mammoth turns it into HTML (tables keep their cells; merged cells come out once, with
 * colspan/rowspan), which is then read like a web page.
 */
export async function docxToBlocks(bytes: Uint8Array): Promise<{ blocks: Block[]; warnings: string[] }> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => `DOCX 读取问题：${m.message}`);
  return { blocks: htmlToBlocks(result.value), warnings };
}
