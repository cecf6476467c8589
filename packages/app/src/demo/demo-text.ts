/**
 * Generated, plausible 主动公开 content for 示例市: titles and bodies per column, with numbers that
 * vary. Deterministic (seeded), so every demo database is the same and tests can rely on it.
 * Everything here is fiction; no real document is quoted.
 */

/** mulberry32: a small seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Pick = <T>(list: readonly T[]) => T;

export function picker(rand: () => number): Pick {
  return (list) => list[Math.floor(rand() * list.length)] as (typeof list)[number];
}

/** Subject matter of each demo agency, by its key in DEMO_AGENCIES. */
export const AGENCY_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  city: ['优化营商环境', '乡村振兴', '城市更新', '民生实事', '安全生产', '数字政府建设'],
  jyj: ['义务教育招生', '学前教育', '校园安全', '教师队伍建设', '课后服务', '职业教育'],
  gaj: ['道路交通安全', '户籍管理', '反诈宣传', '治安防控', '出入境服务', '消防安全'],
  czj: ['预算管理', '政府采购', '财政资金直达', '国有资产管理', '政府债务管理', '惠民惠农补贴'],
  rsj: ['稳就业', '社会保险', '技能培训', '劳动保障监察', '人才引进', '根治欠薪'],
  zrj: ['国土空间规划', '耕地保护', '不动产登记', '地质灾害防治', '土地供应', '测绘地理信息'],
  sthjj: ['大气污染防治', '水环境治理', '环境影响评价', '土壤污染防治', '生态保护修复', '排污许可'],
  zjj: ['老旧小区改造', '保障性住房', '建筑施工安全', '物业管理', '住房公积金', '城市燃气安全'],
  jtj: ['农村公路建设', '公交服务', '道路运输安全', '交通基础设施', '出租汽车管理', '治超治限'],
  wjw: ['基层医疗卫生', '疾病预防控制', '妇幼健康', '医疗服务质量', '爱国卫生', '老龄健康'],
  scjgj: ['食品安全', '特种设备安全', '市场主体登记', '价格监管', '知识产权保护', '药品安全'],
  dongcheng: ['社区治理', '老旧小区改造', '垃圾分类', '网格化管理', '为老服务', '平安建设'],
  chengnan: ['乡村振兴', '人居环境整治', '农业生产', '防汛抗旱', '农村集体经济', '社会救助'],
  qingshan: ['乡村振兴', '森林防火', '特色产业', '农村饮水安全', '人居环境整治', '移风易俗'],
};

export const DEFAULT_SUBJECTS = ['依法行政', '政务公开', '安全生产', '优化营商环境', '民生实事', '作风建设'];

const MEETINGS = ['工作推进会', '专题会议', '工作部署会', '座谈会', '培训会', '现场会'];
const ACTIONS = ['开展', '部署', '推进', '召开', '组织', '启动'];
const VERBS = ['加强', '做好', '进一步规范', '推进', '深化', '切实做好'];

export interface DemoText {
  readonly title: string;
  readonly docNo?: string;
  readonly genre: string;
  readonly topic: string;
  readonly summary: string;
  readonly keywords: string;
  readonly paragraphs: string[];
}

function chineseYear(year: number): string {
  return `${year}年`;
}

function percent(rand: () => number, low: number, high: number): string {
  return `${(low + rand() * (high - low)).toFixed(1)}%`;
}

function amount(rand: () => number, low: number, high: number): string {
  return (low + rand() * (high - low)).toFixed(2);
}

/** Body paragraphs about a subject, the way a 工作动态 or 公文 reads. */
function paragraphs(rand: () => number, pick: Pick, agency: string, subject: string, date: string): string[] {
  const month = Number(date.slice(5, 7));
  return [
    `${month}月，${agency}围绕${subject}工作，${pick(['认真贯彻落实上级决策部署', '坚持以人民为中心的发展思想', '紧扣年度目标任务'])}，${pick(['细化工作措施', '压实工作责任', '强化统筹协调'])}，推动各项工作取得阶段性成效。`,
    `一是${pick(['健全工作机制', '强化组织领导', '完善制度体系'])}。成立工作专班，制定工作方案，明确责任分工和时间节点，确保${subject}各项任务落到实处。`,
    `二是${pick(['聚焦重点难点', '加强督促检查', '深入基层调研'])}。累计开展专项检查${Math.floor(rand() * 40) + 5}次，发现并整改问题${Math.floor(rand() * 60) + 3}个，整改完成率${percent(rand, 90, 100)}。`,
    `三是${pick(['加强宣传引导', '提升服务水平', '推动信息公开'])}。通过政府网站、政务新媒体等渠道发布相关信息${Math.floor(rand() * 30) + 5}条，及时回应群众关切。`,
    `下一步，${agency}将${pick(VERBS)}${subject}工作，${pick(['持续巩固工作成效', '不断提升群众满意度', '确保各项目标任务如期完成'])}。`,
  ];
}

