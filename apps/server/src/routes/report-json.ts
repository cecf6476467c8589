import { APPEAL_COLUMNS, APPLICATION_COLUMN_COUNT, type AnnualReport } from '@xxgk/core';
import { z } from 'zod';

/**
 * The annual report as the API takes it back (`xxgk-annual-report/1`, docs/report-json.md): the whole
 * shape, checked before the rules read it, so a malformed report is a 400 naming the field rather than
 * a rule failing on it (issue 18). Keys the document allows to be added are kept (`looseObject`).
 */

const cell = z.number({ error: '应为数字或 null' }).nullable();
const applicationRow = z
  .array(cell)
  .length(APPLICATION_COLUMN_COUNT, `每行应有 ${APPLICATION_COLUMN_COUNT} 列`)
  .nullable();
const appealRow = z.array(cell).length(APPEAL_COLUMNS.length, `每行应有 ${APPEAL_COLUMNS.length} 列`).nullable();
const documentCounts = z.object({ issued: cell, abolished: cell, inForce: cell }).nullable();
const decisions = z.object({ decisions: cell }).nullable();

const ActiveDisclosure = z.object({
  regulations: documentCounts,
  normativeDocuments: documentCounts,
  licensing: decisions,
  penalties: decisions,
  coercion: decisions,
  fees: z.object({ amountWanYuan: cell }).nullable(),
});

const Applications = z.object({
  newReceived: applicationRow,
  carriedOver: applicationRow,
  results: z.object({
    granted: applicationRow,
    partiallyGranted: applicationRow,
    denied: z.object({
      stateSecret: applicationRow,
      prohibitedByLaw: applicationRow,
      securityAndStability: applicationRow,
      thirdPartyRights: applicationRow,
      internalAffairs: applicationRow,
      processInformation: applicationRow,
      enforcementFiles: applicationRow,
      administrativeQuery: applicationRow,
    }),
    unableToProvide: z.object({
      notHeld: applicationRow,
      needsCreation: applicationRow,
      unclearAfterCorrection: applicationRow,
    }),
    notProcessed: z.object({
      petitionOrComplaint: applicationRow,
      duplicate: applicationRow,
      publication: applicationRow,
      massRepeated: applicationRow,
      confirmationRequest: applicationRow,
    }),
    other: z.object({ correctionOverdue: applicationRow, feeUnpaid: applicationRow, other: applicationRow }),
    total: applicationRow,
  }),
  carriedForward: applicationRow,
});

const Appeals = z.object({
  reconsideration: appealRow,
  litigationDirect: appealRow,
  litigationAfterReconsideration: appealRow,
});

const Finding = z.object({
  rule: z.string().max(20),
  severity: z.enum(['error', 'warning', 'info']),
  cells: z.array(z.string().max(200)).max(1_000),
  message: z.string().max(2_000),
  expected: z.number().optional(),
  actual: z.number().optional(),
});

export const ReportJson = z.looseObject({
  schema: z.string().max(100),
  format: z.enum(['2021', '2019'], { error: '表格格式应为 "2021" 或 "2019"' }),
  year: z.number().int('年度应为整数').min(1).max(9999).nullable(),
  agency: z.string().max(500).nullable(),
  /** Without sections the rules see none (as `xxgk report verify` reads a file). */
  sections: z
    .array(z.object({ number: z.number().int(), title: z.string().max(500), text: z.string().nullable().optional() }))
    .max(100)
    .default([]),
  active: ActiveDisclosure.nullable(),
  active2019: z.record(z.string().max(100), z.array(cell).max(20)).optional(),
  applications: Applications.nullable(),
  appeals: Appeals.nullable(),
  /** Recomputed on every check; what came in is not kept. */
  findings: z.array(Finding).max(10_000).default([]),
  source: z.looseObject({
    kind: z.enum(['docx', 'pdf', 'html', 'text', 'generated']),
    warnings: z.array(z.string().max(2_000)).max(10_000),
  }),
});

/** A report the schema took is an {@link AnnualReport}; this says so once, here, where the two are kept alike. */
export function asAnnualReport(report: z.output<typeof ReportJson>): AnnualReport {
  return report;
}
