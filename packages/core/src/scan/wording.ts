import institutions from './wording/institutions.json' with { type: 'json' };
import legal from './wording/legal.json' with { type: 'json' };
import political from './wording/political.json' with { type: 'json' };
import typos from './wording/typos.json' with { type: 'json' };
import type { ScanSeverity } from './personal-data.ts';

/**
 * 错敏 wording (issue 8 §1; docs/rules.md#inspection: 严重表述错误 fails a site outright). The dictionary is
 * data — the JSON files beside this one (see wording/README.md) and a city's own rules — and this
 * module only compiles and applies it. Date-aware: a former name is right in an item published
 * before the change, a leader's post only during the term of office.
 */
export const WORDING_RULE_KINDS = ['term', 'rename', 'leader'] as const;
export type WordingRuleKind = (typeof WORDING_RULE_KINDS)[number];

export const WORDING_CATEGORIES = ['political', 'legal', 'institution', 'typo', 'format', 'place', 'leader'] as const;
export type WordingCategory = (typeof WORDING_CATEGORIES)[number];

export const WORDING_CATEGORY_LABELS: Readonly<Record<WordingCategory, string>> = {
  political: '政治表述',
  legal: '法律法规',
  institution: '机构名称',
  typo: '错别字',
  format: '公文格式',
  place: '地名',
  leader: '领导职务',
};

export const WORDING_RULE_KIND_LABELS: Readonly<Record<WordingRuleKind, string>> = {
  term: '错误表述',
  rename: '更名',
  leader: '领导任职',
};

export interface WordingRule {
  readonly kind: WordingRuleKind;
  /** The words to find; or {@link pattern}. For a leader: the name. */
  readonly text?: string;
  /** A regular expression (Unicode) for forms a list can't spell; `$1` may be used in the replacement. */
  readonly pattern?: string;
  /** The right form; the new name; for a leader, the post. */
  readonly replacement: string;
  readonly category: WordingCategory;
  readonly severity: ScanSeverity;
  /** rename: the new name's first day; leader: first day in post; term: the day the form became wrong. */
  readonly startsOn?: string | null;
  /** leader: last day in post; null or absent while in post. */
  readonly endsOn?: string | null;
  /** Not applied to a text that holds these words. */
  readonly unlessPresent?: string;
  readonly note?: string;
}

export interface WordingFile {
  readonly name: string;
  readonly rules: readonly WordingRule[];
}

/** The dictionary as shipped. */
export const BUILT_IN_WORDING: readonly WordingFile[] = [
  political as WordingFile,
  legal as WordingFile,
  institutions as WordingFile,
  typos as WordingFile,
];

export interface WordingFinding {
  readonly category: WordingCategory;
  readonly severity: ScanSeverity;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly suggestion: string;
  readonly message: string;
}

interface CompiledRule {
  readonly rule: WordingRule;
  readonly regex: RegExp;
}

