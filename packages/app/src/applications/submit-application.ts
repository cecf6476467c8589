import { randomInt } from 'node:crypto';
import {
  CHANNEL_LABELS,
  DomainError,
  formatTrackingCode,
  needsConfirmation,
  shanghaiDate,
  lastFour,
  CHANNELS,
  type Actor,
  type Channel,
  type Deadline,
} from '@xxgk/core';
import {
  countApplicationsFromAddress,
  findApplicationByTrackingCode,
  insertApplication,
  insertApplicationEvent,
  insertApplicationFile,
  listApplicationEvents,
  type ApplicationRow,
  type Executor,
} from '@xxgk/db';
import { z } from 'zod';
import { requireAgency } from '../agencies/require-agency.ts';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { attachmentKind, ATTACHMENT_TYPES, type AttachmentKind } from '../files/attachment-type.ts';
import { cleanFileName } from '../files/file-name.ts';
import {
  applicationDates,
  builtOnce,
  legalDate,
  optionalLegalDate,
  parseInput,
  type DateRange,
} from '../validation.ts';
import { ApplicationInput, type ApplicationFields } from './application-input.ts';
import { putSealed } from './application-files.ts';
import { cacheDeadline, deadlineOf } from './ledger.ts';
import { notifyNewApplication } from './notify.ts';

/**
 * Whether the platform's own electronic receipt (the 受理回执 shown and offered for download the moment
 * an online application is submitted) is the agency's confirmation under 条例 第三十一条第三项, so the
 * online receipt date is the submission date. The statute requires 双方确认 without saying how; this
 * reading is DERIVED and configurable (AppContext.applicationSettings).
 */
export const DEFAULT_APPLICATION_SETTINGS = { onlineReceiptConfirms: true } as const;
export type ApplicationSettings = { readonly onlineReceiptConfirms: boolean };

/**
 * Abuse control without a third-party CAPTCHA: at most this many online applications an hour from
 * one network address (counted from the audit log, so it holds across server processes). A person
 * with more to ask can still apply at the counter or by post.
 */
export const ONLINE_APPLICATIONS_PER_HOUR = 5;

export interface SubmittedApplication {
  readonly id: number;
  readonly trackingCode: string;
  readonly agencyName: string;
  readonly submittedOn: string;
  readonly channel: Channel;
  readonly deadline: Deadline;
}

/** An uploaded file as the form gives it. */
export interface UploadedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

async function newTrackingCode(ex: Executor, date: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = formatTrackingCode(
      date,
      Array.from({ length: 8 }, () => randomInt(0, 31)),
    );
    if ((await findApplicationByTrackingCode(ex, code)) === undefined) {
      return code;
    }
  }
  throw new DomainError('INTERNAL', '未能生成查询码，请重试');
}

async function create(
  ctx: AppContext,
  actor: Actor | null,
  meta: RequestMeta,
  fields: ApplicationFields,
  receipt: { channel: Channel; receivedOn: string; confirmedOn: string | null },
  file: { upload: UploadedFile; kind: 'identity' | 'scan' } | undefined,
): Promise<SubmittedApplication> {
  const agency = await requireAgency(ctx.db, fields.agencyId);
  let stored:
    | { kind: 'identity' | 'scan'; name: string; type: AttachmentKind; size: number; key: string; sha256: string }
    | undefined;
  if (file !== undefined) {
    // The name as stored and shown, before anything reads its extension (no bidi or invisible characters).
    const name = cleanFileName(file.upload.fileName);
    const type = await attachmentKind(name, file.upload.bytes, ctx.maxUploadBytes);
    if (file.kind === 'identity' && !['pdf', 'jpg', 'png', 'ofd'].includes(type)) {
      throw new DomainError('VALIDATION_FAILED', '身份证明请上传 PDF、JPG 或 PNG 文件', {
        issues: [{ path: 'identityFile', message: '身份证明应为 PDF、JPG 或 PNG' }],
      });
    }
    stored = {
      kind: file.kind,
      name,
      type,
      size: file.upload.bytes.length,
      ...(await putSealed(ctx, file.upload.bytes)),
    };
  }
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const trackingCode = await newTrackingCode(trx, shanghaiDate(ctx.now()));
    const row: ApplicationRow = await insertApplication(trx, {
      agency_id: agency.id,
      tracking_code: trackingCode,
      channel: receipt.channel,
      applicant_kind: fields.applicantKind,
      applicant_name: fields.applicantName,
      id_type: fields.idType,
      id_number: ctx.personalData.sealText(fields.idNumber),
      id_last4: lastFour(fields.idNumber),
      applicant_key: ctx.personalData.applicantKey(fields.idType, fields.idNumber),
      contact_name: fields.contactName,
      phone: fields.phone,
      email: fields.email,
      address: fields.address,
      postcode: fields.postcode,
      info_title: fields.infoTitle,
      info_doc_no: fields.infoDocNo,
      info_description: fields.infoDescription,
      info_form: fields.infoForm,
      delivery: fields.delivery,
      handler_user_id: null,
      received_on: null,
      due_on: null,
      clock_status: 'awaiting_confirmation',
      outcome_code: null,
      decided_on: null,
      created_at: now,
      updated_at: now,
    });
    await insertApplicationEvent(trx, {
      application_id: row.id,
      type: 'received',
      on_date: receipt.receivedOn,
      payload: JSON.stringify({ channel: receipt.channel, confirmedOn: receipt.confirmedOn }),
      note: actor === null ? '申请人通过门户网站在线提交' : `${actor.displayName}登记`,
      user_id: actor === null || actor.userId === 0 ? null : actor.userId,
      user_name: actor === null ? '申请人（在线）' : actor.displayName,
      created_at: now,
    });
    if (stored !== undefined) {
      await insertApplicationFile(trx, {
        application_id: row.id,
        kind: stored.kind,
        file_name: stored.name,
        media_type: ATTACHMENT_TYPES[stored.type].mediaType,
        size: stored.size,
        sha256: stored.sha256,
        storage_key: stored.key,
        encrypted: 1,
        created_at: now,
      });
    }
    const deadline = await deadlineOf(trx, await listApplicationEvents(trx, row.id), ctx.now());
    await cacheDeadline(trx, row, deadline, now);
    await notifyNewApplication(trx, ctx, row, agency, deadline.due);
    await audit(trx, ctx, actor, meta, {
      action: 'application.create',
      agencyId: agency.id,
      targetType: 'application',
      targetId: row.id,
      // No personal data in the audit log: the tracking code identifies the application.
      note: `${CHANNEL_LABELS[receipt.channel]}，查询码 ${trackingCode}`,
    });
    return {
      id: row.id,
      trackingCode,
      agencyName: agency.name,
      submittedOn: shanghaiDate(ctx.now()),
      channel: receipt.channel,
      deadline,
    };
  });
}

