import {
  CHANNEL_LABELS,
  chineseDate,
  citeBasis,
  DEFAULT_LETTER_TEMPLATES,
  DELIVERY_METHOD_LABELS,
  DomainError,
  emptyLetterFields,
  fenToYuan,
  fillLetter,
  INFORMATION_FORM_LABELS,
  LETTER_KINDS,
  LETTER_LABELS,
  letterFields,
  outcomeOf,
  placeholdersOf,
  REPLY_LETTER,
  REQUIRED_PLACEHOLDERS,
  shanghaiDate,
  templateProblems,
  type Actor,
  type Deadline,
  type LetterField,
  type LetterKind,
  type Permission,
} from '@xxgk/core';
import {
  insertApplicationEvent,
  insertApplicationFile,
  listApplicationEvents,
  type AgencyRow,
  type ApplicationEventRow,
  type ApplicationRow,
  type Executor,
} from '@xxgk/db';
import { renderLetterDocx, renderLetterPdf, type LetterContent } from '@xxgk/documents';
import { z } from 'zod';
import { requireAgencyAccess } from '../agencies/require-agency.ts';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput, text } from '../validation.ts';
import { putSealed } from './application-files.ts';
import { deadlineOf } from './ledger.ts';
import { requireApplication } from './require-application.ts';

const Kind = z.enum(LETTER_KINDS, { error: '文书类型不正确' });

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

export interface LetterTemplateView {
  readonly kind: LetterKind;
  readonly label: string;
  readonly title: string;
  readonly body: string;
  readonly customised: boolean;
  readonly fields: readonly LetterField[];
  readonly required: readonly string[];
}

/** Every letter's template for an agency, for its admin to read and reword. */
export async function listLetterTemplates(
  ctx: AppContext,
  { actor, agencyId, meta }: { actor: Actor; agencyId: number; meta: RequestMeta },
): Promise<LetterTemplateView[]> {
  const agency = await requireAgencyAccess(ctx, {
    actor,
    meta,
    agencyId,
    permission: 'application.read',
    action: 'letter_template.list',
  });
  return Promise.all(
    LETTER_KINDS.map(async (kind) => ({
      kind,
      label: LETTER_LABELS[kind],
      ...(await letterTemplate(ctx.db, agency.id, kind)),
      fields: letterFields(kind),
      required: REQUIRED_PLACEHOLDERS[kind],
    })),
  );
}

export const LetterTemplateInput = z.object({
  title: text('文书标题', { min: 1, max: 100 }),
  body: text('文书正文', { min: 1, max: 10_000 }),
});
export type LetterTemplateInput = z.input<typeof LetterTemplateInput>;

/** Made-up values that show how a template reads. */
function sampleValues(agency: AgencyRow, kind: LetterKind, today: string): Record<string, string> {
  const samples: Record<string, string> = {
    申请人: '张某某',
    查询码: '20261130-ABCD-EFGH',
    申请日期: '2026年11月30日',
    申请内容: '2025年度部门预算执行情况',
    机关名称: agency.name,
    联系电话: agency.phone || '（机关设置中的联系电话）',
    联系地址: agency.address || '（机关设置中的办公地址）',
    复议机关: agency.reconsideration_body || '（机关设置中的行政复议机关）',
    人民法院: agency.court || '（机关设置中的人民法院）',
    成文日期: chineseDate(today),
    提交方式: '互联网渠道',
    答复期限: '2026年12月28日',
    补正内容: '请写明所需信息的文号或形成时间。',
    补正期限: '收到本告知书之日起15个工作日',
    延长理由: '所需信息涉及年份较多、需调取档案',
    延长天数: '20',
    第三方: '示例建设有限公司',
    被征求意见机关: '示例市财政局',
    征求意见事项: '2025年度政府采购合同（含供应商报价明细）',
    意见期限: '收到本函之日起15个工作日',
    计收方式: '按量',
    收费金额: '700',
    收费明细: '第31—100页，70页×10元/页＝700元',
    缴费期限: '2027年1月4日',
    缴费方式: '（收款单位、账户及缴费方式）',
    获取方式: '现按您要求的纸质形式，以邮寄方式提供。',
    公开部分: '预算执行情况表（见附件）',
    不予公开部分: '表中涉及个人的信息',
    理由: '该部分信息涉及个人隐私，公开会对第三方合法权益造成损害。',
    法律依据: '《中华人民共和国政府信息公开条例》第三十七条',
  };
  return Object.fromEntries(letterFields(kind).map((f) => [f.name, samples[f.name] ?? '']));
}

