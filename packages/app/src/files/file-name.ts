/** Longest file name kept, in characters (code points): the rest is cut, the extension kept. */
export const MAX_FILE_NAME_LENGTH = 200;

/** What a name becomes when nothing readable is left of it. */
const UNNAMED = '未命名文件';

/**
 * An uploaded file's name as it is stored and shown: no control or format characters, no path.
 *
 * A name can lie about itself without any bytes of the file doing so: U+202E (RIGHT-TO-LEFT OVERRIDE)
 * makes `发票\u202Efdp.exe` read as `发票exe.pdf`, zero-width spaces hide a different extension, and C0/C1
 * controls break the lines of a register or a log. So every character of the Unicode categories Cc
 * (controls: U+0000–U+001F, U+007F–U+009F) and Cf (format: the bidi embeddings, overrides and isolates
 * U+202A–U+202E and U+2066–U+2069, the marks U+200E/U+200F and U+061C, zero-width U+200B–U+200D, U+2060,
 * U+FEFF…) is removed; line and paragraph separators and controls that only break lines (tab, newline)
 * become a space, so the words on either side stay apart. Slashes and backslashes become `_` (a name,
 * never a path); runs of spaces are collapsed and the ends trimmed, and an over-long name is cut before its extension.
 */
export function cleanFileName(raw: string): string {
  const name = raw
    .normalize('NFC')
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[\\/]/gu, '_')
    .replace(/ {2,}/gu, ' ')
    .trim();
  const chars = Array.from(name);
  if (chars.length === 0) {
    return UNNAMED;
  }
  if (chars.length <= MAX_FILE_NAME_LENGTH) {
    return name;
  }
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length === 0 || extension.length > 16) {
    return chars.slice(0, MAX_FILE_NAME_LENGTH).join('');
  }
  return [...chars.slice(0, MAX_FILE_NAME_LENGTH - extension.length), ...extension].join('');
}
