import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** What a 受理回执 states: who received what, when, and by when the answer is due. */
export interface ReceiptFacts {
  readonly agencyName: string;
  readonly trackingCode: string;
  readonly applicantName: string;
  readonly infoTitle: string;
  readonly channel: string;
  /** The legal receipt date in words (2026年11月30日), or a note that it awaits confirmation. */
  readonly receivedOn: string;
  readonly dueOn: string;
  readonly contactPhone: string;
  readonly issuedOn: string;
}

/** Two full-width spaces: the first-line indent of a 公文 paragraph. */
const INDENT = '\u3000\u3000';

const FONT = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

function line(text: string, options: { bold?: boolean; size?: number; center?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.center === true ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { line: 560 },
    children: [new TextRun({ text, bold: options.bold ?? false, size: options.size ?? 32, font: FONT })],
  });
}

function row(label: string, value: string): TableRow {
  const cell = (text: string, width: number) =>
    new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [line(text, { size: 28 })] });
  return new TableRow({ children: [cell(label, 28), cell(value, 72)] });
}

/**
 * 政府信息公开申请受理回执 as a Word document (A4, 仿宋 三号). The applicant keeps it; the 查询码 on it
 * opens the status page.
 */
export async function renderApplicationReceipt(facts: ReceiptFacts): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          line('政府信息公开申请受理回执', { bold: true, size: 44, center: true }),
          line(`${facts.applicantName}：`),
          line(
            `${INDENT}本机关已于${facts.receivedOn}收到您提出的政府信息公开申请，现予登记。根据《中华人民共和国政府信息公开条例》第三十三条，本机关将在收到申请之日起20个工作日内予以答复；需要延长答复期限的，将告知您延长的理由和期限，延长期限最长不超过20个工作日。`,
          ),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              row('受理机关', facts.agencyName),
              row('查询码', facts.trackingCode),
              row('申请事项', facts.infoTitle),
              row('提交方式', facts.channel),
              row('收到申请日期', facts.receivedOn),
              row('答复期限', facts.dueOn),
              row('咨询电话', facts.contactPhone || '—'),
            ],
          }),
          line(`${INDENT}您可以凭查询码和联系电话（或证件号码）后四位，在本平台“申请查询”页面查看办理进度。`),
          line(`${facts.agencyName}`, { center: false }),
          line(facts.issuedOn),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
