import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { chineseNumber } from '@xxgk/core';
import ExcelJS from 'exceljs';
import { addTableSheet, type XlsxColumn } from './xlsx-table.ts';

/**
 * The 政务公开办's monthly inspection report (月度检查情况通报, issue 8 §4): a 通报 to send round as it
 * is — the month's overall picture, a table of every agency's figures and verdict, the problems of
 * each agency that has any, what is required of them, and the list of problems as an annex — as
 * DOCX (公文 typography) and as XLSX (the same figures, one sheet each, for the office's own sums).
 */
export interface InspectionAgencyRow {
  readonly agencyName: string;
  readonly published: number;
  readonly stale: number;
  readonly blank: number;
  readonly severe: number;
  readonly warning: number;
  readonly fixed: number;
  readonly applicationsReceived: number;
  readonly applicationsOverdue: number;
  readonly errorReportsOverdue: number;
  /** 合格 / 不合格 */
  readonly verdict: string;
  readonly reasons: string;
}

export interface InspectionProblemRow {
  readonly agencyName: string;
  readonly where: string;
  readonly kind: string;
  readonly severity: string;
  readonly description: string;
  readonly suggestion: string;
  readonly state: string;
}

export interface InspectionColumnRow {
  readonly agencyName: string;
  readonly column: string;
  readonly kind: string;
  readonly lastPublishedOn: string;
  readonly status: string;
}

export interface InspectionReportContent {
  readonly issuer: string;
  readonly title: string;
  /** The month as 2026年11月. */
  readonly monthLabel: string;
  readonly issuedOn: string;
  readonly summary: readonly string[];
  readonly agencies: readonly InspectionAgencyRow[];
  readonly problemsByAgency: readonly { readonly agencyName: string; readonly lines: readonly string[] }[];
  readonly requirements: readonly string[];
  readonly problems: readonly InspectionProblemRow[];
  readonly columns: readonly InspectionColumnRow[];
}

const AGENCY_COLUMNS: readonly XlsxColumn<InspectionAgencyRow>[] = [
  { header: '单位', key: 'agencyName', width: 24 },
  { header: '本月发布信息', key: 'published', width: 8 },
  { header: '超期未更新栏目', key: 'stale', width: 8 },
  { header: '空白栏目', key: 'blank', width: 8 },
  { header: '严重问题', key: 'severe', width: 8 },
  { header: '一般问题', key: 'warning', width: 8 },
  { header: '本月已整改', key: 'fixed', width: 8 },
  { header: '本月收到申请', key: 'applicationsReceived', width: 8 },
  { header: '超期未答复申请', key: 'applicationsOverdue', width: 8 },
  { header: '超期未答复纠错', key: 'errorReportsOverdue', width: 8 },
  { header: '检查结论', key: 'verdict', width: 8 },
  { header: '不合格原因', key: 'reasons', width: 30 },
];

const PROBLEM_COLUMNS: readonly XlsxColumn<InspectionProblemRow>[] = [
  { header: '单位', key: 'agencyName', width: 22 },
  { header: '位置', key: 'where', width: 36 },
  { header: '问题类型', key: 'kind', width: 16 },
  { header: '程度', key: 'severity', width: 8 },
  { header: '问题描述', key: 'description', width: 50 },
  { header: '整改建议', key: 'suggestion', width: 30 },
  { header: '状态', key: 'state', width: 10 },
];

const COLUMN_COLUMNS: readonly XlsxColumn<InspectionColumnRow>[] = [
  { header: '单位', key: 'agencyName', width: 22 },
  { header: '栏目', key: 'column', width: 40 },
  { header: '栏目类型', key: 'kind', width: 12 },
  { header: '最近更新', key: 'lastPublishedOn', width: 12 },
  { header: '状态', key: 'status', width: 12 },
];

export async function renderInspectionXlsx(content: InspectionReportContent): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'xxgk';
  addTableSheet(book, '检查汇总', `${content.title}——检查汇总`, AGENCY_COLUMNS, content.agencies);
  addTableSheet(book, '问题清单', `${content.title}——问题清单`, PROBLEM_COLUMNS, content.problems);
  addTableSheet(book, '栏目更新', `${content.title}——超期和空白栏目`, COLUMN_COLUMNS, content.columns);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const MM = 56.7;
const FONTS = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312', table: '宋体' } as const;
const run = (text: string, font: string, halfPoints: number, bold = false) =>
  new TextRun({
    text,
    bold,
    size: halfPoints,
    font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  });
const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [run(text, FONTS.body, 32)],
  });
const heading = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { before: 200, after: 100 },
    children: [run(text, FONTS.heading, 32)],
  });

/** A ruled table; the widths (twips) go on the cells, which LibreOffice and Word both honour. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
  const cell = (text: string, bold = false, i = 0) =>
    new TableCell({
      width: { size: widths[i] ?? 1000, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, FONTS.table, 18, bold)] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, false, i)) })),
    ],
  });
}

export async function renderInspectionDocx(content: InspectionReportContent): Promise<Buffer> {
  const margin = {
    top: Math.round(37 * MM),
    bottom: Math.round(35 * MM),
    left: Math.round(28 * MM),
    right: Math.round(26 * MM),
  };
  const main: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [run(content.title, FONTS.title, 44)],
    }),
    heading('一、总体情况'),
    ...content.summary.map(body),
    heading('二、检查结果'),
    body('各单位检查结果见下表（超期、空白栏目按检查日计；问题数为检查日仍未整改的数量）。'),
    table(
      ['单位', '本月发布', '超期栏目', '空白栏目', '严重问题', '一般问题', '超期申请', '结论'],
      content.agencies.map((a) => [
        a.agencyName,
        String(a.published),
        String(a.stale),
        String(a.blank),
        String(a.severe),
        String(a.warning),
        String(a.applicationsOverdue),
        a.verdict,
      ]),
      // 8,844 twips of text width (A4 less the 公文 margins): the name wide, the figures narrow.
      [2760, 860, 860, 860, 860, 860, 860, 864],
    ),
    heading('三、存在的主要问题'),
    ...(content.problemsByAgency.length === 0
      ? [body('本月检查未发现需要通报的问题。')]
      : content.problemsByAgency.flatMap((p, i) => [
          body(`（${chineseNumber(i + 1)}）${p.agencyName}`),
          ...p.lines.map((l, j) => body(`${j + 1}. ${l}`)),
        ])),
    heading('四、工作要求'),
    ...content.requirements.map(body),
    body('附件：问题清单'),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 400 },
      children: [run(content.issuer, FONTS.body, 32)],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(content.issuedOn, FONTS.body, 32)] }),
  ];
  const annex: (Paragraph | Table)[] = [
    new Paragraph({ children: [run('附件', FONTS.heading, 32)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run('问题清单', FONTS.title, 36)],
    }),
    content.problems.length === 0
      ? body('无。')
      : table(
          ['序号', '单位', '位置', '问题类型', '程度', '问题描述', '整改建议', '状态'],
          content.problems.map((p, i) => [
            String(i + 1),
            p.agencyName,
            p.where,
            p.kind,
            p.severity,
            p.description,
            p.suggestion,
            p.state,
          ]),
          // 14,438 twips across the landscape page.
          [600, 2000, 2600, 1500, 700, 3900, 2200, 938],
        ),
  ];
  const doc = new Document({
    creator: 'xxgk',
    title: content.title,
    sections: [
      { properties: { page: { size: { width: 11906, height: 16838 }, margin } }, children: main },
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1200, bottom: 1200, left: 1200, right: 1200 },
          },
        },
        children: annex,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
