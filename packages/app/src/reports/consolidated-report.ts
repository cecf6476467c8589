import { sumReports, type AnnualReport } from '@xxgk/core';
import { listChildAgencies, type AgencyRow, type Executor } from '@xxgk/db';
import { computeLiveReport, documentsClause, tableParagraphs } from './live-report.ts';
import { publishedReport } from './published-report.ts';

export interface Consolidation {
  /** The departments and towns whose published reports are in the sum. */
  readonly included: { agencyId: number; agencyName: string; version: number }[];
  /** Those that have not published theirs yet. */
  readonly missing: { agencyId: number; agencyName: string }[];
}

/**
 * A people's government's report: its own registers plus the published reports of the departments
 * and towns directly under it, summed; section 一 drafted from the sum, naming who has not published.
 */
export async function consolidatedReport(
  ex: Executor,
  agency: AgencyRow,
  year: number,
  options: { computedForMissing?: boolean } = {},
): Promise<{ report: AnnualReport; consolidation: Consolidation }> {
  const own = await computeLiveReport(ex, agency, year);
  const children = await listChildAgencies(ex, agency.id);
  const included: Consolidation['included'] = [];
  const missing: Consolidation['missing'] = [];
  const parts: AnnualReport[] = [own];
  for (const child of children) {
    const published = await publishedReport(ex, child.id, year);
    if (published === undefined) {
      missing.push({ agencyId: child.id, agencyName: child.name });
      if (options.computedForMissing === true) {
        parts.push(await computeLiveReport(ex, child, year));
      }
    } else {
      included.push({ agencyId: child.id, agencyName: child.name, version: published.version });
      parts.push(published.report);
    }
  }
  const report = sumReports(year, agency.name, parts);
  // Section 五 starts from the government's own template, followed by what its departments and towns wrote.
  const theirs = included.flatMap((part, i) => {
    const text =
      parts[i + 1]?.sections
        .find((x) => x.number === 5)
        ?.text?.split('\n')[0]
        ?.trim() ?? '';
    return text === '' ? [] : [`${part.agencyName}：${text}`];
  });
  report.sections = own.sections.map((s) =>
    s.number === 5 && theirs.length > 0
      ? { ...s, text: [s.text ?? '', '各部门、乡镇（街道）报告的主要问题：', ...theirs].join('\n') }
      : s.number === 1
        ? {
            ...s,
            text: [
              `${year}年，${agency.name}及所属${children.length}个部门、乡镇（街道）认真贯彻落实《中华人民共和国政府信息公开条例》。本报告汇总本级和${included.length}个已发布年度报告的部门、乡镇（街道）的数据${missing.length > 0 ? `（${missing.map((m) => m.agencyName).join('、')}尚未发布，未计入）` : ''}。`,
              `（一）主动公开。本年${documentsClause(report)}`,
              ...tableParagraphs(report),
            ].join('\n'),
          }
        : s,
  );
  return { report, consolidation: { included, missing } };
}
