import {
  emptyReport,
  OUTCOME_GROUP_LABELS,
  OUTCOMES,
  printedOutcomeLabel,
  REPORT_SCHEMA,
  TABLE_THREE_ROW_LABELS,
  setOutcomeRow,
  type AnnualReport,
  type ApplicationRow,
  type OutcomeCode,
} from '@xxgk/core';
import type { Block, SourceKind } from './blocks.ts';
import { matchLabel, normalizeLabel, parseNumberCell } from './labels.ts';

/** The six part titles by keyword, as they are written in either wording (docs/rules.md#report-sections). */
const SECTION_KEYWORDS: readonly (readonly string[])[] = [
  ['总体情况'],
  ['主动公开'],
  ['收到和处理', '处理政府信息公开申请'],
  ['行政复议', '行政诉讼'],
  ['问题', '改进'],
  ['其他需要报告'],
];
const NUMERALS = '一二三四五六';

/** `一、总体情况`, `5、 政府信息公开…`, `（五）…` is not a part title. */
function sectionNumber(text: string): number | null {
  const m = /^\s*([一二三四五六]|[1-6])\s*[、.．]\s*(.+)$/.exec(text);
  if (!m || text.length > 60) {
    return null;
  }
  const n = NUMERALS.includes(m[1] ?? '') ? NUMERALS.indexOf(m[1] ?? '') + 1 : Number(m[1]);
  const keywords = SECTION_KEYWORDS[n - 1] ?? [];
  return keywords.some((k) => (m[2] ?? '').includes(k)) ? n : null;
}

const TITLE_RE = /^(.+?)(\d{4})年度?政府信息公开(?:工作)?年度?报告/;

const TOP_ROWS = (['newReceived', 'carriedOver', 'total', 'carriedForward'] as const).map((key) => ({
  key,
  label: TABLE_THREE_ROW_LABELS[key],
}));

/** （二）'s printed note wraps in PDFs, so it is matched by the label's start. */
const DIRECT_ROWS: readonly { code: OutcomeCode; label: string }[] = [
  { code: 'granted', label: printedOutcomeLabel(OUTCOMES[0]) },
  { code: 'partiallyGranted', label: '（二）部分公开' },
];

type Group = keyof typeof OUTCOME_GROUP_LABELS;
const GROUPS = (Object.keys(OUTCOME_GROUP_LABELS) as Group[]).map((group) => ({
  group,
  label: OUTCOME_GROUP_LABELS[group],
}));

/** The leaves of a group with their printed labels, e.g. `1.属于国家秘密`. */
function leavesOf(group: Group): { code: OutcomeCode; label: string; number: string }[] {
  return OUTCOMES.filter((o) => o.code.startsWith(`${group}.`)).map((o) => ({
    code: o.code,
    label: printedOutcomeLabel(o),
    number: o.row.replace(/^（.）/, ''),
  }));
}

interface Reading {
  readonly values: (number | null)[];
  readonly problems: string[];
}

/**
 * Reads `count` numbers from the cells after a label. Blank cells are null. A single cell holding a
 * run of digits where several numbers belong (cell boundaries lost) is split only when exactly one
 * split satisfies `fits` (the cross-check sums); otherwise the row is null and the problem is said.
 */
function readValues(cells: readonly string[], count: number, what: string, fits?: (row: number[]) => boolean): Reading {
  const values: (number | null)[] = [];
  const problems: string[] = [];
  const raw: string[] = [];
  for (const cell of cells) {
    const parsed = parseNumberCell(cell);
    if (parsed.kind === 'text') {
      if (values.length === 0) {
        continue; // a second label cell (a note) before the numbers
      }
      break;
    }
    raw.push(cell.trim());
    values.push(parsed.kind === 'number' ? parsed.value : null);
    if (values.length === count) {
      break;
    }
  }
  if (values.length === count) {
    if (values.some((v) => v === null)) {
      problems.push(`${what}有空白单元格，按空值读取`);
    }
    return { values, problems };
  }
  if (values.length === 1 && fits !== undefined && /^\d+$/.test(raw[0] ?? '')) {
    const splits = splitDigits(raw[0] ?? '', count).filter(fits);
    if (splits.length === 1 && splits[0] !== undefined) {
      problems.push(`${what}的数字连在一起（${raw[0]}），按勾稽关系唯一可行的拆分读取为 ${splits[0].join('|')}`);
      return { values: splits[0], problems };
    }
    problems.push(
      `${what}的数字连在一起（${raw[0]}），${splits.length === 0 ? '没有' : '有多种'}符合勾稽关系的拆分，未读取`,
    );
    return { values: new Array<number | null>(count).fill(null), problems };
  }
  problems.push(`${what}应有${count}个数字，只读到${values.length}个，缺少的按空值处理`);
  while (values.length < count) {
    values.push(null);
  }
  return { values, problems };
}

