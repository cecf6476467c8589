import { checkIndexNumbers, DomainError, shanghaiDate, type Actor, type ScanFinding } from '@xxgk/core';
import type { Executor } from '@xxgk/db';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { itemForActor } from '../items/item-view.ts';
import { checkWorkingVersion } from '../items/review-items.ts';
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
  const stored = await ctx.db
    .selectFrom('scan_findings')
    .selectAll()
    .where('item_id', '=', item.id)
    .where('fixed_at', 'is', null)
    .where('dismissed_at', 'is', null)
    .execute();
  const finding =
    current.find((f) => f.fingerprint === fingerprint) ??
    stored.map(toScanFinding).find((f) => f.fingerprint === fingerprint);
  if (finding === undefined) {
    throw new DomainError('NOT_FOUND', '该检查结果已不存在（内容可能已修改），请刷新后再看');
  }
  const at = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('scan_dismissals')
      .values({
        agency_id: agency.id,
        fingerprint,
        check_code: finding.check,
        text: finding.text === '' ? finding.message : finding.text,
        reason,
        item_id: item.id,
        user_id: actor.userId === 0 ? null : actor.userId,
        user_name: actor.displayName,
        at,
      })
      .onConflict((oc) => oc.columns(['agency_id', 'fingerprint']).doNothing())
      .execute();
    await trx
      .updateTable('scan_findings')
      .set({ dismissed_at: at })
      .where('agency_id', '=', agency.id)
      .where('fingerprint', '=', fingerprint)
      .where('fixed_at', 'is', null)
      .execute();
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

/** The nightly scan's findings of these agencies, with the title of the item each is in, oldest first. */
export async function scanFindingsOf(
  ex: Executor,
  agencyIds: readonly number[],
  { foundBefore }: { foundBefore?: string } = {},
) {
  let query = ex
    .selectFrom('scan_findings as f')
    .leftJoin('items as i', 'i.id', 'f.item_id')
    .leftJoin('item_versions as v', (j) =>
      j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
    )
    .select([
      'f.id',
      'f.agency_id',
      'f.item_id',
      'v.title',
      'f.field',
      'f.check_code',
      'f.severity',
      'f.excerpt',
      'f.message',
      'f.suggestion',
      'f.found_at',
      'f.fixed_at',
      'f.dismissed_at',
    ])
    .where('f.agency_id', 'in', [...agencyIds, -1]);
  if (foundBefore !== undefined) {
    query = query.where('f.found_at', '<', foundBefore);
  }
  return query.orderBy('f.id').execute();
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
  let agencies = await ctx.db.selectFrom('agencies').select('id').orderBy('id').execute();
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
    const published = await ctx.db
      .selectFrom('items as i')
      .innerJoin('item_versions as v', (j) =>
        j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
      )
      .selectAll('v')
      .select(['i.index_no', 'i.published_at', 'i.revised_at'])
      .where('i.agency_id', '=', agencyId)
      .where('i.status', '=', 'published')
      .where('i.published_at', '<=', at)
      .orderBy('i.id')
      .execute();
    const now: { itemId: number | null; finding: ScanFinding }[] = [];
    for (const row of published) {
      items += 1;
      const attachments = await ctx.db
        .selectFrom('item_attachments')
        .selectAll()
        .where('item_id', '=', row.item_id)
        .where('version', '=', row.version)
        .orderBy('sort_order')
        .orderBy('id')
        .execute();
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
    const numbered = await ctx.db
      .selectFrom('items')
      .select(['id', 'index_no'])
      .where('agency_id', '=', agencyId)
      .where('index_no', 'is not', null)
      .where('published_at', '<=', at)
      .orderBy('id')
      .execute();
    now.push(
      ...checkIndexNumbers(numbered.map((r) => ({ id: r.id, indexNo: r.index_no! }))).filter(
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
