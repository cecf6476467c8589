import {
  cleanupReason,
  countActiveDisclosure,
  DomainError,
  can,
  endOf,
  NORMATIVE_EVENT_KINDS,
  NORMATIVE_EVENT_LABELS,
  NORMATIVE_KINDS,
  normativeStatusOn,
  parseDocumentNumber,
  shanghaiDate,
  toCountingRecord,
  type NormativeDocumentRecord,
  type Actor,
  type CleanupReason,
  type NormativeDocumentFacts,
  type NormativeEventKind,
  type NormativeKind,
  type NormativeStatus,
} from '@xxgk/core';
import {
  bumpPortalGeneration,
  findItem,
  findNormativeDocument,
  findNormativeDocumentByDocNo,
  insertNormativeDocument,
  insertNormativeEvent,
  listNormativeDocuments,
  listNormativeEvents,
  type AgencyRow,
  type Executor,
  type NormativeDocumentRow,
  type NormativeEventRow,
} from '@xxgk/db';
import { z } from 'zod';
import { requireAgency } from '../agencies/require-agency.ts';
import { audit, authorize, denied } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import {
  builtOnce,
  EARLIEST_DOCUMENT_DATE,
  legalDate,
  optionalLegalDate,
  parseField,
  parseInput,
  plausibleDates,
  text,
  type DateRange,
} from '../validation.ts';

/**
 * The dates the register accepts, as of `today`: a document still in force may be decades old (from
 * 1949-10-01); a 施行日期 or an event lies at most in next year; a 有效期至 up to ten years ahead
 * (a 行政规范性文件's 有效期 is commonly five years at most; a 规章 has none).
 */
function registerDates(today: string): { dates: DateRange; validity: DateRange } {
  return {
    dates: plausibleDates(today, { min: EARLIEST_DOCUMENT_DATE }),
    validity: plausibleDates(today, { min: EARLIEST_DOCUMENT_DATE, yearsAhead: 10 }),
  };
}

/**
 * A document as entered in the register. Given ranges its dates must lie in them (the use case passes
 * {@link registerDates} as of today); without, only their form is checked (the route's schema).
 */
export const normativeInput = builtOnce((ranges?: { dates: DateRange; validity: DateRange }) => {
  return z
    .object({
      kind: z.enum(NORMATIVE_KINDS, { error: '请选择类别（规章或行政规范性文件）' }),
      title: text('文件名称', { min: 1, max: 200 }),
      docNo: text('文号', { min: 1, max: 60 }),
      issuedOn: legalDate('制发日期', ranges?.dates),
      effectiveOn: optionalLegalDate('施行日期', ranges?.dates),
      validUntil: optionalLegalDate('有效期至', ranges?.validity),
      itemId: z.number().int().positive().nullable().default(null),
    })
    .superRefine((v, issues) => {
      // 规章 are numbered as 政府令 (第N号); 行政规范性文件 carry an ordinary 发文字号.
      if (v.kind === 'normativeDocument') {
        const parsed = parseDocumentNumber(v.docNo);
        if (!parsed.ok) {
          issues.addIssue({ code: 'custom', path: ['docNo'], message: parsed.message });
        }
      }
      if (v.validUntil !== '' && v.validUntil < v.issuedOn) {
        issues.addIssue({ code: 'custom', path: ['validUntil'], message: '有效期不能早于制发日期' });
      }
      if (v.effectiveOn !== '' && v.effectiveOn < v.issuedOn) {
        issues.addIssue({ code: 'custom', path: ['effectiveOn'], message: '施行日期不能早于制发日期' });
      }
    });
});
export const NormativeInput = normativeInput();
export type NormativeInput = z.input<typeof NormativeInput>;

/** A revision, abolition or expiry; its date within `range` when given (as {@link normativeInput}). */
export const normativeEventInput = builtOnce((range?: DateRange) => {
  return z.object({
    kind: z.enum(NORMATIVE_EVENT_KINDS, { error: '请选择事项（修订、废止或失效）' }),
    on: legalDate('日期', range),
    byDocNo: text('依据文件文号', { max: 60 }).default(''),
    byTitle: text('依据文件名称', { max: 200 }).default(''),
    note: text('说明', { max: 500 }).default(''),
  });
});
export const NormativeEventInput = normativeEventInput();
export type NormativeEventInput = z.input<typeof NormativeEventInput>;