/** Every way to cut a digit string into `parts` numbers without leading zeros (a lone 0 is fine). */
export function splitDigits(digits: string, parts: number): number[][] {
  const out: number[][] = [];
  const walk = (rest: string, acc: number[]) => {
    if (acc.length === parts - 1) {
      if (rest.length > 0 && (rest === '0' || !rest.startsWith('0'))) {
        out.push([...acc, Number(rest)]);
      }
      return;
    }
    for (let len = 1; len <= rest.length - (parts - 1 - acc.length); len++) {
      const head = rest.slice(0, len);
      if (head.length > 1 && head.startsWith('0')) {
        break;
      }
      walk(rest.slice(len), [...acc, Number(head)]);
      if (out.length > 10_000) {
        return;
      }
    }
  };
  walk(digits, []);
  return out;
}

/** 总计 equals the sum of the six applicant columns: how a run-together row of table 三 is split. */
const rowAddsUp = (row: number[]) => row.slice(0, 6).reduce((s, v) => s + v, 0) === row[6];
/** Each of the three groups of table 四 adds up. */
const appealsAddUp = (row: number[]) =>
  [0, 5, 10].every((o) => (row[o] ?? 0) + (row[o + 1] ?? 0) + (row[o + 2] ?? 0) + (row[o + 3] ?? 0) === row[o + 4]);

function setTopRow(
  apps: NonNullable<AnnualReport['applications']>,
  key: (typeof TOP_ROWS)[number]['key'],
  row: ApplicationRow,
): void {
  switch (key) {
    case 'total':
      apps.results.total = row;
      return;
    case 'newReceived':
    case 'carriedOver':
    case 'carriedForward':
      apps[key] = row;
      return;
  }
}

