import {
  addDays,
  chineseDate,
  DateRangeError,
  daysBetween,
  isIsoDate,
  MAX_WALK_DAYS,
  yearOf,
} from '../calendar/dates.ts';
import { addWorkingDays, unknownYearWarning, workingDaysBetween, type WorkCalendar } from '../calendar/working-days.ts';

/**
 * The application clock (依申请公开的办理期限). An application's dates are never typed in: they are
 * derived from its ledger of clock events by {@link computeDeadline}, which also explains, line by
 * line and with the article applied, how each date was reached.
 */

/** How an application reached the agency (条例 第三十一条 makes the receipt date depend on it). */
export const CHANNELS = ['in_person', 'post_signed', 'post_unsigned', 'online', 'fax', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  in_person: '当面提交',
  post_signed: '邮寄（需签收）',
  post_unsigned: '邮寄（平常信函，无需签收）',
  online: '互联网渠道',
  fax: '传真',
  email: '电子邮件',
};

/**
 * Channels whose legal receipt date is a confirmation date, not the day the paper or data arrived:
 * unsigned post (the agency confirms with the applicant that day), internet and fax (双方确认之日).
 * E-mail is treated as an internet channel (DERIVED, docs/rules.md#receipt).
 */
export function needsConfirmation(channel: Channel): boolean {
  return channel === 'post_unsigned' || channel === 'online' || channel === 'fax' || channel === 'email';
}

/** One entry of an application's ledger. Dates are legal dates, YYYY-MM-DD. */
export type ClockEvent =
  | {
      readonly type: 'received';
      readonly date: string;
      readonly channel: Channel;
      /** For confirmation channels: the day both sides confirmed (条例 第三十一条第二、三项). */
      readonly confirmedOn?: string | null;
    }
  | { readonly type: 'correction_requested'; readonly date: string }
  | { readonly type: 'correction_received'; readonly date: string }
  | { readonly type: 'correction_expired'; readonly date: string }
  | { readonly type: 'extension_approved'; readonly date: string; readonly days: number }
  | {
      readonly type: 'consultation_started';
      readonly date: string;
      /** Names the consultation so its end can refer to it. */
      readonly id: string;
      readonly party: 'third_party' | 'agency';
    }
  | { readonly type: 'consultation_ended'; readonly date: string; readonly id: string }
  | { readonly type: 'fee_notice_sent'; readonly date: string }
  | { readonly type: 'fee_paid'; readonly date: string }
  | { readonly type: 'fee_expired'; readonly date: string }
  /**
   * 条例 第三十五条: the applicant's numerous or frequent requests have a reasonable ground but cannot
   * be answered within the 第三十三条 period; the agency sets a reasonable later deadline and tells the
   * applicant. The new deadline replaces the computed one.
   */
  | { readonly type: 'deadline_deferred'; readonly date: string; readonly newDue: string }
  | { readonly type: 'decided'; readonly date: string };

export type ClockEventType = ClockEvent['type'];

/** The rules' numbers. Defaults are the statute's; those docs/rules.md marks UNCONFIRMED are settings. */
export interface ClockSettings {
  /** 条例 第三十三条: 20 working days to reply. */
  readonly replyDays: number;
  /** 条例 第三十条: the 补正 notice within 7 working days of receipt. */
  readonly correctionNoticeDays: number;
  /** 条例 第三十三条: one extension of at most 20 working days. */
  readonly maxExtensionDays: number;
  /** 条例 第三十二条、第三十四条: a consulted party answers within 15 working days. */
  readonly consultationDays: number;
  /**
   * 条例 第三十五条 lets the agency set a "reasonable" later deadline and names no limit. DERIVED: a
   * deferred due date may lie at most this many working days after the reply period began (receipt,
   * or the corrected application) — by default 90, the longest the periods modelled here reach
   * together: the reply (第三十三条第二款, 20) extended once (ibid., 20), a third party's and another
   * agency's consultation (第三十二条、第三十四条, 15 + 15) and a fee notice (国办函〔2020〕109号, 20).
   * Without a limit a mistyped year (9998-12-31) was a valid deadline (issue 18). A setting.
   */
  readonly maxDeferralDays: number;
  /** 国办函〔2020〕109号: pay within 20 working days from the day after the notice. */
  readonly feePaymentDays: number;
  /** UNCONFIRMED (docs/rules.md#fee-notice): whether the reply clock stops while a fee notice is unpaid. Default yes. */
  readonly feePausesClock: boolean;
  /** UNCONFIRMED (docs/rules.md#counting): whether the receipt day counts as day 1. Default no (民法典 第二百零一条). */
  readonly countReceiptDay: boolean;
}