export interface NormativeEntry {
  readonly id: number;
  readonly kind: NormativeKind;
  readonly title: string;
  readonly docNo: string;
  readonly issuedOn: string;
  readonly effectiveOn: string | null;
  readonly validUntil: string | null;
  readonly itemId: number | null;
  readonly events: {
    id: number;
    kind: NormativeEventKind;
    on: string;
    byDocNo: string;
    byTitle: string;
    note: string;
  }[];
  /** Status on the date asked for. */
  readonly status: NormativeStatus;
  /** Why it is on today's cleanup list, if it is. */
  readonly cleanup: CleanupReason | null;
}

function facts(doc: NormativeDocumentRow, events: readonly NormativeEventRow[]): NormativeDocumentFacts {
  return {
    kind: doc.kind,
    issuedOn: doc.issued_on,
    validUntil: doc.valid_until,
    events: events.map((e) => ({ kind: e.kind, on: e.on_date })),
  };
}

async function readAccess(ctx: AppContext, actor: Actor, meta: RequestMeta, agency: AgencyRow): Promise<void> {
  if (!can(actor, 'item.read', agency) && !can(actor, 'normative.manage', agency)) {
    await denied(ctx, actor, meta, {
      action: 'normative.list',
      targetType: 'agency',
      targetId: agency.id,
      agencyId: agency.id,
      permission: 'item.read',
    });
  }
}

/** The register with each document's status on `asOf` and today's cleanup reasons. */
export async function listNormativeRegister(
  ctx: AppContext,
  { actor, agencyId, asOf, meta }: { actor: Actor; agencyId: number; asOf?: string; meta: RequestMeta },
): Promise<NormativeEntry[]> {
  const agency = await requireAgency(ctx.db, agencyId);
  await readAccess(ctx, actor, meta, agency);
  const today = shanghaiDate(ctx.now());
  if (asOf === undefined) {
    return loadEntries(ctx.db, agencyId, today, today);
  }
  const on = parseField('asOf', legalDate('查询日期', registerDates(today).validity), asOf);
  return loadEntries(ctx.db, agencyId, on, today);
}

async function loadEntries(ex: Executor, agencyId: number, on: string, today: string): Promise<NormativeEntry[]> {
  const docs = await listNormativeDocuments(ex, agencyId);
  const events = await listNormativeEvents(
    ex,
    docs.map((d) => d.id),
  );
  return docs.map((d) => {
    const own = events.filter((e) => e.document_id === d.id);
    const f = facts(d, own);
    return {
      id: d.id,
      kind: d.kind,
      title: d.title,
      docNo: d.doc_no,
      issuedOn: d.issued_on,
      effectiveOn: d.effective_on,
      validUntil: d.valid_until,
      itemId: d.item_id,
      events: own.map((e) => ({
        id: e.id,
        kind: e.kind,
        on: e.on_date,
        byDocNo: e.by_doc_no,
        byTitle: e.by_title,
        note: e.note,
      })),
      status: normativeStatusOn(f, on),
      cleanup: cleanupReason(f, today),
    };
  });
}

