import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AgencyKind,
  ApplicantCategory,
  Channel,
  ClockEventType,
  ClockStatus,
  DeliveryMethod,
  InformationForm,
  OutcomeCode,
  DisclosureKind,
  ItemStatus,
  NormativeEventKind,
  NormativeKind,
  ReviewStage,
  ReviewStep,
  Role,
  ScanSeverity,
  WordingCategory,
  WordingRuleKind,
  ValidityKind,
} from '@xxgk/core';

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
  items: ItemTable;
  item_versions: ItemVersionTable;
  item_reviews: ItemReviewTable;
  item_attachments: ItemAttachmentTable;
  item_links: ItemLinkTable;
  index_counters: IndexCounterTable;
  portal_state: PortalStateTable;
  normative_documents: NormativeDocumentTable;
  normative_events: NormativeEventTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  application_files: ApplicationFileTable;
  letter_templates: LetterTemplateTable;
  application_appeals: ApplicationAppealTable;
  mail_outbox: MailOutboxTable;
  decision_counts: DecisionCountTable;
  annual_reports: AnnualReportTable;
  annual_report_versions: AnnualReportVersionTable;
  report_templates: ReportTemplateTable;
  wording_rules: WordingRuleTable;
  scan_dismissals: ScanDismissalTable;
  scan_findings: ScanFindingTable;
  attachment_texts: AttachmentTextTable;
  error_reports: ErrorReportTable;
  job_runs: JobRunTable;
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
  /** 索引号 pattern (core/items/index-number.ts); '' means the default. */
  index_pattern: DefaultedText;
  /** The agency's own paragraphs added to its generated 政府信息公开指南. */
  guide_notes: DefaultedText;
  /** Named in every reply letter's remedies paragraph (行政复议机关, 人民法院). */
  reconsideration_body: DefaultedText;
  court: DefaultedText;
  /** The 依申请公开专用章 image (PNG) in the file store; '' when none was uploaded. */
  seal_file_key: DefaultedText;
  /** 1: a 法制审核 opinion must approve the decision before it is recorded. */
  legal_review_required: ColumnType<number, number | undefined, number>;
  /** Which scanner findings stop 送审: severe (default), warning (every finding) or none. */
  scan_blocking: ColumnType<ScanBlocking, ScanBlocking | undefined, ScanBlocking>;
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

/** A 主动公开 item: identity and lifecycle. Content lives in {@link ItemVersionTable}. */
export interface ItemTable {
  id: Generated<number>;
  agency_id: number;
  column_id: number;
  status: ItemStatus;
  /** The 三审 step the working version waits for, while in review. */
  review_stage: ReviewStage | null;
  /** 索引号, assigned at first publication and kept through revisions and withdrawal. */
  index_no: string | null;
  /** 发布日期: the instant of first publication; never changed afterwards. */
  published_at: string | null;
  scheduled_for: string | null;
  /** When the latest revision was published. */
  revised_at: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  /** The version the public sees, once published. */
  published_version: number | null;
  /** The version being written or reviewed; null when there is none. */
  working_version: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** Raised by every change; a change made from a stale read is refused (see claimItem). */
  lock_version: ColumnType<number, number | undefined, number>;
}

export interface ItemVersionTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  title: string;
  /** 发文字号, '' when the item has none. */
  doc_no: DefaultedText;
  /** 发布机构 */
  publisher: string;
  /** 成文日期 YYYY-MM-DD */
  written_on: string | null;
  topic: string;
  genre: string;
  keywords: DefaultedText;
  summary: DefaultedText;
  disclosure: DisclosureKind;
  withheld_reason: DefaultedText;
  validity: ValidityKind;
  /** Sanitized HTML. */
  body_html: string;
  /** The body as plain text, for search, snippets and diffs. */
  body_text: string;
  /** What a revision changed, in the editor's words. */
  change_note: DefaultedText;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ItemReviewTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  step: ReviewStep;
  /** approve / return for 三审 steps, clear / not_clear for 保密审查, null for submit and withdraw. */
  verdict: string | null;
  opinion: DefaultedText;
  /** JSON list of pre-submission check findings, on submit records. */
  findings: string | null;
  user_id: number | null;
  user_name: string;
  at: string;
}

