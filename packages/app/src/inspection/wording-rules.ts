import {
  BUILT_IN_WORDING,
  DomainError,
  shanghaiDate,
  WORDING_CATEGORIES,
  WORDING_RULE_KINDS,
  wordingRuleProblems,
  type Actor,
  type WordingRule,
} from '@xxgk/core';
import {
  deleteWordingRule,
  findWordingRule,
  insertWordingRule,
  listWordingRuleRows,
  type WordingRuleRow,
} from '@xxgk/db';
import { z } from 'zod';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import {
  builtOnce,
  EARLIEST_DOCUMENT_DATE,
  legalDate,
  parseInput,
  plausibleDates,
  text,
  type DateRange,
} from '../validation.ts';
import { toWordingRule } from './dictionary.ts';

/**
 * A city rule. Given a range its dates must lie in it (addWordingRule passes, as of today, 1949-10-01
 * through ten years ahead: a body renamed long ago, a leader's term that ends later); without, only
 * their form is checked (the route's schema).
 */
export const wordingRuleInput = builtOnce((range?: DateRange) => {
  return z.object({
    kind: z.enum(WORDING_RULE_KINDS, { error: '请选择规则类型' }),
    text: text('词语', { min: 1, max: 60 }),
    replacement: text('正确表述', { min: 1, max: 120 }),
    category: z.enum(WORDING_CATEGORIES, { error: '请选择类别' }),
    severity: z.enum(['severe', 'warning'], { error: '请选择严重程度' }),
    startsOn: legalDate('开始日期', range).nullable().default(null),
    endsOn: legalDate('结束日期', range).nullable().default(null),
    note: text('说明', { max: 200 }).default(''),
  });
});
export const WordingRuleInput = wordingRuleInput();
export type WordingRuleInput = z.input<typeof WordingRuleInput>;

export interface WordingRuleView extends WordingRule {
  readonly id: number | null;
  /** 内置 (shipped) or 本市 (the city's). */
  readonly source: string;
  readonly createdBy: string;
}

function view(row: WordingRuleRow): WordingRuleView {
  return { ...toWordingRule(row), note: row.note, id: row.id, source: '本市', createdBy: row.created_by };
}

async function mayManage(ctx: AppContext, actor: Actor, meta: RequestMeta, action: string): Promise<void> {
  await authorize(ctx, actor, meta, 'wording.manage', actor.agency, {
    action,
    targetType: 'wording_rule',
    targetId: null,
  });
}

/** The whole dictionary: the city's rules first, then the shipped ones (read-only). */
export async function listWordingRules(
  ctx: AppContext,
  { actor, meta }: { actor: Actor; meta: RequestMeta },
): Promise<WordingRuleView[]> {
  await mayManage(ctx, actor, meta, 'wording.list');
  const rows = await listWordingRuleRows(ctx.db, 'desc');
  return [
    ...rows.map(view),
    ...BUILT_IN_WORDING.flatMap((file) =>
      file.rules.map((rule) => ({ ...rule, id: null, source: `内置：${file.name}`, createdBy: '' })),
    ),
  ];
}

/** Adds a city rule (a leader's term, a renamed place or body, a local wrong form); audited. */
export async function addWordingRule(
  ctx: AppContext,
  { actor, input, meta }: { actor: Actor; input: WordingRuleInput; meta: RequestMeta },
): Promise<WordingRuleView> {
  const v = parseInput(
    wordingRuleInput(plausibleDates(shanghaiDate(ctx.now()), { min: EARLIEST_DOCUMENT_DATE, yearsAhead: 10 })),
    input,
  );
  await mayManage(ctx, actor, meta, 'wording.add');
  const rule: WordingRule = {
    kind: v.kind,
    text: v.text,
    replacement: v.replacement,
    category: v.kind === 'leader' ? 'leader' : v.category,
    severity: v.severity,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
  };
  const problems = wordingRuleProblems(rule);
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', problems.join('；'));
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertWordingRule(trx, {
      kind: rule.kind,
      text: v.text,
      replacement: v.replacement,
      category: rule.category,
      severity: v.severity,
      starts_on: v.startsOn,
      ends_on: v.endsOn,
      note: v.note,
      created_by: actor.displayName,
      created_at: iso(ctx.now()),
    });
    await audit(trx, ctx, actor, meta, {
      action: 'wording.add',
      agencyId: null,
      targetType: 'wording_rule',
      targetId: row.id,
      after: view(row),
    });
    return view(row);
  });
}

/** Removes a city rule; audited with what it said. */
export async function removeWordingRule(
  ctx: AppContext,
  { actor, ruleId, meta }: { actor: Actor; ruleId: number; meta: RequestMeta },
): Promise<void> {
  await mayManage(ctx, actor, meta, 'wording.remove');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findWordingRule(trx, ruleId);
    if (row === undefined) {
      throw new DomainError('NOT_FOUND', `词库规则（编号 ${ruleId}）不存在`);
    }
    await deleteWordingRule(trx, ruleId);
    await audit(trx, ctx, actor, meta, {
      action: 'wording.remove',
      agencyId: null,
      targetType: 'wording_rule',
      targetId: ruleId,
      before: view(row),
    });
  });
}
