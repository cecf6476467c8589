import { chineseDate, fillLetter } from '@xxgk/core';
import type { AgencyRow } from '@xxgk/db';
import type { LetterContent } from '@xxgk/documents';
import type { AppContext } from '../context.ts';

/** The filled letter with the agency's signature, date and seal. */
export async function letterContent(
  ctx: AppContext,
  agency: AgencyRow,
  template: { title: string; body: string },
  values: Readonly<Record<string, string>>,
  today: string,
): Promise<LetterContent> {
  const seal = agency.seal_file_key === '' ? undefined : await ctx.files.get(agency.seal_file_key);
  return { ...fillLetter(template, values), signature: agency.name, date: chineseDate(today), seal };
}