export const DEFAULT_CLOCK_SETTINGS: ClockSettings = {
  replyDays: 20,
  correctionNoticeDays: 7,
  maxExtensionDays: 20,
  consultationDays: 15,
  maxDeferralDays: 90,
  feePaymentDays: 20,
  feePausesClock: true,
  countReceiptDay: false,
};

export const CLOCK_STATUSES = [
  'awaiting_confirmation',
  'in_progress',
  'awaiting_correction',
  'consulting',
  'awaiting_payment',
  'decided',
  'abandoned_correction',
  'abandoned_fee',
] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

/** The statuses in which an application is finished: answered, or ended by the applicant's default. */
export const CLOSED_CLOCK_STATUSES = [
  'decided',
  'abandoned_correction',
  'abandoned_fee',
] as const satisfies readonly ClockStatus[];

export function isClosedStatus(status: ClockStatus): boolean {
  return (CLOSED_CLOCK_STATUSES as readonly ClockStatus[]).includes(status);
}

export interface ExplanationLine {
  readonly date: string | null;
  readonly text: string;
  /** The article or document applied, e.g. `《政府信息公开条例》第三十三条`. */
  readonly basis: string;
}

export interface Deadline {
  readonly status: ClockStatus;
  /** The legal receipt date (收到申请之日), null while an unsigned letter or online application awaits confirmation. */
  readonly receiptDate: string | null;
  /** The reply is due by the end of this day; null when no period is running (awaiting confirmation or correction, closed). */
  readonly due: string | null;
  /** The 补正 notice is due by the end of this day (7 working days after receipt). */
  readonly correctionNoticeDue: string | null;
  /** When an unpaid fee notice lapses. */
  readonly feePaymentDue: string | null;
  readonly decidedOn: string | null;
  /** Overdue as of `today` (or the decision date, once decided). */
  readonly overdue: boolean;
  /** Working days from `today` to `due` (negative when overdue); null when there is no due date. */
  readonly workingDaysLeft: number | null;
  readonly warnings: readonly string[];
  readonly explanation: readonly ExplanationLine[];
}

/** A ledger that cannot have happened; `message` says why in Chinese. */
export class LedgerError extends Error {
  readonly index: number;
  /** The event's field at fault when it is not its `date` (e.g. `newDue`). */
  readonly field: string;
  constructor(index: number, message: string, field = 'date') {
    super(message);
    this.name = 'LedgerError';
    this.index = index;
    this.field = field;
  }
}

const ART = {
  receipt: '《政府信息公开条例》第三十一条',
  correction: '《政府信息公开条例》第三十条',
  reply: '《政府信息公开条例》第三十三条第二款',
  extension: '《政府信息公开条例》第三十三条第二款',
  excluded: '《政府信息公开条例》第三十三条第三款',
  thirdParty: '《政府信息公开条例》第三十二条',
  otherAgency: '《政府信息公开条例》第三十四条',
  fee: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  counting: '《民法典》第二百零一条、第二百零三条（期间计算）',
  deferred: '《政府信息公开条例》第三十五条',
} as const;

const ORDER: Readonly<Record<ClockEventType, number>> = {
  received: 0,
  correction_requested: 1,
  correction_received: 2,
  correction_expired: 2,
  consultation_started: 3,
  consultation_ended: 4,
  fee_notice_sent: 5,
  fee_paid: 6,
  fee_expired: 6,
  extension_approved: 7,
  deadline_deferred: 7,
  decided: 8,
};

