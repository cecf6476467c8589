import type { DisclosureKind, ItemStatus, ReviewStage, ReviewStep, ValidityKind } from '@xxgk/core';

/** A scanner finding (core/scan/scan.ts). */
export interface Finding {
  check: string;
  severity: 'severe' | 'warning';
  field: string;
  text: string;
  excerpt: string;
  line?: number;
  message: string;
  suggestion?: string;
  fingerprint: string;
}

export interface SubmissionCheck {
  findings: Finding[];
  blocking: Finding[];
  dismissed: number;
}

export interface ItemContent {
  version: number;
  title: string;
  docNo: string;
  publisher: string;
  writtenOn: string;
  topic: string;
  genre: string;
  keywords: string;
  summary: string;
  disclosure: DisclosureKind;
  withheldReason: string;
  validity: ValidityKind;
  bodyHtml: string;
  bodyText: string;
  changeNote: string;
  updatedAt: string;
}

export interface ItemDetail {
  id: number;
  agencyId: number;
  agencyName: string;
  columnId: number;
  columnName: string;
  status: ItemStatus;
  reviewStage: ReviewStage | null;
  indexNo: string | null;
  publishedAt: string | null;
  scheduledFor: string | null;
  revisedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  publishedVersion: number | null;
  workingVersion: number | null;
  content: ItemContent;
  attachments: { id: number; fileName: string; mediaType: string; size: number; sha256: string }[];
  reviews: {
    id: number;
    version: number;
    step: ReviewStep;
    verdict: string | null;
    opinion: string;
    findings: Finding[];
    userName: string;
    at: string;
  }[];
  findings: Finding[];
  /** What the daily scan finds in the published version, not yet fixed. */
  scanFindings: Finding[];
  versions: { version: number; changeNote: string; createdAt: string }[];
  interpretations: { id: number; title: string }[];
  policies: { id: number; title: string }[];
  actions: {
    edit: boolean;
    submit: boolean;
    approve: ReviewStage | null;
    secrecy: boolean;
    sendBack: boolean;
    withdraw: boolean;
    revise: boolean;
  };
}

export interface ItemRow {
  id: number;
  columnId: number;
  status: ItemStatus;
  reviewStage: ReviewStage | null;
  indexNo: string | null;
  publishedAt: string | null;
  scheduledFor: string | null;
  updatedAt: string;
  title: string;
  docNo: string;
  version: number;
  working: boolean;
  /** In review: what the 送审 checks found. */
  findings: { severe: number; warning: number } | null;
}

export interface Column {
  id: number;
  parentId: number | null;
  name: string;
  children: Column[];
}

export function flatColumns(columns: Column[]): Column[] {
  return columns.flatMap((c) => [c, ...flatColumns(c.children)]);
}
