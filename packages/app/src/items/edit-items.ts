import { can, checkDocumentNumber, DomainError, shanghaiDate, type Actor } from '@xxgk/core';
import {
  copyItemAttachments,
  deleteItemAttachment,
  findAgency,
  findCatalogColumn,
  findItem,
  findItemAttachment,
  findItemVersion,
  insertItem,
  insertItemAttachment,
  insertItemVersion,
  linkInterpretation,
  listItemAttachments,
  unlinkInterpretation,
  updateItem,
  updateItemVersion,
  type AgencyRow,
  type Executor,
  type ItemRow,
} from '@xxgk/db';
import { readOfficialDocument } from '@xxgk/documents';
import { requireAgency } from '../agencies/require-agency.ts';
import { audit, authorize, denied } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { attachmentKind, ATTACHMENT_TYPES } from '../files/attachment-type.ts';
import { parseInput } from '../validation.ts';
import { itemDates, itemInput, type ItemFields, type ItemInput } from './item-input.ts';
import {
  claimOrConflict,
  isEditable,
  itemForActor,
  loadItemDetail,
  toAttachment,
  type ItemAttachment,
  type ItemDetail,
} from './item-view.ts';
import { bodyText, sanitizeBody } from './sanitize.ts';

/** What the audit log keeps of a version: every field but the body, which is summarised. */
function auditedFields(fields: ItemFields, body: string): Record<string, unknown> {
  const { bodyHtml: _html, ...rest } = fields;
  return { ...rest, bodyLength: body.length };
}

async function checkColumn(ex: Executor, agency: AgencyRow, columnId: number): Promise<void> {
  const column = await findCatalogColumn(ex, columnId);
  if (column?.agency_id !== agency.id) {
    throw new DomainError('VALIDATION_FAILED', '所选栏目不属于本机关的信息公开目录', {
      issues: [{ path: 'columnId', message: '请选择本机关目录中的栏目' }],
    });
  }
}

function versionValues(fields: ItemFields) {
  const html = sanitizeBody(fields.bodyHtml);
  return {
    html,
    values: {
      title: fields.title,
      doc_no: fields.docNo,
      publisher: fields.publisher,
      written_on: fields.writtenOn === '' ? null : fields.writtenOn,
      topic: fields.topic,
      genre: fields.genre,
      keywords: fields.keywords,
      summary: fields.summary,
      disclosure: fields.disclosure,
      withheld_reason: fields.disclosure === 'withheld' ? fields.withheldReason : '',
      validity: fields.validity,
      body_html: html,
      body_text: bodyText(html),
      change_note: fields.changeNote,
    },
  };
}

/** A new draft in an agency's catalog. */
export async function createItem(
  ctx: AppContext,
  { actor, agencyId, input, meta }: { actor: Actor; agencyId: number; input: ItemInput; meta: RequestMeta },
): Promise<ItemDetail> {
  const agency = await requireAgency(ctx.db, agencyId);
  await authorize(ctx, actor, meta, 'item.write', agency, {
    action: 'item.create',
    targetType: 'item',
    targetId: null,
  });
  const fields = parseInput(itemInput(itemDates(shanghaiDate(ctx.now()))), input);
  await checkColumn(ctx.db, agency, fields.columnId);
  const now = iso(ctx.now());
  const { html, values } = versionValues(fields);
  return ctx.db.transaction().execute(async (trx) => {
    const item = await insertItem(trx, {
      agency_id: agency.id,
      column_id: fields.columnId,
      status: 'draft',
      review_stage: null,
      index_no: null,
      published_at: null,
      scheduled_for: null,
      revised_at: null,
      withdrawn_at: null,
      withdrawn_reason: null,
      published_version: null,
      working_version: 1,
      created_by: actor.userId === 0 ? null : actor.userId,
      created_at: now,
      updated_at: now,
    });
    await insertItemVersion(trx, {
      item_id: item.id,
      version: 1,
      ...values,
      created_by: actor.userId === 0 ? null : actor.userId,
      created_at: now,
      updated_at: now,
    });
    await audit(trx, ctx, actor, meta, {
      action: 'item.create',
      agencyId: agency.id,
      targetType: 'item',
      targetId: item.id,
      after: auditedFields(fields, html),
    });
    return loadItemDetail(trx, actor, item, agency);
  });
}

