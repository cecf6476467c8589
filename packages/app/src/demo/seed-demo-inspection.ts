import { residentIdCheckCharacter, shanghaiDate, type ValidityKind } from '@xxgk/core';
import { bumpPortalGeneration, listCatalogColumns, type AgencyRow } from '@xxgk/db';
import ExcelJS from 'exceljs';
import { audit } from '../audit.ts';
import { iso, NO_REQUEST, systemActor, type AppContext } from '../context.ts';
import { addItemAttachment, createItem } from '../items/edit-items.ts';
import { agencyFreshness } from '../inspection/freshness.ts';
import { scanPublished } from '../inspection/findings.ts';
import { replyErrorReport, submitErrorReport } from '../inspection/error-reports.ts';
import { addWordingRule } from '../inspection/wording-rules.ts';
import { dismissFinding } from '../inspection/findings.ts';
import { DEMO_AGENCIES } from './demo-data.ts';
import { AGENCY_SUBJECTS, DEFAULT_SUBJECTS, demoText, random, type DemoText } from './demo-text.ts';
import { demoActor, demoDocx, docPrefix, publishDemoItem } from './seed-demo-items.ts';

const DAY = 86_400_000;

/** An identity number with the right check character (GB 11643—1999), for the planted 名单. */
function idNumber(first17: string): string {
  return first17 + (residentIdCheckCharacter(first17) ?? '0');
}

/** The planted errors, each what an inspection finds on real sites (issue 8's done-when). */
export const PLANTED = {
  idList: '2026年第四季度城乡困难群众临时救助对象公示',
  formulation: '市教育局召开理论学习中心组学习会',
  institution: '关于做好个体工商户年度报告公示工作的通知',
  badDocNo: '示卫健[2025]8号',
  leader: '市长王建国调研智慧校园建设',
  internalLink: '关于2026年度交通运输行业安全生产检查的通知',
  mobile: '示例市2026年公共租赁住房配租结果公告',
  mistypedId: '示例市2026年度见义勇为人员表彰名单',
  draft: '关于2026年第四季度公益性岗位人员名单的公示',
} as const;

/**
 * The demo's inspection picture (issue 8), after the items, applications and reports are in:
 * - the city's own 错敏 rules (the former mayor's term of office, a renamed body);
 * - the agencies keep their columns current (an item in each column that would otherwise be stale
 *   or blank), except 青山乡, which stopped in September and fails the inspection, and the 教育局,
 *   which lets two document columns lapse;
 * - planted errors in published items (a 名单 with ID numbers in an XLSX, a wrong formulation, an
 *   outdated institution name, a bad 发文字号 imported from the old site, a former mayor's title, a
 *   link into the office network, a mobile number fixed after the first scan, a mistyped ID
 *   number) and one in a 财政局 draft that 送审 refuses;
 * - a false positive dismissed by a reviewer; the public's error reports, one overdue;
 * - the scan run over everything, after one finding was found and fixed, so findings are open and fixed.
 */
