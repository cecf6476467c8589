import { emptyReport, type AnnualReport } from './model.ts';

type Row = (number | null)[] | null | undefined;

function addRow(into: (number | null)[] | null, row: Row): void {
  if (into === null || row === null || row === undefined) {
    return;
  }
  row.forEach((v, i) => {
    into[i] = (into[i] ?? 0) + (v ?? 0);
  });
}

function addTree(into: unknown, from: unknown): void {
  if (into === null || from === null || from === undefined || typeof into !== 'object') {
    return;
  }
  for (const [key, value] of Object.entries(from as Record<string, unknown>)) {
    const target = (into as Record<string, unknown>)[key];
    if (Array.isArray(target)) {
      addRow(target as (number | null)[], value as Row);
    } else if (typeof target === 'number' && typeof value === 'number') {
      (into as Record<string, unknown>)[key] = Math.round((target + value) * 1_000_000) / 1_000_000;
    } else if (target !== null && typeof target === 'object') {
      addTree(target, value);
    }
  }
}

/**
 * A government's tables as the sum of its own and its departments' and towns' reports (a people's
 * government's report covers the work of the departments under it — the practice of published 政府
 * reports; DERIVED, no rule text for it: docs/rules.md#report-counting): every cell added, blanks as 0, the fee amount
 * in 万元 kept to six decimals. Sections and findings are the caller's.
 */
export function sumReports(year: number, agency: string, reports: readonly AnnualReport[]): AnnualReport {
  const total = emptyReport({ year, agency });
  for (const r of reports) {
    addTree(total.active, r.active);
    addTree(total.applications, r.applications);
    addTree(total.appeals, r.appeals);
  }
  return total;
}
