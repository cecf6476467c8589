import { addDays, residentIdCheckCharacter, shanghaiDate, type OutcomeCode } from '@xxgk/core';
import { findUserByUsername } from '@xxgk/db';
import { registerApplication } from '../applications/submit-application.ts';
import { recordHandlingStep } from '../applications/record-event.ts';
import { actorOf } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { NO_REQUEST, type AppContext } from '../context.ts';
import { demoUscc } from './demo-data.ts';

/**
 * Applications to the 财政局 in every state a handler meets: just received, waiting for a letter's
 * confirmation, waiting for a correction, one overdue, one due within three working days, and some
 * answered with different outcomes. Made through the use cases, dated back from today.
 */
export async function seedDemoApplications(ctx: AppContext): Promise<number> {
  const row = await findUserByUsername(ctx.db, 'handler');
  const headRow = await findUserByUsername(ctx.db, 'agencyadmin');
  if (row === undefined || headRow === undefined) {
    return 0;
  }
  const handler = await actorOf(ctx.db, row);
  const calendar = await loadCalendar(ctx.db);
  const today = shanghaiDate(ctx.now());
  /** The working day that lies this many working days before today. */
  const back = (workingDays: number): string => {
    let date = today;
    for (let left = workingDays; left > 0;) {
      date = addDays(date, -1);
      if (calendar.isWorkingDay(date)) {
        left -= 1;
      }
    }
    return date;
  };
  // Fictional 居民身份证 numbers with correct check digits (369900 is not a real region code).
  const id = (first17: string) => first17 + (residentIdCheckCharacter(first17) ?? '0');
  const people = [
    ['王某某', id('36990019700315001'), '13800138000'],
    ['陈某', id('36990019800101002'), '13911112222'],
    ['刘某', id('36990019850606003'), '13622223333'],
    ['示例律师事务所', demoUscc(90), '0591-87654321'],
  ] as const;
  const plans: {
    title: string;
    ago: number;
    channel: 'online' | 'in_person' | 'post_signed' | 'post_unsigned';
    who: number;
    decide?: OutcomeCode;
    correction?: boolean;
  }[] = [
    { title: '2025年度市级一般公共预算执行情况', ago: 2, channel: 'online', who: 0 },
    { title: '某街道老旧小区改造项目资金拨付文件', ago: 18, channel: 'in_person', who: 1 },
    { title: '2024年政府采购合同汇总表', ago: 23, channel: 'post_signed', who: 2 },
    { title: '某专项资金分配方案', ago: 5, channel: 'post_unsigned', who: 1 },
    { title: '惠民惠农补贴发放明细', ago: 6, channel: 'online', who: 2, correction: true },
    { title: '2023年度部门决算公开表', ago: 15, channel: 'online', who: 0, decide: 'granted' },
    { title: '国有资产处置审批文件', ago: 12, channel: 'in_person', who: 3, decide: 'partiallyGranted' },
    { title: '某企业纳税信息', ago: 10, channel: 'online', who: 3, decide: 'denied.thirdPartyRights' },
  ];
  let made = 0;
  for (const plan of plans) {
    const [name, idNumber, phone] = people[plan.who] ?? people[0];
    const organisation = plan.who === 3;
    const received = back(plan.ago);
    const created = await registerApplication(ctx, {
      actor: handler,
      meta: NO_REQUEST,
      input: {
        agencyId: handler.agency.id,
        applicantKind: organisation ? 'legal_service_institution' : 'natural_person',
        applicantName: name,
        idType: organisation ? 'uscc' : 'resident_id',
        idNumber,
        contactName: organisation ? '孙律师' : '',
        phone,
        email: 'applicant@example.com',
        address: '示例市人民路8号',
        postcode: '369900',
        infoTitle: plan.title,
        infoDescription: `申请公开${plan.title}，用于了解相关情况。`,
        infoForm: 'electronic',
        delivery: 'email',
      },
      intake: {
        channel: plan.channel,
        receivedOn: received,
        confirmedOn: plan.channel === 'online' ? received : '',
      },
    });
    if (plan.correction === true) {
      await recordHandlingStep(ctx, {
        actor: handler,
        applicationId: created.id,
        meta: NO_REQUEST,
        input: { type: 'correction_requested', date: back(plan.ago - 2), note: '请明确补贴类别和发放年度' },
      });
    }
    if (plan.decide !== undefined) {
      await recordHandlingStep(ctx, {
        actor: handler,
        applicationId: created.id,
        meta: NO_REQUEST,
        input: { type: 'decided', date: back(Math.max(0, plan.ago - 8)), outcome: plan.decide },
      });
    }
    made += 1;
  }
  return made;
}
