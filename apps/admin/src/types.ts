import type { Permission, Role } from '@xxgk/core';

export type Reach = 'own' | 'subtree' | 'all';

export interface Me {
  user: {
    id: number;
    username: string;
    displayName: string;
    agency: { id: number; name: string; path: string };
    roles: Role[];
    permissions: Partial<Record<Permission, Reach>>;
    grantableRoles: Role[];
    mustChangePassword: boolean;
    passwordRule: string;
  };
  csrfToken: string;
  expiresAt: string;
  /** The server's current instant (apps/admin/src/clock.ts). */
  now: string;
}

export type { AgencyKind } from '@xxgk/core';
import type { AgencyKind } from '@xxgk/core';

export interface Agency {
  id: number;
  parentId: number | null;
  path: string;
  name: string;
  shortName: string;
  uscc: string;
  kind: AgencyKind;
  address: string;
  phone: string;
  fax: string;
  postcode: string;
  email: string;
  officeHours: string;
  indexPattern: string;
  guideNotes: string;
  reconsiderationBody: string;
  court: string;
  legalReviewRequired: boolean;
  scanBlocking: 'severe' | 'warning' | 'none';
  hasSeal: boolean;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  agencyId: number;
  agencyName: string;
  phone: string;
  email: string;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  lastLoginAt: string | null;
  roles: Role[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string;
  agencyId: number | null;
  agencyName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  note: string;
  before: unknown;
  after: unknown;
  ip: string;
  requestId: string;
  hash: string;
}
