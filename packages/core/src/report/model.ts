import { OUTCOMES, type OutcomeCode } from '../outcomes.ts';

/**
 * The annual report as data: the `xxgk-annual-report/1` JSON shape of docs/report-json.md.
 * The generator computes it, the importer reads it, the checker judges it, the portal publishes it.
 */
export const REPORT_SCHEMA = 'xxgk-annual-report/1';

/** 国办公开办函〔2021〕30号 (2021+) or 〔2019〕60号 试行 (the 2019 and 2020 reports). */
export type ReportFormat = '2021' | '2019';

/** [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]; null is a blank cell. */
export type ApplicationRow = (number | null)[];
/** [结果维持, 结果纠正, 其他结果, 尚未审结, 总计]. */
export type AppealRow = (number | null)[];

export interface DocumentCounts {
  issued: number | null;
  abolished: number | null;
  inForce: number | null;
}

export interface ActiveDisclosure {
  regulations: DocumentCounts | null;
  normativeDocuments: DocumentCounts | null;
  licensing: { decisions: number | null } | null;
  penalties: { decisions: number | null } | null;
  coercion: { decisions: number | null } | null;
  fees: { amountWanYuan: number | null } | null;
}

export interface ApplicationResults {
  granted: ApplicationRow | null;
  partiallyGranted: ApplicationRow | null;
  denied: {
    stateSecret: ApplicationRow | null;
    prohibitedByLaw: ApplicationRow | null;
    securityAndStability: ApplicationRow | null;
    thirdPartyRights: ApplicationRow | null;
    internalAffairs: ApplicationRow | null;
    processInformation: ApplicationRow | null;
    enforcementFiles: ApplicationRow | null;
    administrativeQuery: ApplicationRow | null;
  };
  unableToProvide: {
    notHeld: ApplicationRow | null;
    needsCreation: ApplicationRow | null;
    unclearAfterCorrection: ApplicationRow | null;
  };
  notProcessed: {
    petitionOrComplaint: ApplicationRow | null;
    duplicate: ApplicationRow | null;
    publication: ApplicationRow | null;
    massRepeated: ApplicationRow | null;
    confirmationRequest: ApplicationRow | null;
  };
  other: {
    correctionOverdue: ApplicationRow | null;
    feeUnpaid: ApplicationRow | null;
    other: ApplicationRow | null;
  };
  total: ApplicationRow | null;
}

export interface Applications {
  newReceived: ApplicationRow | null;
  carriedOver: ApplicationRow | null;
  results: ApplicationResults;
  carriedForward: ApplicationRow | null;
}

export interface Appeals {
  reconsideration: AppealRow | null;
  litigationDirect: AppealRow | null;
  litigationAfterReconsideration: AppealRow | null;
}

export interface ReportSection {
  number: number;
  title: string;
  text?: string | null;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  cells: string[];
  message: string;
  expected?: number;
  actual?: number;
}

export interface AnnualReport {
  schema: string;
  format: ReportFormat;
  year: number | null;
  agency: string | null;
  sections: ReportSection[];
  active: ActiveDisclosure | null;
  /** Format 2019's table 二, kept with that format's labels (docs/report-json.md#active2019). */
  active2019?: unknown;
  applications: Applications | null;
  appeals: Appeals | null;
  findings: Finding[];
  source: { kind: 'docx' | 'pdf' | 'html' | 'text' | 'generated'; warnings: string[]; [key: string]: unknown };
}

/** The six part titles in the template's wording (docs/rules.md#report-sections); the generator writes these. */
export const SECTION_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export const APPLICATION_COLUMN_COUNT = 7;
export const TOTAL_COLUMN = 6;
export const APPEAL_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
/** A case's result by table 四's column ('pending' is 尚未审结). */
export const APPEAL_RESULT_LABELS = {
  upheld: APPEAL_COLUMNS[0],
  corrected: APPEAL_COLUMNS[1],
  other: APPEAL_COLUMNS[2],
  pending: APPEAL_COLUMNS[3],
} as const;

/** Whose report it is for the deadline: a department's (and a town's) or a people's government's own. */
export type ReportLevel = 'department' | 'government';

