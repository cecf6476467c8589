import { DEFAULT_PASSWORD_POLICY, type Actor, type PasswordPolicy, SYSTEM_SCOPE } from '@xxgk/core';
import type { Db, DialectName } from '@xxgk/db';
import type { FileStore } from './files/file-store.ts';
import type { ItemCheck } from './items/pre-submit-checks.ts';
import type { MailSettings } from './notifications/mail.ts';
import type { PersonalDataCipher } from './privacy/personal-data.ts';

/** Security settings the use cases enforce; built from the validated configuration. */
export interface SecuritySettings {
  readonly passwordPolicy: PasswordPolicy;
  /** Failed passwords in a row before an account is locked. */
  readonly maxFailedLogins: number;
  readonly lockoutMinutes: number;
  /** Failed logins from one address within {@link ipWindowMinutes} before that address is refused. */
  readonly ipFailureLimit: number;
  readonly ipWindowMinutes: number;
  /** A session unused this long ends. */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after login, however active. */
  readonly sessionAbsoluteHours: number;
}

export const DEFAULT_SECURITY: SecuritySettings = {
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  ipFailureLimit: 30,
  ipWindowMinutes: 15,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
};

/** What every use case is given: the database, the settings and the clock. */
export interface AppContext {
  readonly db: Db;
  readonly dialect: DialectName;
  readonly security: SecuritySettings;
  /** Uploaded files (attachments, scans). */
  readonly files: FileStore;
  /** Seals applicants' identity numbers and application files at rest. */
  readonly personalData: PersonalDataCipher;
  /** Largest upload accepted, in bytes. */
  readonly maxUploadBytes: number;
  /** Readings of unclear rules for applications (applications/submit-application.ts). */
  readonly applicationSettings?: {
    readonly onlineReceiptConfirms: boolean;
    /**
     * Years after 归档 when an application's personal data are erased (the statistics stay); null keeps
     * them (applications/purge-personal-data.ts).
     */
    readonly personalDataRetentionYears?: number | null;
  };
  /** E-mail notices (SMTP); none are queued when not configured. */
  readonly mail?: MailSettings;
  /** Checks run when an item is sent for review, beside the built-in checks and the scanner. */
  readonly itemChecks?: readonly ItemCheck[];
  /**
   * Tries a link to another site for the nightly scan: why it is dead (HTTP 404, 无法连接…) or null.
   * Not given: links to other sites are not tried (a server without outbound access would find every
   * one dead). inspection/link-probe.ts makes one; XXGK_CHECK_EXTERNAL_LINKS turns it on.
   */
  readonly linkProbe?: (url: string) => Promise<string | null>;
  /** Working days an agency has to answer a 我要纠错 report (a city setting; 5 when not given). */
  readonly errorReportWorkingDays?: number;
  /** The current instant; tests pass a fixed clock. */
  now(): Date;
}

/** Where a request came from, for the audit log. */
export interface RequestMeta {
  readonly ip: string;
  readonly requestId: string;
}

/** 20 MB: a scanned 公文 with attachments fits; larger files belong in a download service. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const NO_REQUEST: RequestMeta = { ip: '', requestId: '' };

/**
 * The actor for work done on the machine itself (`xxgk user create`, `xxgk seed`): a system
 * administrator with no user row. The audit log records it with no user id and its label.
 */
export function systemActor(label: string): Actor {
  return { userId: 0, username: 'system', displayName: label, agency: SYSTEM_SCOPE, roles: ['system_admin'] };
}

export function iso(date: Date): string {
  return date.toISOString();
}
