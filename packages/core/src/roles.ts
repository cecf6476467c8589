/**
 * Roles people hold in an agency, and what each may do.
 *
 * The review roles follow the 三审三校 practice (初审/复审/终审) and the 保密审查 the 条例 第十七条 requires
 * before anything is published; 依申请经办人 and 法制审核员 handle applications (条例 第四章).
 * A 政务公开办 supervisor oversees every agency below their own (条例 第三条、第四条: the 政府信息公开工作主管部门).
 */
export const ROLES = [
  'editor',
  'reviewer_first',
  'reviewer_second',
  'reviewer_final',
  'secrecy_reviewer',
  'application_handler',
  'legal_reviewer',
  'agency_admin',
  'supervisor',
  'system_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  editor: '信息员',
  reviewer_first: '初审人',
  reviewer_second: '复审人',
  reviewer_final: '终审人',
  secrecy_reviewer: '保密审查员',
  application_handler: '依申请经办人',
  legal_reviewer: '法制审核员',
  agency_admin: '单位管理员',
  supervisor: '政务公开办（监督）',
  system_admin: '系统管理员',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Permissions checked by the use cases. Each names an action on something that belongs to an agency;
 * {@link can} decides it against where the actor stands in the agency tree.
 */
export const PERMISSIONS = [
  'agency.read',
  'agency.create',
  'agency.update',
  'user.read',
  'user.manage',
  'audit.read',
  'calendar.manage',
  'report.check',
  'catalog.manage',
  'item.read',
  'item.write',
  'item.review.first',
  'item.review.second',
  'item.review.final',
  'item.secrecy',
  'item.withdraw',
  'normative.manage',
  'application.read',
  'application.handle',
  'application.approve_extension',
  'application.legal_review',
  'report.edit',
  'report.review',
  // Issue 8: dismiss a scanner finding as a false positive; the inspection dashboard; the city's 错敏
  // rules; the public's error reports.
  'scan.dismiss',
  'inspection.read',
  'wording.manage',
  'feedback.handle',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** How far a grant reaches from the actor's own agency. */
type Reach = 'own' | 'subtree' | 'all';

const GRANTS: Readonly<Record<Role, Partial<Record<Permission, Reach>>>> = {
  editor: {
    'agency.read': 'own',
    'item.read': 'own',
    'item.write': 'own',
    'normative.manage': 'own',
    // The 信息员 drafts the annual report and keeps the monthly decision counts.
    'report.edit': 'own',
    // …and answers the public's error reports on the agency's pages (我要纠错).
    'feedback.handle': 'own',
  },
  // Reviewers judge a scanner finding a false positive; the writer who met it may not.
  reviewer_first: { 'agency.read': 'own', 'item.read': 'own', 'item.review.first': 'own', 'scan.dismiss': 'own' },
  reviewer_second: { 'agency.read': 'own', 'item.read': 'own', 'item.review.second': 'own', 'scan.dismiss': 'own' },
  reviewer_final: {
    'agency.read': 'own',
    'item.read': 'own',
    'item.review.final': 'own',
    'item.withdraw': 'own',
    'scan.dismiss': 'own',
  },
  secrecy_reviewer: { 'agency.read': 'own', 'item.read': 'own', 'item.secrecy': 'own', 'scan.dismiss': 'own' },
  application_handler: { 'agency.read': 'own', 'application.read': 'own', 'application.handle': 'own' },
  legal_reviewer: {
    'agency.read': 'own',
    'item.read': 'own',
    'normative.manage': 'own',
    'application.read': 'own',
    // The optional 法制审核 of a decision before the reply goes out.
    'application.legal_review': 'own',
  },
  agency_admin: {
    'agency.read': 'own',
    'agency.update': 'own',
    'user.read': 'own',
    'user.manage': 'own',
    'audit.read': 'own',
    'catalog.manage': 'own',
    'item.read': 'own',
    'item.write': 'own',
    'item.withdraw': 'own',
    'normative.manage': 'own',
    'application.read': 'own',
    'application.handle': 'own',
    // 条例 第三十三条: an extension needs the consent of the head of the 政府信息公开工作机构.
    'application.approve_extension': 'own',
    'report.edit': 'own',
    'inspection.read': 'own',
    'feedback.handle': 'own',
  },
  supervisor: {
    'agency.read': 'subtree',
    'agency.create': 'subtree',
    'agency.update': 'subtree',
    'user.read': 'subtree',
    'user.manage': 'subtree',
    'audit.read': 'subtree',
    'report.check': 'subtree',
    'catalog.manage': 'subtree',
    'item.read': 'subtree',
    'application.read': 'subtree',
    // The 政务公开办 reviews and approves its agencies' annual reports (and writes the government's own).
    'report.review': 'subtree',
    'report.edit': 'own',
    // The 政务公开办 watches every agency below it, may clear a finding, keeps the city's 错敏 rules.
    'inspection.read': 'subtree',
    'scan.dismiss': 'subtree',
    'wording.manage': 'subtree',
  },
  system_admin: {
    'agency.read': 'all',
    'agency.create': 'all',
    'agency.update': 'all',
    'user.read': 'all',
    'user.manage': 'all',
    'audit.read': 'all',
    'calendar.manage': 'all',
    'report.check': 'all',
    'catalog.manage': 'all',
    'item.read': 'all',
    'application.read': 'all',
    'inspection.read': 'all',
    'wording.manage': 'all',
  },
};

/**
 * Where an agency sits in the tree: its materialised path of ids from the root, e.g. `/1/4/`.
 * An agency is below another when its path starts with the other's.
 */
export interface AgencyPlace {
  readonly id: number;
  readonly path: string;
}

export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  readonly agency: AgencyPlace;
  readonly roles: readonly Role[];
}

/** The widest reach any of the actor's roles gives for the permission, or undefined for none. */
export function reachOf(actor: Actor, permission: Permission): Reach | undefined {
  let best: Reach | undefined;
  for (const role of actor.roles) {
    const reach = GRANTS[role][permission];
    if (reach === 'all') {
      return 'all';
    }
    if (reach === 'subtree' || (reach === 'own' && best === undefined)) {
      best = reach;
    }
  }
  return best;
}

/** Every permission the actor has, with its reach: what the session tells the admin (and its tests). */
export function permissionsOf(actor: Actor): Partial<Record<Permission, Reach>> {
  const permissions: Partial<Record<Permission, Reach>> = {};
  for (const p of PERMISSIONS) {
    const reach = reachOf(actor, p);
    if (reach !== undefined) {
      permissions[p] = reach;
    }
  }
  return permissions;
}

/** Whether the actor may do `permission` on something belonging to `target`. */
export function can(actor: Actor, permission: Permission, target: AgencyPlace): boolean {
  const reach = reachOf(actor, permission);
  switch (reach) {
    case undefined:
      return false;
    case 'all':
      return true;
    case 'subtree':
      return target.path.startsWith(actor.agency.path);
    case 'own':
      return target.id === actor.agency.id;
  }
}

/**
 * Roles the actor may give to others. Nobody hands out a role wider than they could use themselves:
 * only a system admin makes system admins, only a supervisor or system admin makes supervisors.
 */
export function grantableRoles(actor: Actor): readonly Role[] {
  if (actor.roles.includes('system_admin')) {
    return ROLES;
  }
  if (actor.roles.includes('supervisor')) {
    return ROLES.filter((r) => r !== 'system_admin');
  }
  if (actor.roles.includes('agency_admin')) {
    return ROLES.filter((r) => r !== 'system_admin' && r !== 'supervisor');
  }
  return [];
}

/** Roles in their canonical order (as {@link ROLES} lists them), without repeats. */
export function sortRoles(roles: Iterable<Role>): Role[] {
  const set = new Set(roles);
  return ROLES.filter((r) => set.has(r));
}

/** The place above every agency: what system-wide things (the calendar, new top-level agencies) belong to. */
export const SYSTEM_SCOPE: AgencyPlace = { id: 0, path: '/' };
