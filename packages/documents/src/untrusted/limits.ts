import { DomainError } from '@xxgk/core';

/**
 * Limits on reading a file nobody vouches for (an upload, a published report fetched from anywhere, a
 * file named on the command line). Real files sit far below every one: a 公文 DOCX inflates to well
 * under 5 MB with a few hundred paragraphs; a report PDF has under 30 pages; a 名单 XLSX a few
 * thousand rows. A file past a limit is refused with the limit named, before or while it is parsed,
 * and the parse runs in a worker with a heap cap and a time limit (sandbox.ts), so no file can stop
 * the server or the command.
 */
export interface ParseLimits {
  /** Bytes of the file itself. */
  readonly inputBytes: number;
  /** Entries in a zip container (DOCX, XLSX, OFD). */
  readonly zipEntries: number;
  /** Bytes of all entries once inflated: a zip bomb is refused here. */
  readonly inflatedBytes: number;
  /** Bytes of one XML part once inflated. */
  readonly xmlPartBytes: number;
  /** Paragraphs (`<w:p>`) in a Word document's body. */
  readonly paragraphs: number;
  /** Rows (`<row>`) in one spreadsheet. */
  readonly rows: number;
  /** Depth of nested XML elements. */
  readonly xmlDepth: number;
  /** Pages read from a PDF. */
  readonly pdfPages: number;
  /** Characters of text an HTML or text file may hold. */
  readonly textChars: number;
  /** Wall time one parse may take, in milliseconds. */
  readonly timeMs: number;
  /** The parsing worker's heap, in MB. */
  readonly heapMb: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  inputBytes: 64 * 1024 * 1024,
  zipEntries: 2_000,
  inflatedBytes: 128 * 1024 * 1024,
  xmlPartBytes: 48 * 1024 * 1024,
  paragraphs: 100_000,
  rows: 100_000,
  xmlDepth: 200,
  pdfPages: 1_000,
  textChars: 32 * 1024 * 1024,
  timeMs: 60_000,
  heapMb: 768,
};

/** Which limit a file broke; `unsafe` is a construct refused outright (DTDs, entities, encryption). */
export type ParseLimitName =
  | 'inputBytes'
  | 'zipEntries'
  | 'inflatedBytes'
  | 'xmlPartBytes'
  | 'paragraphs'
  | 'rows'
  | 'xmlDepth'
  | 'pdfPages'
  | 'textChars'
  | 'timeMs'
  | 'heapMb'
  | 'unsafe'
  | 'corrupt';

const MB = 1024 * 1024;

function describe(limit: ParseLimitName, limits: ParseLimits): string {
  switch (limit) {
    case 'inputBytes':
      return `文件超过 ${limits.inputBytes / MB} MB`;
    case 'zipEntries':
      return `压缩包中的文件超过 ${limits.zipEntries} 个`;
    case 'inflatedBytes':
      return `解压后超过 ${limits.inflatedBytes / MB} MB（疑似“压缩炸弹”）`;
    case 'xmlPartBytes':
      return `其中一个 XML 部件解压后超过 ${limits.xmlPartBytes / MB} MB`;
    case 'paragraphs':
      return `正文段落超过 ${limits.paragraphs.toLocaleString('en-US')} 个`;
    case 'rows':
      return `一个工作表超过 ${limits.rows.toLocaleString('en-US')} 行`;
    case 'xmlDepth':
      return `XML 元素嵌套超过 ${limits.xmlDepth} 层`;
    case 'pdfPages':
      return `PDF 超过 ${limits.pdfPages} 页`;
    case 'textChars':
      return `文字超过 ${limits.textChars / MB}M 个字符`;
    case 'timeMs':
      return `读取超过 ${limits.timeMs / 1000} 秒仍未完成`;
    case 'heapMb':
      return `读取所需内存超过 ${limits.heapMb} MB`;
    case 'unsafe':
      return '含有不允许的结构';
    case 'corrupt':
      return '文件已损坏';
  }
}

/**
 * A file refused for a limit: a DomainError (VALIDATION_FAILED → HTTP 400; the CLI reports the file
 * unreadable, exit 2) whose message names the limit, and `details.limit` says which.
 */
export function fileRejected(limit: ParseLimitName, limits: ParseLimits, detail = ''): DomainError {
  const what = describe(limit, limits);
  const why = detail === '' ? '' : `（${detail}）`;
  // A damaged container broke no limit: say so plainly.
  const message = limit === 'corrupt' ? `${what}，未读取${why}` : `文件超出安全读取限制，未读取：${what}${why}`;
  return new DomainError('VALIDATION_FAILED', message, { details: { limit } });
}
