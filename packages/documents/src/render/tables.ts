import {
  APPEAL_COLUMNS,
  OUTCOME_GROUP_LABELS,
  OUTCOMES,
  outcomeRow,
  printedOutcomeLabel,
  SECTION_TITLES,
  TABLE_THREE_ROW_LABELS,
  type AnnualReport,
  type ApplicationRow,
  type OutcomeCode,
} from '@xxgk/core';

/**
 * The report's tables in the layout of the official format (国办公开办函〔2021〕30号), as a grid of cells
 * with their spans — built once here and drawn by every renderer (HTML, DOCX, XLSX, PDF), so the
 * layout cannot drift between formats.
 */
export interface RenderCell {
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
  /** A header cell: column header, or row header when `scope` is 'row'. */
  readonly header?: boolean;
  readonly scope?: 'col' | 'row' | 'colgroup' | 'rowgroup';
  /** Printed one character per line, as the official table prints 三、本年度办理结果. */
  readonly vertical?: boolean;
  /** A number cell (right-aligned, written as a number in XLSX); null value prints empty. */
  readonly value?: number | null;
  /** The cell's path in the report JSON, for highlighting findings. */
  readonly path?: string;
}

export interface RenderTable {
  readonly id: string;
  readonly caption: string;
  readonly columns: number;
  readonly rows: readonly (readonly RenderCell[])[];
}

const num = (value: number | null | undefined, path: string): RenderCell => ({
  text: value == null ? '' : String(value),
  value: value ?? null,
  path,
});
const th = (text: string, extra: Partial<RenderCell> = {}): RenderCell => ({
  text,
  header: true,
  scope: 'col',
  ...extra,
});
const rowHead = (text: string, extra: Partial<RenderCell> = {}): RenderCell => ({
  text,
  header: true,
  scope: 'row',
  ...extra,
});

function numbers(row: ApplicationRow | null, path: string): RenderCell[] {
  return Array.from({ length: 7 }, (_, c) => num(row?.[c] ?? null, `${path}[${c}]`));
}

/** Table 二's four sub-tables (2021 format). */
export function activeTables(report: AnnualReport): RenderTable[] {
  const a = report.active;
  const docs = (key: 'regulations' | 'normativeDocuments', label: string): RenderCell[] => [
    rowHead(label),
    num(a?.[key]?.issued, `active.${key}.issued`),
    num(a?.[key]?.abolished, `active.${key}.abolished`),
    num(a?.[key]?.inForce, `active.${key}.inForce`),
  ];
  return [
    {
      id: 'item-1',
      caption: '第二十条第（一）项',
      columns: 4,
      rows: [
        [th('第二十条第（一）项', { colSpan: 4, scope: 'colgroup' })],
        [th('信息内容'), th('本年制发件数'), th('本年废止件数'), th('现行有效件数')],
        docs('regulations', '规章'),
        docs('normativeDocuments', '行政规范性文件'),
      ],
    },
    {
      id: 'item-5',
      caption: '第二十条第（五）项',
      columns: 2,
      rows: [
        [th('第二十条第（五）项', { colSpan: 2, scope: 'colgroup' })],
        [th('信息内容'), th('本年处理决定数量')],
        [rowHead('行政许可'), num(a?.licensing?.decisions, 'active.licensing.decisions')],
      ],
    },
    {
      id: 'item-6',
      caption: '第二十条第（六）项',
      columns: 2,
      rows: [
        [th('第二十条第（六）项', { colSpan: 2, scope: 'colgroup' })],
        [th('信息内容'), th('本年处理决定数量')],
        [rowHead('行政处罚'), num(a?.penalties?.decisions, 'active.penalties.decisions')],
        [rowHead('行政强制'), num(a?.coercion?.decisions, 'active.coercion.decisions')],
      ],
    },
    {
      id: 'item-8',
      caption: '第二十条第（八）项',
      columns: 2,
      rows: [
        [th('第二十条第（八）项', { colSpan: 2, scope: 'colgroup' })],
        [th('信息内容'), th('本年收费金额（单位：万元）')],
        [rowHead('行政事业性收费'), num(a?.fees?.amountWanYuan, 'active.fees.amountWanYuan')],
      ],
    },
  ];
}

const GROUP_TITLES = Object.entries(OUTCOME_GROUP_LABELS).map(([group, title]) => ({ prefix: `${group}.`, title }));

