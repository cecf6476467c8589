import ExcelJS from 'exceljs';

/** One application as the 依申请公开登记台账 shows it; personal data already masked by the caller. */
export interface RegisterRow {
  readonly trackingCode: string;
  readonly receivedOn: string;
  readonly channel: string;
  readonly applicantName: string;
  readonly applicantKind: string;
  readonly idNumberMasked: string;
  readonly phoneMasked: string;
  readonly infoTitle: string;
  readonly infoDocNo: string;
  readonly formAndDelivery: string;
  readonly handler: string;
  readonly dueOn: string;
  readonly status: string;
  /** 补正、延期、征求意见、收费, as they happened. */
  readonly steps: string;
  readonly fee: string;
  readonly outcomeRow: string;
  readonly outcome: string;
  readonly decidedOn: string;
  readonly deliveredOn: string;
  readonly archivedOn: string;
  readonly appeals: string;
}

const COLUMNS: readonly { header: string; key: keyof RegisterRow; width: number }[] = [
  { header: '查询码', key: 'trackingCode', width: 20 },
  { header: '收到申请日期', key: 'receivedOn', width: 13 },
  { header: '收到渠道', key: 'channel', width: 14 },
  { header: '申请人', key: 'applicantName', width: 18 },
  { header: '申请人类型', key: 'applicantKind', width: 14 },
  { header: '证件号码', key: 'idNumberMasked', width: 20 },
  { header: '联系电话', key: 'phoneMasked', width: 14 },
  { header: '申请公开的信息', key: 'infoTitle', width: 40 },
  { header: '文号', key: 'infoDocNo', width: 16 },
  { header: '获取形式和方式', key: 'formAndDelivery', width: 16 },
  { header: '经办人', key: 'handler', width: 14 },
  { header: '答复期限', key: 'dueOn', width: 12 },
  { header: '办理状态', key: 'status', width: 12 },
  { header: '补正、延期、征求意见、收费', key: 'steps', width: 40 },
  { header: '信息处理费', key: 'fee', width: 12 },
  { header: '表三行次', key: 'outcomeRow', width: 9 },
  { header: '办理结果', key: 'outcome', width: 30 },
  { header: '答复日期', key: 'decidedOn', width: 12 },
  { header: '送达日期', key: 'deliveredOn', width: 12 },
  { header: '归档日期', key: 'archivedOn', width: 12 },
  { header: '行政复议和行政诉讼', key: 'appeals', width: 40 },
];

/**
 * 政府信息公开申请登记台账 as a workbook: one row per application with the columns agencies keep on
 * paper today, a filter on the header, the header frozen. Identity numbers and phones come masked.
 */
export async function renderApplicationRegister(title: string, rows: readonly RegisterRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'xxgk';
  const sheet = book.addWorksheet('申请登记台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, COLUMNS.length + 1);
  const heading = sheet.getCell(1, 1);
  heading.value = title;
  heading.font = { bold: true, size: 14 };
  heading.alignment = { horizontal: 'center' };
  const header = sheet.getRow(2);
  header.values = ['序号', ...COLUMNS.map((c) => c.header)];
  header.font = { bold: true };
  sheet.getColumn(1).width = 6;
  COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 2).width = c.width;
  });
  rows.forEach((row, i) => {
    const added = sheet.addRow([i + 1, ...COLUMNS.map((c) => row[c.key])]);
    added.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length + 1 } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
