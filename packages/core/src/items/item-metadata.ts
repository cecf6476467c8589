/**
 * What a disclosed item carries (docs/rules.md#item-metadata): 索引号, 发文字号, 发布机构, 成文日期, 发布日期,
 * 主题分类, 体裁分类, 关键词, 内容概述, 公开属性 and, for documents, 有效性. 条例 第十二条 makes
 * 索引、名称、内容概述、生成日期 the statutory minimum of a catalog entry.
 */

/** 公开属性 (docs/rules.md#item-metadata, 目录编制 data items). 不予公开 items are never shown to the public. */
export const DISCLOSURE_KINDS = ['active', 'on_request', 'withheld'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export const DISCLOSURE_LABELS: Readonly<Record<DisclosureKind, string>> = {
  active: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
};

/**
 * 主题分类: the State Council's subject classification used on gov.cn item headers (docs/rules.md#item-metadata
 * names the field; the list is the one in use on gov.cn's 政策文件库 — configurable later per city).
 */
export const TOPICS = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
] as const;

/** 体裁分类: the fifteen 文种 of 《党政机关公文处理工作条例》 第八条, plus the forms a platform also carries. */
export const GENRES = [
  '决议',
  '决定',
  '命令（令）',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '规划',
  '计划',
  '方案',
  '解读',
  '动态',
  '公示',
  '其他',
] as const;

/** 有效性 of a document. `none` for items that are not documents (news, statistics). */
export const VALIDITY_KINDS = ['valid', 'expired', 'abolished', 'none'] as const;
export type ValidityKind = (typeof VALIDITY_KINDS)[number];
export const VALIDITY_LABELS: Readonly<Record<ValidityKind, string>> = {
  valid: '有效',
  expired: '失效',
  abolished: '废止',
  none: '—',
};

/** 内容概述 is at most 100 characters (docs/rules.md#item-metadata, 目录编制 data items). */
export const SUMMARY_MAX = 100;
