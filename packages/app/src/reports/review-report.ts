import { cellLabel, DomainError, SECTION_TITLES, shanghaiDate, type Actor, type AnnualReport } from '@xxgk/core';
import {
  bumpPortalGeneration,
  findLatestAnnualReportVersion,
  insertAnnualReportVersion,
  updateAnnualReportLocked,
} from '@xxgk/db';
import { z } from 'zod';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit, denied } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { claimed, findReport } from './report-rows.ts';
import { type ReportDraft, getReportDraft } from './get-report-draft.ts';

export const ReviewInput = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('return'), comment: z.string().trim().min(1, '退回时请写明修改意见').max(2000) }),
    z.object({ decision: z.literal('approve'), comment: z.string().max(2000).default('') }),
  ],
  { error: '请选择退回或批准' },
);
export type ReviewInput = z.input<typeof ReviewInput>;

/** A numeric cell's changes between two versions, and whether the text changed: "what changed". */
export function reportChanges(before: AnnualReport | undefined, after: AnnualReport): string {
  if (before === undefined) {
    return '首次发布';
  }
  const leaves = (node: unknown, path: string, out: Map<string, number | null>) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => out.set(`${path}[${i}]`, typeof v === 'number' ? v : null));
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        leaves(v, path === '' ? k : `${path}.${k}`, out);
      }
    } else if (typeof node === 'number') {
      out.set(path, node);
    }
  };
  const a = new Map<string, number | null>();
  const b = new Map<string, number | null>();
  for (const key of ['active', 'applications', 'appeals'] as const) {
    leaves(before[key], key, a);
    leaves(after[key], key, b);
  }
  const cells = [...b.entries()]
    .filter(([k, v]) => a.get(k) !== v)
    .map(([k, v]) => `${cellLabel(k)}：${a.get(k) ?? '空'}→${v ?? '空'}`);
  const texts = after.sections
    .filter((s) => (before.sections.find((x) => x.number === s.number)?.text ?? '') !== (s.text ?? ''))
    .map((s) => `${SECTION_TITLES[s.number - 1] ?? s.title}文字修改`);
  const all = [...cells, ...texts];
  return all.length === 0
    ? '内容未变'
    : all.length > 12
      ? `${all.slice(0, 12).join('；')}等${all.length}处`
      : all.join('；');
}

/**
 * The 政务公开办's review: return with comments, or approve — which publishes the report (version
 * n+1) on the portal's 年报 column, with DOCX, PDF and the report-json. A reviewer does not approve
 * a report they submitted.
 *
 * Over 80 lines, kept whole: return and approve share the guarded update, the transaction and the audit
 * line, and approval's new version must commit or roll back with the status change.
 */
export async function reviewReport(
  ctx: AppContext,
  {
    actor,
    agencyId,
    year,
    input,
    meta,
  }: { actor: Actor; agencyId: number; year: number; input: unknown; meta: RequestMeta },
): Promise<ReportDraft> {
  const v = parseInput(ReviewInput, input);
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'report.review',
    action: `annual_report.${v.decision}`,
  });
  const row = await findReport(ctx.db, agency.id, year);
  if (row === undefined || row.status !== 'submitted' || row.report_json === null) {
    throw new DomainError('CONFLICT', '该报告不在待审核状态');
  }
  if (row.submitted_by === actor.userId) {
    await denied(ctx, actor, meta, {
      action: `annual_report.${v.decision}`,
      targetType: 'agency',
      targetId: agencyId,
      agencyId: agency.id,
      permission: 'report.review',
    });
  }
  const now = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    const base = {
      reviewed_by: actor.userId === 0 ? null : actor.userId,
      reviewed_at: now,
      review_comment: v.comment,
      updated_at: now,
    };
    if (v.decision === 'return') {
      claimed(await updateAnnualReportLocked(trx, row, { ...base, status: 'returned' }));
    } else {
      const report = JSON.parse(row.report_json as string) as AnnualReport;
      const previous = await findLatestAnnualReportVersion(trx, row.id);
      const version = row.published_version + 1;
      await insertAnnualReportVersion(trx, {
        report_id: row.id,
        version,
        report_json: row.report_json as string,
        published_on: shanghaiDate(ctx.now()),
        approved_by: actor.displayName,
        reason: row.reopen_reason,
        changes: reportChanges(
          previous === undefined ? undefined : (JSON.parse(previous.report_json) as AnnualReport),
          report,
        ),
        created_at: now,
      });
      claimed(await updateAnnualReportLocked(trx, row, { ...base, status: 'published', published_version: version }));
      await bumpPortalGeneration(trx);
    }
    await audit(trx, ctx, actor, meta, {
      action: `annual_report.${v.decision}`,
      agencyId: agency.id,
      targetType: 'annual_report',
      targetId: year,
      note: v.decision === 'return' ? `${year}年度报告退回：${v.comment}` : `${year}年度报告审核通过并发布`,
    });
  });
  return getReportDraft(ctx, { actor, agencyId, year, meta });
}