interface Pause {
  readonly from: string; // exclusive: the day the letter or notice went out
  to: string | null; // inclusive: the day the answer or payment came; null while open
  readonly kind: 'consultation' | 'fee';
  readonly id: string;
  readonly party?: 'third_party' | 'agency';
}

/**
 * Computes an application's deadline from its ledger.
 *
 * Counting: the receipt day is not counted (setting `countReceiptDay`); only working days count.
 * A 补正 request stops the clock; the corrected application restarts the full period from the day it
 * is received (条例 第三十条). Consultation periods are excluded (条例 第三十三条第三款): the working days
 * after the letter goes out, through the day the answer arrives — or, without an answer, through the
 * 15th working day — do not count. While a fee notice is unpaid the clock is stopped the same way if
 * `feePausesClock`. An approved extension adds its working days once.
 *
 * @throws LedgerError for a ledger that cannot have happened (an event before receipt, a second
 *   extension, an extension approved after the due date, events after the decision, …)
 */
export function computeDeadline(
  cal: WorkCalendar,
  ledger: readonly ClockEvent[],
  options: { today?: string; settings?: Partial<ClockSettings> } = {},
): Deadline {
  const s: ClockSettings = { ...DEFAULT_CLOCK_SETTINGS, ...options.settings };
  const counting = { countStartDay: s.countReceiptDay };
  const warnings = new Set<string>();
  const explanation: ExplanationLine[] = [];
  const add = (start: string, n: number): string => {
    const r = addWorkingDays(cal, start, n, counting);
    r.warnings.forEach((w) => warnings.add(w));
    return r.date;
  };

  ledger.forEach((e, i) => {
    if (!isIsoDate(e.date)) {
      throw new LedgerError(i, `第${i + 1}条记录的日期“${e.date}”不是有效日期（应为 YYYY-MM-DD）`);
    }
  });
  checkSpan(ledger);
  const events = ledger
    .map((e, i) => ({ e, i }))
    .sort((a, b) =>
      a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : ORDER[a.e.type] - ORDER[b.e.type] || a.i - b.i,
    );

  const received = events.filter((x) => x.e.type === 'received');
  if (received.length !== 1 || received[0] === undefined) {
    throw new LedgerError(
      received[1]?.i ?? 0,
      received.length === 0 ? '台账中没有“收到申请”记录' : '台账中有多条“收到申请”记录',
    );
  }
  const first = received[0].e as Extract<ClockEvent, { type: 'received' }>;
  const earliest = events[0];
  if (earliest !== undefined && earliest.e.date < first.date) {
    throw new LedgerError(earliest.i, `“${label(earliest.e.type)}”（${earliest.e.date}）早于收到申请（${first.date}）`);
  }

  // 1. The legal receipt date.
  let receiptDate: string | null;
  if (needsConfirmation(first.channel)) {
    const confirmed = first.confirmedOn ?? null;
    if (confirmed !== null && !isIsoDate(confirmed)) {
      throw new LedgerError(received[0].i, `确认日期“${confirmed}”不是有效日期`);
    }
    if (confirmed !== null && confirmed < first.date) {
      throw new LedgerError(received[0].i, `确认日期（${confirmed}）早于实际收到日期（${first.date}）`);
    }
    receiptDate = confirmed;
    explanation.push({
      date: first.date,
      text:
        confirmed === null
          ? `通过${CHANNEL_LABELS[first.channel]}收到申请，尚未与申请人确认，办理期限尚未起算`
          : `通过${CHANNEL_LABELS[first.channel]}收到申请（${chineseDate(first.date)}），${chineseDate(confirmed)}与申请人确认，以确认之日为收到申请之日`,
      basis: ART.receipt,
    });
  } else {
    receiptDate = first.date;
    explanation.push({
      date: first.date,
      text: `${first.channel === 'in_person' ? '申请人当面提交申请' : '邮寄申请签收'}，${chineseDate(first.date)}为收到申请之日`,
      basis: ART.receipt,
    });
  }

  if (receiptDate === null) {
    const later = events.find((x) => x.e.type !== 'received');
    if (later !== undefined) {
      throw new LedgerError(later.i, `尚未确认收到申请之日，不能记录“${label(later.e.type)}”`);
    }
    warnings.add('收到申请之日尚待确认：请尽快与申请人确认，确认之日起算办理期限');
    return result('awaiting_confirmation', null, null, null, null, null);
  }

  const correctionNoticeDue = add(receiptDate, s.correctionNoticeDays);
  explanation.push({
    date: receiptDate,
    text: `如需补正，应在收到申请之日起${s.correctionNoticeDays}个工作日内（${chineseDate(correctionNoticeDue, true)}前）一次性告知`,
    basis: ART.correction,
  });

  let periodStart = receiptDate;
  let extensionDays = 0;
  let extended = false;
  let status: ClockStatus = 'in_progress';
  let correctionPending = false;
  let decidedOn: string | null = null;
  let feePaymentDue: string | null = null;
  const pauses: Pause[] = [];
  let startExplained = false;
  let deferredDue: string | null = null;

  /**
   * Walks forward from the period start counting the working days no pause excludes, to the reply due
   * date. An open consultation lapses after its 15 working days; an unpaid fee notice excludes nothing
   * yet (the date computed meanwhile assumes payment now; the final answer is "paused"). The walk is
   * bounded like every calendar walk ({@link MAX_WALK_DAYS}): the ledger's dates lie within that
   * span of the receipt (checkSpan), so only settings beyond reason can reach the bound.
   */
  const currentDue = (): string => {
    if (deferredDue !== null) {
      return deferredDue;
    }
    const total = s.replyDays + extensionDays;
    const excluded = pauses.map((p) => ({
      from: p.from,
      to: p.to ?? (p.kind === 'consultation' ? add(p.from, s.consultationDays) : p.from),
    }));
    const unknown = new Set<number>();
    const note = (day: string) => {
      if (!cal.isKnownYear(yearOf(day))) {
        unknown.add(yearOf(day));
      }
    };
    note(periodStart);
    let counted = s.countReceiptDay && cal.isWorkingDay(periodStart) ? 1 : 0;
    let d = periodStart;
    for (let walked = 0; counted < total; walked += 1) {
      if (walked === MAX_WALK_DAYS) {
        throw new DateRangeError(
          `自${periodStart}起计算答复期限超出可计算的范围（最长${MAX_WALK_DAYS}天），请核对台账中的日期和期限设置`,
        );
      }
      d = addDays(d, 1);
      note(d);
      if (cal.isWorkingDay(d) && !excluded.some((p) => d > p.from && d <= p.to)) {
        counted += 1;
      }
    }
    unknownYearWarning(unknown).forEach((w) => warnings.add(w));
    return d;
  };

  const explainStart = () => {
    if (!startExplained) {
      explanation.push({
        date: periodStart,
        text: `自${chineseDate(periodStart)}的次日起计算，${s.replyDays}个工作日内答复（节假日不计，调休工作日计入）`,
        basis: `${ART.reply}；${ART.counting}`,
      });
      startExplained = true;
    }
  };

  for (const { e, i } of events) {
    if (decidedOn !== null || status === 'abandoned_correction' || status === 'abandoned_fee') {
      throw new LedgerError(i, `申请已于${decidedOn ?? '此前'}办结，之后不能再记录“${label(e.type)}”`);
    }
    switch (e.type) {
      case 'received':
        break;
      case 'correction_requested': {
        if (correctionPending) {
          throw new LedgerError(i, '补正只能一次性告知：已有一次未完成的补正');
        }
        if (e.date > correctionNoticeDue) {
          warnings.add(
            `补正告知（${e.date}）晚于法定的${s.correctionNoticeDays}个工作日期限（${correctionNoticeDue}）`,
          );
        }
        correctionPending = true;
        status = 'awaiting_correction';
        explanation.push({
          date: e.date,
          text: `${chineseDate(e.date)}告知申请人补正，办理期限待收到补正后的申请之日重新起算`,
          basis: ART.correction,
        });
        break;
      }
      case 'correction_received': {
        if (!correctionPending) {
          throw new LedgerError(i, '没有补正告知，不能记录“收到补正”');
        }
        correctionPending = false;
        status = 'in_progress';
        periodStart = e.date;
        startExplained = false;
        explanation.push({
          date: e.date,
          text: `${chineseDate(e.date)}收到补正后的申请，答复期限自该日重新计算`,
          basis: ART.correction,
        });
        explainStart();
        break;
      }
      case 'correction_expired': {
        if (!correctionPending) {
          throw new LedgerError(i, '没有补正告知，不能记录“补正逾期”');
        }
        correctionPending = false;
        status = 'abandoned_correction';
        explanation.push({
          date: e.date,
          text: '申请人无正当理由逾期不补正，视为放弃申请，不再处理（年报表三（六）1）',
          basis: ART.correction,
        });
        break;
      }
      case 'extension_approved': {
        if (correctionPending) {
          throw new LedgerError(i, '申请处于补正期间，不能延长答复期限');
        }
        if (extended) {
          throw new LedgerError(i, '答复期限只能延长一次');
        }
        if (!Number.isInteger(e.days) || e.days < 1 || e.days > s.maxExtensionDays) {
          throw new LedgerError(i, `延长期限应为1至${s.maxExtensionDays}个工作日，实为${e.days}`);
        }
        explainStart();
        const due = currentDue();
        if (e.date > due) {
          throw new LedgerError(i, `延期须在答复期限届满（${due}）前批准，实为${e.date}`);
        }
        extended = true;
        extensionDays = e.days;
        explanation.push({
          date: e.date,
          text: `经政府信息公开工作机构负责人同意延长答复期限${e.days}个工作日，原期限${chineseDate(due)}，延长后为${chineseDate(currentDue(), true)}；应告知申请人`,
          basis: ART.extension,
        });
        break;
      }
      case 'consultation_started': {
        if (pauses.some((p) => p.id === e.id)) {
          throw new LedgerError(i, `征求意见“${e.id}”已经开始过`);
        }
        explainStart();
        pauses.push({ from: e.date, to: null, kind: 'consultation', id: e.id, party: e.party });
        status = 'consulting';
        const lapse = add(e.date, s.consultationDays);
        explanation.push({
          date: e.date,
          text: `${chineseDate(e.date)}书面征求${e.party === 'third_party' ? '第三方' : '其他机关'}意见，对方应在${s.consultationDays}个工作日内（${chineseDate(lapse)}前）答复${e.party === 'agency' ? '，逾期未答复视为同意公开' : '，逾期未答复的由本机关依法决定'}；征求意见所需时间不计入答复期限`,
          basis: `${e.party === 'third_party' ? ART.thirdParty : ART.otherAgency}；${ART.excluded}`,
        });
        break;
      }
      case 'consultation_ended': {
        const pause = pauses.find((p) => p.kind === 'consultation' && p.id === e.id);
        if (pause === undefined) {
          throw new LedgerError(i, `没有名为“${e.id}”的征求意见`);
        }
        if (pause.to !== null) {
          throw new LedgerError(i, `征求意见“${e.id}”已经结束`);
        }
        const lapse = add(pause.from, s.consultationDays);
        pause.to = e.date > lapse ? lapse : e.date;
        if (!pauses.some((p) => p.to === null)) {
          status = 'in_progress';
        }
        const excluded = workingDaysBetween(cal, pause.from, pause.to).days;
        explanation.push({
          date: e.date,
          text:
            e.date > lapse
              ? `征求意见期限已于${chineseDate(lapse)}届满，不计入答复期限的时间以${s.consultationDays}个工作日为限`
              : `${chineseDate(e.date)}收到${pause.party === 'third_party' ? '第三方' : '其他机关'}答复，征求意见用时${excluded}个工作日，不计入答复期限`,
          basis: ART.excluded,
        });
        break;
      }
      case 'fee_notice_sent': {
        if (pauses.some((p) => p.kind === 'fee' && p.to === null)) {
          throw new LedgerError(i, '已有一份未处理的收费通知');
        }
        explainStart();
        feePaymentDue = add(e.date, s.feePaymentDays);
        if (s.feePausesClock) {
          pauses.push({ from: e.date, to: null, kind: 'fee', id: `fee-${i}` });
        }
        status = 'awaiting_payment';
        explanation.push({
          date: e.date,
          text: `${chineseDate(e.date)}发出收费通知，申请人应自收到通知次日起${s.feePaymentDays}个工作日内（${chineseDate(feePaymentDue)}前）缴费${s.feePausesClock ? '；缴费期间不计入答复期限（本平台设置，可调整）' : '；缴费期间照常计入答复期限（本平台设置，可调整）'}`,
          basis: ART.fee,
        });
        break;
      }
      case 'fee_paid': {
        if (feePaymentDue === null) {
          throw new LedgerError(i, '没有收费通知，不能记录“已缴费”');
        }
        if (e.date > feePaymentDue) {
          warnings.add(`缴费日期（${e.date}）晚于缴费期限（${feePaymentDue}）`);
        }
        const pause = pauses.find((p) => p.kind === 'fee' && p.to === null);
        if (pause !== undefined) {
          pause.to = e.date;
        }
        feePaymentDue = null;
        status = pauses.some((p) => p.to === null) ? 'consulting' : 'in_progress';
        explanation.push({ date: e.date, text: `${chineseDate(e.date)}申请人缴纳信息处理费`, basis: ART.fee });
        break;
      }
      case 'fee_expired': {
        if (feePaymentDue === null) {
          throw new LedgerError(i, '没有收费通知，不能记录“逾期未缴费”');
        }
        if (e.date <= feePaymentDue) {
          throw new LedgerError(i, `缴费期限至${feePaymentDue}，${e.date}尚未逾期`);
        }
        status = 'abandoned_fee';
        explanation.push({
          date: e.date,
          text: '申请人逾期未按收费通知缴纳费用，视为放弃申请，不再处理（年报表三（六）2）',
          basis: ART.fee,
        });
        break;
      }
      case 'deadline_deferred': {
        if (!isIsoDate(e.newDue)) {
          throw new LedgerError(i, `延后的答复期限“${e.newDue}”不是有效日期`, 'newDue');
        }
        explainStart();
        const due = currentDue();
        if (e.newDue <= due) {
          throw new LedgerError(i, `延后的答复期限（${e.newDue}）应晚于现有期限（${due}）`);
        }
        if (e.date > due) {
          throw new LedgerError(i, `须在答复期限届满（${due}）前确定延后期限，实为${e.date}`);
        }
        const latest = add(periodStart, s.maxDeferralDays);
        if (e.newDue > latest) {
          throw new LedgerError(
            i,
            `延后的答复期限（${e.newDue}）超出合理范围：最迟为自${chineseDate(periodStart)}起${s.maxDeferralDays}个工作日，即${latest}`,
            'newDue',
          );
        }
        deferredDue = e.newDue;
        explanation.push({
          date: e.date,
          text: `申请人说明的理由合理但无法在规定期限内答复，确定延后的答复期限为${chineseDate(e.newDue, true)}，并告知申请人`,
          basis: ART.deferred,
        });
        break;
      }
      case 'decided': {
        if (correctionPending) {
          throw new LedgerError(
            i,
            '申请处于补正期间，补正完成前不能作出答复决定；如申请人逾期不补正，请记录“补正逾期”',
          );
        }
        explainStart();
        for (const p of pauses) {
          if (p.to === null) {
            p.to =
              e.date < add(p.from, s.consultationDays) || p.kind === 'fee' ? e.date : add(p.from, s.consultationDays);
          }
        }
        decidedOn = e.date;
        status = 'decided';
        break;
      }
    }
  }

  if (status === 'awaiting_correction') {
    return result(status, null, correctionNoticeDue, feePaymentDue, null, options.today ?? null);
  }
  if (status === 'abandoned_correction' || status === 'abandoned_fee') {
    return result(status, null, correctionNoticeDue, null, null, null);
  }
  explainStart();
  if (pauses.some((p) => p.kind === 'fee' && p.to === null)) {
    explanation.push({
      date: null,
      text: '答复期限在缴费期间暂停，申请人缴费后继续计算',
      basis: ART.fee,
    });
    return result('awaiting_payment', null, correctionNoticeDue, feePaymentDue, null, null);
  }
  const due = currentDue();
  const openConsultation = pauses.find((p) => p.kind === 'consultation' && p.to === null);
  if (openConsultation !== undefined) {
    explanation.push({
      date: null,
      text: `征求意见尚未结束：截至目前的答复期限为${chineseDate(due, true)}，收到答复后顺延不计入的天数`,
      basis: ART.excluded,
    });
  }
  explanation.push({
    date: null,
    text: `答复期限：${chineseDate(due, true)}${extended ? `（含延长${extensionDays}个工作日）` : ''}`,
    basis: ART.reply,
  });
  if (decidedOn !== null) {
    explanation.push({
      date: decidedOn,
      text:
        decidedOn <= due
          ? `${chineseDate(decidedOn)}作出答复，在期限内`
          : `${chineseDate(decidedOn)}作出答复，超过期限${workingDaysBetween(cal, due, decidedOn).days}个工作日`,
      basis: ART.reply,
    });
  }
  return result(status, due, correctionNoticeDue, feePaymentDue, decidedOn, options.today ?? null);

  function result(
    st: ClockStatus,
    due: string | null,
    noticeDue: string | null,
    payDue: string | null,
    decided: string | null,
    today: string | null,
  ): Deadline {
    const reference = decided ?? today;
    let left: number | null = null;
    if (due !== null && today !== null && decided === null) {
      const r = workingDaysBetween(cal, today, due);
      r.warnings.forEach((w) => warnings.add(w));
      left = r.days;
    }
    return {
      status: st,
      receiptDate,
      due,
      correctionNoticeDue: noticeDue,
      feePaymentDue: payDue,
      decidedOn: decided,
      overdue: due !== null && reference !== null && reference > due,
      workingDaysLeft: left,
      warnings: [...warnings],
      explanation,
    };
  }
}

