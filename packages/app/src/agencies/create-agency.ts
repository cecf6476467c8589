import { DomainError, type Actor, SYSTEM_SCOPE } from '@xxgk/core';
import { findAgency, findAgencyByUscc, insertAgency } from '@xxgk/db';
import { bumpPortalGeneration } from '@xxgk/db';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { AgencyFields, toAgency, toRowFields, type Agency } from './agency-input.ts';

export interface CreateAgencyOptions {
  readonly actor: Actor;
  readonly input: AgencyFields;
  readonly meta: RequestMeta;
}

/** Adds an agency under a parent the actor oversees (a root agency only by a system admin). */
export async function createAgency(ctx: AppContext, { actor, input, meta }: CreateAgencyOptions): Promise<Agency> {
  const fields = parseInput(AgencyFields, input);
  const parent = fields.parentId === null ? undefined : await findAgency(ctx.db, fields.parentId);
  if (fields.parentId !== null && parent === undefined) {
    throw new DomainError('NOT_FOUND', `上级机关（编号 ${fields.parentId}）不存在`);
  }
  await authorize(ctx, actor, meta, 'agency.create', parent ?? SYSTEM_SCOPE, {
    action: 'agency.create',
    targetType: 'agency',
    targetId: null,
  });
  const clash = await findAgencyByUscc(ctx.db, fields.uscc);
  if (clash !== undefined) {
    throw new DomainError('CONFLICT', `统一社会信用代码 ${fields.uscc} 已由“${clash.name}”使用`, {
      issues: [{ path: 'uscc', message: `已由“${clash.name}”使用` }],
    });
  }
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    // The portal shows agencies and catalogs: its cached pages are stale from here on.
    await bumpPortalGeneration(trx);
    const row = await insertAgency(trx, toRowFields(fields), now);
    const agency = toAgency(row);
    await audit(trx, ctx, actor, meta, {
      action: 'agency.create',
      agencyId: row.id,
      targetType: 'agency',
      targetId: row.id,
      after: agency,
    });
    return agency;
  });
}
