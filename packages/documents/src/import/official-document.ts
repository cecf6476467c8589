import mammoth from 'mammoth';
import { parseFragment, serialize } from 'parse5';

/**
 * Reads a 公文 in Word format (GB/T 9704—2012 layout) into what an item draft needs: the title,
 * the 发文字号 from the 版头, the 成文日期 from the 落款, and the body as HTML (everything after the
 * title). Headings styled as such are taken as the title first; otherwise the title is the first
 * paragraphs after the 发文字号 up to the 主送机关 line.
 */
export interface OfficialDocumentDraft {
  readonly title: string;
  readonly docNo: string;
  /** YYYY-MM-DD, or '' when no 成文日期 was found. */
  readonly writtenOn: string;
  readonly bodyHtml: string;
  /** What could not be read, in Chinese, for the editor to check. */
  readonly warnings: string[];
}

interface FragmentNode {
  nodeName: string;
  childNodes?: FragmentNode[];
  value?: string;
}

function textOf(node: FragmentNode): string {
  if (node.nodeName === '#text') {
    return node.value ?? '';
  }
  return (node.childNodes ?? []).map(textOf).join('');
}

const DOC_NO = /[\p{Script=Han}A-Za-z]+〔\d{4}〕[1-9]\d*号/u;
const DIGIT_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u;
const HAN_DATE = /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/u;

const HAN_DIGITS: ReadonlyMap<string, number> = new Map(
  [...'〇一二三四五六七八九']
    .map((c, i) => [c, i] as const)
    .concat([
      ['○', 0],
      ['零', 0],
    ]),
);

function hanNumber(text: string): number {
  if (!text.includes('十')) {
    return Number([...text].map((c) => HAN_DIGITS.get(c) ?? 0).join(''));
  }
  const [tens = '', ones = ''] = text.split('十');
  return (tens === '' ? 1 : (HAN_DIGITS.get(tens) ?? 0)) * 10 + (ones === '' ? 0 : (HAN_DIGITS.get(ones) ?? 0));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A 成文日期 line, in Arabic numerals (GB/T 9704—2012 7.3.5) or the older Chinese numerals. */
export function parseWrittenDate(line: string): string | undefined {
  const text = line.replace(/\s+/gu, '');
  const digits = DIGIT_DATE.exec(text);
  if (digits !== null) {
    return `${digits[1]}-${pad(Number(digits[2]))}-${pad(Number(digits[3]))}`;
  }
  const han = HAN_DATE.exec(text);
  if (han !== null) {
    return `${hanNumber(han[1] ?? '')}-${pad(hanNumber(han[2] ?? ''))}-${pad(hanNumber(han[3] ?? ''))}`;
  }
  return undefined;
}

export async function officialDocumentDraft(bytes: Uint8Array): Promise<OfficialDocumentDraft> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => `Word 文件读取问题：${m.message}`);
  const nodes = (parseFragment(result.value).childNodes as FragmentNode[]).filter(
    (n) => n.nodeName !== '#text' || (n.value ?? '').trim() !== '',
  );
  const texts = nodes.map((n) => textOf(n).replace(/\s+/gu, ' ').trim());

  let docNo = '';
  let docNoAt = -1;
  for (let i = 0; i < Math.min(nodes.length, 8); i += 1) {
    const match = DOC_NO.exec(texts[i] ?? '');
    if (match !== null) {
      docNo = match[0];
      docNoAt = i;
      break;
    }
  }

  let titleFrom = nodes.findIndex((n) => n.nodeName === 'h1' || n.nodeName === 'h2');
  let titleTo = titleFrom;
  if (titleFrom < 0) {
    titleFrom = docNoAt + 1;
    while (titleFrom < nodes.length && (texts[titleFrom] === '' || /文件$/u.test(texts[titleFrom] ?? ''))) {
      titleFrom += 1;
    }
    titleTo = titleFrom;
    // A long title runs over two or three lines; it ends before the 主送机关 line (ending in ：) or the text.
    while (
      titleTo + 1 < nodes.length &&
      titleTo - titleFrom < 2 &&
      !/[：:。]$/u.test(texts[titleTo + 1] ?? '') &&
      (texts[titleTo + 1]?.length ?? 0) <= 30 &&
      !/[：:。，]$/u.test(texts[titleTo] ?? '')
    ) {
      titleTo += 1;
    }
  }
  const title = texts.slice(titleFrom, titleTo + 1).join('');
  if (title === '') {
    warnings.push('未能识别标题，请手工填写');
  }
  if (docNo === '') {
    warnings.push('未在版头找到发文字号（形如“示财预〔2026〕12号”），如有请手工填写');
  }

  let writtenOn = '';
  for (let i = nodes.length - 1; i > titleTo; i -= 1) {
    const date = parseWrittenDate(texts[i] ?? '');
    if (date !== undefined) {
      writtenOn = date;
      break;
    }
  }
  if (writtenOn === '') {
    warnings.push('未在落款处找到成文日期，请手工填写');
  }

  const bodyHtml = nodes
    .slice(titleTo + 1)
    .map((n) => serialize({ nodeName: '#document-fragment', childNodes: [n] } as never))
    .join('\n');
  return { title, docNo, writtenOn, bodyHtml, warnings };
}