/**
 * The statutory deadline of a report for `year` (条例 第四十九条): 31 January of the next year for a
 * department's, 31 March for a people's government's.
 */
export function reportDeadline(level: ReportLevel, year: number): string {
  return `${year + 1}-${level === 'department' ? '01-31' : '03-31'}`;
}

export function zeroRow(): number[] {
  return [0, 0, 0, 0, 0, 0, 0];
}

/** A fresh report with every cell 0: the start of a generated report. */
export function emptyReport(options: { year: number; agency: string; format?: ReportFormat }): AnnualReport {
  const results = emptyResults();
  return {
    schema: REPORT_SCHEMA,
    format: options.format ?? '2021',
    year: options.year,
    agency: options.agency,
    sections: [],
    active: {
      regulations: { issued: 0, abolished: 0, inForce: 0 },
      normativeDocuments: { issued: 0, abolished: 0, inForce: 0 },
      licensing: { decisions: 0 },
      penalties: { decisions: 0 },
      coercion: { decisions: 0 },
      fees: { amountWanYuan: 0 },
    },
    applications: { newReceived: zeroRow(), carriedOver: zeroRow(), results, carriedForward: zeroRow() },
    appeals: {
      reconsideration: [0, 0, 0, 0, 0],
      litigationDirect: [0, 0, 0, 0, 0],
      litigationAfterReconsideration: [0, 0, 0, 0, 0],
    },
    findings: [],
    source: { kind: 'generated', warnings: [] },
  };
}

function emptyResults(): ApplicationResults {
  return {
    granted: zeroRow(),
    partiallyGranted: zeroRow(),
    denied: {
      stateSecret: zeroRow(),
      prohibitedByLaw: zeroRow(),
      securityAndStability: zeroRow(),
      thirdPartyRights: zeroRow(),
      internalAffairs: zeroRow(),
      processInformation: zeroRow(),
      enforcementFiles: zeroRow(),
      administrativeQuery: zeroRow(),
    },
    unableToProvide: { notHeld: zeroRow(), needsCreation: zeroRow(), unclearAfterCorrection: zeroRow() },
    notProcessed: {
      petitionOrComplaint: zeroRow(),
      duplicate: zeroRow(),
      publication: zeroRow(),
      massRepeated: zeroRow(),
      confirmationRequest: zeroRow(),
    },
    other: { correctionOverdue: zeroRow(), feeUnpaid: zeroRow(), other: zeroRow() },
    total: zeroRow(),
  };
}

/** The row of an outcome in a results table (by its code, e.g. `denied.stateSecret`). */
export function outcomeRow(results: ApplicationResults, code: OutcomeCode): ApplicationRow | null {
  const [group, leaf] = code.split('.') as [string, string | undefined];
  const node = (results as unknown as Record<string, unknown>)[group];
  if (leaf === undefined) {
    return (node as ApplicationRow | null) ?? null;
  }
  return ((node as Record<string, ApplicationRow | null> | undefined)?.[leaf] ?? null) as ApplicationRow | null;
}

export function setOutcomeRow(results: ApplicationResults, code: OutcomeCode, row: ApplicationRow | null): void {
  const [group, leaf] = code.split('.') as [string, string | undefined];
  const r = results as unknown as Record<string, unknown>;
  if (leaf === undefined) {
    r[group] = row;
    return;
  }
  (r[group] as Record<string, ApplicationRow | null>)[leaf] = row;
}

/** The JSON path of an outcome row: `applications.results.denied.stateSecret`. */
export function outcomePath(code: OutcomeCode): string {
  return `applications.results.${code}`;
}

/** The Chinese name of a table-三 row for messages, e.g. `（三）1 属于国家秘密`. */
export function outcomeName(code: OutcomeCode): string {
  const o = OUTCOMES.find((x) => x.code === code);
  return o === undefined ? code : `${o.row}${o.label.replace(/（.*$/, '')}`;
}

/** Reads a cell as a number for arithmetic: blank (null) counts as 0; the caller warns about blanks (R7). */
export function n(value: number | null | undefined): number {
  return value ?? 0;
}