/** The letter kind and the agency, once the actor is shown to hold `permission` there. */
async function templateAccess(
  ctx: AppContext,
  access: { actor: Actor; meta: RequestMeta; agencyId: number; kind: string; permission: Permission; action: string },
): Promise<{ kind: LetterKind; agency: AgencyRow }> {
  const kind = parseInput(Kind, access.kind);
  return { kind, agency: await requireAgencyAccess(ctx, access) };
}

/** A template's problems and how it reads with made-up values, before it is saved. */
export async function previewLetterTemplate(
  ctx: AppContext,
  {
    actor,
    agencyId,
    kind,
    input,
    meta,
  }: { actor: Actor; agencyId: number; kind: string; input: unknown; meta: RequestMeta },
): Promise<{ problems: string[]; title: string; paragraphs: string[] }> {
  const template = parseInput(LetterTemplateInput, input);
  const { kind: k, agency } = await templateAccess(ctx, {
    actor,
    meta,
    agencyId,
    kind,
    permission: 'application.read',
    action: 'letter_template.preview',
  });
  return {
    problems: templateProblems(k, template),
    ...fillLetter(template, sampleValues(agency, k, shanghaiDate(ctx.now()))),
  };
}

/** Saves an agency's wording of a letter; refused while it lacks a field the law requires or names an unknown one. */
export async function saveLetterTemplate(
  ctx: AppContext,
  {
    actor,
    agencyId,
    kind,
    input,
    meta,
  }: { actor: Actor; agencyId: number; kind: string; input: unknown; meta: RequestMeta },
): Promise<LetterTemplateView> {
  const template = parseInput(LetterTemplateInput, input);
  const { kind: k, agency } = await templateAccess(ctx, {
    actor,
    meta,
    agencyId,
    kind,
    permission: 'agency.update',
    action: 'letter_template.save',
  });
  const problems = templateProblems(k, template);
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', problems.join('；'), {
      issues: problems.map((message) => ({ path: 'body', message })),
    });
  }
  const now = iso(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    const before = await letterTemplate(trx, agency.id, k);
    await trx
      .insertInto('letter_templates')
      .values({ agency_id: agency.id, kind: k, ...template, updated_at: now, updated_by: actor.displayName })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'kind']).doUpdateSet({ ...template, updated_at: now, updated_by: actor.displayName }),
      )
      .execute();
    await audit(trx, ctx, actor, meta, {
      action: 'letter_template.save',
      agencyId: agency.id,
      targetType: 'letter_template',
      targetId: agency.id,
      note: LETTER_LABELS[k],
      before: { title: before.title, body: before.body },
      after: template,
    });
  });
  return {
    kind: k,
    label: LETTER_LABELS[k],
    ...template,
    customised: true,
    fields: letterFields(k),
    required: REQUIRED_PLACEHOLDERS[k],
  };
}

/** Goes back to the built-in wording. */
export async function resetLetterTemplate(
  ctx: AppContext,
  { actor, agencyId, kind, meta }: { actor: Actor; agencyId: number; kind: string; meta: RequestMeta },
): Promise<void> {
  const { kind: k, agency } = await templateAccess(ctx, {
    actor,
    meta,
    agencyId,
    kind,
    permission: 'agency.update',
    action: 'letter_template.reset',
  });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('letter_templates').where('agency_id', '=', agency.id).where('kind', '=', k).execute();
    await audit(trx, ctx, actor, meta, {
      action: 'letter_template.reset',
      agencyId: agency.id,
      targetType: 'letter_template',
      targetId: agency.id,
      note: `${LETTER_LABELS[k]}恢复为默认文本`,
    });
  });
}

function lastOf(rows: readonly ApplicationEventRow[], type: string): ApplicationEventRow | undefined {
  return rows.filter((r) => r.type === type).at(-1);
}

function payloadOf<T>(row: ApplicationEventRow | undefined): Partial<T> {
  return row === undefined ? {} : (JSON.parse(row.payload) as Partial<T>);
}

