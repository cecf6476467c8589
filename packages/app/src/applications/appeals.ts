import { APPEAL_RESULT_LABELS, DomainError, shanghaiDate, type Actor, type AppealRecord } from '@xxgk/core';
import {
  findAppeal,
  insertAppeal,
  listAgencyAppeals,
  listAppealsOfApplication,
  updateAppeal,
  type ApplicationAppealRow,
  type Executor,
} from '@xxgk/db';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { legalDate, optionalLegalDate, parseInput, plausibleDates, text, type DateRange } from '../validation.ts';
import { requireApplication } from './require-application.ts';

export const APPEAL_KIND_LABELS = { reconsideration: '行政复议', litigation: '行政诉讼' } as const;

/**
 * A 行政复议 or 行政诉讼 over an application's handling (条例 第五十一条), as staff record it: the body or
 * court, the dates, the stage and the result. Litigation says whether it followed a 复议 (table 四
 * counts 未经复议直接起诉 and 复议后起诉 apart). A concluded case has its conclusion date. Given a range
 * the dates must lie in it (saveAppeal passes the plausible dates as of today); without, only their
 * form is checked.
 */
export function appealInput(range?: DateRange) {
  return z
    .object({
      kind: z.enum(['reconsideration', 'litigation'], { error: '请选择行政复议或行政诉讼' }),
      body: text('复议机关或人民法院', { min: 1, max: 100 }),
      caseNumber: text('案号', { max: 60 }).default(''),
      filedOn: legalDate('受理日期', range),
      stage: text('阶段', { max: 60 }).default(''),
      result: z.enum(['upheld', 'corrected', 'other', 'pending'], { error: '请选择结果' }),
      concludedOn: optionalLegalDate('审结日期', range),
      afterReconsideration: z.boolean().default(false),
      note: text('说明', { max: 1000 }).default(''),
    })
    .superRefine((v, issues) => {
      const add = (path: string, message: string) => issues.addIssue({ code: 'custom', path: [path], message });
      if (v.result !== 'pending' && v.concludedOn === '') {
        add('concludedOn', '已审结的，请填写审结日期');
      }
      if (v.result === 'pending' && v.concludedOn !== '') {
        add('concludedOn', '尚未审结的，不应填写审结日期');
      }
      if (v.concludedOn !== '' && v.concludedOn < v.filedOn) {
        add('concludedOn', '审结日期不能早于受理日期');
      }
      if (v.kind === 'reconsideration' && v.afterReconsideration) {
        add('afterReconsideration', '“复议后起诉”只适用于行政诉讼');
      }
    });
}
export const AppealInput = appealInput();
export type AppealInput = z.input<typeof AppealInput>;

export interface Appeal {
  readonly id: number;
  readonly applicationId: number;
  readonly kind: 'reconsideration' | 'litigation';
  readonly body: string;
  readonly caseNumber: string;
  readonly filedOn: string;
  readonly stage: string;
  readonly result: 'upheld' | 'corrected' | 'other' | 'pending';
  readonly concludedOn: string | null;
  readonly afterReconsideration: boolean;
  readonly note: string;
}

export function toAppeal(row: ApplicationAppealRow): Appeal {
  return {
    id: row.id,
    applicationId: row.application_id,
    kind: row.kind,
    body: row.body,
    caseNumber: row.case_number,
    filedOn: row.filed_on,
    stage: row.stage,
    result: row.result,
    concludedOn: row.concluded_on,
    afterReconsideration: row.after_reconsideration === 1,
    note: row.note,
  };
}

function toRow(v: z.output<typeof AppealInput>) {
  return {
    kind: v.kind,
    body: v.body,
    case_number: v.caseNumber,
    filed_on: v.filedOn,
    stage: v.stage,
    result: v.result,
    concluded_on: v.concludedOn === '' ? null : v.concludedOn,
    after_reconsideration: v.kind === 'litigation' && v.afterReconsideration ? 1 : 0,
    note: v.note,
  };
}

/** Records a 复议 or 诉讼 case for an application, or (with appealId) corrects or concludes one. */
export async function saveAppeal(
  ctx: AppContext,
  {
    actor,
    applicationId,
    appealId,
    input,
    meta,
  }: { actor: Actor; applicationId: number; appealId?: number; input: unknown; meta: RequestMeta },
): Promise<Appeal> {
  const today = shanghaiDate(ctx.now());
  const v = parseInput(appealInput(plausibleDates(today)), input);
  const action = appealId === undefined ? 'application.appeal_add' : 'application.appeal_update';
  const { application, agency } = await requireApplication(ctx, {
    actor,
    meta,
    applicationId,
    permission: 'application.handle',
    action,
  });
  if (v.filedOn > today || (v.concludedOn !== '' && v.concludedOn > today)) {
    throw new DomainError('VALIDATION_FAILED', '日期不能晚于今天', {
      issues: [{ path: 'filedOn', message: '日期晚于今天' }],
    });
  }
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    let row: ApplicationAppealRow;
    let before: ApplicationAppealRow | undefined;
    if (appealId === undefined) {
      row = await insertAppeal(trx, {
        application_id: application.id,
        agency_id: agency.id,
        ...toRow(v),
        created_at: now,
        updated_at: now,
      });
    } else {
      before = await findAppeal(trx, appealId, application.id);
      if (before === undefined) {
        throw new DomainError('NOT_FOUND', '该复议或诉讼记录不存在');
      }
      row = await updateAppeal(trx, appealId, { ...toRow(v), updated_at: now });
    }
    await audit(trx, ctx, actor, meta, {
      action,
      agencyId: agency.id,
      targetType: 'application',
      targetId: application.id,
      note: `${APPEAL_KIND_LABELS[v.kind]}（${v.body}，${v.filedOn}）：${APPEAL_RESULT_LABELS[v.result]}`,
      ...(before === undefined ? {} : { before: toAppeal(before) }),
      after: toAppeal(row),
    });
    return toAppeal(row);
  });
}

export async function listApplicationAppeals(ex: Executor, applicationId: number): Promise<Appeal[]> {
  return (await listAppealsOfApplication(ex, applicationId)).map(toAppeal);
}

/** A case as the report's table 四 counts it (core countAppeals): 复议, or 诉讼 direct or after 复议. */
export function toAppealRecord(r: ApplicationAppealRow): AppealRecord {
  return {
    kind:
      r.kind === 'reconsideration'
        ? 'reconsideration'
        : r.after_reconsideration === 1
          ? 'litigationAfterReconsideration'
          : 'litigationDirect',
    filedOn: r.filed_on,
    result:
      r.result === 'pending' || r.concluded_on === null ? null : { outcome: r.result, concludedOn: r.concluded_on },
  };
}

/** An agency's cases as the report's table 四 counts them (core countAppeals). */
export async function appealRecords(ex: Executor, agencyId: number): Promise<AppealRecord[]> {
  return (await listAgencyAppeals(ex, agencyId)).map(toAppealRecord);
}
