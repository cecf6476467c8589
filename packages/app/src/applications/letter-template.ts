import { DEFAULT_LETTER_TEMPLATES, type LetterKind } from '@xxgk/core';
import { findLetterTemplate, type Executor } from '@xxgk/db';

/** The agency's wording of a letter, or the built-in one. */
export async function letterTemplate(
  ex: Executor,
  agencyId: number,
  kind: LetterKind,
): Promise<{ title: string; body: string; customised: boolean }> {
  const row = await findLetterTemplate(ex, agencyId, kind);
  return row === undefined ? { ...DEFAULT_LETTER_TEMPLATES[kind], customised: false } : { ...row, customised: true };
}
