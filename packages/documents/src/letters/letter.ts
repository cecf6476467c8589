import { existsSync } from 'node:fs';
import {
  AlignmentType,
  Document,
  HorizontalPositionRelativeFrom,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
} from 'docx';
import PDFDocument from 'pdfkit';
import { DEFAULT_CJK_FONTS, MissingFontError, type CjkFont } from '../render/pdf.ts';

/** A letter ready to print: the filled template, who signs it, when, and the seal to place. */
export interface LetterContent {
  readonly title: string;
  /** The first paragraph ending in "：" is the salutation (not indented). */
  readonly paragraphs: readonly string[];
  /** The issuing agency, printed above the date at the foot. */
  readonly signature: string;
  /** 2026年11月30日 */
  readonly date: string;
  /** The 依申请公开专用章 as a PNG, placed over the signature and date. */
  readonly seal?: Uint8Array | undefined;
}

/** Two full-width spaces: the first-line indent of a 公文 paragraph. */
const INDENT = '\u3000\u3000';
const FONT = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const TITLE_FONT = { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
/** The seal is 42 mm across (GB/T 9704 leaves the size to the seal; 4.2 cm is the common 公章). */
const SEAL_MM = 42;
const EMU_PER_MM = 36_000;

function isSalutation(text: string, index: number): boolean {
  return index === 0 && /[：:]$/u.test(text);
}

/** The letter as a Word document: A4, 公文 margins, 仿宋 三号 body, 小标宋 二号 title, seal floating over the date. */
export async function renderLetterDocx(letter: LetterContent): Promise<Buffer> {
  const body = letter.paragraphs.map(
    (text, i) =>
      new Paragraph({
        spacing: { line: 560 },
        children: [new TextRun({ text: isSalutation(text, i) ? text : `${INDENT}${text}`, size: 32, font: FONT })],
      }),
  );
  const sealPixels = (SEAL_MM * 96) / 25.4;
  const signature = new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { before: 560, line: 560 },
    indent: { right: 640 },
    children: [
      new TextRun({ text: letter.signature, size: 32, font: FONT }),
      ...(letter.seal === undefined
        ? []
        : [
            new ImageRun({
              type: 'png',
              data: letter.seal,
              transformation: { width: sealPixels, height: sealPixels },
              altText: { name: '依申请公开专用章', description: '依申请公开专用章', title: '依申请公开专用章' },
              floating: {
                horizontalPosition: {
                  relative: HorizontalPositionRelativeFrom.MARGIN,
                  offset: Math.round((160 - SEAL_MM - 20) * EMU_PER_MM),
                },
                verticalPosition: {
                  relative: VerticalPositionRelativeFrom.PARAGRAPH,
                  offset: Math.round(-8 * EMU_PER_MM),
                },
                allowOverlap: true,
                behindDocument: false,
                wrap: { type: TextWrappingType.NONE },
              },
            }),
          ]),
    ],
  });
  const date = new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { line: 560 },
    indent: { right: 640 },
    children: [new TextRun({ text: letter.date, size: 32, font: FONT })],
  });
  const doc = new Document({
    title: letter.title,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400, line: 560 },
            children: [new TextRun({ text: letter.title, size: 44, font: TITLE_FONT })],
          }),
          ...body,
          signature,
          date,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const MM = 72 / 25.4;
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };

/** The same letter as PDF (embedded subset CJK font; text stays extractable), the seal drawn over the date. */
export async function renderLetterPdf(letter: LetterContent, options: { font?: CjkFont } = {}): Promise<Buffer> {
  const font = options.font ?? DEFAULT_CJK_FONTS.find((f) => existsSync(f.path));
  if (font === undefined || !existsSync(font.path)) {
    throw new MissingFontError('未找到中文字体，无法生成 PDF：请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk）');
  }
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, info: { Title: letter.title, Creator: 'xxgk' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  doc.fontSize(22).text(letter.title, { align: 'center' });
  doc.moveDown(1);
  letter.paragraphs.forEach((text, i) => {
    doc.fontSize(15).text(text, MARGIN.left, doc.y, {
      width,
      indent: isSalutation(text, i) ? 0 : 30,
      lineGap: 7,
    });
  });
  doc.moveDown(1.5);
  // The signature and date stay together (and with the seal) on the last page.
  if (doc.y > doc.page.height - MARGIN.bottom - 50) {
    doc.addPage();
  }
  const right = { width: width - 16, align: 'right' as const };
  const signatureY = doc.y;
  doc.fontSize(15).text(letter.signature, MARGIN.left, signatureY, right);
  doc.fontSize(15).text(letter.date, MARGIN.left, doc.y + 4, right);
  if (letter.seal !== undefined) {
    const size = SEAL_MM * MM;
    // Centred over the date (骑年盖月), as the seal is placed by hand.
    doc.image(Buffer.from(letter.seal), MARGIN.left + width - 16 - 40 * MM - size / 2 + 8 * MM, signatureY - 13 * MM, {
      width: size,
      height: size,
    });
  }
  doc.end();
  return done;
}
