import { createHash } from 'node:crypto';
import { DomainError, type Actor } from '@xxgk/core';
import { insertApplicationFile, listApplicationFiles, type ApplicationFileRow } from '@xxgk/db';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { attachmentKind, ATTACHMENT_TYPES } from '../files/attachment-type.ts';
import { cleanFileName } from '../files/file-name.ts';
import { requireApplication } from './require-application.ts';
import type { UploadedFile } from './submit-application.ts';

/**
 * Stores a file of an application sealed with the personal-data key (identity proof, scans, letters
 * and released information all name the applicant). The hash recorded is of the file as given.
 */
export async function putSealed(ctx: AppContext, bytes: Uint8Array): Promise<{ key: string; sha256: string }> {
  const stored = await ctx.files.put(ctx.personalData.sealBytes(bytes));
  return { key: stored.key, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The bytes of a stored application file, unsealed when sealed. */
export async function readApplicationFile(ctx: AppContext, file: ApplicationFileRow): Promise<Buffer> {
  const bytes = await ctx.files.get(file.storage_key);
  return file.encrypted === 1 ? ctx.personalData.openBytes(bytes) : bytes;
}

/** What staff add to an application: a scan of the paper (or envelope, signed receipt), or information released. */
export type AddedFileKind = 'scan' | 'released';

/** Adds a scan or a released file to an application. */
export async function addApplicationFile(
  ctx: AppContext,
  {
    actor,
    applicationId,
    file,
    kind = 'scan',
    meta,
  }: { actor: Actor; applicationId: number; file: UploadedFile; kind?: AddedFileKind; meta: RequestMeta },
): Promise<{ id: number; fileName: string; size: number }> {
  const { application, agency } = await requireApplication(ctx, {
    actor,
    meta,
    applicationId,
    permission: 'application.handle',
    action: `application.${kind}`,
  });
  if (application.archived_on !== null) {
    throw new DomainError('CONFLICT', '该申请已归档，不能再添加文件');
  }
  // The name as stored and shown, before anything reads its extension (no bidi or invisible characters).
  const fileName = cleanFileName(file.fileName);
  const type = await attachmentKind(fileName, file.bytes, ctx.maxUploadBytes);
  const stored = await putSealed(ctx, file.bytes);
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertApplicationFile(trx, {
      application_id: application.id,
      kind,
      file_name: fileName,
      media_type: ATTACHMENT_TYPES[type].mediaType,
      size: file.bytes.length,
      sha256: stored.sha256,
      storage_key: stored.key,
      encrypted: 1,
      created_at: now,
    });
    await audit(trx, ctx, actor, meta, {
      action: `application.${kind}`,
      agencyId: agency.id,
      targetType: 'application',
      targetId: application.id,
      after: { fileName: row.file_name, sha256: row.sha256 },
    });
    return { id: row.id, fileName: row.file_name, size: row.size };
  });
}

/** A file of an application, for staff who may read the application. */
export async function applicationFile(
  ctx: AppContext,
  { actor, applicationId, fileId, meta }: { actor: Actor; applicationId: number; fileId: number; meta: RequestMeta },
): Promise<{ fileName: string; mediaType: string; bytes: Buffer }> {
  const { application } = await requireApplication(ctx, {
    actor,
    meta,
    applicationId,
    permission: 'application.read',
    action: 'application.file',
  });
  const file = (await listApplicationFiles(ctx.db, application.id)).find((f) => f.id === fileId);
  if (file === undefined) {
    throw new DomainError('NOT_FOUND', '文件不存在');
  }
  return { fileName: file.file_name, mediaType: file.media_type, bytes: await readApplicationFile(ctx, file) };
}
