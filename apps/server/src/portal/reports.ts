import type { Agency } from '@xxgk/app';
import type { AnnualReport } from '@xxgk/core';
import { renderReportHtmlBody } from '@xxgk/documents';
import { Html, html } from './html.ts';
import { breadcrumb, page } from './layout.ts';
import type { Site } from './items.ts';

export interface PublishedEntry {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly year: number;
  readonly version: number;
  readonly publishedOn: string;
}

export interface VersionEntry {
  readonly version: number;
  readonly publishedOn: string;
  readonly reason: string;
  readonly changes: string;
}

/** Where a published report and its files live on the portal. */
export function reportPath(agencyId: number, year: number): string {
  return `/agencies/${agencyId}/reports/${year}`;
}

/** The 年报 column's list of an agency's published reports (above any items in the column). */
export function reportList(agencyId: number, reports: readonly PublishedEntry[]): Html {
  if (reports.length === 0) {
    return html``;
  }
  return html`<section aria-labelledby="reports-title" class="annual-reports">
    <h2 id="reports-title">政府信息公开工作年度报告</h2>
    <ul class="item-list">
      ${reports.map(
        (r) =>
          html`<li>
            <a href="${reportPath(agencyId, r.year)}">${r.agencyName}${r.year}年政府信息公开工作年度报告</a>
            <span class="date">${r.publishedOn}</span>
          </li>`,
      )}
    </ul>
  </section>`;
}

/**
 * A published report as a portal page: the whole report (text and tables) in HTML, the DOCX and PDF
 * downloads, the report-json as open data, and the record of versions with what changed.
 */
export function reportPage(
  site: Site,
  agency: Agency,
  report: AnnualReport,
  shown: { version: number; publishedOn: string },
  versions: readonly VersionEntry[],
  annualColumnId: number | undefined,
): string {
  const base = reportPath(agency.id, report.year ?? 0);
  const q = shown.version === versions[0]?.version ? '' : `?version=${shown.version}`;
  const body = html`${breadcrumb(
      [
        ['首页', '/'],
        [agency.name, `/agencies/${agency.id}`],
        ...(annualColumnId === undefined
          ? []
          : [['政府信息公开年报', `/agencies/${agency.id}/columns/${annualColumnId}`] as [string, string]]),
      ],
      `${report.year}年度报告`,
    )}
    ${
      shown.version !== versions[0]?.version
        ? html`<p class="notice">
            这是第 ${shown.version} 版（${shown.publishedOn}发布），已被更新的版本取代。<a href="${base}"
              >查看最新版本</a
            >
          </p>`
        : ''
    }
    <p class="downloads">
      下载：<a href="${base}/report.docx${q}">Word 版（DOCX）</a>
      <a href="${base}/report.pdf${q}">PDF 版</a>
      <a href="${base}/report.json${q}">开放数据（JSON）</a>
      <span class="date">发布日期：${shown.publishedOn}</span>
    </p>
    ${new Html(renderReportHtmlBody(report))}
    ${
      versions.length > 1
        ? html`<section aria-labelledby="versions-title" class="versions">
            <h2 id="versions-title">修订记录</h2>
            <table>
              <caption>
                本报告的发布版本
              </caption>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">发布日期</th>
                <th scope="col">修订原因</th>
                <th scope="col">修改内容</th>
              </tr>
              ${versions.map(
                (v) =>
                  html`<tr>
                    <td><a href="${base}?version=${v.version}">第 ${v.version} 版</a></td>
                    <td>${v.publishedOn}</td>
                    <td>${v.reason || '—'}</td>
                    <td>${v.changes}</td>
                  </tr>`,
              )}
            </table>
          </section>`
        : ''
    }`;
  return page({
    title: `${agency.name}${report.year}年政府信息公开工作年度报告`,
    siteName: site.siteName,
    path: `${base}${q}`,
    body,
  });
}