export interface ItemAttachmentTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: string;
}

export interface ItemLinkTable {
  id: Generated<number>;
  policy_item_id: number;
  interpretation_item_id: number;
  created_at: string;
}

export interface IndexCounterTable {
  agency_id: number;
  period: string;
  last_serial: number;
}

export interface PortalStateTable {
  id: number;
  /** Goes up with every change the public can see; the portal's page cache is keyed on it. */
  generation: number;
}

export type ItemRow = Selectable<ItemTable>;
export type ItemVersionRow = Selectable<ItemVersionTable>;
export type NewItemVersionRow = Insertable<ItemVersionTable>;
export type ItemReviewRow = Selectable<ItemReviewTable>;
export type ItemAttachmentRow = Selectable<ItemAttachmentTable>;

/** A 规章 or 行政规范性文件 in the register. */
export interface NormativeDocumentTable {
  id: Generated<number>;
  agency_id: number;
  kind: NormativeKind;
  title: string;
  /** 发文字号 (for 规章, the 令 number), unique within the agency. */
  doc_no: string;
  /** 制发 date. */
  issued_on: string;
  /** 施行日期 when it differs from the 制发 date. */
  effective_on: string | null;
  /** Last day of its 有效期, if it has one. */
  valid_until: string | null;
  /** The published item that discloses it, if any. */
  item_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface NormativeEventTable {
  id: Generated<number>;
  document_id: number;
  kind: NormativeEventKind;
  on_date: string;
  /** The document that revised or abolished it. */
  by_doc_no: DefaultedText;
  by_title: DefaultedText;
  note: DefaultedText;
  created_at: string;
}

export type NormativeDocumentRow = Selectable<NormativeDocumentTable>;
export type NormativeEventRow = Selectable<NormativeEventTable>;

/** An application for information (依申请公开). Legal dates follow from its ledger; the cached ones are for lists. */
export interface ApplicationTable {
  id: Generated<number>;
  agency_id: number;
  /** 查询码 given to the applicant. */
  tracking_code: string;
  channel: Channel;
  /** 自然人 or one of the five kinds of 法人或其他组织: table 三's column. */
  applicant_kind: ApplicantCategory;
  applicant_name: string;
  /** For persons: the document type (core PERSON_ID_TYPES); for organisations: 'uscc'. */
  id_type: string;
  /** Sealed (app/privacy/personal-data.ts); never the number in clear. '' once purged. */
  id_number: string;
  /** The number's last four characters, for the status page's check and masked display. */
  id_last4: DefaultedText;
  /** Keyed hash of type and number: the same applicant's other applications, without the number. */
  applicant_key: DefaultedText;
  contact_name: DefaultedText;
  phone: string;
  email: DefaultedText;
  address: DefaultedText;
  postcode: DefaultedText;
  info_title: string;
  info_doc_no: DefaultedText;
  info_description: DefaultedText;
  info_form: InformationForm;
  delivery: DeliveryMethod;
  handler_user_id: number | null;
  /** Cached from the ledger: the legal receipt date (null while awaiting confirmation). */
  received_on: string | null;
  /** Cached from the ledger: the reply is due by the end of this day. */
  due_on: string | null;
  clock_status: ClockStatus;
  outcome_code: OutcomeCode | null;
  decided_on: string | null;
  /** 归档: the file is complete (decided, delivered) and closed for good. */
  archived_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the retention period ran out and the applicant's personal data were erased. */
  personal_data_purged_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
  lock_version: ColumnType<number, number | undefined, number>;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  /** A clock event, or the later confirmation of an unsigned letter's or online application's receipt. */
  type: ClockEventType | HandlingEventType;
  on_date: string;
  /** The event's other fields as JSON (channel, confirmedOn, days, id, party, newDue). */
  payload: DefaultedText;
  note: DefaultedText;
  user_id: number | null;
  user_name: string;
  created_at: string;
}

export interface ApplicationFileTable {
  id: Generated<number>;
  application_id: number;
  kind: 'identity' | 'scan' | 'released' | 'letter';
  file_name: string;
  media_type: string;
  size: number;
  /** Of the file as uploaded (before sealing). */
  sha256: string;
  storage_key: string;
  /** 1: stored sealed with the personal-data key. */
  encrypted: ColumnType<number, number | undefined, number>;
  /** For a letter: which (app/letters/letter-kinds.ts). */
  letter_kind: DefaultedText;
  created_at: string;
}

/**
 * Steps in the ledger that do not move the clock: the later confirmation of receipt, assignment,
 * 法制审核, a letter issued, delivery, 归档.
 */
export const HANDLING_EVENT_TYPES = [
  'receipt_confirmed',
  'assigned',
  'legal_review',
  'letter_issued',
  'delivered',
  'archived',
] as const;
export type HandlingEventType = (typeof HANDLING_EVENT_TYPES)[number];

/** An agency's wording of one letter; the built-in wording when it has none. */
export interface LetterTemplateTable {
  id: Generated<number>;
  agency_id: number;
  kind: string;
  title: string;
  body: string;
  updated_at: string;
  updated_by: string;
}

export type AppealKind = 'reconsideration' | 'litigation';
/** Table 四's result columns; 'pending' is 尚未审结. */
export type AppealResult = 'upheld' | 'corrected' | 'other' | 'pending';

/** A 行政复议 or 行政诉讼 brought over an application's handling (report table 四). */
export interface ApplicationAppealTable {
  id: Generated<number>;
  application_id: number;
  agency_id: number;
  kind: AppealKind;
  /** 复议机关 or 人民法院. */
  body: string;
  case_number: DefaultedText;
  filed_on: string;
  /** Free text: 受理, 审理中, 一审, 二审… */
  stage: DefaultedText;
  result: AppealResult;
  concluded_on: string | null;
  /** Litigation only: 1 when it followed a 行政复议 (复议后起诉). */
  after_reconsideration: ColumnType<number, number | undefined, number>;
  note: DefaultedText;
  created_at: string;
  updated_at: string;
}
export type ApplicationAppealRow = Selectable<ApplicationAppealTable>;
export type LetterTemplateRow = Selectable<LetterTemplateTable>;

export type ApplicationRow = Selectable<ApplicationTable>;
export type ApplicationEventRow = Selectable<ApplicationEventTable>;
export type ApplicationFileRow = Selectable<ApplicationFileTable>;

/** An e-mail waiting to be sent, or sent (migrations/0009-mail-outbox.ts). */
export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  /** new_application, status_change, due_soon, overdue, report_due. */
  kind: string;
  application_id: number | null;
  dedupe_key: string;
  created_at: string;
  sent_at: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: DefaultedText;
}
export type MailOutboxRow = Selectable<MailOutboxTable>;

