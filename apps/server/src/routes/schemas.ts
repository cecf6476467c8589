import { AGENCY_KINDS, PERMISSIONS, ROLES, type AnnualReport } from '@xxgk/core';
import { z } from 'zod';

export const ErrorOut = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
      requestId: z.string(),
    }),
  })
  .describe('错误：稳定的错误码、中文说明、逐字段问题和请求编号');

export const AgencyOut = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  path: z.string(),
  name: z.string(),
  shortName: z.string(),
  uscc: z.string(),
  kind: z.enum(AGENCY_KINDS),
  address: z.string(),
  phone: z.string(),
  fax: z.string(),
  postcode: z.string(),
  email: z.string(),
  officeHours: z.string(),
  indexPattern: z.string(),
  guideNotes: z.string(),
  reconsiderationBody: z.string(),
  court: z.string(),
  legalReviewRequired: z.boolean(),
  scanBlocking: z.enum(['severe', 'warning', 'none']),
  hasSeal: z.boolean(),
  sortOrder: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const UserOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  agencyId: z.number(),
  agencyName: z.string(),
  phone: z.string(),
  email: z.string(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
});

export const MeOut = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    agency: z.object({ id: z.number(), name: z.string(), path: z.string() }),
    roles: z.array(z.enum(ROLES)),
    /** For each permission, how far it reaches: own agency, subtree, all, or not at all (absent). */
    permissions: z.partialRecord(z.enum(PERMISSIONS), z.enum(['own', 'subtree', 'all'])),
    grantableRoles: z.array(z.enum(ROLES)),
    mustChangePassword: z.boolean(),
    /** The configured password rule in words, for password forms. */
    passwordRule: z.string(),
  }),
  csrfToken: z.string(),
  expiresAt: z.string(),
  /** The server's current instant: the admin takes its "today" from it (apps/admin/src/clock.ts). */
  now: z.string(),
});

export const AuditEntryOut = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actorName: z.string(),
  agencyId: z.number().nullable(),
  agencyName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  note: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string(),
  requestId: z.string(),
  hash: z.string(),
});

export const IdParams = z.object({ id: z.coerce.number().int().positive() });

export const errorResponses = {
  400: ErrorOut,
  401: ErrorOut,
  403: ErrorOut,
  404: ErrorOut,
  409: ErrorOut,
};

/** A report rule's finding (core report/model.ts `Finding`). */
export const ReportFindingOut = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  cells: z.array(z.string()),
  message: z.string(),
  expected: z.number().optional(),
  actual: z.number().optional(),
});

/**
 * An annual report (core `AnnualReport`, docs/report-json.md) as the admin reads it: whose and which year,
 * its parts, findings and source. The tables and every other key pass through unchecked (`looseObject`);
 * the annotation lets a route return the core type, which has no index signature.
 */
export const AnnualReportOut: z.ZodType<
  Pick<AnnualReport, 'format' | 'year' | 'agency' | 'sections' | 'findings' | 'source'>
> = z.looseObject({
  format: z.enum(['2021', '2019']),
  year: z.number().nullable(),
  agency: z.string().nullable(),
  sections: z.array(z.object({ number: z.number(), title: z.string(), text: z.string().nullable().optional() })),
  findings: z.array(ReportFindingOut),
  source: z.looseObject({
    kind: z.enum(['docx', 'pdf', 'html', 'text', 'generated']),
    warnings: z.array(z.string()),
  }),
});

/** The year's report as its editor and reviewer see it (app getReportDraft), with its tables as HTML. */
export const ReportDraftOut = z.object({
  agencyId: z.number(),
  year: z.number(),
  status: z.enum(['new', 'draft', 'submitted', 'returned', 'published']),
  statusLabel: z.string(),
  report: AnnualReportOut,
  tablesHtml: z.string(),
  explanations: z.record(z.string(), z.string()),
  reviewComment: z.string(),
  reopenReason: z.string(),
  lockVersion: z.number(),
  lastYearSectionFive: z.string(),
  versions: z.array(
    z.object({
      version: z.number(),
      publishedOn: z.string(),
      approvedBy: z.string(),
      reason: z.string(),
      changes: z.string(),
    }),
  ),
  canEdit: z.boolean(),
  canReview: z.boolean(),
  consolidation: z
    .object({
      included: z.array(z.object({ agencyId: z.number(), agencyName: z.string(), version: z.number() })),
      missing: z.array(z.object({ agencyId: z.number(), agencyName: z.string() })),
    })
    .nullable(),
});

/** One month of 行政许可、处罚、强制 decisions and fees (app DecisionMonth). */
export const DecisionMonthOut = z.object({
  month: z.number(),
  licensing: z.number(),
  penalties: z.number(),
  coercion: z.number(),
  feesFen: z.number(),
  feesYuan: z.string(),
  source: z.enum(['manual', 'import']),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
