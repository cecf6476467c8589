/**
 * How alike two requests for information are, for flagging 重复申请 and information many people ask
 * for (条例 第三十六条第六项, 第四十四条). Chinese has no spaces, so requests are compared as sets of
 * character pairs (bigrams) of their letters and digits, with the Dice coefficient: 1 for the same
 * words, near 0 for unrelated ones. A shared 文号 is the same document whatever the wording.
 */
export interface RequestText {
  readonly title: string;
  readonly docNo: string;
  readonly description: string;
}

function bigrams(text: string): Set<string> {
  const chars = [...text.normalize('NFKC').toLowerCase()].filter((c) => /[\p{L}\p{N}]/u.test(c));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    out.add(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

function docNoKey(docNo: string): string {
  return docNo.normalize('NFKC').replace(/[\s〔〕[\]（）()]/gu, '');
}

export function requestSimilarity(a: RequestText, b: RequestText): number {
  if (a.docNo.trim() !== '' && docNoKey(a.docNo) === docNoKey(b.docNo)) {
    return 1;
  }
  const x = bigrams(`${a.title} ${a.description}`);
  const y = bigrams(`${b.title} ${b.description}`);
  if (x.size === 0 || y.size === 0) {
    return 0;
  }
  let shared = 0;
  for (const g of x) {
    if (y.has(g)) {
      shared += 1;
    }
  }
  return (2 * shared) / (x.size + y.size);
}

/** At or above this, two requests are taken to ask for the same information. */
export const SAME_REQUEST_SIMILARITY = 0.6;
/**
 * When this many different applicants have asked one agency for the same information within a year,
 * the handler is advised to consider publishing it proactively (第四十四条 says "多个申请人" without a
 * number; 3 is this platform's setting).
 */
export const PROACTIVE_DISCLOSURE_SUGGESTION_APPLICANTS = 3;