/** One month's decisions and fees of an agency (migrations/0010-decision-counts.ts). */
export interface DecisionCountTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  month: number;
  licensing: number;
  penalties: number;
  coercion: number;
  /** 行政事业性收费 collected, in 分. PostgreSQL returns bigint as text: read through Number(). */
  fees_fen: ColumnType<number | string, number, number>;
  source: 'manual' | 'import';
  updated_by: string;
  updated_at: string;
}
export type DecisionCountRow = Selectable<DecisionCountTable>;

/** draft → submitted → (returned → submitted …) → published; reopened reports go back to draft. */
export type AnnualReportStatus = 'draft' | 'submitted' | 'returned' | 'published';

/** An agency's annual report for a year (migrations/0011-annual-reports.ts). */
export interface AnnualReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  status: AnnualReportStatus;
  /** JSON: the six sections' text, by number. */
  sections: string;
  /** JSON: the written reason for each warning, by finding key. */
  explanations: DefaultedText;
  /** The report as submitted (tables frozen); null while a draft. */
  report_json: string | null;
  review_comment: DefaultedText;
  reopen_reason: DefaultedText;
  submitted_by: number | null;
  submitted_at: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  /** The latest published version (0: never published). */
  published_version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
  lock_version: ColumnType<number, number | undefined, number>;
}
export type AnnualReportRow = Selectable<AnnualReportTable>;

