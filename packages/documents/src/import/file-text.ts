import ExcelJS from 'exceljs';
import type { Block } from './blocks.ts';
import { docxToBlocks } from './from-docx.ts';
import { pdfToBlocks } from './from-pdf.ts';

/**
 * The text of a file to be published, for the scanner (issue 8): DOCX and PDF through the report
 * importer's readers, XLSX cell by cell (a sheet is where 名单 with 身份证号 hide), plain text and
 * HTML as they are. Table rows become one line with cells separated by tabs, so "a name beside an ID
 * number" is one line. Images and old binary Office files have no text to read: `skipped`, said so.
 */
export type FileTextStatus = 'ok' | 'empty' | 'unreadable' | 'skipped';

export interface FileText {
  readonly status: FileTextStatus;
  readonly text: string;
  /** Why the text could not be read, in Chinese. */
  readonly message: string;
}

function blocksText(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.kind === 'para' ? b.text : b.cells.join('\t'))).join('\n');
}

function extension(fileName: string): string {
  return /\.([A-Za-z0-9]+)$/u.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells.push(cell.text.trim());
      });
      lines.push(cells.join('\t'));
    });
  });
  return lines.join('\n');
}

/** Reads the text of a file by its name's extension (and media type for text). */
export async function fileText(
  bytes: Uint8Array,
  fileName: string,
  mediaType = '',
  options: { readonly pdfPages?: number } = {},
): Promise<FileText> {
  const ext = extension(fileName);
  const read = async (): Promise<string | null> => {
    switch (ext) {
      case 'docx':
        return blocksText((await docxToBlocks(bytes)).blocks);
      case 'pdf':
        return blocksText((await pdfToBlocks(bytes, options)).blocks);
      case 'xlsx':
        return xlsxText(bytes);
      case 'txt':
      case 'csv':
      case 'md':
        return new TextDecoder('utf-8').decode(bytes);
      case 'html':
      case 'htm':
        return new TextDecoder('utf-8')
          .decode(bytes)
          .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/giu, '')
          .replace(/<[^>]+>/gu, ' ');
      default:
        return mediaType.startsWith('text/') ? new TextDecoder('utf-8').decode(bytes) : null;
    }
  };
  if (bytes.byteLength === 0) {
    return { status: 'empty', text: '', message: '附件是空文件（0 字节）' };
  }
  let text: string | null;
  try {
    text = await read();
  } catch (error) {
    return {
      status: 'unreadable',
      text: '',
      message: `附件无法打开（${ext.toUpperCase() || '未知格式'}文件已损坏或格式不符）：${error instanceof Error ? error.message.slice(0, 120) : String(error)}`,
    };
  }
  if (text === null) {
    const what = ['doc', 'xls', 'wps', 'et'].includes(ext)
      ? '旧版办公文档格式'
      : ext === ''
        ? '无扩展名的文件'
        : `.${ext} 文件`;
    return { status: 'skipped', text: '', message: `${what}不能读取文字，未检查内容` };
  }
  if (text.trim() === '') {
    return {
      status: 'empty',
      text: '',
      message:
        ext === 'pdf' ? '附件中没有文字（可能是扫描件，无法检查内容，也不便于检索和无障碍阅读）' : '附件中没有内容',
    };
  }
  return { status: 'ok', text, message: '' };
}
