import {
  LETTER_LABELS,
  letterFields,
  placeholdersOf,
  shanghaiDate,
  type Actor,
  type LetterField,
  type LetterKind,
} from '@xxgk/core';
import type { AppContext, RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { Kind, loadForLetter } from './letter-access.ts';
import { letterTemplate } from './letter-template.ts';
import { letterValues } from './letter-values.ts';

export interface LetterDraft {
  readonly kind: LetterKind;
  readonly label: string;
  /** The fields the agency's template uses, with their starting values. */
  readonly fields: readonly (LetterField & { value: string })[];
}

/** A letter's fields, filled from the record, for the handler to check and complete before issuing. */
export async function letterDraft(
  ctx: AppContext,
  { actor, applicationId, kind, meta }: { actor: Actor; applicationId: number; kind: string; meta: RequestMeta },
): Promise<LetterDraft> {
  const k = parseInput(Kind, kind);
  const { application, agency, rows, deadline } = await loadForLetter(ctx, {
    actor,
    meta,
    applicationId,
    action: 'application.letter_draft',
  });
  const template = await letterTemplate(ctx.db, agency.id, k);
  const values = letterValues(application, agency, rows, deadline, shanghaiDate(ctx.now()));
  const byName = new Map(letterFields(k).map((f) => [f.name, f]));
  return {
    kind: k,
    label: LETTER_LABELS[k],
    // In the order the letter uses them.
    fields: placeholdersOf(`${template.title}\n${template.body}`).flatMap((name) => {
      const field = byName.get(name);
      return field === undefined ? [] : [{ ...field, value: values[name] ?? '' }];
    }),
  };
}