export async function seedDemoInspection(ctx: AppContext): Promise<{ published: number }> {
  const now = ctx.now();
  const rand = random(20261130);
  const system = systemActor('演示数据导入');
  const user = (name: string) => demoActor(ctx, name);
  const supervisor = await user('supervisor');

  // The city's own rules.
  for (const input of [
    {
      kind: 'leader',
      text: '王建国',
      replacement: '市长',
      category: 'leader',
      severity: 'severe',
      startsOn: '2021-06-01',
      endsOn: '2026-03-15',
      note: '2026年3月15日免职',
    },
    {
      kind: 'leader',
      text: '李振华',
      replacement: '市长',
      category: 'leader',
      severity: 'severe',
      startsOn: '2026-03-16',
      note: '2026年3月16日任命',
    },
    {
      kind: 'rename',
      text: '示例市行政服务中心',
      replacement: '示例市政务服务中心',
      category: 'institution',
      severity: 'warning',
      startsOn: '2024-01-01',
      note: '2024年1月1日更名',
    },
    {
      kind: 'rename',
      text: '东城开发区',
      replacement: '示例市高新技术产业开发区',
      category: 'place',
      severity: 'warning',
      startsOn: '2025-07-01',
      note: '2025年7月1日升级更名',
    },
  ] as const) {
    await addWordingRule(ctx, { actor: supervisor, input, meta: NO_REQUEST });
  }

  const agencies = await ctx.db.selectFrom('agencies').selectAll().orderBy('id').execute();
  const byKey = new Map<string, AgencyRow>();
  for (const a of agencies) {
    const demo = DEMO_AGENCIES.find((d) => d.name === a.name);
    if (demo !== undefined) {
      byKey.set(demo.key, a);
    }
  }
  const today = shanghaiDate(now);
  const freshness = await agencyFreshness(ctx.db, agencies, today);
  let published = 0;
  // Publications are planned first and made in date order, so 索引号 follow the publication dates
  // as they do when items are published one by one.
  const plan: {
    agency: AgencyRow;
    code: string;
    at: Date;
    text: DemoText;
    extra: { html?: string; validity?: ValidityKind };
    then?: (id: number) => Promise<void>;
  }[] = [];
  const later = (
    agency: AgencyRow,
    code: string,
    at: Date,
    text: DemoText,
    extra: { html?: string; validity?: ValidityKind } = {},
    then?: (id: number) => Promise<void>,
  ) => {
    plan.push({ agency, code, at, text, extra, ...(then === undefined ? {} : { then }) });
  };
  const publish = async (
    agency: AgencyRow,
    code: string,
    publishedAt: Date,
    text: DemoText,
    extra: { html?: string; validity?: ValidityKind } = {},
  ): Promise<number> => {
    const columns = await listCatalogColumns(ctx.db, agency.id);
    const columnId = columns.find((c) => c.code === code)?.id;
    if (columnId === undefined) {
      throw new Error(`demo column ${code} missing at ${agency.name}`);
    }
    published += 1;
    return ctx.db.transaction().execute(async (trx) => {
      const id = await publishDemoItem(trx, ctx, agency, {
        code,
        columnId,
        publishedAt,
        text,
        validity: extra.validity ?? 'none',
        ...(extra.html === undefined ? {} : { html: extra.html }),
      });
      await bumpPortalGeneration(trx);
      return id;
    });
  };
  const officeHours = (daysAgo: number) => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) {
      d.setUTCDate(d.getUTCDate() - 1);
    }
    d.setUTCHours(2 + Math.floor(rand() * 6), Math.floor(rand() * 60), 0, 0);
    return d;
  };

  // Columns kept current.
  for (const [key, agency] of byKey) {
    if (key === 'qingshan') {
      continue;
    }
    const f = freshness.find((x) => x.agencyId === agency.id);
    const columns = await listCatalogColumns(ctx.db, agency.id);
    const demo = DEMO_AGENCIES.find((d) => d.key === key)!;
    for (const c of f?.columns ?? []) {
      const code = columns.find((x) => x.id === c.columnId)?.code ?? null;
      // 规章 and 行政规范性文件 come with their register entries (seed-demo-items.ts), not on their own.
      if (
        code === null ||
        code === 'annual-reports' ||
        code === 'statutory.policy.regulations' ||
        code === 'statutory.policy.normative' ||
        (c.status !== 'stale' && c.status !== 'blank' && c.status !== 'due_soon')
      ) {
        continue;
      }
      // Towns have no licences or procurement of their own: those columns stay blank.
      if (demo.kind === 'town' && (code === 'statutory.licensing' || code === 'statutory.procurement')) {
        continue;
      }
      // The 教育局 lets two document columns lapse (a warning, not a failure).
      if (key === 'jyj' && (code === 'statutory.emergency' || code === 'statutory.inspection')) {
        continue;
      }
      const daysAgo =
        c.kind === 'dynamic'
          ? 1 + Math.floor(rand() * 8)
          : c.kind === 'document'
            ? 10 + Math.floor(rand() * 100)
            : 200 + Math.floor(rand() * 300);
      const at = officeHours(daysAgo);
      const text = demoText(
        code,
        rand,
        {
          name: agency.name,
          shortName: agency.short_name,
          docPrefix: docPrefix(agency.name),
          subjects: AGENCY_SUBJECTS[key] ?? DEFAULT_SUBJECTS,
        },
        shanghaiDate(at),
        900 + published,
      );
      later(agency, code, at, text);
    }
  }

  const plain = (title: string, paragraphs: string[], extra: Partial<DemoText> = {}): DemoText => ({
    title,
    genre: '通知',
    topic: '综合政务',
    summary: `${title}。`.slice(0, 100),
    keywords: '',
    paragraphs,
    ...extra,
  });

  // Planted errors in published items.
  const czj = byKey.get('czj')!;
  const names = ['王秀英', '李建军', '张桂兰', '刘德明', '陈玉梅'];
  const ids = [
    '35010219580312001',
    '35010219630718002',
    '35010419470105003',
    '35010219720921004',
    '35010319551130005',
  ].map(idNumber);
  later(
    czj,
    'statutory.livelihood',
    officeHours(12),
    plain(PLANTED.idList, [
      '根据《社会救助暂行办法》，经个人申请、乡镇（街道）审核、民政部门审批，拟对以下对象给予临时救助，现予公示。',
      '公示期为5个工作日。对公示对象有异议的，请向示例市财政局社会保障科反映。',
      '附件：临时救助对象名单',
    ]),
    {},
    async (listId) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('名单');
      sheet.addRow(['序号', '姓名', '身份证号码', '救助金额（元）']);
      names.forEach((n, i) => sheet.addRow([i + 1, n, ids[i], 1500 + i * 200]));
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      const stored = await ctx.files.put(bytes);
      await ctx.db
        .insertInto('item_attachments')
        .values({
          item_id: listId,
          version: 1,
          file_name: '临时救助对象名单.xlsx',
          media_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          size: bytes.length,
          sha256: stored.sha256,
          storage_key: stored.key,
          sort_order: 0,
          created_at: iso(now),
        })
        .execute();
    },
  );

  const jyj = byKey.get('jyj')!;
  later(
    jyj,
    'news',
    officeHours(20),
    plain(
      PLANTED.formulation,
      [
        '11月上旬，市教育局党组理论学习中心组召开专题学习会，深入学习新时代中国特色社会主义思想和党的教育方针。',
        '会议要求，全系统要把学习成果转化为推进教育高质量发展的实际行动。',
      ],
      { genre: '动态' },
    ),
  );
  later(
    jyj,
    'news',
    officeHours(60),
    plain(PLANTED.leader, ['近日，市长王建国到市第一中学调研智慧校园建设，详细了解课堂教学数字化应用情况。'], {
      genre: '动态',
    }),
  );

  const scjgj = byKey.get('scjgj')!;
  later(
    scjgj,
    'statutory.policy.other',
    officeHours(40),
    plain(
      PLANTED.institution,
      [
        '各县（区）市场监管局：',
        '根据国家工商行政管理总局有关规定和示政办发[2025]3号文件要求，现就做好个体工商户年度报告公示工作通知如下。',
        '一、年度报告时间为每年1月1日至6月30日。',
        '二、各地要通过示例市行政服务中心窗口和网上平台提供指导服务。',
        '三、咨询地点：示例市人民路8号政务大楼3号楼502室。',
      ],
      { docNo: '示市监〔2026〕15号' },
    ),
  );

  const wjw = byKey.get('wjw')!;
  later(
    wjw,
    'statutory.policy.other',
    officeHours(300),
    plain('关于进一步加强基层医疗卫生机构药品管理的通知', [
      '各乡镇卫生院、社区卫生服务中心：',
      '为加强基层医疗卫生机构药品管理，保障用药安全，现将有关事项通知如下。',
    ]),
    {},
    // Imported from the old site with its 发文字号 as it was typed there.
    async (legacy) => {
      await ctx.db
        .updateTable('item_versions')
        .set({ doc_no: PLANTED.badDocNo })
        .where('item_id', '=', legacy)
        .execute();
    },
  );

  const jtj = byKey.get('jtj')!;
  later(
    jtj,
    'statutory.inspection',
    officeHours(25),
    plain(PLANTED.internalLink, ['各运输企业：', '请按照检查方案做好自查自纠工作，检查方案详见内部通知。']),
    {
      html: '<p>各运输企业：</p><p>请按照检查方案做好自查自纠工作，检查方案详见<a href="http://192.168.10.5/oa/notice/2026-118.doc">内部通知</a>。</p>',
    },
  );

  const zjj = byKey.get('zjj')!;
  let mobileItem = 0;
  later(
    zjj,
    'statutory.livelihood',
    officeHours(9),
    plain(PLANTED.mobile, [
      '2026年公共租赁住房配租工作已经完成，现将配租结果公告如下。',
      '对配租结果有异议的，请联系经办人赵老师，电话13905912345。',
    ]),
    {},
    async (id) => {
      mobileItem = id;
    },
  );

  const rsj = byKey.get('rsj')!;
  later(
    rsj,
    'statutory.livelihood',
    officeHours(30),
    plain(PLANTED.mistypedId, [
      '经评审，决定对以下人员予以表彰：',
      `周志强（${ids[0]!.slice(0, 17)}${ids[0]!.endsWith('1') ? '2' : '1'}），见义勇为先进个人。`,
    ]),
  );

  plan.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const p of plan) {
    const id = await publish(p.agency, p.code, p.at, p.text, p.extra);
    await p.then?.(id);
  }

  // Today's scan finds the 住建局's mobile number; the 住建局 replaces it with the office line (a
  // revision), and the next run marks the finding fixed.
  await scanPublished({ ...ctx, now: () => new Date(now.getTime() - 60_000) }, { agencyIds: [zjj.id] });
  const version = await ctx.db
    .selectFrom('item_versions')
    .select(['body_html', 'body_text'])
    .where('item_id', '=', mobileItem)
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('item_versions')
    .set({
      body_html: version.body_html.replace('13905912345', '0591-87654321'),
      body_text: version.body_text.replace('13905912345', '0591-87654321'),
    })
    .where('item_id', '=', mobileItem)
    .execute();
  await ctx.db
    .updateTable('items')
    .set({ revised_at: iso(now) })
    .where('id', '=', mobileItem)
    .execute();

  // A draft that 送审 refuses: a name list with identity numbers in the body.
  const editor = await user('editor');
  const columns = await listCatalogColumns(ctx.db, czj.id);
  const draft = await createItem(ctx, {
    actor: editor,
    agencyId: czj.id,
    meta: NO_REQUEST,
    input: {
      columnId: columns.find((c) => c.code === 'statutory.livelihood')!.id,
      title: PLANTED.draft,
      publisher: czj.name,
      topic: '劳动、人事、监察',
      genre: '公告',
      writtenOn: shanghaiDate(new Date(now.getTime() - DAY)),
      summary: '公示2026年第四季度公益性岗位拟聘用人员。',
      bodyHtml: `<p>经报名、审核，拟聘用以下人员到公益性岗位工作，现予公示：</p><p>${names[1]}，${ids[1]}，保洁岗</p><p>${names[2]}，${ids[2]}，保安岗</p><p>公示期5个工作日。</p>`,
    },
  });
  await addItemAttachment(ctx, {
    actor: editor,
    itemId: draft.id,
    fileName: '公益性岗位说明.docx',
    bytes: await demoDocx('公益性岗位工作职责和待遇说明'),
    meta: NO_REQUEST,
  });

  await scanPublished(ctx);

  // A false positive: the 市场监管局 notice's office address looks like a home (楼、室) to the scanner;
  // the 政务公开办 dismisses it with its reason, and it is not raised again.
  const office = await ctx.db
    .selectFrom('scan_findings')
    .select(['item_id', 'fingerprint'])
    .where('agency_id', '=', scjgj.id)
    .where('check_code', '=', 'personal.address')
    .executeTakeFirst();
  if (office?.item_id != null) {
    await dismissFinding(ctx, {
      actor: supervisor,
      itemId: office.item_id,
      input: { fingerprint: office.fingerprint, reason: '机关办公地址，不是个人住址' },
      meta: NO_REQUEST,
    });
  }

  // The public's error reports.
  const qingshan = byKey.get('qingshan')!;
  const reports: {
    page: string;
    title: string;
    kind: 'outdated' | 'link' | 'wording';
    text: string;
    reply?: string;
  }[] = [
    {
      page: `/agencies/${qingshan.id}`,
      title: qingshan.name,
      kind: 'outdated',
      text: '工作动态栏目两个多月没有更新了，乡里最近的秋收和道路修缮情况都没有发布。',
    },
    {
      page: `/agencies/${czj.id}`,
      title: czj.name,
      kind: 'link',
      text: '预算公开栏目中2025年部门预算的附件下载打不开，提示文件不存在。',
    },
    {
      page: `/agencies/${jyj.id}`,
      title: jyj.name,
      kind: 'wording',
      text: '招生政策解读里把“义务教育”写成了“义务教肓”，请更正。',
      reply: '感谢您的指正。经核实，该处错字已于当日更正，并已对同栏目其他信息进行了检查。',
    },
  ];
  for (const [i, r] of reports.entries()) {
    const at = new Date(now.getTime() - (i === 0 ? 14 : i === 1 ? 1 : 6) * DAY);
    const submitted = await submitErrorReport(
      { ...ctx, now: () => at },
      {
        input: {
          pageUrl: r.page,
          pageTitle: r.title,
          kind: r.kind,
          description: r.text,
          contactName: '网民',
          contact: '',
        },
        meta: NO_REQUEST,
      },
    );
    if (r.reply !== undefined) {
      const row = await ctx.db
        .selectFrom('error_reports')
        .select('id')
        .where('code', '=', submitted.code)
        .executeTakeFirstOrThrow();
      await replyErrorReport(
        { ...ctx, now: () => new Date(at.getTime() + 2 * DAY) },
        { actor: await user('jyj.editor'), reportId: row.id, input: { reply: r.reply }, meta: NO_REQUEST },
      );
    }
  }
  await audit(ctx.db, ctx, system, NO_REQUEST, {
    action: 'demo.inspection',
    agencyId: null,
    targetType: 'agency',
    targetId: null,
    note: `导入演示检查数据：补充栏目信息 ${published} 条，植入问题 8 处，网民纠错 ${reports.length} 件`,
  });
  return { published };
}
