import type { AnnualReport } from '@xxgk/core';
import {
  activeTables,
  applicationsTable,
  appealsTable,
  reportTitle,
  sectionsOf,
  tablesOfSection,
  type RenderTable,
} from './tables.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (t: string) => t.replace(/[&<>"']/g, (c) => ESC[c] ?? c);

/** One table as accessible HTML: a caption, header cells with scope, spans as in the official format. */
export function tableHtml(table: RenderTable, options: { flagged?: ReadonlySet<string> } = {}): string {
  const rows = table.rows
    .map((row) => {
      const cells = row
        .map((cell) => {
          const tag = cell.header ? 'th' : 'td';
          const attrs = [
            cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '',
            cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '',
            cell.header && cell.scope ? ` scope="${cell.scope}"` : '',
            cell.path ? ` data-cell="${esc(cell.path)}"` : '',
          ].join('');
          const classes = [
            cell.vertical ? 'vertical' : '',
            cell.path && options.flagged?.has(cell.path) ? 'flagged' : '',
          ].filter(Boolean);
          return `<${tag}${attrs}${classes.length ? ` class="${classes.join(' ')}"` : ''}>${esc(cell.text)}</${tag}>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  return `<table class="report-table" id="${table.id}">\n<caption>${esc(table.caption)}</caption>\n${rows}\n</table>`;
}

/** The whole report as the body of a portal page (no script; styles are the portal's). */
export function renderReportHtmlBody(report: AnnualReport, options: { flagged?: ReadonlySet<string> } = {}): string {
  const parts = sectionsOf(report).map((s) => {
    const paragraphs = s.text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => `<p>${esc(l.trim())}</p>`)
      .join('\n');
    const tables = tablesOfSection(report, s.number)
      .map((t) => tableHtml(t, options))
      .join('\n');
    return `<section>\n<h2>${esc(s.title)}</h2>\n${paragraphs}\n${tables}\n</section>`;
  });
  return `<article class="annual-report">\n<h1>${esc(reportTitle(report))}</h1>\n${parts.join('\n')}\n</article>`;
}

/** A standalone HTML document of the report (for download and for the round trip). */
export function renderReportHtml(report: AnnualReport): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(reportTitle(report))}</title>
<style>
body { font-family: 'FangSong', 'STFangsong', 'Noto Serif CJK SC', serif; max-width: 960px; margin: 2em auto; line-height: 1.8; }
h1 { font-family: 'SimSun', 'Noto Serif CJK SC', serif; text-align: center; }
.report-table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 14px; }
.report-table th, .report-table td { border: 1px solid #000; padding: 4px 6px; }
.report-table td { text-align: right; }
.report-table caption { caption-side: top; font-weight: bold; }
.vertical { writing-mode: vertical-rl; }
.flagged { background: #ffe1e1; }
</style>
</head>
<body>
${renderReportHtmlBody(report)}
</body>
</html>
`;
}

/** The tables of a report with the cells named by findings marked (class="flagged"), for the checker's view. */
export function renderFlaggedTables(report: AnnualReport, cells: readonly string[]): string {
  const flagged = new Set(cells);
  const parts = [...activeTables(report), applicationsTable(report), appealsTable(report)].map((t) =>
    tableHtml(t, { flagged }),
  );
  return parts.join('\n');
}