/** Content for an item in the column with this template code. */
export function demoText(
  code: string,
  rand: () => number,
  agency: { name: string; shortName: string; docPrefix: string; subjects: readonly string[] },
  date: string,
  serial: number,
): DemoText {
  const pick = picker(rand);
  const subject = pick(agency.subjects);
  const year = Number(date.slice(0, 4));
  const body = () => paragraphs(rand, pick, agency.name, subject, date);
  switch (code) {
    case 'news': {
      const title = `${agency.shortName}${pick(ACTIONS)}${subject}${pick(MEETINGS)}`;
      return {
        title,
        genre: '动态',
        topic: '综合政务',
        summary: `${agency.name}${pick(ACTIONS)}${subject}相关工作。`,
        keywords: `${subject},工作动态`,
        paragraphs: body(),
      };
    }
    case 'statutory.policy.normative':
    case 'statutory.policy.other': {
      const normative = code === 'statutory.policy.normative';
      const what = normative
        ? pick([`${subject}管理办法`, `${subject}实施细则`, `${subject}工作规程`, `${subject}暂行规定`])
        : pick([`${chineseYear(year)}${subject}工作要点`, `${subject}工作方案`, `${subject}专项行动方案`]);
      return {
        title: `${agency.name}关于印发《${what}》的通知`,
        docNo: `${agency.docPrefix}${normative ? '规' : ''}〔${year}〕${serial}号`,
        genre: '通知',
        topic: pick(['综合政务', '财政、金融、审计', '城乡建设、环境保护', '科技、教育', '劳动、人事、监察']),
        summary: `印发《${what}》，${normative ? '自印发之日起施行' : '请认真贯彻执行'}。`,
        keywords: `${subject},${normative ? '行政规范性文件' : '通知'}`,
        paragraphs: [
          '各有关单位：',
          `现将《${what}》印发给你们，请结合实际认真贯彻执行。`,
          `第一条 为${pick(VERBS)}${subject}工作，根据有关法律、法规和规章的规定，结合本市实际，制定本${normative ? '办法' : '方案'}。`,
          `第二条 本${normative ? '办法' : '方案'}适用于本市行政区域内的${subject}相关活动。`,
          `第三条 ${agency.name}负责${subject}工作的组织实施和监督管理。`,
          `第四条 本${normative ? '办法' : '方案'}自印发之日起施行${normative ? '，有效期5年' : ''}。`,
          agency.name,
          `${year}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`,
        ],
      };
    }
    case 'statutory.policy.regulations': {
      const what = `示例市${subject}管理规定`;
      return {
        title: what,
        docNo: `示例市人民政府令第${serial}号`,
        genre: '命令（令）',
        topic: '综合政务',
        summary: `《${what}》已经市人民政府常务会议审议通过，现予公布。`,
        keywords: `${subject},规章`,
        paragraphs: [
          `《${what}》已经${year}年${Number(date.slice(5, 7))}月市人民政府常务会议审议通过，现予公布，自公布之日起30日后施行。`,
          '市长',
          `第一条 为了${pick(VERBS)}${subject}工作，根据有关法律、法规，结合本市实际，制定本规定。`,
          `第二条 本市行政区域内的${subject}活动，适用本规定。`,
          '第三条 本规定自公布之日起30日后施行。',
        ],
      };
    }
    case 'statutory.interpretation':
      return {
        title: `《${agency.name}关于${subject}的通知》政策解读`,
        genre: '解读',
        topic: '综合政务',
        summary: `解读${subject}相关文件的出台背景、主要内容和政策措施。`,
        keywords: `${subject},政策解读`,
        paragraphs: [
          `一、出台背景。为${pick(VERBS)}${subject}工作，${agency.name}在深入调研、广泛征求意见的基础上，起草了该文件。`,
          `二、主要内容。文件共分为总则、职责分工、工作措施、保障措施四个部分，明确了${subject}的目标任务和责任主体。`,
          `三、政策亮点。一是明确了办理时限；二是简化了申请材料；三是强化了监督考核。`,
          `四、咨询方式。如有疑问，可在工作日拨打咨询电话或通过政府网站留言咨询。`,
        ],
      };
    case 'statutory.budget': {
      const kind = pick(['部门预算', '部门决算', '预算执行情况', '“三公”经费预算']);
      const total = amount(rand, 800, 50000);
      return {
        title: `${agency.name}${chineseYear(kind === '部门决算' ? year - 1 : year)}${kind}公开`,
        genre: '报告',
        topic: '财政、金融、审计',
        summary: `公开${agency.name}${kind}，收支总计${total}万元。`,
        keywords: `预算,决算,${kind}`,
        paragraphs: [
          `根据《中华人民共和国预算法》和财政部门关于预决算公开的有关规定，现将${agency.name}${kind}公开如下。`,
          `一、收支总体情况。收入总计${total}万元，支出总计${total}万元，收支平衡。其中一般公共预算财政拨款收入${amount(rand, 500, 40000)}万元。`,
          `二、“三公”经费情况。因公出国（境）费0万元，公务用车购置及运行费${amount(rand, 1, 60)}万元，公务接待费${amount(rand, 0.1, 8)}万元，比上年${pick(['减少', '持平', '下降'])}。`,
          `三、政府采购情况。政府采购预算总额${amount(rand, 10, 3000)}万元，其中授予中小企业合同金额占比${percent(rand, 60, 95)}。`,
          '四、名词解释。一般公共预算财政拨款收入：指本级财政当年拨付的资金。',
        ],
      };
    }
    case 'statutory.statistics':
      return {
        title: `${chineseYear(year)}${Number(date.slice(5, 7))}月${subject}统计数据`,
        genre: '其他',
        topic: '国民经济管理、国有资产监管',
        summary: `发布${subject}相关统计数据。`,
        keywords: `统计,${subject}`,
        paragraphs: [
          `${chineseYear(year)}1—${Number(date.slice(5, 7))}月，全市${subject}主要指标运行平稳。`,
          `相关业务量同比增长${percent(rand, 1, 15)}，完成年度目标的${percent(rand, 40, 99)}。`,
          '注：本数据为快报数，最终以统计年鉴为准。',
        ],
      };
    case 'statutory.procurement':
      return {
        title: `${agency.shortName}${subject}${pick(['服务', '设备', '系统运维'])}采购项目${pick(['中标结果公告', '招标公告', '合同公告'])}`,
        genre: '公告',
        topic: '财政、金融、审计',
        summary: `公开${subject}相关政府采购项目信息，预算金额${amount(rand, 5, 500)}万元。`,
        keywords: '政府采购,采购公告',
        paragraphs: [
          `一、项目编号：SL${year}-${String(serial).padStart(4, '0')}`,
          `二、项目名称：${subject}相关采购项目`,
          `三、预算金额：${amount(rand, 5, 500)}万元`,
          `四、采购方式：${pick(['公开招标', '竞争性磋商', '询价'])}`,
          '五、联系方式：采购人及代理机构联系方式详见采购文件。',
        ],
      };
    case 'statutory.licensing':
    case 'statutory.enforcement': {
      const licensing = code === 'statutory.licensing';
      return {
        title: `${agency.shortName}${chineseYear(year)}第${serial}批行政${licensing ? '许可' : '处罚'}决定信息公示`,
        genre: '公示',
        topic: '市场监管、安全生产监管',
        summary: `公示行政${licensing ? '许可' : '处罚'}决定${Math.floor(rand() * 20) + 1}件。`,
        keywords: licensing ? '行政许可,双公示' : '行政处罚,双公示',
        paragraphs: [
          `根据“双公示”工作要求，现将${agency.name}作出的行政${licensing ? '许可' : '处罚'}决定信息予以公示。`,
          `本批次共${Math.floor(rand() * 20) + 1}件，涉及${subject}领域。`,
          licensing
            ? '公示内容包括：行政许可决定文书号、项目名称、审批类别、许可内容、行政相对人名称、许可决定日期、有效期。'
            : '公示内容包括：行政处罚决定书文号、案件名称、违法事实、处罚依据、处罚结果、处罚机关、处罚决定日期。',
          '对公示内容有异议的，可在公示期内向本机关反映。',
        ],
      };
    }
    case 'statutory.plans':
      return {
        title: `${agency.name}${chineseYear(year)}${subject}工作计划`,
        genre: '计划',
        topic: '综合政务',
        summary: `部署${chineseYear(year)}${subject}重点工作。`,
        keywords: `${subject},工作计划`,
        paragraphs: body(),
      };
    case 'statutory.recruitment':
      return {
        title: `${agency.name}${chineseYear(year)}公开招聘工作人员公告`,
        genre: '公告',
        topic: '劳动、人事、监察',
        summary: `公开招聘工作人员${Math.floor(rand() * 10) + 2}名。`,
        keywords: '招聘,公务员招考',
        paragraphs: [
          `根据工作需要，经研究决定，${agency.name}公开招聘工作人员${Math.floor(rand() * 10) + 2}名。`,
          '一、招聘条件：具有中华人民共和国国籍，遵守宪法和法律，具有良好的品行。',
          '二、报名方式：报名采取网上报名方式进行，报名时间详见附件。',
          '三、考试和考察：考试分为笔试和面试，按笔试、面试成绩确定考察人选。',
        ],
      };
    default:
      return {
        title: `${agency.shortName}${pick(VERBS)}${subject}工作情况`,
        genre: '其他',
        topic: '综合政务',
        summary: `${agency.name}${subject}工作情况。`,
        keywords: subject,
        paragraphs: body(),
      };
  }
}
