import { checkResidentId } from '../applications/resident-id.ts';

/**
 * Personal data in text about to be published (issue 8 §1; docs/rules.md#inspection: an inspection fails a
 * site outright for leaked personal data). Finds 居民身份证 numbers (valid check digit: severe; an
 * 18-character number with a wrong check digit is still someone's mistyped number: a warning),
 * mobile numbers, bank card numbers (Luhn), and e-mail addresses, each with its place and the
 * masked form to publish instead. Pure: the caller reads the text out of titles, bodies, tables and
 * attachments.
 */
export type PersonalDataKind = 'resident_id' | 'mobile' | 'bank_card' | 'email';
export type ScanSeverity = 'severe' | 'warning';

export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  readonly severity: ScanSeverity;
  /** Where in the text, in UTF-16 code units (as String.prototype.slice counts). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The form to publish instead. */
  readonly masked: string;
  readonly message: string;
}

export const PERSONAL_DATA_LABELS: Readonly<Record<PersonalDataKind, string>> = {
  resident_id: '居民身份证号码',
  mobile: '手机号码',
  bank_card: '银行卡号',
  email: '电子邮箱',
};

/** The Luhn check of a card number's digits (ISO/IEC 7812). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Masks all but the first `keepStart` and last `keepEnd` characters. */
function mask(value: string, keepStart: number, keepEnd: number): string {
  return `${value.slice(0, keepStart)}${'*'.repeat(Math.max(0, value.length - keepStart - keepEnd))}${value.slice(value.length - keepEnd)}`;
}

// Digits standing alone: not part of a longer number (a 文号, a date, an amount).
const ID = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/gu;
const MOBILE = /(?<![\d])1[3-9]\d{9}(?!\d)/gu;
const CARD = /(?<![\d])(?:\d[ -]?){15,18}\d(?!\d)/gu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;

/**
 * Every piece of personal data in the text. An e-mail address on an agency's own domain (*.gov.cn) is
 * its published contact, not personal data.
 */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => !taken.some(([s, e]) => start < e && end > s);
  const add = (f: PersonalDataFinding) => {
    found.push(f);
    taken.push([f.start, f.end]);
  };
  for (const m of text.matchAll(ID)) {
    const value = m[0].toUpperCase();
    const check = checkResidentId(value);
    const birthOk = check.ok || check.message.includes('校验位');
    if (!birthOk) {
      continue; // 18 digits without a birth date are some other number
    }
    add({
      kind: 'resident_id',
      severity: check.ok ? 'severe' : 'warning',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      masked: mask(value, 6, 4),
      message: check.ok
        ? `含居民身份证号码，公开前应隐去（建议：${mask(value, 6, 4)}）`
        : `疑似居民身份证号码（校验位不符，可能是录入错误），公开前应核实并隐去`,
    });
  }
  for (const m of text.matchAll(MOBILE)) {
    if (!free(m.index, m.index + m[0].length)) {
      continue;
    }
    add({
      kind: 'mobile',
      severity: 'severe',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      masked: mask(m[0], 3, 4),
      message: `含个人手机号码，公开前应隐去（建议：${mask(m[0], 3, 4)}）`,
    });
  }
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/[ -]/gu, '');
    if (!free(m.index, m.index + m[0].length) || digits.length < 16 || digits.length > 19 || !luhnValid(digits)) {
      continue;
    }
    add({
      kind: 'bank_card',
      severity: 'severe',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      masked: mask(digits, 4, 4),
      message: `含银行卡号，公开前应隐去（建议：${mask(digits, 4, 4)}）`,
    });
  }
  for (const m of text.matchAll(EMAIL)) {
    if (/\.gov\.cn$/iu.test(m[0]) || !free(m.index, m.index + m[0].length)) {
      continue;
    }
    const [user = '', domain = ''] = m[0].split('@');
    add({
      kind: 'email',
      severity: 'warning',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      masked: `${user.slice(0, 1)}***@${domain}`,
      message: '含电子邮箱地址，如为个人邮箱，公开前应隐去',
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A list of names beside identity numbers (a 名单 with 身份证号) is the worst case: a table row or line
 * holding a Chinese name and a valid identity number. Returns the lines that do.
 */
export function namesWithIdNumbers(lines: readonly string[]): number[] {
  return lines.flatMap((line, i) =>
    /[\u4e00-\u9fa5]{2,4}/u.test(line.replace(ID, '')) &&
    findPersonalData(line).some((f) => f.kind === 'resident_id' && f.severity === 'severe')
      ? [i]
      : [],
  );
}
