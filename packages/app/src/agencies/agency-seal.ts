import { DomainError, type Actor } from '@xxgk/core';
import { updateAgencySeal } from '@xxgk/db';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { attachmentKind } from '../files/attachment-type.ts';
import { requireAgencyAccess } from './require-agency.ts';

/** A seal image larger than this is not a seal scan. */
const MAX_SEAL_BYTES = 2 * 1024 * 1024;

/**
 * Sets (or with no file, removes) the agency's 依申请公开专用章 image, placed on every letter it issues.
 * A PNG, ideally red on a transparent ground so the text beneath shows through.
 */
export async function setAgencySeal(
  ctx: AppContext,
  {
    actor,
    agencyId,
    file,
    meta,
  }: { actor: Actor; agencyId: number; file: { fileName: string; bytes: Uint8Array } | null; meta: RequestMeta },
): Promise<{ hasSeal: boolean }> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'agency.update',
    action: 'agency.seal',
  });
  let key = '';
  if (file !== null) {
    const kind = await attachmentKind(file.fileName, file.bytes, MAX_SEAL_BYTES).catch(() => undefined);
    if (kind !== 'png') {
      throw new DomainError('VALIDATION_FAILED', '专用章图片请上传 PNG 文件（透明背景、不超过 2 MB）', {
        issues: [{ path: 'file', message: '应为 PNG 图片' }],
      });
    }
    key = (await ctx.files.put(file.bytes)).key;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateAgencySeal(trx, agency.id, key, iso(ctx.now()));
    await audit(trx, ctx, actor, meta, {
      action: 'agency.seal',
      agencyId: agency.id,
      targetType: 'agency',
      targetId: agency.id,
      note: key === '' ? '删除依申请公开专用章图片' : '上传依申请公开专用章图片',
    });
  });
  return { hasSeal: key !== '' };
}

/** The seal image, for the agency's own staff (and its supervisors) to see beside the letter templates. */
export async function agencySeal(
  ctx: AppContext,
  { actor, agencyId, meta }: { actor: Actor; agencyId: number; meta: RequestMeta },
): Promise<Buffer | undefined> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'agency.read',
    action: 'agency.seal_read',
  });
  return agency.seal_file_key === '' ? undefined : ctx.files.get(agency.seal_file_key);
}