/** Enters a 规章 or 行政规范性文件 in the register. */
export async function registerNormativeDocument(
  ctx: AppContext,
  { actor, agencyId, input, meta }: { actor: Actor; agencyId: number; input: NormativeInput; meta: RequestMeta },
): Promise<NormativeEntry> {
  const agency = await requireAgency(ctx.db, agencyId);
  await authorize(ctx, actor, meta, 'normative.manage', agency, {
    action: 'normative.create',
    targetType: 'normative',
    targetId: null,
  });
  const fields = parseInput(normativeInput(registerDates(shanghaiDate(ctx.now()))), input);
  if ((await findNormativeDocumentByDocNo(ctx.db, agencyId, fields.docNo)) !== undefined) {
    throw new DomainError('CONFLICT', `登记簿中已有文号为“${fields.docNo}”的文件`, {
      issues: [{ path: 'docNo', message: '文号已登记' }],
    });
  }
  if (fields.itemId !== null && (await findItem(ctx.db, fields.itemId))?.agency_id !== agencyId) {
    throw new DomainError('VALIDATION_FAILED', '关联的信息不存在或不属于本机关', {
      issues: [{ path: 'itemId', message: '请选择本机关发布的信息' }],
    });
  }
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertNormativeDocument(trx, {
      agency_id: agencyId,
      kind: fields.kind,
      title: fields.title,
      doc_no: fields.docNo,
      issued_on: fields.issuedOn,
      effective_on: fields.effectiveOn === '' ? null : fields.effectiveOn,
      valid_until: fields.validUntil === '' ? null : fields.validUntil,
      item_id: fields.itemId,
      created_at: now,
      updated_at: now,
    });
    await audit(trx, ctx, actor, meta, {
      action: 'normative.create',
      agencyId,
      targetType: 'normative',
      targetId: row.id,
      after: fields,
    });
    const today = shanghaiDate(ctx.now());
    const entry = (await loadEntries(trx, agencyId, today, today)).find((e) => e.id === row.id);
    if (entry === undefined) {
      throw new DomainError('INTERNAL', '登记后未能读回文件');
    }
    return entry;
  });
}

/**
 * Records a 修订, 废止 or 失效 of a registered document, with the document that did it. An ended
 * document takes no further events. When it ends, the portal shows its item as 废止 or 失效 at once.
 */
