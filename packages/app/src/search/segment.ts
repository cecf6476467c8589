import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese word segmentation for full-text search (STACK.md §4): jieba's search mode at index time,
 * which also emits the words inside longer ones (财政预算 → 财政, 预算, 财政预算), so two-character
 * words are found; its ordinary mode at query time. Punctuation and spaces are dropped.
 */
let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const WORD = /[\p{L}\p{N}]/u;

/** Text for the index: search-mode words, space-joined, lower-cased. */
export function segmentForIndex(text: string): string {
  return segmenter()
    .cutForSearch(text, true)
    .filter((w) => WORD.test(w))
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '')
    .join(' ');
}

/** The words of a query, each to be found (AND), at most 12, without repeats. */
export function queryTerms(query: string): string[] {
  const words = segmenter()
    .cut(query.trim().slice(0, 100), true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => WORD.test(w));
  return [...new Set(words)].slice(0, 12);
}
