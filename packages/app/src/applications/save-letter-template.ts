import {
  DomainError,
  LETTER_LABELS,
  letterFields,
  REQUIRED_PLACEHOLDERS,
  templateProblems,
  type Actor,
} from '@xxgk/core';
import { upsertLetterTemplate } from '@xxgk/db';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { templateAccess } from './letter-access.ts';
import { letterTemplate } from './letter-template.ts';
import type { LetterTemplateView } from './list-letter-templates.ts';
import { LetterTemplateInput } from './letter-template-input.ts';

/** Saves an agency's wording of a letter; refused while it lacks a field the law requires or names an unknown one. */
export async function saveLetterTemplate(
  ctx: AppContext,
  {
    actor,
    agencyId,
    kind,
    input,
    meta,
  }: { actor: Actor; agencyId: number; kind: string; input: unknown; meta: RequestMeta },
): Promise<LetterTemplateView> {
  const template = parseInput(LetterTemplateInput, input);
  const { kind: k, agency } = await templateAccess(ctx, {
    actor,
    meta,
    agencyId,
    kind,
    permission: 'agency.update',
    action: 'letter_template.save',
  });
  const problems = templateProblems(k, template);
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', problems.join('；'), {
      issues: problems.map((message) => ({ path: 'body', message })),
    });
  }
  const now = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    const before = await letterTemplate(trx, agency.id, k);
    await upsertLetterTemplate(trx, {
      agency_id: agency.id,
      kind: k,
      ...template,
      updated_at: now,
      updated_by: actor.displayName,
    });
    await audit(trx, ctx, actor, meta, {
      action: 'letter_template.save',
      agencyId: agency.id,
      targetType: 'letter_template',
      targetId: agency.id,
      note: LETTER_LABELS[k],
      before: { title: before.title, body: before.body },
      after: template,
    });
  });
  return {
    kind: k,
    label: LETTER_LABELS[k],
    ...template,
    customised: true,
    fields: letterFields(k),
    required: REQUIRED_PLACEHOLDERS[k],
  };
}
