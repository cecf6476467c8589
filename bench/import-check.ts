/**
 * Import + check throughput per input format: `npx tsx bench/import-check.ts [seconds-per-format]`.
 * Inputs: the published text and PDF fixtures, and DOCX/HTML rendered from a fixture's expected JSON.
 * Prints reports per second for each form. Not a test: figures go to the issue note.
 */
import { readFileSync } from 'node:fs';
import { checkReport, type AnnualReport } from '@xxgk/core';
import { importReport, renderReportDocx, renderReportHtml, renderReportPdf } from '@xxgk/documents';

const shared = new URL('../fixtures/reports/', import.meta.url);
const seconds = Number(process.argv[2] ?? 5);
const huaian = JSON.parse(
  readFileSync(new URL('expected/huaian-shizhengfu-2024.json', shared), 'utf8'),
) as AnnualReport;

const inputs: [string, string, Uint8Array][] = [
  ['text', 'zhangshu.txt', readFileSync(new URL('zhangshu-gongxinju-2023.txt', shared))],
  ['html', 'huaian.html', Buffer.from(renderReportHtml(huaian))],
  ['docx', 'huaian.docx', await renderReportDocx(huaian)],
  ['pdf (published, 5 pages)', 'hongzequ-2023.pdf', readFileSync(new URL('pdf/hongzequ-2023.pdf', shared))],
  ['pdf (published)', 'huaian-shizhengfu-2024.pdf', readFileSync(new URL('pdf/huaian-shizhengfu-2024.pdf', shared))],
  ['pdf (rendered)', 'huaian-rendered.pdf', await renderReportPdf(huaian)],
];

console.log(`import + R1–R12 check, ${seconds} s per form, Node ${process.version}`);
for (const [form, name, bytes] of inputs) {
  await importReport(name, bytes); // warm up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const report = await importReport(name, bytes);
    checkReport(report);
    n += 1;
  }
  const elapsed = (performance.now() - start) / 1000;
  console.log(
    `${form.padEnd(26)} ${(n / elapsed).toFixed(1).padStart(8)} reports/s  (${n} in ${elapsed.toFixed(1)} s, ${(bytes.length / 1024).toFixed(0)} KB)`,
  );
}
