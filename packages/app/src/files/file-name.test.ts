import { describe, expect, it } from 'vitest';
import { cleanFileName, MAX_FILE_NAME_LENGTH } from './file-name.ts';

describe('cleanFileName', () => {
  it.each([
    ['发票\u202Efdp.exe', '发票fdp.exe'],
    ['\u2066申请表\u2069.pdf', '申请表.pdf'],
    ['\u202A\u202B\u202C\u202D报告.docx', '报告.docx'],
    ['a\u200B\u200C\u200D\u200E\u200Fb.pdf', 'ab.pdf'],
    ['\uFEFF通知.pdf', '通知.pdf'],
    ['名\u0000称\u0007\u001F\u007F\u0085\u009F.png', '名称 .png'],
    ['第一行\n第二行\t.pdf', '第一行 第二行 .pdf'],
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['C:\\Users\\x.pdf', 'C:_Users_x.pdf'],
    ['  两个  空格 .pdf  ', '两个 空格 .pdf'],
    ['\u202E\u200B', '未命名文件'],
    ['2024年度 预算（草案）.xlsx', '2024年度 预算（草案）.xlsx'],
  ])('%j is stored as %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it('keeps the extension of an over-long name, and cuts no character in half', () => {
    const long = `${'𠮷'.repeat(300)}.pdf`;
    const clean = cleanFileName(long);
    expect(Array.from(clean)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(clean.endsWith('𠮷.pdf')).toBe(true);
  });
});
