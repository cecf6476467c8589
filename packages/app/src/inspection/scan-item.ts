import { checkForm, checkLinks, linksIn, scanText, type ScanFinding, type WordingDictionary } from '@xxgk/core';
import {
  findItem,
  findItemAttachment,
  listDismissedFingerprints,
  type Executor,
  type ItemAttachmentRow,
  type ItemVersionRow,
} from '@xxgk/db';
import type { AppContext } from '../context.ts';
import { attachmentText } from './attachment-text.ts';

/** What one scan of an item version looks at. */
export interface ScanSubject {
  readonly agencyId: number;
  readonly version: ItemVersionRow;
  readonly attachments: readonly ItemAttachmentRow[];
  /** The publication date the check assumes: today for a submission, the recorded one once published. */
  readonly publishedOn: string;
  readonly today: string;
  /** Tries links to other sites (the nightly scan, when the city turns it on): why one is dead, or null. */
  readonly probe?: (url: string) => Promise<string | null>;
}

/** Text of images' alt attributes in a body (read by screen readers, and published like the body). */
function altTexts(html: string): string {
  return [...html.matchAll(/<img\b[^>]*\balt\s*=\s*["']([^"']*)["']/giu)].map((m) => m[1]!).join('\n');
}

/**
 * Which of the links point at this portal's own pages that are not there: /items/N of an item that
 * is not published, /items/N/attachments/M/… of an attachment that is not the published version's.
 */
async function deadPortalLinks(ex: Executor, hrefs: readonly string[]): Promise<Set<string>> {
  const dead = new Set<string>();
  for (const href of hrefs) {
    const m = /^(?:https?:\/\/[^/]+)?\/items\/(\d+)(?:\/attachments\/(\d+)\/[^?#]*)?(?:[?#].*)?$/u.exec(href);
    if (m === null || (/^https?:/u.test(href) && !/^https?:\/\/(?:localhost|127\.0\.0\.1)[:/]/u.test(href))) {
      continue;
    }
    const item = await findItem(ex, Number(m[1]));
    if (item === undefined || item.status !== 'published') {
      dead.add(href);
      continue;
    }
    if (m[2] !== undefined) {
      // Only the published version's attachments are on the portal.
      const attachment = await findItemAttachment(ex, Number(m[2]));
      if (attachment?.item_id !== item.id || attachment.version !== item.published_version) {
        dead.add(href);
      }
    }
  }
  return dead;
}

/**
 * Every finding in an item version: wording and personal data in the title, summary, body, images'
 * alt text and each attachment's text; the 发文字号 and dates; links. Findings an agency dismissed are
 * left out (see {@link dismissedFingerprints}).
 */
export async function scanItemVersion(
  ctx: AppContext,
  ex: Executor,
  dictionary: WordingDictionary,
  subject: ScanSubject,
  dismissed: ReadonlySet<string>,
): Promise<ScanFinding[]> {
  const { version, publishedOn, today } = subject;
  const options = { dictionary, date: publishedOn };
  const findings: ScanFinding[] = [
    ...checkForm({ docNo: version.doc_no, writtenOn: version.written_on, publishedOn, today }),
    ...scanText('title', version.title, options),
    ...scanText('summary', version.summary, options),
    ...scanText('body', version.body_text, options),
    ...scanText('images', altTexts(version.body_html), options),
  ];
  const hrefs = linksIn(version.body_html);
  const dead = new Map([...(await deadPortalLinks(ex, hrefs))].map((href) => [href, '本站不存在该页面']));
  if (subject.probe !== undefined) {
    for (const href of new Set(hrefs)) {
      if (/^https?:\/\//iu.test(href) && !dead.has(href)) {
        const reason = await subject.probe(href);
        if (reason !== null) {
          dead.set(href, reason);
        }
      }
    }
  }
  findings.push(...checkLinks(hrefs, (href) => dead.get(href)));
  for (const attachment of subject.attachments) {
    const field = `attachment:${attachment.file_name}`;
    const read = await attachmentText(ctx, ex, attachment);
    if (read.status === 'ok') {
      findings.push(...scanText(field, read.text, options));
    } else if (read.status === 'empty' || read.status === 'unreadable') {
      findings.push({
        check: read.status === 'empty' ? 'form.attachment_empty' : 'form.attachment_unreadable',
        severity: 'warning',
        field,
        text: '',
        excerpt: '',
        message: `附件“${attachment.file_name}”：${read.message}`,
        suggestion: read.status === 'empty' ? '上传有内容的文件；扫描件请另附可检索的文字版' : '重新上传附件',
        fingerprint: `${read.status}|${attachment.sha256}`,
      });
    }
  }
  return findings.filter((f) => !dismissed.has(f.fingerprint));
}

/** The fingerprints an agency has dismissed as false positives. */
export async function dismissedFingerprints(ex: Executor, agencyId: number): Promise<Set<string>> {
  return new Set(await listDismissedFingerprints(ex, agencyId));
}
