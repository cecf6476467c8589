import ExcelJS from 'exceljs';
import { addTableSheet, type XlsxColumn } from './xlsx-table.ts';

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

const COLUMNS: readonly XlsxColumn<RegisterRow>[] = [
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
  addTableSheet(book, '申请登记台账', title, COLUMNS, rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}
