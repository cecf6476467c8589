/** A piece of a snippet: plain text, or a match to highlight. */
export interface SnippetPart {
  readonly text: string;
  readonly hit: boolean;
}

/**
 * A short extract of `text` around the first place any term occurs, cut into parts so the page can
 * escape the text and mark the matches. Terms match case-insensitively.
 */
export function snippet(text: string, terms: readonly string[], length = 120): SnippetPart[] {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const lower = flat.toLowerCase();
  const wanted = terms.map((t) => t.toLowerCase()).filter((t) => t !== '');
  let first = -1;
  for (const term of wanted) {
    const at = lower.indexOf(term);
    if (at >= 0 && (first < 0 || at < first)) {
      first = at;
    }
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(length / 4));
  const end = Math.min(flat.length, start + length);
  const window = flat.slice(start, end);
  return [
    ...(start > 0 ? [{ text: '…', hit: false }] : []),
    ...highlight(window, wanted),
    ...(end < flat.length ? [{ text: '…', hit: false }] : []),
  ];
}

/** Splits text into parts, marking every occurrence of any term (longest first). */
export function highlight(text: string, terms: readonly string[]): SnippetPart[] {
  const wanted = [...new Set(terms.map((t) => t.toLowerCase()).filter((t) => t !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0) {
    return [{ text, hit: false }];
  }
  const escaped = wanted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, hit: wanted.includes(part.toLowerCase()) }));
}
