import { parseDocumentNumber, shanghaiDate } from '@xxgk/core';

/**
 * Checks run when an item is sent for review (the 送审 hook). Their findings are stored with the
 * submission and shown to every reviewer; a severe finding stops the submission. The 错敏 and
 * personal-data scanner joins this list (AppContext.itemChecks) without changing the workflow.
 */
export type FindingSeverity = 'severe' | 'warning';

export interface ItemFinding {
  readonly check: string;
  readonly severity: FindingSeverity;
  /** Which field the finding is in (title, docNo, body, attachments…). */
  readonly field: string;
  readonly message: string;
  readonly suggestion?: string;
}

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

/** The form checks every item gets. */
export const BUILT_IN_CHECKS: readonly ItemCheck[] = [
  (item) => {
    const findings: ItemFinding[] = [];
    if (item.docNo !== '') {
      const parsed = parseDocumentNumber(item.docNo);
      if (!parsed.ok) {
        findings.push({ check: 'form.doc_no', severity: 'severe', field: 'docNo', message: parsed.message });
      }
    }
    if (item.writtenOn !== null && item.writtenOn > item.today) {
      findings.push({
        check: 'form.written_on_future',
        severity: 'severe',
        field: 'writtenOn',
        message: `成文日期 ${item.writtenOn} 晚于今天`,
        suggestion: '核对落款日期',
      });
    }
    if (item.bodyText.trim() === '' && item.attachmentCount === 0) {
      findings.push({
        check: 'form.empty',
        severity: 'severe',
        field: 'body',
        message: '正文为空且没有附件，发布后会成为空白信息',
      });
    }
    if (item.summary === '') {
      findings.push({
        check: 'form.summary',
        severity: 'warning',
        field: 'summary',
        message: '未填写内容概述（条例第十二条：目录应包括内容概述）',
        suggestion: '用一两句话概括本件内容，不超过 100 字',
      });
    }
    return findings;
  },
];

export function todayInBeijing(now: Date): string {
  return shanghaiDate(now);
}