/** The values a letter starts with, from the application, its ledger, its dates and the agency. */
export function letterValues(
  application: ApplicationRow,
  agency: AgencyRow,
  rows: readonly ApplicationEventRow[],
  deadline: Deadline,
  today: string,
): Record<string, string> {
  const date = (d: string | null | undefined) => (d === null || d === undefined ? '' : chineseDate(d));
  const decided = payloadOf<{ reasons: string; basis: string; withheld: string; released: string }>(
    lastOf(rows, 'decided'),
  );
  const fee = payloadOf<{ method: string; amountFen: number; lines: string[]; summary: string }>(
    lastOf(rows, 'fee_notice_sent'),
  );
  const extension = lastOf(rows, 'extension_approved');
  const consultations = rows.filter((r) => r.type === 'consultation_started');
  const consulted = (party: string) =>
    consultations.filter((r) => payloadOf<{ party: string }>(r).party === party).at(-1)?.note ?? '';
  const how = `现按您要求的${INFORMATION_FORM_LABELS[application.info_form]}形式，以${DELIVERY_METHOD_LABELS[application.delivery]}方式提供。`;
  const closingBasis = application.outcome_code === null ? '' : citeBasis(outcomeOf(application.outcome_code).basis);
  return {
    申请人: application.applicant_name,
    查询码: application.tracking_code,
    申请日期: date(deadline.receiptDate),
    申请内容:
      application.info_doc_no === ''
        ? application.info_title
        : `${application.info_title}（${application.info_doc_no}）`,
    机关名称: agency.name,
    联系电话: agency.phone,
    联系地址: agency.address,
    复议机关: agency.reconsideration_body,
    人民法院: agency.court,
    成文日期: date(today),
    提交方式: CHANNEL_LABELS[application.channel],
    答复期限: date(deadline.due),
    补正内容: lastOf(rows, 'correction_requested')?.note ?? '',
    补正期限: '收到本告知书之日起15个工作日',
    延长理由: extension?.note ?? '',
    延长天数: String(payloadOf<{ days: number }>(extension).days ?? ''),
    第三方: consulted('third_party'),
    被征求意见机关: consulted('agency'),
    征求意见事项: application.info_title,
    意见期限: '收到本函之日起15个工作日',
    计收方式: fee.method === undefined ? '' : fee.method === 'per_page' ? '按量' : '按件',
    收费金额: fee.amountFen === undefined ? '' : fenToYuan(fee.amountFen),
    收费明细: fee.lines === undefined ? '' : [...fee.lines, fee.summary ?? ''].join('\n'),
    缴费期限: date(deadline.feePaymentDue),
    缴费方式: '',
    获取方式: decided.released === undefined || decided.released === '' ? how : `${decided.released}${how}`,
    公开部分: decided.released === undefined || decided.released === '' ? how : `${decided.released}${how}`,
    不予公开部分: decided.withheld ?? '',
    理由:
      decided.reasons ??
      (application.outcome_code?.startsWith('other.') === true ? outcomeOf(application.outcome_code).label : ''),
    法律依据: decided.basis ?? closingBasis,
  };
}

/** The application with its agency, ledger and dates, for one who may handle it. */
async function loadForLetter(
  ctx: AppContext,
  access: { actor: Actor; meta: RequestMeta; applicationId: number; action: string },
) {
  const { application, agency } = await requireApplication(ctx, { ...access, permission: 'application.handle' });
  const rows = await listApplicationEvents(ctx.db, application.id);
  const deadline = await deadlineOf(ctx.db, rows, ctx.now());
  return { application, agency, rows, deadline };
}

/**
 * Which letters an application can have now: before the decision, the letters of handling (receipt,
 * 补正, extension, consultation, fee); once decided, only the reply for its outcome.
 */
export function lettersAvailable(application: ApplicationRow): LetterKind[] {
  if (application.outcome_code === null) {
    return LETTER_KINDS.filter((k) => !k.startsWith('reply_'));
  }
  return [REPLY_LETTER[outcomeOf(application.outcome_code).letter]];
}

export interface LetterDraft {
  readonly kind: LetterKind;
  readonly label: string;
  /** The fields the agency's template uses, with their starting values. */
  readonly fields: readonly (LetterField & { value: string })[];
}

