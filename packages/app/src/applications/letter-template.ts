import { DEFAULT_LETTER_TEMPLATES, type LetterKind } from '@xxgk/core';
import type { Executor } from '@xxgk/db';

/** The agency's wording of a letter, or the built-in one. */
export async function letterTemplate(
  ex: Executor,
  agencyId: number,
  kind: LetterKind,
): Promise<{ title: string; body: string; customised: boolean }> {
  const row = await ex
    .selectFrom('letter_templates')
    .select(['title', 'body'])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row === undefined ? { ...DEFAULT_LETTER_TEMPLATES[kind], customised: false } : { ...row, customised: true };
}