/** A published version, kept for good; the portal shows the latest and lists the others. */
export interface AnnualReportVersionTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  report_json: string;
  published_on: string;
  approved_by: string;
  /** Why the published report was reopened before this version. */
  reason: DefaultedText;
  /** What changed against the previous version, in words. */
  changes: DefaultedText;
  created_at: string;
}
export type AnnualReportVersionRow = Selectable<AnnualReportVersionTable>;

/** An agency's starting text for a report section (5 or 6); `{年度}` and `{信息处理费}` are filled in. */
export interface ReportTemplateTable {
  id: Generated<number>;
  agency_id: number;
  section: number;
  body: string;
  updated_by: string;
  updated_at: string;
}

export type ScanBlocking = 'severe' | 'warning' | 'none';

/** A city's own 错敏 rule (core/scan/wording.ts: leaders' terms, renamed places, local wrong forms). */
export interface WordingRuleTable {
  id: Generated<number>;
  kind: WordingRuleKind;
  text: string;
  replacement: string;
  category: WordingCategory;
  severity: ScanSeverity;
  starts_on: string | null;
  ends_on: string | null;
  note: DefaultedText;
  created_by: string;
  created_at: string;
}
export type WordingRuleRow = Selectable<WordingRuleTable>;

/** A finding judged a false positive: not raised again for the same words in the same context. */
export interface ScanDismissalTable {
  id: Generated<number>;
  agency_id: number;
  fingerprint: string;
  check_code: string;
  text: string;
  reason: string;
  item_id: number | null;
  user_id: number | null;
  user_name: string;
  at: string;
}
export type ScanDismissalRow = Selectable<ScanDismissalTable>;

/** What the nightly scan found in published content; fixed_at set when a later scan no longer finds it. */
export interface ScanFindingTable {
  id: Generated<number>;
  agency_id: number;
  /** null for an agency-wide finding (索引号 gaps). */
  item_id: number | null;
  field: string;
  check_code: string;
  severity: ScanSeverity;
  text: string;
  excerpt: string;
  line: number | null;
  message: string;
  suggestion: DefaultedText;
  fingerprint: string;
  found_at: string;
  seen_at: string;
  fixed_at: string | null;
  dismissed_at: string | null;
}
export type ScanFindingRow = Selectable<ScanFindingTable>;

export type AttachmentTextStatus = 'ok' | 'empty' | 'unreadable' | 'skipped';

/** Text read out of an attachment, once per stored file. */
export interface AttachmentTextTable {
  storage_key: string;
  status: AttachmentTextStatus;
  text: string;
  message: DefaultedText;
  read_at: string;
}

export type ErrorReportStatus = 'open' | 'replied';

/** 我要纠错: an error the public reported on a portal page, a ticket for the agency. */
export interface ErrorReportTable {
  id: Generated<number>;
  /** Tracking code the reporter is given. */
  code: string;
  agency_id: number;
  item_id: number | null;
  page_url: string;
  page_title: string;
  kind: string;
  description: string;
  contact_name: DefaultedText;
  contact: DefaultedText;
  status: ErrorReportStatus;
  received_at: string;
  /** Reply due (working days after receipt, a city setting). */
  due_on: string;
  reply: DefaultedText;
  replied_at: string | null;
  replied_by: DefaultedText;
}
export type ErrorReportRow = Selectable<ErrorReportTable>;

/** When a daily job last ran. */
export interface JobRunTable {
  name: string;
  last_run_at: string;
}