/** Table 三, with the merged header cells and the vertical 三、本年度办理结果. */
export function applicationsTable(report: AnnualReport): RenderTable {
  const a = report.applications;
  const results = a?.results;
  const rows: RenderCell[][] = [
    [
      th('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { colSpan: 3, rowSpan: 3 }),
      th('申请人情况', { colSpan: 7, scope: 'colgroup' }),
    ],
    [th('自然人', { rowSpan: 2 }), th('法人或其他组织', { colSpan: 5, scope: 'colgroup' }), th('总计', { rowSpan: 2 })],
    [th('商业企业'), th('科研机构'), th('社会公益组织'), th('法律服务机构'), th('其他')],
    [
      rowHead(TABLE_THREE_ROW_LABELS.newReceived, { colSpan: 3 }),
      ...numbers(a?.newReceived ?? null, 'applications.newReceived'),
    ],
    [
      rowHead(TABLE_THREE_ROW_LABELS.carriedOver, { colSpan: 3 }),
      ...numbers(a?.carriedOver ?? null, 'applications.carriedOver'),
    ],
  ];
  const leafRow = (code: OutcomeCode) =>
    numbers(results ? outcomeRow(results, code) : null, `applications.results.${code}`);
  const first: RenderCell = rowHead('三、本年度办理结果', { rowSpan: 22, vertical: true, scope: 'rowgroup' });
  rows.push([first, rowHead(printedOutcomeLabel(OUTCOMES[0]), { colSpan: 2 }), ...leafRow('granted')]);
  rows.push([rowHead(printedOutcomeLabel(OUTCOMES[1]), { colSpan: 2 }), ...leafRow('partiallyGranted')]);
  for (const g of GROUP_TITLES) {
    const leaves = OUTCOMES.filter((o) => o.code.startsWith(g.prefix));
    leaves.forEach((o, i) => {
      const label = printedOutcomeLabel(o);
      const cells: RenderCell[] = i === 0 ? [rowHead(g.title, { rowSpan: leaves.length, scope: 'rowgroup' })] : [];
      rows.push([...cells, rowHead(label), ...leafRow(o.code)]);
    });
  }
  rows.push([
    rowHead(TABLE_THREE_ROW_LABELS.total, { colSpan: 2 }),
    ...numbers(results?.total ?? null, 'applications.results.total'),
  ]);
  rows.push([
    rowHead(TABLE_THREE_ROW_LABELS.carriedForward, { colSpan: 3 }),
    ...numbers(a?.carriedForward ?? null, 'applications.carriedForward'),
  ]);
  return { id: 'applications', caption: '收到和处理政府信息公开申请情况', columns: 10, rows };
}

/** Table 四. */
export function appealsTable(report: AnnualReport): RenderTable {
  const heads = () => APPEAL_COLUMNS.map((t) => th(t));
  const values = (key: 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration') =>
    Array.from({ length: 5 }, (_, c) => num(report.appeals?.[key]?.[c] ?? null, `appeals.${key}[${c}]`));
  return {
    id: 'appeals',
    caption: '政府信息公开行政复议、行政诉讼情况',
    columns: 15,
    rows: [
      [th('行政复议', { colSpan: 5, scope: 'colgroup' }), th('行政诉讼', { colSpan: 10, scope: 'colgroup' })],
      [
        ...APPEAL_COLUMNS.map((t) => th(t, { rowSpan: 2 })),
        th('未经复议直接起诉', { colSpan: 5, scope: 'colgroup' }),
        th('复议后起诉', { colSpan: 5, scope: 'colgroup' }),
      ],
      [...heads(), ...heads()],
      [...values('reconsideration'), ...values('litigationDirect'), ...values('litigationAfterReconsideration')],
    ],
  };
}

/** The report's title line. */
export function reportTitle(report: AnnualReport): string {
  return `${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`;
}

/** Each part: the title (the report's own when it has one) and its text. */
export function sectionsOf(report: AnnualReport): { number: number; title: string; text: string }[] {
  return SECTION_TITLES.map((title, i) => {
    const own = report.sections.find((s) => s.number === i + 1);
    return { number: i + 1, title: own?.title ?? title, text: own?.text ?? '' };
  });
}

/** The tables printed in a part: the four 第二十条 tables in 二, table 三 in 三, table 四 in 四. */
export function tablesOfSection(report: AnnualReport, section: number): RenderTable[] {
  switch (section) {
    case 2:
      return activeTables(report);
    case 3:
      return [applicationsTable(report)];
    case 4:
      return [appealsTable(report)];
    default:
      return [];
  }
}
