import type { AnnualReport } from '@xxgk/core';
import type { FileText } from '../import/file-text.ts';
import type { OfficialDocumentDraft } from '../import/official-document.ts';
import { fileRejected, type ParseLimits } from './limits.ts';
import type { SheetRow } from './read-sheet.ts';
import { preflightZip } from './zip-preflight.ts';

/** What a parsing worker is asked to do with an untrusted file. */
export type ParseJob =
  | { readonly kind: 'report'; readonly fileName: string; readonly bytes: Uint8Array }
  | { readonly kind: 'fileText'; readonly fileName: string; readonly mediaType: string; readonly bytes: Uint8Array }
  | { readonly kind: 'officialDocument'; readonly bytes: Uint8Array }
  | { readonly kind: 'sheet'; readonly fileName: string; readonly bytes: Uint8Array }
  | { readonly kind: 'preflight'; readonly fileName: string; readonly bytes: Uint8Array };

/** What each job answers. */
export interface ParseResults {
  readonly report: AnnualReport;
  readonly fileText: FileText;
  readonly officialDocument: OfficialDocumentDraft;
  readonly sheet: SheetRow[] | null;
  readonly preflight: null;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;
const isPdf = (b: Uint8Array) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;

/**
 * The checks every untrusted file passes before a parser sees it: its size; a zip container's
 * entries, inflated size and XML (zip-preflight.ts); a text's length. PDF pages are counted by the
 * PDF reader itself. Runs inside the worker, so even the checks cannot block the server.
 */
export function preflight(fileName: string, bytes: Uint8Array, limits: ParseLimits): void {
  if (bytes.byteLength > limits.inputBytes) {
    throw fileRejected('inputBytes', limits);
  }
  if (isZip(bytes)) {
    preflightZip(bytes, limits);
    return;
  }
  if (!isPdf(bytes) && /\.(html?|txt|csv|md)$/iu.test(fileName) && bytes.byteLength > limits.textChars * 4) {
    throw fileRejected('textChars', limits);
  }
}

/**
 * Runs one job (in the worker). Each reader is loaded the first time its kind of job comes, so a
 * worker that only checks uploads starts quickly.
 */
export async function runJob(job: ParseJob, limits: ParseLimits): Promise<ParseResults[ParseJob['kind']]> {
  const fileName = job.kind === 'officialDocument' ? 'document.docx' : job.fileName;
  preflight(fileName, job.bytes, limits);
  switch (job.kind) {
    case 'preflight':
      return null;
    case 'report': {
      const { detectKind, importReport } = await import('../import/import-report.ts');
      const kind = detectKind(job.fileName, job.bytes);
      if ((kind === 'text' || kind === 'html') && job.bytes.byteLength > limits.textChars) {
        throw fileRejected('textChars', limits);
      }
      return importReport(job.fileName, job.bytes, { pdfPages: limits.pdfPages });
    }
    case 'fileText': {
      const { fileText } = await import('../import/file-text.ts');
      return fileText(job.bytes, job.fileName, job.mediaType, { pdfPages: limits.pdfPages });
    }
    case 'officialDocument': {
      if (!isZip(job.bytes)) {
        throw fileRejected('corrupt', limits, '不是 DOCX 文件');
      }
      const { officialDocumentDraft } = await import('../import/official-document.ts');
      return officialDocumentDraft(job.bytes);
    }
    case 'sheet': {
      const { readSheet } = await import('./read-sheet.ts');
      return readSheet(job.fileName, job.bytes);
    }
  }
}
