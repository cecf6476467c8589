import {
  addDays,
  addWorkingDays,
  computeDeadline,
  outcomeOf,
  residentIdCheckCharacter,
  shanghaiDate,
  type Actor,
  type ApplicantCategory,
  type Channel,
  type LetterKind,
  type OutcomeCode,
  type WorkCalendar,
  REPLY_LETTER,
} from '@xxgk/core';
import { findUserByUsername, listApplicationEvents } from '@xxgk/db';
import { saveAppeal } from '../applications/appeals.ts';
import { toClockEvents } from '../applications/ledger.ts';
import { issueLetter } from '../applications/issue-letter.ts';
import { recordHandlingStep, type HandlingInput } from '../applications/record-event.ts';
import { registerApplication } from '../applications/submit-application.ts';
import { actorOf } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { NO_REQUEST, type AppContext } from '../context.ts';
import { demoUscc } from './demo-data.ts';

/**
 * About 400 applications since January 2024 at four demo agencies, made through the use cases on the
 * days they happened (each step runs with the clock set to its date): every outcome of table 三,
 * 补正 answered and lapsed, extensions approved by the agency head, third-party and inter-agency
 * consultations, fees paid and unpaid, 法制审核 at the 财政局, delivery and 归档, 行政复议 and 行政诉讼
 * with their results, an applicant asking again, a request many people make, and the 财政局's
 * letters. Today's desk has one of each live state (one overdue, one due within 3 working days).
 * A seeded generator makes it the same every time.
 */
export async function seedDemoApplications(ctx: AppContext): Promise<number> {
  const calendar = await loadCalendar(ctx.db);
  const today = shanghaiDate(ctx.now());
  const seeder = new Seeder(ctx, calendar, today);
  let made = 0;
  for (const plan of AGENCY_PLANS) {
    made += await seeder.agency(plan);
  }
  return made;
}

/** The demo's applications begin here: the 2024 and 2025 annual reports are computed from them. */
const DEMO_START = '2024-01-02';

/** mulberry32: a small seeded generator, so the demo is the same on every machine. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface AgencyPlan {
  readonly handler: string;
  /** Approves extensions (条例 第三十三条第二款). */
  readonly head: string;
  /** Gives the 法制审核 opinion on refusals, where the agency has a legal reviewer. */
  readonly legal?: string;
  readonly count: number;
  readonly titles: readonly string[];
  /** Issues the demo letters (one of each kind, and replies of the last month). */
  readonly letters: boolean;
  /** Today's desk: one application in each live state. */
  readonly liveStates: boolean;
  /** A request many applicants make (第四十四条). */
  readonly popular?: string;
}

const AGENCY_PLANS: readonly AgencyPlan[] = [
  {
    handler: 'handler',
    head: 'agencyadmin',
    legal: 'legal',
    count: 190,
    letters: true,
    liveStates: true,
    titles: [
      '{年}年度市级一般公共预算执行情况',
      '{年}年度部门决算公开表',
      '{年}年政府采购合同汇总表',
      '{地}老旧小区改造项目资金拨付文件',
      '{年}年惠民惠农补贴发放明细',
      '{年}年度国有资产处置审批文件',
      '{年}年市级专项资金分配方案',
      '{地}道路改造工程财政评审报告',
      '某企业{年}年纳税信息',
      '{年}年市本级“三公”经费支出明细',
      '{年}年政府债券资金使用情况',
      '{地}农村公路建设补助资金下达文件',
    ],
  },
  {
    handler: 'jyj.admin',
    head: 'jyj.admin',
    count: 90,
    letters: false,
    liveStates: false,
    titles: [
      '{年}年{地}学区划分方案',
      '{年}年市直学校教师招聘成绩',
      '{年}年义务教育阶段招生计划',
      '{地}新建学校立项批复',
      '{年}年校车采购合同',
      '{年}年民办学校年检结果',
      '{年}年学生资助资金分配表',
    ],
  },
  {
    handler: 'rsj.admin',
    head: 'rsj.admin',
    count: 70,
    letters: false,
    liveStates: false,
    titles: [
      '{年}年社会保险基金收支情况',
      '某公司员工工伤认定决定书',
      '{年}年最低工资标准调整文件',
      '{年}年事业单位公开招聘考试成绩',
      '{年}年就业补助资金使用明细',
      '{地}劳动保障监察投诉处理结果',
    ],
  },
  {
    handler: 'dongcheng.admin',
    head: 'dongcheng.admin',
    count: 45,
    letters: false,
    liveStates: false,
    popular: '东城片区房屋征收补偿安置方案',
    titles: [
      '{地}小区加装电梯审批材料',
      '{年}年最低生活保障对象名单',
      '{地}房屋征收补偿协议',
      '{年}年社区建设资金使用情况',
      '{地}违法建筑拆除决定',
    ],
  },
];

