import { AGENCY_KIND_LABELS, can, DomainError, type Actor, SYSTEM_SCOPE } from '@xxgk/core';
import { findAgency, findAgencyByUscc, updateAgency as updateAgencyRow } from '@xxgk/db';
import { bumpPortalGeneration } from '@xxgk/db';
import { audit, authorize, denied } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { AgencyFields, toAgency, toRowFields, type Agency } from './agency-input.ts';

export interface UpdateAgencyOptions {
  readonly actor: Actor;
  readonly agencyId: number;
  readonly input: AgencyFields;
  readonly meta: RequestMeta;
}

/**
 * Changes an agency's details. Moving it to another parent needs the right to create agencies under
 * the new parent, and may not put it inside its own subtree.
 *
 * Its kind (机关类型) is set from above, like its place: changing it needs the right to create agencies
 * under its current parent (a system administrator's, for a root). The kind decides whose annual
 * report it writes and by when — a department's by 31 January, a people's government's, consolidated,
 * by 31 March (条例 第四十九条) — so an agency admin who could change their own agency's kind could
 * move their own statutory deadline (issue 18). Every other field stays theirs to edit.
 */
export async function updateAgency(
  ctx: AppContext,
  { actor, agencyId, input, meta }: UpdateAgencyOptions,
): Promise<Agency> {
  const fields = parseInput(AgencyFields, input);
  const before = await findAgency(ctx.db, agencyId);
  if (before === undefined) {
    throw new DomainError('NOT_FOUND', `机关（编号 ${agencyId}）不存在`);
  }
  const what = { action: 'agency.update', targetType: 'agency', targetId: agencyId };
  await authorize(ctx, actor, meta, 'agency.update', before, what);
  if (fields.kind !== before.kind) {
    const parent = before.parent_id === null ? SYSTEM_SCOPE : await findAgency(ctx.db, before.parent_id);
    if (parent === undefined || !can(actor, 'agency.create', parent)) {
      await denied(ctx, actor, meta, {
        ...what,
        agencyId,
        permission: 'agency.create',
        note: `修改机关类型（${AGENCY_KIND_LABELS[before.kind]} → ${AGENCY_KIND_LABELS[fields.kind]}）须由上级机关办理`,
        message: '机关类型决定年度报告的报送期限，只能由上级机关的政务公开办或系统管理员修改',
      });
    }
  }
  if (fields.parentId !== before.parent_id) {
    if (fields.parentId === null) {
      await authorize(ctx, actor, meta, 'agency.create', SYSTEM_SCOPE, what);
    } else {
      const parent = await findAgency(ctx.db, fields.parentId);
      if (parent === undefined) {
        throw new DomainError('NOT_FOUND', `上级机关（编号 ${fields.parentId}）不存在`);
      }
      if (parent.path.startsWith(before.path)) {
        throw new DomainError('AGENCY_CYCLE', '不能把机关移到它自己或其下级机关之下', {
          issues: [{ path: 'parentId', message: '不能选择本机关或其下级机关' }],
        });
      }
      await authorize(ctx, actor, meta, 'agency.create', parent, what);
    }
  }
  const clash = await findAgencyByUscc(ctx.db, fields.uscc);
  if (clash !== undefined && clash.id !== agencyId) {
    throw new DomainError('CONFLICT', `统一社会信用代码 ${fields.uscc} 已由“${clash.name}”使用`, {
      issues: [{ path: 'uscc', message: `已由“${clash.name}”使用` }],
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    // The portal shows agencies and catalogs: its cached pages are stale from here on.
    await bumpPortalGeneration(trx);
    const row = await updateAgencyRow(trx, agencyId, toRowFields(fields), iso(ctx.now()));
    const agency = toAgency(row);
    await audit(trx, ctx, actor, meta, { ...what, agencyId, before: toAgency(before), after: agency });
    return agency;
  });
}
