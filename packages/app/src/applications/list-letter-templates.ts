import {
  LETTER_KINDS,
  LETTER_LABELS,
  letterFields,
  REQUIRED_PLACEHOLDERS,
  type Actor,
  type LetterField,
  type LetterKind,
} from '@xxgk/core';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { letterTemplate } from './letter-template.ts';

export interface LetterTemplateView {
  readonly kind: LetterKind;
  readonly label: string;
  readonly title: string;
  readonly body: string;
  readonly customised: boolean;
  readonly fields: readonly LetterField[];
  readonly required: readonly string[];
}

/** Every letter's template for an agency, for its admin to read and reword. */
export async function listLetterTemplates(
  ctx: AppContext,
  { actor, agencyId, meta }: { actor: Actor; agencyId: number; meta: RequestMeta },
): Promise<LetterTemplateView[]> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'application.read',
    action: 'letter_template.list',
  });
  return Promise.all(
    LETTER_KINDS.map(async (kind) => ({
      kind,
      label: LETTER_LABELS[kind],
      ...(await letterTemplate(ctx.db, agency.id, kind)),
      fields: letterFields(kind),
      required: REQUIRED_PLACEHOLDERS[kind],
    })),
  );
}