/**
 * Every date in the ledger — the events', a confirmation's, a deferred due date — must lie within
 * {@link MAX_WALK_DAYS} (ten years) after the 收到申请 record's date (one before it is refused by
 * computeDeadline with its own message, before any counting). An
 * application is answered within months (条例 第三十三条), so a ledger spanning more is a mistyped
 * or hostile date; refusing it here, before any counting, is what keeps every walk below short.
 */
function checkSpan(ledger: readonly ClockEvent[]): void {
  const anchor = ledger.find((e) => e.type === 'received')?.date;
  if (anchor === undefined) {
    return;
  }
  ledger.forEach((e, i) => {
    const dates: [string, string | null | undefined][] = [['date', e.date]];
    if (e.type === 'received') {
      dates.push(['confirmedOn', e.confirmedOn]);
    }
    if (e.type === 'deadline_deferred') {
      dates.push(['newDue', e.newDue]);
    }
    for (const [field, date] of dates) {
      // A date that is not one is refused where it is read, with its own message.
      if (date === null || date === undefined || !isIsoDate(date)) {
        continue;
      }
      if (daysBetween(anchor, date) > MAX_WALK_DAYS) {
        const what =
          field === 'newDue' ? '延后的答复期限' : field === 'confirmedOn' ? '确认日期' : `“${label(e.type)}”的日期`;
        throw new LedgerError(
          i,
          `${what}（${date}）与收到申请之日（${anchor}）相隔超过十年，超出可计算的范围，请核对`,
          field,
        );
      }
    }
  });
}

const EVENT_LABELS: Readonly<Record<ClockEventType, string>> = {
  received: '收到申请',
  correction_requested: '告知补正',
  correction_received: '收到补正',
  correction_expired: '补正逾期',
  extension_approved: '批准延期',
  consultation_started: '开始征求意见',
  consultation_ended: '征求意见结束',
  fee_notice_sent: '发出收费通知',
  fee_paid: '已缴费',
  fee_expired: '逾期未缴费',
  deadline_deferred: '确定合理延后期限',
  decided: '作出答复',
};

function label(type: ClockEventType): string {
  return EVENT_LABELS[type];
}

export { EVENT_LABELS as CLOCK_EVENT_LABELS };