/** Reads a Word 公文 and makes a draft of it in the given column. */
export async function createItemFromDocx(
  ctx: AppContext,
  {
    actor,
    agencyId,
    columnId,
    fileName,
    bytes,
    meta,
  }: { actor: Actor; agencyId: number; columnId: number; fileName: string; bytes: Uint8Array; meta: RequestMeta },
): Promise<{ item: ItemDetail; warnings: string[] }> {
  const agency = await requireAgency(ctx.db, agencyId);
  await authorize(ctx, actor, meta, 'item.write', agency, {
    action: 'item.create',
    targetType: 'item',
    targetId: null,
  });
  const kind = await attachmentKind(fileName, bytes, ctx.maxUploadBytes);
  if (kind !== 'docx') {
    throw new DomainError('VALIDATION_FAILED', `“${fileName}”不是 Word（.docx）文件`, {
      issues: [{ path: 'file', message: '请上传 .docx 文件' }],
    });
  }
  const draft = await readOfficialDocument(bytes);
  const warnings = [...draft.warnings];
  let docNo = draft.docNo;
  if (docNo !== '' && !checkDocumentNumber(docNo).ok) {
    warnings.push(`版头的发文字号“${docNo}”格式不规范，未填入`);
    docNo = '';
  }
  const item = await createItem(ctx, {
    actor,
    agencyId,
    meta,
    input: {
      columnId,
      title: draft.title === '' ? fileName.replace(/\.docx$/iu, '') : draft.title.slice(0, 200),
      docNo,
      publisher: agency.name,
      writtenOn: draft.writtenOn,
      topic: '其他',
      genre: guessGenre(draft.title),
      bodyHtml: draft.bodyHtml,
    },
  });
  return { item, warnings };
}

/** The 文种 is the last words of a 公文's title (关于……的通知). */
function guessGenre(
  title: string,
): '通知' | '意见' | '决定' | '公告' | '通告' | '通报' | '批复' | '函' | '报告' | '其他' {
  for (const genre of ['通知', '意见', '决定', '公告', '通告', '通报', '批复', '报告', '函'] as const) {
    if (title.endsWith(genre)) {
      return genre;
    }
  }
  return '其他';
}

async function editableItem(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  itemId: number,
  action: string,
): Promise<{ item: ItemRow; agency: AgencyRow; version: number }> {
  const { item, agency } = await itemForActor(ctx, actor, meta, itemId, 'item.write', action);
  if (!isEditable(item) || item.working_version === null) {
    throw new DomainError(
      'CONFLICT',
      item.review_stage !== null
        ? '该信息正在审核中，不能修改；如需修改请由审核人退回'
        : item.status === 'scheduled'
          ? '该信息已通过终审、等待定时发布，不能修改；如需修改请先撤稿'
          : '该信息没有可编辑的稿件；如需修改已发布信息，请先“修订”',
    );
  }
  return { item, agency, version: item.working_version };
}

/** Saves the working version (a draft, or a revision of a published item). */
export async function updateItemDraft(
  ctx: AppContext,
  { actor, itemId, input, meta }: { actor: Actor; itemId: number; input: ItemInput; meta: RequestMeta },
): Promise<ItemDetail> {
  const { item, agency, version } = await editableItem(ctx, actor, meta, itemId, 'item.update');
  const fields = parseInput(itemInput(itemDates(shanghaiDate(ctx.now()))), input);
  await checkColumn(ctx.db, agency, fields.columnId);
  if (item.status !== 'draft' && fields.columnId !== item.column_id) {
    throw new DomainError('VALIDATION_FAILED', '已发布信息的栏目不能在修订中更改，地址必须保持不变', {
      issues: [{ path: 'columnId', message: '已发布信息不能换栏目' }],
    });
  }
  const now = iso(ctx.now());
  const { html, values } = versionValues(fields);
  return ctx.db.transaction().execute(async (trx) => {
    await claimOrConflict(trx, item);
    const before = await findItemVersion(trx, item.id, version);
    await updateItemVersion(trx, item.id, version, { ...values, updated_at: now });
    const updated = await updateItem(trx, item.id, { column_id: fields.columnId, updated_at: now });
    await audit(trx, ctx, actor, meta, {
      action: 'item.update',
      agencyId: agency.id,
      targetType: 'item',
      targetId: item.id,
      before: before === undefined ? undefined : { title: before.title, docNo: before.doc_no, version },
      after: auditedFields(fields, html),
    });
    return loadItemDetail(trx, actor, updated, agency);
  });
}