export interface WordingDictionary {
  readonly rules: readonly CompiledRule[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A rule's problems, in Chinese, or [] (for the admin's form and for `--dict` files). */
export function wordingRuleProblems(rule: WordingRule): string[] {
  const problems: string[] = [];
  if ((rule.text ?? '').trim() === '' && (rule.pattern ?? '') === '') {
    problems.push(rule.kind === 'leader' ? '请填写姓名' : '请填写要查找的词语');
  }
  if (rule.pattern !== undefined) {
    try {
      new RegExp(rule.pattern, 'u');
    } catch {
      problems.push(`正则表达式无效：${rule.pattern}`);
    }
  }
  if (rule.replacement.trim() === '') {
    problems.push(rule.kind === 'leader' ? '请填写职务' : rule.kind === 'rename' ? '请填写现名称' : '请填写正确表述');
  }
  if ((rule.kind === 'rename' || rule.kind === 'leader') && !rule.startsOn) {
    problems.push(rule.kind === 'rename' ? '请填写更名日期' : '请填写任职起始日期');
  }
  if (rule.startsOn && rule.endsOn && rule.endsOn < rule.startsOn) {
    problems.push('任职截止日期早于起始日期');
  }
  return problems;
}

/** Compiles rules into one dictionary; a rule with problems throws (checked on the way in). */
export function compileWording(files: readonly WordingFile[]): WordingDictionary {
  const rules: CompiledRule[] = [];
  for (const file of files) {
    for (const rule of file.rules) {
      const problems = wordingRuleProblems(rule);
      if (problems.length > 0) {
        throw new Error(`${file.name}：${problems.join('；')}`);
      }
      let source: string;
      if (rule.kind === 'leader') {
        const name = escape((rule.text ?? '').trim());
        const post = escape(rule.replacement.trim());
        // 市长王建国 / 王建国市长 / 王建国同志任市长; not 原市长王建国 / 前市长.
        source = `(?<![原前副])${post}${name}|${name}(?:同志)?(?:任)?${post}`;
      } else {
        source = rule.pattern ?? escape(rule.text ?? '');
      }
      rules.push({ rule, regex: new RegExp(source, 'gu') });
    }
  }
  return { rules };
}

let builtIn: WordingDictionary | undefined;
/** The shipped dictionary, compiled once. */
export function builtInWording(): WordingDictionary {
  builtIn ??= compileWording(BUILT_IN_WORDING);
  return builtIn;
}

/** Whether [start, end) lies inside a cited title 《…》. */
function insideTitle(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('《', start);
  const close = text.lastIndexOf('》', start - 1);
  const closeAfter = text.indexOf('》', end - 1);
  return open !== -1 && open > close && closeAfter !== -1 && !text.slice(end, closeAfter).includes('《');
}

/**
 * Every wording finding in the text, for an item published on `date` (YYYY-MM-DD). Overlapping
 * findings keep the longest (国家卫生和计划生育委员会, not also 卫生和计划生育委员会).
 */
export function findWording(text: string, dictionary: WordingDictionary, date: string): WordingFinding[] {
  const found: WordingFinding[] = [];
  for (const { rule, regex } of dictionary.rules) {
    if (rule.unlessPresent !== undefined && text.includes(rule.unlessPresent)) {
      continue;
    }
    // A form wrong only from a date (a renamed body, a renamed disease) was right before it.
    if (rule.kind !== 'leader' && rule.startsOn && date < rule.startsOn) {
      continue;
    }
    if (rule.kind === 'leader' && rule.startsOn && date >= rule.startsOn && (!rule.endsOn || date <= rule.endsOn)) {
      continue;
    }
    for (const m of text.matchAll(regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0] === '') {
        continue;
      }
      if (rule.kind === 'rename' && (text[start - 1] === '原' || insideTitle(text, start, end))) {
        continue;
      }
      found.push(findingFor(rule, m, date));
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: WordingFinding[] = [];
  for (const f of found) {
    const last = kept.at(-1);
    if (last !== undefined && f.start < last.end) {
      continue;
    }
    kept.push(f);
  }
  return kept;
}

function findingFor(rule: WordingRule, m: RegExpExecArray | RegExpMatchArray, date: string): WordingFinding {
  const start = m.index ?? 0;
  const base = { category: rule.category, severity: rule.severity, start, end: start + m[0].length, text: m[0] };
  const note = rule.note === undefined ? '' : `（${rule.note}）`;
  switch (rule.kind) {
    case 'rename':
      return {
        ...base,
        suggestion: rule.replacement,
        message: `“${m[0]}”已于 ${rule.startsOn} 更名为“${rule.replacement}”${note}`,
      };
    case 'leader': {
      const term = `${rule.startsOn} 至 ${rule.endsOn ?? '今'}`;
      const when = rule.startsOn && date < rule.startsOn ? '尚未任职' : '已不在此职务';
      return {
        ...base,
        suggestion:
          rule.startsOn && date < rule.startsOn ? (rule.text ?? '') : `原${rule.replacement}${rule.text ?? ''}`,
        message: `${rule.text ?? ''}任${rule.replacement}的时间为 ${term}，发布日期 ${date} 时${when}`,
      };
    }
    case 'term': {
      const suggestion = rule.replacement.replace(/\$(\d)/gu, (_, n: string) => m[Number(n)] ?? '');
      return { ...base, suggestion, message: `“${m[0]}”应为“${suggestion}”${note}` };
    }
  }
}