const PLACES = ['城南', '东湖', '西山', '北关', '滨江', '青石', '柳营', '桃源'];

/** Table 三's columns, weighted as agencies see them: most applicants are people. */
const KINDS: readonly [ApplicantCategory, number][] = [
  ['natural_person', 0.84],
  ['commercial_enterprise', 0.08],
  ['research_institution', 0.01],
  ['social_welfare_organization', 0.02],
  ['legal_service_institution', 0.03],
  ['other_organization', 0.02],
];

const CHANNELS: readonly [Channel, number][] = [
  ['online', 0.55],
  ['in_person', 0.18],
  ['post_signed', 0.15],
  ['post_unsigned', 0.04],
  ['email', 0.06],
  ['fax', 0.02],
];

/** How often each decision is made, roughly as published reports show. */
const OUTCOME_WEIGHTS: readonly [OutcomeCode, number][] = [
  ['granted', 0.38],
  ['partiallyGranted', 0.1],
  ['denied.stateSecret', 0.01],
  ['denied.prohibitedByLaw', 0.01],
  ['denied.securityAndStability', 0.01],
  ['denied.thirdPartyRights', 0.03],
  ['denied.internalAffairs', 0.02],
  ['denied.processInformation', 0.03],
  ['denied.enforcementFiles', 0.01],
  ['denied.administrativeQuery', 0.02],
  ['unableToProvide.notHeld', 0.17],
  ['unableToProvide.needsCreation', 0.04],
  ['notProcessed.petitionOrComplaint', 0.04],
  ['notProcessed.duplicate', 0.03],
  ['notProcessed.publication', 0.01],
  ['notProcessed.massRepeated', 0.01],
  ['notProcessed.confirmationRequest', 0.02],
  ['other.other', 0.04],
];

const REASONS: Partial<Record<string, string>> = {
  partiallyGranted: '所申请信息中载有个人身份信息和联系方式，公开会损害第三方合法权益，已作区分处理。',
  'denied.stateSecret': '所申请信息经依法确定为国家秘密。',
  'denied.prohibitedByLaw': '所申请信息属于法律、行政法规禁止公开的信息。',
  'denied.securityAndStability': '所申请信息公开后可能危及社会稳定。',
  'denied.thirdPartyRights': '所申请信息涉及商业秘密，经书面征求第三方意见，第三方不同意公开且理由合理。',
  'denied.internalAffairs': '所申请信息属于本机关内部管理信息。',
  'denied.processInformation': '所申请信息属于本机关履行职责过程中形成的讨论记录、过程稿。',
  'denied.enforcementFiles': '所申请信息属于行政执法案卷信息。',
  'denied.administrativeQuery': '所申请信息属于有关法律、行政法规规定的查询事项，请按规定途径查询。',
  'unableToProvide.notHeld': '经检索本机关档案和业务系统，本机关未制作或获取该信息。',
  'unableToProvide.needsCreation': '本机关没有现成的该信息，需要对现有信息另行加工、分析、统计方能提供。',
  'unableToProvide.unclearAfterCorrection': '经补正，所申请信息的内容仍不明确，无法确定具体指向。',
  'notProcessed.petitionOrComplaint': '您的申请实为信访、投诉举报事项，本机关已告知按信访渠道办理。',
  'notProcessed.duplicate': '您此前已就同一信息提出申请，本机关已作出答复，本次申请属于重复申请。',
  'notProcessed.publication': '所申请信息为公开出版物，可通过公开渠道获取。',
  'notProcessed.massRepeated': '您短期内以相同内容大量反复提出申请，明显超出合理范围，且未说明理由。',
  'notProcessed.confirmationRequest': '您的申请是要求确认已获取信息的真实性，不属于政府信息公开申请。',
  'other.other': '申请人撤回申请。',
};

type Step = HandlingInput;

class Seeder {
  readonly #ctx: AppContext;
  readonly #cal: WorkCalendar;
  readonly #today: string;
  readonly #random = generator(20_261_130);
  #people = 0;
  /** The letter kinds the 财政局 has issued one of. */
  readonly #issued = new Set<LetterKind>();

