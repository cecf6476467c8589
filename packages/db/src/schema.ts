import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AgencyKind, Role } from '@xxgk/core';

/**
 * Row types of every table. Conventions that hold on both SQLite and PostgreSQL (STACK.md §3):
 * instants are ISO-8601 UTC text (`2026-11-29T08:00:00.000Z`), legal dates `YYYY-MM-DD` text,
 * booleans 0/1 integers, money integer 分, ids from `returning`.
 */
export interface Schema {
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_years: CalendarYearTable;
  catalog_columns: CatalogColumnTable;
}

/** Text with a database default of '' . */
type DefaultedText = ColumnType<string, string | undefined, string>;

export interface AgencyTable {
  id: Generated<number>;
  parent_id: number | null;
  /** Materialised path of ids from the root, `/1/4/`, so a subtree is one `like` away. */
  path: string;
  name: string;
  short_name: string;
  /** 统一社会信用代码, checked with its check character before it is stored. */
  uscc: string;
  kind: AgencyKind;
  address: DefaultedText;
  phone: DefaultedText;
  fax: DefaultedText;
  postcode: DefaultedText;
  email: DefaultedText;
  office_hours: DefaultedText;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export type UserStatus = 'active' | 'disabled';

export interface UserTable {
  id: Generated<number>;
  /** Lower-case login name. */
  username: string;
  display_name: string;
  agency_id: number;
  password_hash: string;
  phone: string;
  email: string;
  status: UserStatus;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: string | null;
  must_change_password: ColumnType<number, number | undefined, number>;
  password_changed_at: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: number;
  role: Role;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a copy of this table does not let anyone log in. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute end, however active the session is. */
  expires_at: string;
  ip: string;
  user_agent: string;
  ended_at: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  succeeded: number;
}

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  agency_id: number | null;
  action: string;
  target_type: string;
  target_id: string | null;
  outcome: AuditOutcome;
  /** A short Chinese note: why access was denied, why a login failed. */
  note: string;
  before_json: string | null;
  after_json: string | null;
  ip: string;
  request_id: string;
  prev_hash: string;
  hash: string;
}

export type AgencyRow = Selectable<AgencyTable>;
export type NewAgencyRow = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;
export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;

export interface CalendarOverrideTable {
  /** YYYY-MM-DD. */
  date: string;
  kind: 'workday' | 'holiday';
  note: string;
  updated_by: string;
  updated_at: string;
}

export interface CalendarYearTable {
  year: number;
  note: string;
  updated_by: string;
  updated_at: string;
}

export interface CatalogColumnTable {
  id: Generated<number>;
  agency_id: number;
  parent_id: number | null;
  /** The template column it came from (stable across renames); null for columns an agency added. */
  code: string | null;
  name: string;
  kind: 'dynamic' | 'document' | 'static';
  /** The 条例 第二十条 item it discloses, when it is one. */
  article20: number | null;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export type CatalogColumnRow = Selectable<CatalogColumnTable>;