/** Starts a revision of a published item: a new working version, copied from the published one. */
export async function startRevision(
  ctx: AppContext,
  { actor, itemId, meta }: { actor: Actor; itemId: number; meta: RequestMeta },
): Promise<ItemDetail> {
  const { item, agency } = await itemForActor(ctx, actor, meta, itemId, 'item.write', 'item.revise');
  if (item.status !== 'published' || item.working_version !== null || item.published_version === null) {
    throw new DomainError('CONFLICT', '只有已发布且没有进行中修订的信息才能修订');
  }
  const published = item.published_version;
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await claimOrConflict(trx, item);
    const current = await findItemVersion(trx, item.id, published);
    if (current === undefined) {
      throw new DomainError('INTERNAL', `信息 ${item.id} 缺少已发布版本`);
    }
    const { id: _id, ...copy } = current;
    const next = published + 1;
    await insertItemVersion(trx, {
      ...copy,
      version: next,
      change_note: '',
      created_by: actor.userId === 0 ? null : actor.userId,
      created_at: now,
      updated_at: now,
    });
    await copyItemAttachments(trx, item.id, published, next);
    const updated = await updateItem(trx, item.id, { working_version: next, updated_at: now });
    await audit(trx, ctx, actor, meta, {
      action: 'item.revise',
      agencyId: agency.id,
      targetType: 'item',
      targetId: item.id,
      note: `开始修订：第 ${next} 版`,
    });
    return loadItemDetail(trx, actor, updated, agency);
  });
}

/** Attaches a file to the working version, after checking what it really is. */
export async function addItemAttachment(
  ctx: AppContext,
  {
    actor,
    itemId,
    fileName,
    bytes,
    meta,
  }: { actor: Actor; itemId: number; fileName: string; bytes: Uint8Array; meta: RequestMeta },
): Promise<ItemAttachment> {
  const { item, agency, version } = await editableItem(ctx, actor, meta, itemId, 'item.attach');
  const name = fileName.trim().replace(/[\\/]/gu, '_').slice(0, 200);
  const kind = await attachmentKind(name, bytes, ctx.maxUploadBytes);
  const stored = await ctx.files.put(bytes);
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await claimOrConflict(trx, item);
    const existing = await listItemAttachments(trx, item.id, version);
    const row = await insertItemAttachment(trx, {
      item_id: item.id,
      version,
      file_name: name,
      media_type: ATTACHMENT_TYPES[kind].mediaType,
      size: bytes.length,
      sha256: stored.sha256,
      storage_key: stored.key,
      sort_order: existing.length,
      created_at: now,
    });
    await updateItem(trx, item.id, { updated_at: now });
    await audit(trx, ctx, actor, meta, {
      action: 'item.attach',
      agencyId: agency.id,
      targetType: 'item',
      targetId: item.id,
      after: { fileName: name, size: bytes.length, sha256: stored.sha256, version },
    });
    return toAttachment(row);
  });
}

export async function removeItemAttachment(
  ctx: AppContext,
  { actor, itemId, attachmentId, meta }: { actor: Actor; itemId: number; attachmentId: number; meta: RequestMeta },
): Promise<void> {
  const { item, agency, version } = await editableItem(ctx, actor, meta, itemId, 'item.detach');
  const attachment = await findItemAttachment(ctx.db, attachmentId);
  if (attachment?.item_id !== item.id || attachment.version !== version) {
    throw new DomainError('NOT_FOUND', '附件不存在或不属于当前稿件');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await claimOrConflict(trx, item);
    await deleteItemAttachment(trx, attachmentId);
    await updateItem(trx, item.id, { updated_at: iso(ctx.now()) });
    await audit(trx, ctx, actor, meta, {
      action: 'item.detach',
      agencyId: agency.id,
      targetType: 'item',
      targetId: item.id,
      before: { fileName: attachment.file_name, sha256: attachment.sha256, version },
    });
  });
}

/** Links a policy document and its 政策解读 (both of the same agency); shown on both pages. */
export async function setInterpretationLink(
  ctx: AppContext,
  {
    actor,
    policyItemId,
    interpretationItemId,
    linked,
    meta,
  }: { actor: Actor; policyItemId: number; interpretationItemId: number; linked: boolean; meta: RequestMeta },
): Promise<void> {
  const { item: policy, agency } = await itemForActor(ctx, actor, meta, policyItemId, 'item.write', 'item.link');
  const interpretation = await findItem(ctx.db, interpretationItemId);
  if (interpretation === undefined || interpretationItemId === policyItemId) {
    throw new DomainError('NOT_FOUND', `解读信息（编号 ${interpretationItemId}）不存在`);
  }
  const otherAgency = await findAgency(ctx.db, interpretation.agency_id);
  if (otherAgency === undefined || !can(actor, 'item.read', otherAgency)) {
    await denied(ctx, actor, meta, {
      action: 'item.link',
      targetType: 'item',
      targetId: interpretationItemId,
      agencyId: interpretation.agency_id,
      permission: 'item.read',
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (linked) {
      await linkInterpretation(trx, policy.id, interpretationItemId, iso(ctx.now()));
    } else {
      await unlinkInterpretation(trx, policy.id, interpretationItemId);
    }
    await audit(trx, ctx, actor, meta, {
      action: linked ? 'item.link' : 'item.unlink',
      agencyId: agency.id,
      targetType: 'item',
      targetId: policy.id,
      note: `${linked ? '关联' : '取消关联'}政策解读：信息 ${interpretationItemId}`,
    });
  });
}