export async function recordNormativeEvent(
  ctx: AppContext,
  {
    actor,
    documentId,
    input,
    meta,
  }: { actor: Actor; documentId: number; input: NormativeEventInput; meta: RequestMeta },
): Promise<NormativeEntry> {
  const doc = await findNormativeDocument(ctx.db, documentId);
  if (doc === undefined) {
    throw new DomainError('NOT_FOUND', `登记簿中没有编号为 ${documentId} 的文件`);
  }
  const agency = await requireAgency(ctx.db, doc.agency_id);
  await authorize(ctx, actor, meta, 'normative.manage', agency, {
    action: 'normative.event',
    targetType: 'normative',
    targetId: documentId,
  });
  const fields = parseInput(normativeEventInput(registerDates(shanghaiDate(ctx.now())).dates), input);
  if (fields.on < doc.issued_on) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${NORMATIVE_EVENT_LABELS[fields.kind]}日期不能早于制发日期 ${doc.issued_on}`,
      {
        issues: [{ path: 'on', message: '日期早于制发日期' }],
      },
    );
  }
  if ((fields.kind === 'revised' || fields.kind === 'abolished') && fields.byDocNo === '') {
    throw new DomainError('VALIDATION_FAILED', `请填写作出${NORMATIVE_EVENT_LABELS[fields.kind]}决定的文件文号`, {
      issues: [{ path: 'byDocNo', message: '请填写依据文件文号' }],
    });
  }
  const events = await listNormativeEvents(ctx.db, [doc.id]);
  const ended = endOf(
    facts(
      doc,
      events.filter((e) => e.kind !== 'revised'),
    ),
  );
  const recordedEnd = events.find((e) => e.kind === 'abolished' || e.kind === 'expired');
  if (recordedEnd !== undefined || (ended !== null && ended.on <= fields.on && fields.kind === 'revised')) {
    throw new DomainError(
      'CONFLICT',
      recordedEnd !== undefined
        ? `该文件已于 ${recordedEnd.on_date} ${NORMATIVE_EVENT_LABELS[recordedEnd.kind]}，不能再登记其他事项`
        : `该文件有效期已于 ${doc.valid_until ?? ''} 届满，不能再修订`,
    );
  }
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const event = await insertNormativeEvent(trx, {
      document_id: doc.id,
      kind: fields.kind,
      on_date: fields.on,
      by_doc_no: fields.byDocNo,
      by_title: fields.byTitle,
      note: fields.note,
      created_at: now,
    });
    const today = shanghaiDate(ctx.now());
    if (fields.kind !== 'revised' && fields.on <= today && doc.item_id !== null) {
      const item = await findItem(trx, doc.item_id);
      if (item?.published_version != null) {
        await trx
          .updateTable('item_versions')
          .set({ validity: fields.kind })
          .where('item_id', '=', item.id)
          .where('version', '=', item.published_version)
          .execute();
        await bumpPortalGeneration(trx);
      }
    }
    await audit(trx, ctx, actor, meta, {
      action: `normative.${fields.kind}`,
      agencyId: doc.agency_id,
      targetType: 'normative',
      targetId: doc.id,
      note: `${doc.doc_no} ${NORMATIVE_EVENT_LABELS[fields.kind]}于 ${fields.on}${fields.byDocNo === '' ? '' : `（依据 ${fields.byDocNo}）`}`,
      after: { eventId: event.id, ...fields },
    });
    const entry = (await loadEntries(trx, doc.agency_id, today, today)).find((e) => e.id === doc.id);
    if (entry === undefined) {
      throw new DomainError('INTERNAL', '登记后未能读回文件');
    }
    return entry;
  });
}

/** Every document of the register as table 二 counts it, with what names it (for drilling down). */
export async function normativeCountingRecords(
  ex: Executor,
  agencyId: number,
): Promise<{ id: number; title: string; docNo: string; record: NormativeDocumentRecord }[]> {
  const docs = await listNormativeDocuments(ex, agencyId);
  const events = await listNormativeEvents(
    ex,
    docs.map((d) => d.id),
  );
  return docs.map((d) => ({
    id: d.id,
    title: d.title,
    docNo: d.doc_no,
    record: toCountingRecord(
      facts(
        d,
        events.filter((e) => e.document_id === d.id),
      ),
    ),
  }));
}

/** Table 二's 规章 and 行政规范性文件 rows for a year, counted from the register. */
export async function normativeYearCounts(ex: Executor, agencyId: number, year: number) {
  const records = (await normativeCountingRecords(ex, agencyId)).map((d) => d.record);
  const active = countActiveDisclosure(records, { licensing: 0, penalties: 0, coercion: 0, feesFen: 0 }, year);
  // countActiveDisclosure fills every cell; the report model's type allows blanks for imported reports.
  const cells = (c: typeof active.regulations) => ({
    issued: c?.issued ?? 0,
    abolished: c?.abolished ?? 0,
    inForce: c?.inForce ?? 0,
  });
  return { regulations: cells(active.regulations), normativeDocuments: cells(active.normativeDocuments) };
}

/**
 * Brings the portal's 有效性 in line with 废止/失效 events whose date has come (an abolition can be
 * recorded ahead of its date). Run by the server's minute timer; returns the items it changed.
 */
export async function applyDueNormativeEnds(ctx: AppContext): Promise<number[]> {
  const today = shanghaiDate(ctx.now());
  const due = await ctx.db
    .selectFrom('normative_events as e')
    .innerJoin('normative_documents as d', 'd.id', 'e.document_id')
    .innerJoin('items as i', 'i.id', 'd.item_id')
    .innerJoin('item_versions as v', (join) =>
      join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
    )
    .select(['i.id as itemId', 'i.published_version as version', 'e.kind as kind'])
    .where('e.kind', 'in', ['abolished', 'expired'])
    .where('e.on_date', '<=', today)
    .where('v.validity', '=', 'valid')
    .execute();
  if (due.length === 0) {
    return [];
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of due) {
      await trx
        .updateTable('item_versions')
        .set({ validity: row.kind === 'abolished' ? 'abolished' : 'expired' })
        .where('item_id', '=', row.itemId)
        .where('version', '=', row.version ?? 0)
        .execute();
    }
    await bumpPortalGeneration(trx);
  });
  return due.map((r) => r.itemId);
}

/** {@link normativeYearCounts} for staff who may read the agency's register. */
export async function getNormativeYearCounts(
  ctx: AppContext,
  { actor, agencyId, year, meta }: { actor: Actor; agencyId: number; year: number; meta: RequestMeta },
) {
  const agency = await requireAgency(ctx.db, agencyId);
  await readAccess(ctx, actor, meta, agency);
  return normativeYearCounts(ctx.db, agencyId, year);
}
