/**
 * The outcomes of an application (办理结果): the leaf rows of table 三 of the annual report
 * (国办公开办函〔2021〕30号; docs/rules.md#table-three). 三、本年度办理结果 spans 22 rows: these 21 outcomes and
 * （七）总计, which is their sum. Every decided application gets exactly one of these,
 * so the report's 办理结果 rows are a count of decisions, never a tally made by hand.
 */

/** The reply letter each outcome needs (条例 第三十六条至第三十九条 say what each must contain). */
export type ReplyLetterGroup = 'disclose' | 'partial' | 'deny' | 'unable' | 'not_processed' | 'terminated';

export interface OutcomeDefinition {
  /** Key path under `applications.results` in the report JSON, e.g. `denied.stateSecret`. */
  readonly code: string;
  /** The row as printed in table 三, e.g. `（三）1`. */
  readonly row: string;
  /** The row's label exactly as in the format. */
  readonly label: string;
  /** The articles the outcome rests on. */
  readonly basis: readonly string[];
  readonly letter: ReplyLetterGroup;
}

const R = '《政府信息公开条例》';

export const OUTCOMES = [
  { code: 'granted', row: '（一）', label: '予以公开', basis: [`${R}第三十六条第一项、第二项`], letter: 'disclose' },
  {
    code: 'partiallyGranted',
    row: '（二）',
    label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
    basis: [`${R}第三十七条`],
    letter: 'partial',
  },
  {
    code: 'denied.stateSecret',
    row: '（三）1',
    label: '属于国家秘密',
    basis: [`${R}第十四条`, `${R}第三十六条第三项`],
    letter: 'deny',
  },
  {
    code: 'denied.prohibitedByLaw',
    row: '（三）2',
    label: '其他法律行政法规禁止公开',
    basis: [`${R}第十四条`, `${R}第三十六条第三项`],
    letter: 'deny',
  },
  {
    code: 'denied.securityAndStability',
    row: '（三）3',
    label: '危及“三安全一稳定”',
    basis: [`${R}第十四条`, `${R}第三十六条第三项`],
    letter: 'deny',
  },
  {
    code: 'denied.thirdPartyRights',
    row: '（三）4',
    label: '保护第三方合法权益',
    basis: [`${R}第十五条`, `${R}第三十二条`, `${R}第三十六条第三项`],
    letter: 'deny',
  },
  {
    code: 'denied.internalAffairs',
    row: '（三）5',
    label: '属于三类内部事务信息',
    basis: [`${R}第十六条第一款`, `${R}第三十六条第三项`],
    letter: 'deny',
  },
  {
    code: 'denied.processInformation',
    row: '（三）6',
    label: '属于四类过程性信息',
    basis: [`${R}第十六条第二款`, `${R}第三十六条第三项`],
    letter: 'deny',
  },
  {
    code: 'denied.enforcementFiles',
    row: '（三）7',
    label: '属于行政执法案卷',
    basis: [`${R}第十六条第二款`, `${R}第三十六条第三项`],
    letter: 'deny',
  },
  {
    code: 'denied.administrativeQuery',
    row: '（三）8',
    label: '属于行政查询事项',
    basis: [`${R}第三十六条第七项`],
    letter: 'deny',
  },
  {
    code: 'unableToProvide.notHeld',
    row: '（四）1',
    label: '本机关不掌握相关政府信息',
    basis: [`${R}第三十六条第四项、第五项`],
    letter: 'unable',
  },
  {
    code: 'unableToProvide.needsCreation',
    row: '（四）2',
    label: '没有现成信息需要另行制作',
    basis: [`${R}第三十八条`],
    letter: 'unable',
  },
  {
    code: 'unableToProvide.unclearAfterCorrection',
    row: '（四）3',
    label: '补正后申请内容仍不明确',
    basis: [`${R}第三十条`],
    letter: 'unable',
  },
  {
    code: 'notProcessed.petitionOrComplaint',
    row: '（五）1',
    label: '信访举报投诉类申请',
    basis: [`${R}第三十九条第一款`],
    letter: 'not_processed',
  },
  {
    code: 'notProcessed.duplicate',
    row: '（五）2',
    label: '重复申请',
    basis: [`${R}第三十六条第六项`],
    letter: 'not_processed',
  },
  {
    code: 'notProcessed.publication',
    row: '（五）3',
    label: '要求提供公开出版物',
    basis: [`${R}第三十九条第二款`],
    letter: 'not_processed',
  },
  {
    code: 'notProcessed.massRepeated',
    row: '（五）4',
    label: '无正当理由大量反复申请',
    basis: [`${R}第三十五条`],
    letter: 'not_processed',
  },
  {
    code: 'notProcessed.confirmationRequest',
    row: '（五）5',
    label: '要求行政机关确认或重新出具已获取信息',
    basis: [`${R}第三十九条`],
    letter: 'not_processed',
  },
  {
    code: 'other.correctionOverdue',
    row: '（六）1',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    basis: [`${R}第三十条`],
    letter: 'terminated',
  },
  {
    code: 'other.feeUnpaid',
    row: '（六）2',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    basis: [`${R}第四十二条`, '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'],
    letter: 'terminated',
  },
  { code: 'other.other', row: '（六）3', label: '其他', basis: [], letter: 'terminated' },
] as const satisfies readonly OutcomeDefinition[];

export type OutcomeCode = (typeof OUTCOMES)[number]['code'];

export const OUTCOME_CODES: readonly OutcomeCode[] = OUTCOMES.map((o) => o.code);

export function outcomeOf(code: OutcomeCode): OutcomeDefinition {
  const found = OUTCOMES.find((o) => o.code === code);
  if (found === undefined) {
    throw new Error(`unknown outcome ${code}`);
  }
  return found;
}

/**
 * Who applied: the column of table 三 (申请人情况). 法人或其他组织 has five kinds; the sixth number of a
 * row is 总计.
 */
export const APPLICANT_CATEGORIES = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'social_welfare_organization',
  'legal_service_institution',
  'other_organization',
] as const;

export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number];

export const APPLICANT_CATEGORY_LABELS: Readonly<Record<ApplicantCategory, string>> = {
  natural_person: '自然人',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  social_welfare_organization: '社会公益组织',
  legal_service_institution: '法律服务机构',
  other_organization: '其他',
};

/** Column labels of table 三, in report-json order (the seventh is 总计). */
export const APPLICATION_COLUMNS = [...APPLICANT_CATEGORIES.map((c) => APPLICANT_CATEGORY_LABELS[c]), '总计'] as const;

/** The printed labels of table 三's other rows (docs/rules.md#table-three). */
export const TABLE_THREE_ROW_LABELS = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  total: '（七）总计',
  carriedForward: '四、结转下年度继续办理',
} as const;

/** The group rows of 三、本年度办理结果 that have leaves and no numbers of their own (2021 format). */
export const OUTCOME_GROUP_LABELS = {
  denied: '（三）不予公开',
  unableToProvide: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
} as const;

/** An outcome's label as the table prints it: `（一）予以公开`, or `1.属于国家秘密` under its group. */
export function printedOutcomeLabel(o: OutcomeDefinition): string {
  const leaf = o.row.replace(/^（.）/, '');
  return leaf === '' ? `${o.row}${o.label}` : `${leaf}.${o.label}`;
}
