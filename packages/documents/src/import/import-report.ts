import type { AnnualReport } from '@xxgk/core';
import type { SourceKind } from './blocks.ts';
import { docxToBlocks } from './from-docx.ts';
import { pdfToBlocks } from './from-pdf.ts';
import { htmlToBlocks } from './from-html.ts';
import { textToBlocks } from './from-text.ts';
import { mapReport } from './map-report.ts';

/** Which reader a file needs, from its name and its first bytes. */
export function detectKind(fileName: string, bytes: Uint8Array): SourceKind {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8');
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    return 'pdf';
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return 'docx';
  }
  if (/\.html?$/i.test(fileName) || /<(!doctype html|html|table|body)/i.test(head)) {
    return 'html';
  }
  return 'text';
}

/**
 * Reads a published annual report into the report-json shape. Never invents a number: whatever
 * could not be read is null, and every guess is listed in `source.warnings`.
 */
export async function importReport(
  fileName: string,
  bytes: Uint8Array,
  options: { readonly pdfPages?: number } = {},
): Promise<AnnualReport> {
  const kind = detectKind(fileName, bytes);
  switch (kind) {
    case 'text':
      return withFile(mapReport(textToBlocks(decode(bytes)), 'text'), fileName);
    case 'html':
      return withFile(mapReport(htmlToBlocks(decode(bytes)), 'html'), fileName);
    case 'docx': {
      const { blocks, warnings } = await docxToBlocks(bytes);
      const report = mapReport(blocks, 'docx');
      report.source.warnings.unshift(...warnings);
      return withFile(report, fileName);
    }
    case 'pdf': {
      const { blocks, warnings } = await pdfToBlocks(bytes, options);
      const report = mapReport(blocks, 'pdf');
      report.source.warnings.unshift(...warnings);
      return withFile(report, fileName);
    }
  }
}

function decode(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) {
    // Older Chinese sites still publish GB18030 pages.
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return text;
    }
  }
  return text;
}

function withFile(report: AnnualReport, fileName: string): AnnualReport {
  report.source = { ...report.source, file: fileName };
  return report;
}
