import { addDays } from '../calendar/dates.ts';
import type { NormativeDocumentRecord } from '../report/counting.ts';

/**
 * The register of 规章 and 行政规范性文件 (条例 第二十条第（一）项). Each document has its 制发 date and
 * a history of events — 修订, 废止, 失效 — each with the date and the document that did it. Whether a
 * document is 现行有效 on a date follows from that history alone, so the register answers for any
 * date, and the annual report's table 二 is counted from it (core/report/counting.ts).
 *
 * Review before expiry: a 行政规范性文件 normally carries a 有效期; how long before it ends the issuing
 * agency should start its assessment (评估) is local practice, not statute — configurable, default
 * 180 days (DERIVED; see the issue note).
 */
export const NORMATIVE_KINDS = ['regulation', 'normativeDocument'] as const;
export type NormativeKind = (typeof NORMATIVE_KINDS)[number];
export const NORMATIVE_KIND_LABELS: Readonly<Record<NormativeKind, string>> = {
  regulation: '规章',
  normativeDocument: '行政规范性文件',
};

export const NORMATIVE_EVENT_KINDS = ['revised', 'abolished', 'expired'] as const;
export type NormativeEventKind = (typeof NORMATIVE_EVENT_KINDS)[number];
export const NORMATIVE_EVENT_LABELS: Readonly<Record<NormativeEventKind, string>> = {
  revised: '修订',
  abolished: '废止',
  expired: '失效',
};

export type NormativeStatus = 'not_yet' | 'in_force' | 'abolished' | 'expired';
export const NORMATIVE_STATUS_LABELS: Readonly<Record<NormativeStatus, string>> = {
  not_yet: '尚未制发',
  in_force: '现行有效',
  abolished: '已废止',
  expired: '已失效',
};

export interface NormativeEvent {
  readonly kind: NormativeEventKind;
  readonly on: string;
}

export interface NormativeDocumentFacts {
  readonly kind: NormativeKind;
  /** 制发 (signing/issue) date. */
  readonly issuedOn: string;
  /** The last day of its 有效期, when it has one. */
  readonly validUntil: string | null;
  readonly events: readonly NormativeEvent[];
}

/** The date it stopped being in force — the first 废止 or 失效 event, or the day after its 有效期 — or null. */
export function endOf(doc: NormativeDocumentFacts): { on: string; kind: 'abolished' | 'expired' } | null {
  const ends = doc.events
    .filter((e) => e.kind === 'abolished' || e.kind === 'expired')
    .map((e) => ({ on: e.on, kind: e.kind as 'abolished' | 'expired' }));
  if (doc.validUntil !== null) {
    ends.push({ on: addDays(doc.validUntil, 1), kind: 'expired' });
  }
  ends.sort((a, b) => a.on.localeCompare(b.on));
  return ends[0] ?? null;
}

/** The document's status on `date` (YYYY-MM-DD). */
export function normativeStatusOn(doc: NormativeDocumentFacts, date: string): NormativeStatus {
  if (doc.issuedOn > date) {
    return 'not_yet';
  }
  const end = endOf(doc);
  return end !== null && end.on <= date ? end.kind : 'in_force';
}

/** What table 二 needs of the document. */
export function toCountingRecord(doc: NormativeDocumentFacts): NormativeDocumentRecord {
  return { kind: doc.kind, issuedOn: doc.issuedOn, abolishedOn: endOf(doc)?.on ?? null };
}

export type CleanupReason = 'past_validity' | 'review_due';
export const CLEANUP_REASON_LABELS: Readonly<Record<CleanupReason, string>> = {
  past_validity: '有效期已届满，应确认失效或重新制发',
  review_due: '有效期即将届满，应开始评估',
};

/**
 * Why a document belongs on the cleanup list today, or null. "Past validity" means its 有效期 ended
 * but no 失效/废止 has been recorded: the portal may still be calling it 有效.
 */
export function cleanupReason(doc: NormativeDocumentFacts, today: string, reviewDays = 180): CleanupReason | null {
  const recordedEnd = doc.events.some((e) => (e.kind === 'abolished' || e.kind === 'expired') && e.on <= today);
  if (recordedEnd || doc.validUntil === null || doc.issuedOn > today) {
    return null;
  }
  if (doc.validUntil < today) {
    return 'past_validity';
  }
  return addDays(today, reviewDays) >= doc.validUntil ? 'review_due' : null;
}
