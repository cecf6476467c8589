/**
 * Label normalisation for matching row and column labels across sources: whitespace removed,
 * full-width and half-width punctuation folded together, quotes dropped.
 */
const FOLD: Readonly<Record<string, string>> = {
  '(': '（',
  ')': '）',
  ',': '，',
  ':': '：',
  ';': '；',
  '．': '.',
  '。': '.',
  '、': '、',
};

export function normalizeLabel(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    if (/\s/.test(ch) || '“”"\'‘’「」《》'.includes(ch)) {
      continue;
    }
    out += FOLD[ch] ?? ch;
  }
  // NFKC turns full-width brackets into ASCII ones; fold them back so both forms compare equal.
  return out
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/^(\d+)[、.]/, '$1.'); // 「1、」 and 「1.」 number a leaf row alike
}

/** Length of the longest common subsequence: how much of one label survives in the other. */
function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, prev[j - 1] ?? 0);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** Similarity 0–1 of two normalised labels. */
export function similarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) {
    return 0;
  }
  return (2 * lcs(a, b)) / (a.length + b.length);
}

export type LabelMatch = 'exact' | 'loose' | 'none';

/**
 * Compares a cell with an expected label: exact after normalisation (or the cell begins with it, for
 * labels printed with a trailing note), loose when they agree on at least 75% of their characters —
 * a typo such as 「其他法律行政止公开」 — or when the cell is the first eight or more characters of the
 * label (the rest wrapped into another cell); none otherwise.
 */
export function matchLabel(cell: string, expected: string): LabelMatch {
  const c = normalizeLabel(cell);
  const e = normalizeLabel(expected);
  if (c === e || (c.startsWith(e) && e.length >= 2)) {
    return 'exact';
  }
  if (c.length >= 8 && e.startsWith(c)) {
    return 'loose'; // the first line of a label whose rest wrapped elsewhere
  }
  return c.length >= 2 && similarity(c, e) >= 0.75 ? 'loose' : 'none';
}

/** Reads a number cell: ASCII or full-width digits, thousands separators, a decimal point. */
export function parseNumberCell(
  text: string,
): { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'text' } {
  const t = text.normalize('NFKC').replace(/[\s,，]/g, '');
  if (t === '') {
    return { kind: 'blank' };
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    return { kind: 'number', value: Number(t) };
  }
  return { kind: 'text' };
}