  constructor(ctx: AppContext, cal: WorkCalendar, today: string) {
    this.#ctx = ctx;
    this.#cal = cal;
    this.#today = today;
  }

  /** The context with the clock set to 10:30 Beijing time on `date`. */
  #on(date: string): AppContext {
    return { ...this.#ctx, now: () => new Date(`${date}T02:30:00.000Z`) };
  }

  #pick<T>(weighted: readonly [T, number][]): T {
    let r = this.#random() * weighted.reduce((s, [, w]) => s + w, 0);
    for (const [value, weight] of weighted) {
      r -= weight;
      if (r <= 0) {
        return value;
      }
    }
    return weighted[weighted.length - 1]![0];
  }

  #int(from: number, to: number): number {
    return from + Math.floor(this.#random() * (to - from + 1));
  }

  #wd(date: string, n: number): string {
    return n <= 0 ? date : addWorkingDays(this.#cal, date, n).date;
  }

  /** The working day `n` working days before today. */
  #back(n: number): string {
    let date = this.#today;
    for (let left = n; left > 0;) {
      date = addDays(date, -1);
      if (this.#cal.isWorkingDay(date)) {
        left -= 1;
      }
    }
    return date;
  }

  /** A working day from the start of 2024 (the first year the demo reports cover) until yesterday. */
  #someDay(): string {
    const span = Math.round((Date.parse(this.#today) - Date.parse(DEMO_START)) / 86_400_000);
    for (;;) {
      const date = addDays(this.#today, -this.#int(1, span));
      if (this.#cal.isWorkingDay(date) && date >= DEMO_START) {
        return date;
      }
    }
  }

  #person(kind: ApplicantCategory) {
    this.#people += 1;
    const n = this.#people;
    if (kind !== 'natural_person') {
      const names: Record<string, string> = {
        commercial_enterprise: '示例建设工程有限公司',
        research_institution: '示例大学公共管理学院',
        social_welfare_organization: '示例市公益发展促进会',
        legal_service_institution: '示例律师事务所',
        other_organization: '示例村股份经济合作社',
      };
      return {
        applicantKind: kind,
        applicantName: `${names[kind] ?? '示例单位'}${n % 3 === 0 ? '' : `（${n}）`}`,
        idType: 'uscc',
        idNumber: demoUscc(100 + (n % 40)),
        contactName: '联系人孙某',
        phone: `0799-8${String(100_000 + n).slice(-6)}`,
      };
    }
    const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
    // A few people come back (an applicant asking again is part of the desk's life).
    const who = n % 9 === 0 ? n - 9 : n;
    const first17 = `369900${1960 + (who % 40)}${String(1 + (who % 12)).padStart(2, '0')}${String(1 + (who % 28)).padStart(2, '0')}${String(who % 1000).padStart(3, '0')}`;
    return {
      applicantKind: kind,
      applicantName: `${surnames[who % surnames.length]}某${who % 2 === 0 ? '' : '某'}`,
      idType: 'resident_id',
      idNumber: first17 + (residentIdCheckCharacter(first17) ?? '0'),
      contactName: '',
      phone: `13${String(900_000_000 + who * 7919).slice(-9)}`,
    };
  }

  async agency(plan: AgencyPlan): Promise<number> {
    const rows = await Promise.all(
      [plan.handler, plan.head, plan.legal].map((u) =>
        u === undefined ? undefined : findUserByUsername(this.#ctx.db, u),
      ),
    );
    if (rows[0] === undefined || rows[1] === undefined) {
      return 0;
    }
    const handler = await actorOf(this.#ctx.db, rows[0]);
    const head = await actorOf(this.#ctx.db, rows[1]);
    const legal = rows[2] === undefined ? undefined : await actorOf(this.#ctx.db, rows[2]);
    const days = Array.from({ length: plan.count }, () => this.#someDay()).sort();
    let made = 0;
    for (const received of days) {
      const template = plan.titles[this.#int(0, plan.titles.length - 1)]!;
      const title = template
        .replace('{年}', String(Number(received.slice(0, 4)) - this.#int(0, 2)))
        .replace('{地}', PLACES[this.#int(0, PLACES.length - 1)]!);
      await this.#application({ plan, handler, head, legal, received, title });
      made += 1;
    }
    if (plan.popular !== undefined) {
      for (let i = 0; i < 4; i += 1) {
        await this.#application({
          plan,
          handler,
          head,
          legal,
          received: this.#back(60 - i * 9),
          title: plan.popular,
          scenario: 'plain',
        });
        made += 1;
      }
    }
    if (plan.liveStates) {
      made += await this.#liveStates(handler);
    }
    return made;
  }

  async #register(
    handler: Actor,
    received: string,
    title: string,
    channel: Channel,
    kind: ApplicantCategory,
    confirm = true,
  ) {
    const person = this.#person(kind);
    const confirmedOn =
      confirm && (channel === 'post_unsigned' || channel === 'email' || channel === 'fax') ? this.#wd(received, 1) : '';
    const confirmed = confirmedOn !== '' && confirmedOn <= this.#today;
    const delivery = this.#random() < 0.5 ? 'email' : this.#random() < 0.6 ? 'post' : 'pickup';
    // Registered when the receipt is settled: on arrival, or on the day it was confirmed.
    return registerApplication(this.#on(confirmed ? confirmedOn : received), {
      actor: handler,
      meta: NO_REQUEST,
      input: {
        agencyId: handler.agency.id,
        ...person,
        email: delivery === 'email' ? `applicant${this.#people}@example.com` : '',
        address: `示例市${PLACES[this.#people % PLACES.length]}路${this.#people}号`,
        postcode: '369900',
        infoTitle: title,
        infoDescription: `申请公开${title}，用于了解相关情况。`,
        infoForm: delivery === 'email' ? 'electronic' : 'paper',
        delivery,
      },
      intake: {
        channel,
        receivedOn: received,
        // Channels whose receipt date is a confirmation (第三十一条第三项): confirmed the next working day.
        confirmedOn: channel === 'online' ? received : confirmed ? confirmedOn : '',
      },
    });
  }

  async #step(actor: Actor, id: number, input: Step): Promise<void> {
    await recordHandlingStep(this.#on(input.date), { actor, applicationId: id, input, meta: NO_REQUEST });
  }

  async #letter(actor: Actor, id: number, kind: LetterKind, date: string, always = false): Promise<void> {
    if (!always && this.#issued.has(kind)) {
      return;
    }
    this.#issued.add(kind);
    await issueLetter(this.#on(date), {
      actor,
      applicationId: id,
      kind,
      input: {
        values:
          kind === 'fee_notice'
            ? { 缴费方式: '户名：示例市财政局非税收入专户；开户行：示例银行示例市分行；账号：3699 0000 1234 5678' }
            : {},
      },
      meta: NO_REQUEST,
    });
  }

  async #application(a: {
    plan: AgencyPlan;
    handler: Actor;
    head: Actor;
    legal: Actor | undefined;
    received: string;
    title: string;
    scenario?: 'plain';
  }): Promise<void> {
    const { plan, handler, head, legal, received, title } = a;
    const channel = this.#pick(CHANNELS);
    const created = await this.#register(handler, received, title, channel, this.#pick(KINDS));
    const id = created.id;
    const letters = plan.letters;
    const done = (date: string) => date <= this.#today;
    let base =
      channel === 'online' || channel === 'in_person' || channel === 'post_signed' ? received : this.#wd(received, 1);
    if (!done(base)) {
      return;
    }
    await this.#step(handler, id, { type: 'assigned', date: base, userId: handler.userId });
    if (letters && channel === 'in_person') {
      await this.#letter(handler, id, 'receipt', base);
    }
    const r = a.scenario === 'plain' ? 1 : this.#random();
    let outcome: OutcomeCode | undefined;
    let decideAfter = this.#int(3, 17);
    if (r < 0.12) {
      const asked = this.#wd(base, this.#int(2, 5));
      if (!done(asked)) {
        return;
      }
      await this.#step(handler, id, {
        type: 'correction_requested',
        date: asked,
        note: '请写明所需信息的文号、形成时间或其他特征描述',
      });
      if (letters) {
        await this.#letter(handler, id, 'correction', asked);
      }
      if (this.#random() < 0.15) {
        const lapsed = this.#wd(asked, 16);
        if (!done(lapsed)) {
          return;
        }
        await this.#step(handler, id, { type: 'correction_expired', date: lapsed, note: '补正期限届满，申请人未补正' });
        return this.#close(plan, handler, id, lapsed, 'other.correctionOverdue');
      }
      base = this.#wd(asked, this.#int(3, 8));
      if (!done(base)) {
        return;
      }
      await this.#step(handler, id, { type: 'correction_received', date: base });
      if (this.#random() < 0.15) {
        outcome = 'unableToProvide.unclearAfterCorrection';
      }
    } else if (r < 0.19) {
      const extended = this.#wd(base, 15);
      if (!done(extended)) {
        return;
      }
      await this.#step(head, id, {
        type: 'extension_approved',
        date: extended,
        days: 20,
        note: '所需信息形成年份较早，需调取档案逐件核查',
      });
      if (letters) {
        await this.#letter(handler, id, 'extension', extended);
      }
      decideAfter = this.#int(17, 33);
    } else if (r < 0.24) {
      const party = this.#random() < 0.8 ? 'third_party' : 'agency';
      const started = this.#wd(base, 4);
      if (!done(started)) {
        return;
      }
      await this.#step(handler, id, {
        type: 'consultation_started',
        date: started,
        party,
        note: party === 'third_party' ? '示例建设工程有限公司' : '示例市发展和改革委员会',
      });
      if (letters) {
        await this.#letter(
          handler,
          id,
          party === 'third_party' ? 'consultation_third_party' : 'consultation_agency',
          started,
        );
      }
      const ended = this.#wd(started, this.#int(6, 15));
      if (!done(ended)) {
        return;
      }
      await this.#step(handler, id, { type: 'consultation_ended', date: ended, id: '征求意见1' });
      base = ended;
      decideAfter = this.#int(2, 8);
      if (party === 'third_party' && this.#random() < 0.5) {
        outcome = 'denied.thirdPartyRights';
      }
    } else if (r < 0.27) {
      const noticed = this.#wd(base, 6);
      if (!done(noticed)) {
        return;
      }
      await this.#step(handler, id, {
        type: 'fee_notice_sent',
        date: noticed,
        method: 'per_page',
        pages: this.#int(60, 400),
        note: '申请复制纸质材料',
      });
      if (letters) {
        await this.#letter(handler, id, 'fee_notice', noticed);
      }
      if (this.#random() < 0.3) {
        const events = await listApplicationEvents(this.#ctx.db, id);
        const due = computeDeadline(this.#cal, toClockEvents(events), { today: noticed }).feePaymentDue ?? noticed;
        const lapsed = addDays(due, 1);
        if (!done(lapsed)) {
          return;
        }
        await this.#step(handler, id, { type: 'fee_expired', date: lapsed, note: `缴费期限${due}届满未缴费` });
        return this.#close(plan, handler, id, lapsed, 'other.feeUnpaid');
      }
      const paid = this.#wd(noticed, this.#int(3, 10));
      if (!done(paid)) {
        return;
      }
      await this.#step(handler, id, { type: 'fee_paid', date: paid, receiptNo: `FS${paid.replaceAll('-', '')}${id}` });
      outcome = 'granted';
      decideAfter = 2;
      base = paid;
    }
    outcome ??= a.scenario === 'plain' ? 'granted' : this.#pick(OUTCOME_WEIGHTS);
    const decided = this.#wd(base, decideAfter);
    if (!done(decided)) {
      return;
    }
    const group = outcomeOf(outcome).letter;
    if (legal !== undefined && (group === 'deny' || group === 'partial')) {
      await this.#step(legal, id, { type: 'legal_review', date: decided, outcome, opinion: 'approved' });
    }
    await this.#step(handler, id, {
      type: 'decided',
      date: decided,
      outcome,
      reasons: REASONS[outcome] ?? '',
      ...(group === 'partial'
        ? { withheld: '所申请材料中的个人姓名、身份证号码和联系方式', released: '已删除个人信息的材料。' }
        : {}),
      ...(group === 'disclose' ? { released: `${title}。` } : {}),
    });
    await this.#close(plan, handler, id, decided, outcome);
    if (group === 'deny' || group === 'unable' || group === 'partial') {
      await this.#appeals(handler, id, decided);
    }
  }

  /** The reply (or termination) letter, delivery and 归档. */
  async #close(plan: AgencyPlan, handler: Actor, id: number, decided: string, outcome: OutcomeCode): Promise<void> {
    const recent = decided >= this.#back(22);
    // （六）3 其他 (e.g. a withdrawal) has no article to cite: its letter is written by hand, not from the template.
    if (plan.letters && outcomeOf(outcome).basis.length > 0) {
      await this.#letter(handler, id, REPLY_LETTER[outcomeOf(outcome).letter], decided, recent);
    }
    const delivered = addDays(decided, this.#int(0, 2));
    if (delivered > this.#today) {
      return;
    }
    await this.#step(handler, id, { type: 'delivered', date: delivered, method: 'post', note: '中国邮政 EMS' });
    const archived = addDays(delivered, this.#int(5, 20));
    if (archived < this.#back(10)) {
      await this.#step(handler, id, { type: 'archived', date: archived });
    }
  }

  /** Some refusals are taken to 行政复议, some to court (table 四). */
  async #appeals(handler: Actor, id: number, decided: string): Promise<void> {
    const r = this.#random();
    if (r > 0.16) {
      return;
    }
    const direct = r < 0.04;
    const filed = addDays(decided, this.#int(15, 50));
    if (filed > this.#today) {
      return;
    }
    const concluded = addDays(filed, this.#int(40, 80));
    const result =
      concluded > this.#today
        ? 'pending'
        : this.#pick([
            ['upheld', 0.7],
            ['corrected', 0.2],
            ['other', 0.1],
          ] as const);
    const appeal = await saveAppeal(this.#on(result === 'pending' ? this.#today : concluded), {
      actor: handler,
      applicationId: id,
      input: {
        kind: direct ? 'litigation' : 'reconsideration',
        body: direct ? '示例市东城区人民法院' : '示例市人民政府',
        caseNumber: direct ? `（${filed.slice(0, 4)}）示0102行初${id}号` : `示政复〔${filed.slice(0, 4)}〕${id}号`,
        filedOn: filed,
        stage: result === 'pending' ? '审理中' : '已审结',
        result,
        concludedOn: result === 'pending' ? '' : concluded,
      },
      meta: NO_REQUEST,
    });
    // An upheld 复议 is sometimes taken on to court (复议后起诉).
    if (!direct && appeal.result === 'upheld' && this.#random() < 0.4) {
      const sued = addDays(concluded, this.#int(5, 14));
      if (sued <= this.#today) {
        await saveAppeal(this.#on(sued), {
          actor: handler,
          applicationId: id,
          input: {
            kind: 'litigation',
            body: '示例市东城区人民法院',
            caseNumber: `（${sued.slice(0, 4)}）示0102行初${id + 1000}号`,
            filedOn: sued,
            stage: '一审',
            result: 'pending',
            afterReconsideration: true,
          },
          meta: NO_REQUEST,
        });
      }
    }
  }

  /** Today's desk at the 财政局: one application in each live state. */
  async #liveStates(handler: Actor): Promise<number> {
    const live: { title: string; received: string; channel: Channel; steps: Step[] }[] = [
      { title: '2025年度市级一般公共预算执行情况', received: this.#back(2), channel: 'online', steps: [] },
      // Received 22 working days ago and not answered: overdue.
      { title: '2024年政府采购合同汇总表', received: this.#back(22), channel: 'post_signed', steps: [] },
      // Due within 3 working days.
      { title: '某街道老旧小区改造项目资金拨付文件', received: this.#back(18), channel: 'in_person', steps: [] },
      // A plain letter not yet confirmed with the applicant (第三十一条第三项).
      { title: '某专项资金分配方案', received: this.#back(3), channel: 'post_unsigned', steps: [] },
      {
        title: '惠民惠农补贴发放明细',
        received: this.#back(6),
        channel: 'online',
        steps: [{ type: 'correction_requested', date: this.#back(4), note: '请明确补贴类别和发放年度' }],
      },
      {
        title: '市级财政投资评审项目清单',
        received: this.#back(9),
        channel: 'online',
        steps: [
          { type: 'consultation_started', date: this.#back(4), party: 'third_party', note: '示例建设工程有限公司' },
        ],
      },
      {
        title: '2021年以来全部财政专户资金往来凭证',
        received: this.#back(8),
        channel: 'in_person',
        steps: [
          { type: 'fee_notice_sent', date: this.#back(4), method: 'per_page', pages: 260, note: '申请复制纸质凭证' },
        ],
      },
    ];
    for (const plan of live) {
      const created = await this.#register(handler, plan.received, plan.title, plan.channel, 'natural_person', false);
      for (const step of plan.steps) {
        await this.#step(handler, created.id, step);
      }
    }
    return live.length;
  }
}
