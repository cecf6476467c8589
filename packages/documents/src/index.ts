/**
 * @xxgk/documents: bytes in, bytes out. Report import (DOCX/PDF/HTML/text → the report-json model),
 * renderers (model → DOCX/PDF/HTML/XLSX) and reply letters arrive with the annual-report issue;
 * this package depends on @xxgk/core only.
 */

export * from './import/blocks.ts';
export { docxToBlocks } from './import/from-docx.ts';
export { pdfToBlocks } from './import/from-pdf.ts';
export * from './import/file-text.ts';
export * from './import/labels.ts';
export * from './import/map-report.ts';
export * from './import/import-report.ts';
export * from './render/tables.ts';
export * from './render/html.ts';
export * from './render/docx.ts';
export * from './render/xlsx.ts';
export * from './render/pdf.ts';
export * from './render/findings-xlsx.ts';
export * from './import/official-document.ts';
export * from './letters/letter.ts';
export * from './render/register-xlsx.ts';
export * from './render/inspection-report.ts';
// Untrusted files are read through these: limits, a worker with a heap cap and a time limit.
export * from './untrusted/limits.ts';
export * from './untrusted/sandbox.ts';
export type { SheetRow } from './untrusted/read-sheet.ts';
