/**
 * 发文字号 — GB/T 9704—2012《党政机关公文格式》7.2.5 (docs/rules.md#document-number, CONFIRMED):
 * 机关代字 + 年份 + 发文顺序号. The year is written in full inside 六角括号 〔〕; the serial has no
 * 第, no leading zeros, and is followed by 号 — e.g. 樟工信字〔2023〕12号.
 */
const DOCUMENT_NUMBER = /^(?<issuer>\S+?)〔(?<year>\d{4})〕(?<serial>[1-9]\d*)号$/u;

export interface DocumentNumber {
  readonly issuer: string;
  readonly year: number;
  readonly serial: number;
}

/** The parts of a well-formed 发文字号, or a Chinese message naming what is wrong with it. */
export function parseDocumentNumber(
  value: string,
): { ok: true; value: DocumentNumber } | { ok: false; message: string } {
  const text = value.trim();
  const match = DOCUMENT_NUMBER.exec(text);
  if (match?.groups !== undefined) {
    const { issuer = '', year = '', serial = '' } = match.groups;
    return { ok: true, value: { issuer, year: Number(year), serial: Number(serial) } };
  }
  return { ok: false, message: documentNumberProblem(text) };
}

function documentNumberProblem(text: string): string {
  const example = '应形如“示财预〔2026〕12号”';
  if (text === '') {
    return '发文字号为空';
  }
  const wrongBrackets = /[[\](){}【】（）［］<>〈〉]\s*\d{2,4}\s*[[\](){}【】（）［］<>〈〉]/u.exec(text);
  if (wrongBrackets !== null) {
    return `发文字号的年份应使用六角括号〔〕，不能用“${wrongBrackets[0]}”，${example}`;
  }
  if (!text.includes('〔') || !text.includes('〕')) {
    return `发文字号缺少用六角括号〔〕标注的年份，${example}`;
  }
  const year = /〔(.*?)〕/u.exec(text)?.[1] ?? '';
  if (!/^\d{4}$/u.test(year)) {
    return `发文字号的年份应写全四位数字（如〔2026〕），不能写“〔${year}〕”`;
  }
  if (text.startsWith('〔')) {
    return `发文字号缺少机关代字，${example}`;
  }
  const serial = text.slice(text.indexOf('〕') + 1);
  if (serial.startsWith('第')) {
    return `发文字号的顺序号前不加“第”，${example}`;
  }
  if (!serial.endsWith('号')) {
    return `发文字号应以“号”结尾，${example}`;
  }
  const digits = serial.slice(0, -1);
  if (/^0\d*$/u.test(digits)) {
    return `发文字号的顺序号不编虚位（不能写“${digits}”，应写“${String(Number(digits))}”）`;
  }
  return `发文字号格式不正确，${example}`;
}

/**
 * A 规章's number is its 令: 示例市人民政府令第25号, 国务院令第711号 (《规章制定程序条例》第三十一条: 公布
 * 规章的命令应当载明…序号). It has 第 and no year, unlike an ordinary 发文字号.
 */
const ORDER_NUMBER = /^\S+?令第[1-9]\d*号$/u;

export function isOrderNumber(value: string): boolean {
  return ORDER_NUMBER.test(value.trim());
}

/** An item's 发文字号 may be either form; the message names what is wrong with an ordinary one. */
export function checkDocumentNumber(value: string): { ok: true } | { ok: false; message: string } {
  if (isOrderNumber(value)) {
    return { ok: true };
  }
  const parsed = parseDocumentNumber(value);
  return parsed.ok ? { ok: true } : parsed;
}