/** An application submitted on the portal (互联网渠道). Nobody is logged in: the applicant is anonymous here. */
export async function applyOnline(
  ctx: AppContext,
  { input, identityFile, meta }: { input: unknown; identityFile?: UploadedFile | undefined; meta: RequestMeta },
): Promise<SubmittedApplication> {
  const fields = parseInput(ApplicationInput, input);
  const hourAgo = iso(new Date(ctx.now().getTime() - 3_600_000));
  if (
    meta.ip !== '' &&
    (await countApplicationsFromAddress(ctx.db, meta.ip, hourAgo)) >= ONLINE_APPLICATIONS_PER_HOUR
  ) {
    throw new DomainError(
      'TOO_MANY_ATTEMPTS',
      `同一网络地址一小时内最多在线提交 ${ONLINE_APPLICATIONS_PER_HOUR} 件申请，请稍后再试，或通过当面、邮寄方式提交`,
    );
  }
  const today = shanghaiDate(ctx.now());
  const confirms = (ctx.applicationSettings ?? DEFAULT_APPLICATION_SETTINGS).onlineReceiptConfirms;
  return create(
    ctx,
    null,
    meta,
    fields,
    { channel: 'online', receivedOn: today, confirmedOn: confirms ? today : null },
    identityFile === undefined ? undefined : { upload: identityFile, kind: 'identity' },
  );
}

/**
 * How an application came in, as staff register it. Given a range its dates must lie in it
 * (registerApplication passes {@link applicationDates} as of today); without, only their form is
 * checked (the route's schema).
 */
export const intakeInput = builtOnce((range?: DateRange) => {
  return z.object({
    channel: z.enum(CHANNELS, { error: '请选择收到申请的渠道' }),
    receivedOn: legalDate('收到日期', range),
    /** For unsigned post, internet, fax and e-mail: the day both sides confirmed; '' while not yet confirmed. */
    confirmedOn: optionalLegalDate('确认日期', range),
  });
});
export const IntakeInput = intakeInput();
export type IntakeInput = z.input<typeof IntakeInput>;

/**
 * An application received at the counter, by post, fax or e-mail, registered by staff with the scan
 * of the paper. For channels whose receipt date is a confirmation date, leaving the confirmation
 * empty records "could not confirm yet": the clock does not start until it is confirmed.
 */
export async function registerApplication(
  ctx: AppContext,
  {
    actor,
    input,
    intake,
    scan,
    meta,
  }: { actor: Actor; input: unknown; intake: IntakeInput; scan?: UploadedFile | undefined; meta: RequestMeta },
): Promise<SubmittedApplication> {
  const fields = parseInput(ApplicationInput, input);
  const how = parseInput(intakeInput(applicationDates(shanghaiDate(ctx.now()))), intake);
  const agency = await requireAgency(ctx.db, fields.agencyId);
  await authorize(ctx, actor, meta, 'application.handle', agency, {
    action: 'application.create',
    targetType: 'application',
    targetId: null,
  });
  const today = shanghaiDate(ctx.now());
  if (how.receivedOn > today || (how.confirmedOn !== '' && how.confirmedOn > today)) {
    throw new DomainError('VALIDATION_FAILED', '收到或确认日期不能晚于今天', {
      issues: [{ path: 'receivedOn', message: '日期晚于今天' }],
    });
  }
  if (how.confirmedOn !== '' && how.confirmedOn < how.receivedOn) {
    throw new DomainError('VALIDATION_FAILED', '确认日期不能早于收到日期', {
      issues: [{ path: 'confirmedOn', message: '确认日期早于收到日期' }],
    });
  }
  const confirmedOn = needsConfirmation(how.channel) ? (how.confirmedOn === '' ? null : how.confirmedOn) : null;
  return create(
    ctx,
    actor,
    meta,
    fields,
    { channel: how.channel, receivedOn: how.receivedOn, confirmedOn },
    scan === undefined ? undefined : { upload: scan, kind: 'scan' },
  );
}
