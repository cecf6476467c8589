import { shanghaiDate, type ScanFinding, type ScanSeverity } from '@xxgk/core';

/**
 * Checks run when an item is sent for review (the 送审 hook). The scanner (inspection/scan-item.ts:
 * 错敏 wording, personal data, 发文字号 and dates, links, attachments) runs on every submission; these
 * are the checks of the item as a whole, and AppContext.itemChecks may add more. Findings are stored
 * with the submission and shown to every reviewer; which severities stop the submission is the
 * agency's setting (agencies.scan_blocking).
 */
export type FindingSeverity = ScanSeverity;

/** A finding, in the scanner's shape (core/scan/scan.ts). */
export type ItemFinding = ScanFinding;

/** What a check looks at: the version being submitted. */
export interface CheckedItem {
  readonly title: string;
  readonly docNo: string;
  readonly writtenOn: string | null;
  readonly summary: string;
  readonly bodyText: string;
  readonly attachmentCount: number;
  /** Today in Beijing. */
  readonly today: string;
}

export type ItemCheck = (item: CheckedItem) => readonly ItemFinding[] | Promise<readonly ItemFinding[]>;

function whole(
  check: string,
  field: string,
  severity: ScanSeverity,
  message: string,
  suggestion?: string,
): ItemFinding {
  return {
    check,
    severity,
    field,
    text: '',
    excerpt: '',
    message,
    ...(suggestion === undefined ? {} : { suggestion }),
    fingerprint: `${check}|${field}`,
  };
}

/** The checks of the item as a whole that every item gets. */
export const BUILT_IN_CHECKS: readonly ItemCheck[] = [
  (item) => {
    const findings: ItemFinding[] = [];
    if (item.bodyText.trim() === '' && item.attachmentCount === 0) {
      findings.push(whole('form.empty', 'body', 'severe', '正文为空且没有附件，发布后会成为空白信息'));
    }
    if (item.summary === '') {
      findings.push(
        whole(
          'form.summary',
          'summary',
          'warning',
          '未填写内容概述（条例第十二条：目录应包括内容概述）',
          '用一两句话概括本件内容，不超过 100 字',
        ),
      );
    }
    return findings;
  },
];

export function todayInBeijing(now: Date): string {
  return shanghaiDate(now);
}
