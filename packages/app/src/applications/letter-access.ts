/*
 * What the letter use cases share: the letter kind as asked for, and the access checks that start them
 * (a template's agency, an application to handle). Internal to applications/: index.ts does not
 * re-export it.
 */

import { LETTER_KINDS, type Actor, type LetterKind, type Permission } from '@xxgk/core';
import { listApplicationEvents, type AgencyRow } from '@xxgk/db';
import { z } from 'zod';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { deadlineOf } from './ledger.ts';
import { requireApplication } from './require-application.ts';

export const Kind = z.enum(LETTER_KINDS, { error: '文书类型不正确' });

/** The letter kind and the agency, once the actor is shown to hold `permission` there. */
export async function templateAccess(
  ctx: AppContext,
  access: { actor: Actor; meta: RequestMeta; agencyId: number; kind: string; permission: Permission; action: string },
): Promise<{ kind: LetterKind; agency: AgencyRow }> {
  const kind = parseInput(Kind, access.kind);
  return { kind, agency: await requireAgencyAccess(ctx, access) };
}

/** The application with its agency, ledger and dates, for one who may handle it. */
export async function loadForLetter(
  ctx: AppContext,
  access: { actor: Actor; meta: RequestMeta; applicationId: number; action: string },
) {
  const { application, agency } = await requireApplication(ctx, { ...access, permission: 'application.handle' });
  const rows = await listApplicationEvents(ctx.db, application.id);
  const deadline = await deadlineOf(ctx.db, rows, ctx.now());
  return { application, agency, rows, deadline };
}