/** A letter's fields, filled from the record, for the handler to check and complete before issuing. */
export async function letterDraft(
  ctx: AppContext,
  { actor, applicationId, kind, meta }: { actor: Actor; applicationId: number; kind: string; meta: RequestMeta },
): Promise<LetterDraft> {
  const k = parseInput(Kind, kind);
  const { application, agency, rows, deadline } = await loadForLetter(ctx, {
    actor,
    meta,
    applicationId,
    action: 'application.letter_draft',
  });
  const template = await letterTemplate(ctx.db, agency.id, k);
  const values = letterValues(application, agency, rows, deadline, shanghaiDate(ctx.now()));
  const byName = new Map(letterFields(k).map((f) => [f.name, f]));
  return {
    kind: k,
    label: LETTER_LABELS[k],
    // In the order the letter uses them.
    fields: placeholdersOf(`${template.title}\n${template.body}`).flatMap((name) => {
      const field = byName.get(name);
      return field === undefined ? [] : [{ ...field, value: values[name] ?? '' }];
    }),
  };
}

export const IssueLetterInput = z.object({
  values: z.record(z.string(), z.string().max(5000, '单项内容不能超过5000字')).default({}),
});

/**
 * Issues a letter: the agency's template filled with the handler's checked values, rendered as DOCX and
 * PDF with the agency's 专用章, stored (sealed) with the application and recorded in its ledger.
 * Refused while any field the template uses is empty, or when a reply does not match the outcome.
 */
export async function issueLetter(
  ctx: AppContext,
  {
    actor,
    applicationId,
    kind,
    input,
    meta,
  }: { actor: Actor; applicationId: number; kind: string; input: unknown; meta: RequestMeta },
): Promise<{ files: { id: number; fileName: string }[] }> {
  const k = parseInput(Kind, kind);
  const { values: given } = parseInput(IssueLetterInput, input);
  const { application, agency, rows, deadline } = await loadForLetter(ctx, {
    actor,
    meta,
    applicationId,
    action: 'application.letter_issued',
  });
  if (application.archived_on !== null) {
    throw new DomainError('CONFLICT', '该申请已归档，不能再出具文书');
  }
  if (!lettersAvailable(application).includes(k)) {
    throw new DomainError(
      'CONFLICT',
      application.outcome_code === null
        ? '尚未登记办理结果，不能出具答复告知书'
        : `办理结果为“${outcomeOf(application.outcome_code).label}”，应出具《${LETTER_LABELS[REPLY_LETTER[outcomeOf(application.outcome_code).letter]]}》`,
    );
  }
  const today = shanghaiDate(ctx.now());
  const template = await letterTemplate(ctx.db, agency.id, k);
  const values = { ...letterValues(application, agency, rows, deadline, today), ...given };
  const empty = emptyLetterFields(template, values);
  if (empty.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `${LETTER_LABELS[k]}缺少：${empty.join('、')}，请填写后再出具`, {
      issues: empty.map((name) => ({ path: `values.${name}`, message: `请填写${name}` })),
    });
  }
  const content = await letterContent(ctx, agency, template, values, today);
  const [docx, pdf] = await Promise.all([renderLetterDocx(content), renderLetterPdf(content)]);
  const base = `${LETTER_LABELS[k]}-${application.tracking_code}`;
  const stored = await Promise.all([putSealed(ctx, docx), putSealed(ctx, pdf)]);
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const files = [];
    for (const [i, [bytes, ext, type]] of (
      [
        [docx, 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        [pdf, 'pdf', 'application/pdf'],
      ] as const
    ).entries()) {
      const s = stored[i] as { key: string; sha256: string };
      const row = await insertApplicationFile(trx, {
        application_id: application.id,
        kind: 'letter',
        letter_kind: k,
        file_name: `${base}.${ext}`,
        media_type: type,
        size: bytes.length,
        sha256: s.sha256,
        storage_key: s.key,
        encrypted: 1,
        created_at: now,
      });
      files.push({ id: row.id, fileName: row.file_name });
    }
    await insertApplicationEvent(trx, {
      application_id: application.id,
      type: 'letter_issued',
      on_date: today,
      payload: JSON.stringify({ kind: k, fileIds: files.map((f) => f.id) }),
      note: LETTER_LABELS[k],
      user_id: actor.userId === 0 ? null : actor.userId,
      user_name: actor.displayName,
      created_at: now,
    });
    await audit(trx, ctx, actor, meta, {
      action: 'application.letter_issued',
      agencyId: agency.id,
      targetType: 'application',
      targetId: application.id,
      note: `出具《${LETTER_LABELS[k]}》`,
    });
    return { files };
  });
}

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
