/**
 * 索引号 — there is no single national rule (docs/rules.md#index-number): central bodies use
 * `{组织机构代码}/{year}-{5-digit serial}`, newer platforms `{统一社会信用代码}/{year}-{serial}`, and
 * local schemes vary. So the pattern is configured per agency; the default is the newer central form.
 *
 * A pattern is text with placeholders:
 * - `{统一社会信用代码}` the agency's 18-character code;
 * - `{YYYY}`, `{MM}`, `{DD}` parts of the publication date (Beijing time);
 * - `{N…}` the serial, zero-padded to as many digits as there are N's (`{NNNNN}` → 00017).
 * Serials count per agency and per *period* — the pattern with everything but the serial filled in —
 * so `{YYYY}` restarts the count each year and `{YYYY}{MM}` each month. A serial is never reused:
 * the counter only goes up, and a withdrawn item keeps its number.
 */
export const DEFAULT_INDEX_PATTERN = '{统一社会信用代码}/{YYYY}-{NNNNN}';

const PLACEHOLDER = /\{([^{}]*)\}/gu;
const KNOWN = new Set(['统一社会信用代码', 'YYYY', 'MM', 'DD']);

export interface IndexNumberParts {
  readonly uscc: string;
  /** The publication date, `YYYY-MM-DD` in Beijing time. */
  readonly date: string;
}

/** Chinese messages for what is wrong with a pattern; empty when it can be used. */
export function checkIndexPattern(pattern: string): string[] {
  const problems: string[] = [];
  const names = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  const serials = names.filter((n) => /^N+$/u.test(n));
  if (serials.length !== 1) {
    problems.push('索引号规则必须有且只有一个顺序号占位符，如 {NNNNN}');
  } else if ((serials[0]?.length ?? 0) < 3) {
    problems.push('索引号的顺序号至少 3 位（{NNN}）');
  }
  for (const name of names) {
    if (!KNOWN.has(name) && !/^N+$/u.test(name)) {
      problems.push(`索引号规则中的占位符 {${name}} 无法识别（可用：{统一社会信用代码}、{YYYY}、{MM}、{DD}、{NNNNN}）`);
    }
  }
  if (!names.includes('YYYY')) {
    problems.push('索引号规则必须包含年份 {YYYY}');
  }
  if (pattern.replace(PLACEHOLDER, '').length > 20 || pattern.length > 80) {
    problems.push('索引号规则过长');
  }
  return problems;
}

/** The pattern with everything but the serial filled in: the key its serial counter is kept under. */
export function indexPeriod(pattern: string, parts: IndexNumberParts): string {
  const [year = '', month = '', day = ''] = parts.date.split('-');
  return pattern.replace(PLACEHOLDER, (whole, name: string) => {
    switch (name) {
      case '统一社会信用代码':
        return parts.uscc;
      case 'YYYY':
        return year;
      case 'MM':
        return month;
      case 'DD':
        return day;
      default:
        return whole;
    }
  });
}

/** The 索引号 for the given serial in a period made by {@link indexPeriod}. */
export function formatIndexNumber(period: string, serial: number): string {
  return period.replace(/\{(N+)\}/u, (_, ns: string) => String(serial).padStart(ns.length, '0'));
}