/** Turns a document's blocks into the report-json shape; what had to be guessed goes to source.warnings. */
export function mapReport(blocks: readonly Block[], kind: SourceKind): AnnualReport {
  const warnings: string[] = [];
  const paras = blocks.filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para');
  const rows = blocks.filter((b): b is Extract<Block, { kind: 'row' }> => b.kind === 'row').map((b) => b.cells);

  // Agency and year from the title (the paragraphs before part 一).
  // The title is whatever comes before part 一 (in a PDF the year may stand alone as a "number").
  const firstSection = blocks.findIndex((b) => b.kind === 'para' && sectionNumber(b.text) === 1);
  const head = blocks
    .slice(0, firstSection < 0 ? 6 : Math.min(firstSection, 8))
    .map((b) => (b.kind === 'para' ? b.text : b.cells.join('')))
    .join('')
    .replace(/\s+/g, '');
  const title = TITLE_RE.exec(head);
  let agency: string | null = title?.[1]?.replace(/^.*?[》」]/, '') ?? null;
  let year: number | null = title ? Number(title[2]) : null;
  if (year === null) {
    const period = /自(\d{4})年1月1日起至\1年12月31日止/.exec(paras.map((p) => p.text).join(''));
    year = period ? Number(period[1]) : null;
    if (year !== null) {
      warnings.push(`标题中未找到年度，按统计期限读取为${year}年`);
    }
  }
  if (agency === null) {
    warnings.push('未能从标题中读出机关名称');
  }
  if (agency !== null && agency.length > 40) {
    warnings.push(`标题中的机关名称过长，疑似读取错误：${agency}`);
    agency = null;
  }

  // The six parts and their text.
  const sections: { number: number; title: string; text: string }[] = [];
  for (const p of paras) {
    const n = sectionNumber(p.text);
    if (n !== null && !sections.some((s) => s.number === n)) {
      sections.push({ number: n, title: p.text.trim(), text: '' });
      if (!p.text.trim().startsWith(NUMERALS[n - 1] ?? '')) {
        warnings.push(`第${NUMERALS[n - 1]}部分的编号写作「${p.text.trim().slice(0, 2)}」`);
      }
    } else if (sections.length > 0) {
      const current = sections[sections.length - 1];
      if (current !== undefined) {
        // A PDF gives visual lines: a line that does not end a sentence continues on the next.
        const joins = kind === 'pdf' && current.text !== '' && !/[。：:；！？）]$/.test(current.text);
        current.text += (current.text && !joins ? '\n' : '') + p.text.trim();
      }
    }
  }

  const report = emptyReport({ year: year ?? 0, agency: agency ?? '' });
  report.year = year;
  report.agency = agency;
  report.schema = REPORT_SCHEMA;
  report.sections = sections;
  report.source = { kind, warnings };

  const cellIs = (cell: string, label: string) => normalizeLabel(cell) === normalizeLabel(label);
  const start三 = rows.findIndex((r) => r.some((c) => matchLabel(c, TABLE_THREE_ROW_LABELS.newReceived) !== 'none'));

  // Table 二.
  const tableTwo = rows.slice(0, start三 < 0 ? rows.length : start三);
  const headerText = (word: string) =>
    tableTwo.some((r) => r.some((c) => cellIs(c, word))) || paras.some((p) => normalizeLabel(p.text).includes(word));
  const has2021 = headerText('本年制发件数');
  const has2019 = headerText('本年新制作数量');
  report.format = has2019 && !has2021 ? '2019' : '2021';
  // A header cell wrapped onto the label (「信息内容行政许可」 in a tight PDF) still names the row.
  const tableTwoLabel = (c: string, label: string) =>
    cellIs(c, label) || normalizeLabel(c) === `信息内容${normalizeLabel(label)}`;
  const findRow = (label: string) => {
    for (const r of tableTwo) {
      const i = r.findIndex((c) => tableTwoLabel(c, label));
      if (i >= 0) {
        return r.slice(i + 1);
      }
    }
    return null;
  };
  if (report.format === '2021') {
    const docs = (label: string) => {
      const cells = findRow(label);
      if (cells === null) {
        warnings.push(`表二中未找到「${label}」行`);
        return null;
      }
      const r = readValues(cells, 3, `表二「${label}」`);
      warnings.push(...r.problems);
      return { issued: r.values[0] ?? null, abolished: r.values[1] ?? null, inForce: r.values[2] ?? null };
    };
    const one = (label: string) => {
      const cells = findRow(label);
      if (cells === null) {
        warnings.push(`表二中未找到「${label}」行`);
        return null;
      }
      const r = readValues(cells, 1, `表二「${label}」`);
      warnings.push(...r.problems);
      return r.values[0] ?? null;
    };
    const licensing = one('行政许可');
    const penalties = one('行政处罚');
    const coercion = one('行政强制');
    const fees = one('行政事业性收费');
    report.active = {
      regulations: docs('规章'),
      normativeDocuments: docs('行政规范性文件'),
      licensing: { decisions: licensing },
      penalties: { decisions: penalties },
      coercion: { decisions: coercion },
      fees: { amountWanYuan: fees },
    };
  } else {
    const table: Record<string, (number | null)[]> = {};
    for (const [label, count] of [
      ['规章', 3],
      ['规范性文件', 3],
      ['行政许可', 3],
      ['其他对外管理服务事项', 3],
      ['行政处罚', 3],
      ['行政强制', 3],
      ['行政事业性收费', 2],
      ['政府集中采购', 2],
    ] as const) {
      const cells = findRow(label);
      if (cells !== null) {
        const r = readValues(cells, count, `表二「${label}」`);
        warnings.push(...r.problems);
        table[label] = r.values;
      }
    }
    report.active = null;
    report.active2019 = table;
  }

  // Table 三.
  const apps = report.applications;
  if (start三 < 0 || apps === null) {
    report.applications = null;
    warnings.push('未找到表三（收到和处理政府信息公开申请情况）');
  } else {
    const found = new Set<string>();
    let group: Group | null = null;
    let end = rows.length;
    for (let ri = start三; ri < rows.length; ri++) {
      const cells = rows[ri] ?? [];
      let target: { path: string; set: (row: ApplicationRow) => void; name: string } | null = null;
      let labelAt = -1;
      let groupAt = -1;
      cells.forEach((cell, ci) => {
        const norm = normalizeLabel(cell);
        if (norm === '') {
          return;
        }
        for (const g of GROUPS) {
          if (matchLabel(cell, g.label) === 'exact') {
            group = g.group;
            groupAt = ci;
            return;
          }
        }
        for (const top of TOP_ROWS) {
          if (matchLabel(cell, top.label) === 'exact' && !found.has(top.key)) {
            target = { path: top.key, name: top.label, set: (row) => setTopRow(apps, top.key, row) };
            labelAt = ci;
            return;
          }
        }
        for (const d of DIRECT_ROWS) {
          if (matchLabel(cell, d.label) === 'exact' && !found.has(d.code)) {
            target = { path: d.code, name: d.label, set: (row) => setOutcomeRow(apps.results, d.code, row) };
            labelAt = ci;
            group = null;
            return;
          }
        }
        if (/^\d+\./.test(norm)) {
          // Leaves are matched by their own text: in a PDF the group label (（三）不予公开) sits beside a
          // middle row, so the group is not always known yet. The current group wins a tie.
          const current: Group | null = group;
          const candidates = GROUPS.flatMap((g) => leavesOf(g.group).map((l) => ({ ...l, group: g.group })))
            .filter((l) => norm.startsWith(`${l.number}.`) && !found.has(l.code))
            .map((l) => ({ ...l, match: matchLabel(cell, l.label) }))
            .filter((l) => l.match !== 'none')
            .sort((a, b) =>
              a.match === b.match
                ? a.group === current
                  ? -1
                  : b.group === current
                    ? 1
                    : 0
                : a.match === 'exact'
                  ? -1
                  : 1,
            );
          const leaf = candidates[0];
          if (leaf !== undefined) {
            if (leaf.match === 'loose') {
              warnings.push(`表三行标签「${cell.trim()}」与规定标签「${leaf.label}」不完全一致，按该行读取`);
            }
            group = leaf.group;
            target = { path: leaf.code, name: leaf.label, set: (row) => setOutcomeRow(apps.results, leaf.code, row) };
            labelAt = ci;
            return;
          }
        }
      });
      if (target === null && group === 'other' && groupAt >= 0) {
        // The 2019 layout: （六）其他处理 is one row with its own numbers.
        const after = cells.slice(groupAt + 1);
        if (after.some((c) => parseNumberCell(c).kind === 'number')) {
          const r = readValues(after, 7, '表三「（六）其他处理」', rowAddsUp);
          warnings.push(...r.problems);
          apps.results.other = { correctionOverdue: null, feeUnpaid: null, other: r.values };
          found.add('other.correctionOverdue').add('other.feeUnpaid').add('other.other');
          warnings.push(
            '表三（六）其他处理只有一行（2019 年试行格式）：1.逾期不补正、2.逾期未缴费记为空，该行计入 3.其他',
          );
          continue;
        }
      }
      const t = target as { path: string; set: (row: ApplicationRow) => void; name: string } | null;
      if (t !== null) {
        const r = readValues(cells.slice(labelAt + 1), 7, `表三「${t.name}」`, rowAddsUp);
        warnings.push(...r.problems);
        t.set(r.values);
        found.add(t.path);
        if (t.path === 'carriedForward') {
          end = ri + 1;
          break;
        }
      }
    }
    const expected = ['newReceived', 'carriedOver', 'total', 'carriedForward', ...OUTCOMES.map((o) => o.code)];
    for (const key of expected) {
      if (!found.has(key)) {
        warnings.push(`表三中未找到「${key}」对应的行，记为空`);
        if (key === 'newReceived' || key === 'carriedOver' || key === 'carriedForward') {
          apps[key] = null;
        } else if (key === 'total') {
          apps.results.total = null;
        } else {
          setOutcomeRow(apps.results, key as OutcomeCode, null);
        }
      }
    }

    // Table 四: the first row after table 三 that holds the fifteen numbers.
    const appeals = report.appeals;
    const dataRow = rows.slice(end).find((r) => r.filter((c) => parseNumberCell(c).kind === 'number').length >= 5);
    if (dataRow === undefined || appeals === null) {
      report.appeals = null;
      warnings.push('未找到表四（行政复议、行政诉讼情况）的数据行');
    } else {
      const firstNumber = dataRow.findIndex((c) => parseNumberCell(c).kind === 'number');
      const r = readValues(dataRow.slice(firstNumber), 15, '表四', appealsAddUp);
      warnings.push(...r.problems);
      appeals.reconsideration = r.values.slice(0, 5);
      appeals.litigationDirect = r.values.slice(5, 10);
      appeals.litigationAfterReconsideration = r.values.slice(10, 15);
    }
  }
  return report;
}
