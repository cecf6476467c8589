/**
 * The letters of 依申请公开 and their wording. Each letter is a template of paragraphs with named
 * fields in braces (`{申请人}`); the agency admin may reword any template, but a template must keep
 * the fields the law requires the letter to state (the reason and period of an extension, the
 * remedies of a reply…), and a letter is not issued while any field it uses is empty.
 *
 * Articles: 《中华人民共和国政府信息公开条例》(2019) 第三十条 (补正), 第三十二条 (第三方), 第三十三条
 * (期限, 延长), 第三十四条 (共同制作, 征求其他机关意见), 第三十六条至第三十九条 (答复), 第四十二条 and
 * 国办函〔2020〕109号 (信息处理费), 第五十一条 (行政复议、行政诉讼). The remedies' 60 days and 6 months
 * are 《行政复议法》第二十条 and 《行政诉讼法》第四十六条.
 */
import type { ReplyLetterGroup } from '../outcomes.ts';

export const LETTER_KINDS = [
  'receipt',
  'correction',
  'extension',
  'consultation_third_party',
  'consultation_agency',
  'fee_notice',
  'reply_disclose',
  'reply_partial',
  'reply_deny',
  'reply_unable',
  'reply_not_processed',
  'reply_terminated',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_LABELS: Readonly<Record<LetterKind, string>> = {
  receipt: '政府信息公开申请受理回执',
  correction: '补正申请告知书',
  extension: '延期答复告知书',
  consultation_third_party: '征求第三方意见函',
  consultation_agency: '征求意见函（其他机关）',
  fee_notice: '信息处理费收费通知书',
  reply_disclose: '政府信息公开申请答复告知书（予以公开）',
  reply_partial: '政府信息公开申请答复告知书（部分公开）',
  reply_deny: '政府信息公开申请答复告知书（不予公开）',
  reply_unable: '政府信息公开申请答复告知书（无法提供）',
  reply_not_processed: '政府信息公开申请答复告知书（不予处理）',
  reply_terminated: '政府信息公开申请终止处理告知书',
};

/** The reply letter for each outcome group (core/outcomes.ts). */
export const REPLY_LETTER: Readonly<Record<ReplyLetterGroup, LetterKind>> = {
  disclose: 'reply_disclose',
  partial: 'reply_partial',
  deny: 'reply_deny',
  unable: 'reply_unable',
  not_processed: 'reply_not_processed',
  terminated: 'reply_terminated',
};

/** A field a template may use. `long` fields are edited as paragraphs. */
export interface LetterField {
  readonly name: string;
  readonly hint: string;
  readonly long?: boolean;
}

/** Fields every letter may use, filled from the application and the agency. */
export const COMMON_LETTER_FIELDS: readonly LetterField[] = [
  { name: '申请人', hint: '申请人姓名或名称' },
  { name: '查询码', hint: '申请的查询码' },
  { name: '申请日期', hint: '收到申请之日（第三十一条）' },
  { name: '申请内容', hint: '所需政府信息的名称、文号或描述' },
  { name: '机关名称', hint: '本机关名称' },
  { name: '联系电话', hint: '本机关政府信息公开咨询电话' },
  { name: '联系地址', hint: '本机关地址' },
  { name: '复议机关', hint: '行政复议机关（机关设置）' },
  { name: '人民法院', hint: '有管辖权的人民法院（机关设置）' },
  { name: '成文日期', hint: '出具本文书的日期' },
];

/** Each letter's own fields. */
export const LETTER_FIELDS: Readonly<Record<LetterKind, readonly LetterField[]>> = {
  receipt: [
    { name: '提交方式', hint: '在线、当面、邮寄…' },
    { name: '答复期限', hint: '依法应当答复的最后一日' },
  ],
  correction: [
    { name: '补正内容', hint: '需要补正的事项，一次性告知', long: true },
    { name: '补正期限', hint: '合理的补正期限（第三十条未规定天数，由本机关确定）' },
  ],
  extension: [
    { name: '延长理由', hint: '需要延长答复期限的理由', long: true },
    { name: '延长天数', hint: '延长的工作日数（不超过20个）' },
    { name: '答复期限', hint: '延长后的答复期限' },
  ],
  consultation_third_party: [
    { name: '第三方', hint: '被征求意见的第三方' },
    { name: '征求意见事项', hint: '申请公开的、可能损害第三方合法权益的信息', long: true },
    { name: '意见期限', hint: '提出意见的期限（第三十二条：收到征求意见书之日起15个工作日内）' },
  ],
  consultation_agency: [
    { name: '被征求意见机关', hint: '共同制作该信息的其他机关' },
    { name: '征求意见事项', hint: '申请公开的信息', long: true },
    { name: '意见期限', hint: '提出意见的期限（第三十四条：收到征求意见书之日起15个工作日内）' },
  ],
  fee_notice: [
    { name: '计收方式', hint: '按件计收或按量计收' },
    { name: '收费金额', hint: '应缴金额（元）' },
    { name: '收费明细', hint: '按档次列出的计算过程', long: true },
    { name: '缴费期限', hint: '缴费截止日（收到通知次日起20个工作日内）' },
    { name: '缴费方式', hint: '收款账户或缴费渠道', long: true },
  ],
  reply_disclose: [
    { name: '获取方式', hint: '提供信息的形式和方式', long: true },
    { name: '法律依据', hint: '所依据的条款' },
  ],
  reply_partial: [
    { name: '公开部分', hint: '予以公开的部分及提供方式', long: true },
    { name: '不予公开部分', hint: '不予公开的部分', long: true },
    { name: '理由', hint: '不予公开部分的理由', long: true },
    { name: '法律依据', hint: '所依据的条款' },
  ],
  reply_deny: [
    { name: '理由', hint: '不予公开的理由', long: true },
    { name: '法律依据', hint: '所依据的条款' },
  ],
  reply_unable: [
    { name: '理由', hint: '无法提供的理由（如不掌握、需另行制作、补正后仍不明确）', long: true },
    { name: '法律依据', hint: '所依据的条款' },
  ],
  reply_not_processed: [
    { name: '理由', hint: '不予处理的理由', long: true },
    { name: '法律依据', hint: '所依据的条款' },
  ],
  reply_terminated: [
    { name: '理由', hint: '终止处理的事由（逾期不补正、逾期未缴费…）', long: true },
    { name: '法律依据', hint: '所依据的条款' },
  ],
};

const REMEDIES =
  '如对本答复不服，可以自收到本告知书之日起60日内向{复议机关}申请行政复议，或者自收到本告知书之日起6个月内向{人民法院}提起行政诉讼。';
const CONTACT = '联系电话：{联系电话}；地址：{联系地址}。';

/** The built-in wording (the agency admin may reword; see {@link REQUIRED_PLACEHOLDERS}). */
export const DEFAULT_LETTER_TEMPLATES: Readonly<Record<LetterKind, { title: string; body: string }>> = {
  receipt: {
    title: '政府信息公开申请受理回执',
    body: [
      '{申请人}：',
      '本机关已于{申请日期}收到您通过{提交方式}提出的政府信息公开申请（查询码：{查询码}），申请获取“{申请内容}”，现予登记。',
      '根据《中华人民共和国政府信息公开条例》第三十三条，本机关将在收到申请之日起20个工作日内（{答复期限}前）予以答复；需要延长答复期限的，将告知您延长的理由和期限，延长的期限最长不超过20个工作日。征求第三方或者其他机关意见所需时间不计算在上述期限内。',
      '您可以凭查询码和联系电话（或证件号码）后四位，在本机关政府信息公开平台“申请查询”页面查看办理进度。',
      CONTACT,
    ].join('\n'),
  },
  correction: {
    title: '补正申请告知书',
    body: [
      '{申请人}：',
      '本机关于{申请日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取“{申请内容}”。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条，请您对以下事项作出补正：',
      '{补正内容}',
      '请您在{补正期限}内将补正后的申请提交本机关。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为您放弃申请，本机关将不再处理该政府信息公开申请。',
      CONTACT,
    ].join('\n'),
  },
  extension: {
    title: '延期答复告知书',
    body: [
      '{申请人}：',
      '本机关于{申请日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取“{申请内容}”。',
      '因{延长理由}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长天数}个工作日，本机关将于{答复期限}前作出答复。',
      CONTACT,
    ].join('\n'),
  },
  consultation_third_party: {
    title: '政府信息公开征求第三方意见函',
    body: [
      '{第三方}：',
      '本机关于{申请日期}收到政府信息公开申请（查询码：{查询码}），申请公开的以下信息可能损害您（单位）的合法权益：',
      '{征求意见事项}',
      '根据《中华人民共和国政府信息公开条例》第三十二条，现书面征求您（单位）的意见。请于{意见期限}内提出意见并说明理由；逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。',
      CONTACT,
    ].join('\n'),
  },
  consultation_agency: {
    title: '政府信息公开征求意见函',
    body: [
      '{被征求意见机关}：',
      '本机关于{申请日期}收到政府信息公开申请（查询码：{查询码}），申请公开的以下信息由本机关与贵机关共同制作：',
      '{征求意见事项}',
      '根据《中华人民共和国政府信息公开条例》第三十四条，现征求贵机关意见。请于{意见期限}内提出意见；逾期未提出意见的，视为同意公开。',
      CONTACT,
    ].join('\n'),
  },
  fee_notice: {
    title: '政府信息公开信息处理费收费通知书',
    body: [
      '{申请人}：',
      '本机关于{申请日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取“{申请内容}”。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关对该申请{计收方式}收取信息处理费，应缴金额为人民币{收费金额}元。计算如下：',
      '{收费明细}',
      '请于{缴费期限}前通过以下方式缴纳：',
      '{缴费方式}',
      '逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。缴费期间不计算在答复期限内。',
      CONTACT,
    ].join('\n'),
  },
  reply_disclose: {
    title: '政府信息公开申请答复告知书',
    body: [
      '{申请人}：',
      '本机关于{申请日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取“{申请内容}”。',
      '经审查，您申请获取的政府信息属于公开范围，根据{法律依据}，本机关予以公开。{获取方式}',
      REMEDIES,
      CONTACT,
    ].join('\n'),
  },
  reply_partial: {
    title: '政府信息公开申请答复告知书',
    body: [
      '{申请人}：',
      '本机关于{申请日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取“{申请内容}”。',
      '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据{法律依据}，本机关向您提供可以公开的部分：{公开部分}',
      '以下部分不予公开：{不予公开部分}',
      '理由：{理由}',
      REMEDIES,
      CONTACT,
    ].join('\n'),
  },
  reply_deny: {
    title: '政府信息公开申请答复告知书',
    body: [
      '{申请人}：',
      '本机关于{申请日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取“{申请内容}”。',
      '经审查，{理由}根据{法律依据}，本机关决定不予公开。',
      REMEDIES,
      CONTACT,
    ].join('\n'),
  },
  reply_unable: {
    title: '政府信息公开申请答复告知书',
    body: [
      '{申请人}：',
      '本机关于{申请日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取“{申请内容}”。',
      '经审查，{理由}根据{法律依据}，本机关无法向您提供该政府信息。',
      REMEDIES,
      CONTACT,
    ].join('\n'),
  },
  reply_not_processed: {
    title: '政府信息公开申请答复告知书',
    body: [
      '{申请人}：',
      '本机关于{申请日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取“{申请内容}”。',
      '经审查，{理由}根据{法律依据}，本机关不予处理。',
      REMEDIES,
      CONTACT,
    ].join('\n'),
  },
  reply_terminated: {
    title: '政府信息公开申请终止处理告知书',
    body: [
      '{申请人}：',
      '本机关于{申请日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取“{申请内容}”。',
      '{理由}根据{法律依据}，本机关不再处理该政府信息公开申请。',
      REMEDIES,
      CONTACT,
    ].join('\n'),
  },
};

/**
 * Fields a template must keep, whatever the agency's wording: what the law requires the letter to
 * state. Replies and terminations must tell the applicant their remedies (条例 第五十一条).
 */
export const REQUIRED_PLACEHOLDERS: Readonly<Record<LetterKind, readonly string[]>> = {
  receipt: ['申请人', '申请日期', '答复期限'],
  correction: ['申请人', '补正内容', '补正期限'],
  extension: ['申请人', '延长理由', '答复期限'],
  consultation_third_party: ['第三方', '征求意见事项', '意见期限'],
  consultation_agency: ['被征求意见机关', '征求意见事项', '意见期限'],
  fee_notice: ['申请人', '收费金额', '收费明细', '缴费期限', '缴费方式'],
  reply_disclose: ['申请人', '法律依据', '复议机关', '人民法院'],
  reply_partial: ['申请人', '不予公开部分', '理由', '法律依据', '复议机关', '人民法院'],
  reply_deny: ['申请人', '理由', '法律依据', '复议机关', '人民法院'],
  reply_unable: ['申请人', '理由', '法律依据', '复议机关', '人民法院'],
  reply_not_processed: ['申请人', '理由', '法律依据', '复议机关', '人民法院'],
  reply_terminated: ['申请人', '理由', '法律依据', '复议机关', '人民法院'],
};

const PLACEHOLDER = /\{([^{}\s]{1,20})\}/gu;

/** The fields a text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

export function letterFields(kind: LetterKind): readonly LetterField[] {
  return [...COMMON_LETTER_FIELDS, ...LETTER_FIELDS[kind]];
}

/** What is wrong with a template, in Chinese; empty when it may be saved. */
export function templateProblems(kind: LetterKind, template: { title: string; body: string }): string[] {
  const problems: string[] = [];
  if (template.title.trim() === '') {
    problems.push('请填写文书标题');
  }
  const known = new Set(letterFields(kind).map((f) => f.name));
  const used = placeholdersOf(`${template.title}\n${template.body}`);
  const unknown = used.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    problems.push(`模板中有不认识的字段：${unknown.map((n) => `{${n}}`).join('、')}`);
  }
  const missing = REQUIRED_PLACEHOLDERS[kind].filter((name) => !used.includes(name));
  if (missing.length > 0) {
    problems.push(`${LETTER_LABELS[kind]}必须写明：${missing.map((n) => `{${n}}`).join('、')}`);
  }
  if (/[{}]/u.test(`${template.title}${template.body}`.replace(PLACEHOLDER, ''))) {
    problems.push('模板中有不成对的花括号');
  }
  return problems;
}

