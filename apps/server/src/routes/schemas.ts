import { AGENCY_KINDS, PERMISSIONS, ROLES } from '@xxgk/core';
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
