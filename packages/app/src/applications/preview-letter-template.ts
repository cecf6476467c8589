import {
  chineseDate,
  fillLetter,
  letterFields,
  shanghaiDate,
  templateProblems,
  type Actor,
  type LetterKind,
} from '@xxgk/core';
import type { AgencyRow } from '@xxgk/db';
import type { AppContext, RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { templateAccess } from './letter-access.ts';
import { LetterTemplateInput } from './letter-template-input.ts';

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