/**
 * The value of a field, looked up among the values' own properties only: a placeholder is text an agency
 * typed, and `{constructor}` or `{__proto__}` must read as an unknown (empty) field, not as what every
 * object inherits (issue 18). {@link templateProblems} names such a field as unknown.
 */
function fieldValue(values: Readonly<Record<string, string>>, name: string): string {
  const value: unknown = Object.hasOwn(values, name) ? values[name] : undefined;
  return typeof value === 'string' ? value.trim() : '';
}

/** The fields a template uses whose values are empty: the letter cannot be issued until they are filled. */
export function emptyLetterFields(
  template: { title: string; body: string },
  values: Readonly<Record<string, string>>,
): string[] {
  return placeholdersOf(`${template.title}\n${template.body}`).filter((name) => fieldValue(values, name) === '');
}

/** The letter's title and paragraphs with the fields filled in. */
export function fillLetter(
  template: { title: string; body: string },
  values: Readonly<Record<string, string>>,
): { title: string; paragraphs: string[] } {
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => fieldValue(values, name));
  return {
    title: fill(template.title),
    paragraphs: fill(template.body)
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  };
}

/**
 * The articles an outcome rests on as a letter cites them: the 条例 by its full name, and articles of
 * the same law joined — `《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第三项`.
 */
export function citeBasis(basis: readonly string[]): string {
  const parts: string[] = [];
  let law = '';
  for (const item of basis) {
    const full = item.replace('《政府信息公开条例》', '《中华人民共和国政府信息公开条例》');
    const match = /^(《[^》]+》)(.*)$/u.exec(full);
    if (match !== null && match[1] === law && match[2] !== '') {
      parts.push(match[2] ?? '');
    } else {
      parts.push(full);
      law = match?.[1] ?? '';
    }
  }
  return parts.join('、');
}
