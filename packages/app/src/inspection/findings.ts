import { checkIndexNumbers, DomainError, shanghaiDate, type Actor, type ScanFinding } from '@xxgk/core';
import {
  dismissScanFindings,
  insertScanDismissal,
  listAgencies,
  listItemAttachments,
  listNumberedItems,
  listOpenItemFindings,
  listPublishedVersionsToScan,
} from '@xxgk/db';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { itemForActor } from '../items/item-view.ts';
import { checkWorkingVersion } from '../items/check-working-version.ts';
import { ranToday, recordJobRun } from '../jobs/job-runs.ts';
import { parseInput, text } from '../validation.ts';
import { cityWording } from './dictionary.ts';
import { recordScan, toScanFinding } from './record-scan.ts';
import { dismissedFingerprints, scanItemVersion } from './scan-item.ts';

export const DismissInput = z.object({
  fingerprint: z.string().min(1, '缺少要排除的检查结果').max(400),
  reason: text('排除理由', { min: 2, max: 500 }),
});
export type DismissInput = z.input<typeof DismissInput>;

/**
 * 排除误报: a reviewer (or the 政务公开办) judges a finding a false positive. The dismissal is kept
 * per agency by the finding's fingerprint (a hash of its check, words and context), so the same words in the
 * same place are not raised again — in this item's next submission, in the nightly scan, or in
 * another item quoting the same sentence. Audited with the reason.
 */
export async function dismissFinding(
  ctx: AppContext,
  { actor, itemId, input, meta }: { actor: Actor; itemId: number; input: DismissInput; meta: RequestMeta },
): Promise<{ dismissed: ScanFinding }> {
  const { fingerprint, reason } = parseInput(DismissInput, input);
  const { item, agency } = await itemForActor(ctx, actor, meta, itemId, 'scan.dismiss', 'scan.dismiss');
  // Only a finding this item has now: its working version's checks, or the nightly scan's open ones.
  const current = (await checkWorkingVersion(ctx, item, agency)).findings;
  const stored = await listOpenItemFindings(ctx.db, item.id);
  const finding =
    current.find((f) => f.fingerprint === fingerprint) ??
    stored.map(toScanFinding).find((f) => f.fingerprint === fingerprint);
  if (finding === undefined) {
    throw new DomainError('NOT_FOUND', '该检查结果已不存在（内容可能已修改），请刷新后再看');
  }
  const at = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    await insertScanDismissal(trx, {
      agency_id: agency.id,
      fingerprint,
      check_code: finding.check,
      text: finding.text === '' ? finding.message : finding.text,
      reason,
      item_id: item.id,
      user_id: actor.userId === 0 ? null : actor.userId,
      user_name: actor.displayName,
      at,
    });
    await dismissScanFindings(trx, { agencyId: agency.id, fingerprint, at });
    await audit(trx, ctx, actor, meta, {
      action: 'scan.dismiss',
      agencyId: agency.id,
      targetType: 'item',
      targetId: item.id,
      note: `排除误报：${finding.message}；理由：${reason}`,
      after: { check: finding.check, text: finding.text, excerpt: finding.excerpt, reason },
    });
  });
  return { dismissed: finding };
}

export interface ScanRunSummary {
  readonly items: number;
  readonly found: number;
  readonly fixed: number;
  readonly open: number;
}

/**
 * The nightly scan: every published item's current version — title, body, images, attachments,
 * 发文字号 and dates, links — and each agency's 索引号, checked as of the day each item was published
 * (or last revised). New findings are recorded, those still there are marked seen, those gone are
 * marked fixed. Dismissed findings are not recorded.
 */
export async function scanPublished(
  ctx: AppContext,
  options: { agencyIds?: readonly number[] } = {},
): Promise<ScanRunSummary> {
  const dictionary = await cityWording(ctx.db);
  const at = iso(ctx.now());
  const today = shanghaiDate(ctx.now());
  // In id order, the order findings have always been recorded in.
  let agencies = (await listAgencies(ctx.db)).sort((a, b) => a.id - b.id);
  if (options.agencyIds !== undefined) {
    const wanted = new Set(options.agencyIds);
    agencies = agencies.filter((a) => wanted.has(a.id));
  }
  // Each address to another site is tried once per run, however many items link to it.
  const tried = new Map<string, Promise<string | null>>();
  const { linkProbe } = ctx;
  const probe =
    linkProbe === undefined
      ? undefined
      : (url: string) => {
          let result = tried.get(url);
          if (result === undefined) {
            result = linkProbe(url);
            tried.set(url, result);
          }
          return result;
        };
  let items = 0;
  let found = 0;
  let fixed = 0;
  let open = 0;
  for (const { id: agencyId } of agencies) {
    const dismissed = await dismissedFingerprints(ctx.db, agencyId);
    const published = await listPublishedVersionsToScan(ctx.db, agencyId, at);
    const now: { itemId: number | null; finding: ScanFinding }[] = [];
    for (const row of published) {
      items += 1;
      const attachments = await listItemAttachments(ctx.db, row.item_id, row.version);
      const publishedOn = shanghaiDate(new Date(row.revised_at ?? row.published_at ?? at));
      const findings = await scanItemVersion(
        ctx,
        ctx.db,
        dictionary,
        {
          agencyId,
          version: row,
          attachments,
          publishedOn,
          today,
          ...(probe === undefined ? {} : { probe }),
        },
        dismissed,
      );
      // 发布日期 before 成文日期 is judged on the first publication, not on a revision.
      const firstOn = shanghaiDate(new Date(row.published_at ?? at));
      now.push(
        ...findings
          .filter((f) => f.check !== 'form.published_before_written' || firstOn < (row.written_on ?? ''))
          .map((finding) => ({ itemId: row.item_id, finding })),
      );
    }
    // Withdrawn items keep their numbers (never reused): they account for the gaps they leave.
    const numbered = await listNumberedItems(ctx.db, agencyId, at);
    now.push(
      ...checkIndexNumbers(numbered.map((r) => ({ id: r.id, indexNo: r.index_no }))).filter(
        (f) => !dismissed.has(f.finding.fingerprint),
      ),
    );
    const result = await ctx.db.transaction().execute((trx) => recordScan(trx, agencyId, now, at));
    found += result.found;
    fixed += result.fixed;
    open += now.length;
  }
  // A scan run by hand counts as the day's scan.
  await recordJobRun(ctx.db, 'scan', at);
  return { items, found, fixed, open };
}

/** Runs the scan once a day (Beijing date), from the server's minute timer. */
export async function scanPublishedDaily(ctx: AppContext): Promise<ScanRunSummary | null> {
  return (await ranToday(ctx.db, 'scan', ctx.now())) ? null : scanPublished(ctx);
}
