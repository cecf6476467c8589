import {
  DEFAULT_INDEX_PATTERN,
  formatIndexNumber,
  indexPeriod,
  shanghaiDate,
  type Actor,
  type ValidityKind,
} from '@xxgk/core';
import {
  bumpPortalGeneration,
  findUserByUsername,
  indexItemText,
  linkInterpretation,
  listCatalogColumns,
  nextIndexSerial,
  type AgencyRow,
  type Executor,
} from '@xxgk/db';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { audit } from '../audit.ts';
import { actorOf } from '../auth/actor.ts';
import { systemActor, type AppContext, type RequestMeta, NO_REQUEST, iso } from '../context.ts';
import { addItemAttachment, createItem } from '../items/edit-items.ts';
import { approveItem } from '../items/approve-item.ts';
import { recordSecrecyReview } from '../items/record-secrecy-review.ts';
import { submitItem } from '../items/submit-item.ts';
import { bodyText } from '../items/sanitize.ts';
import { segmentForIndex } from '../search/segment.ts';
import { DEMO_AGENCIES } from './demo-data.ts';
import { AGENCY_SUBJECTS, DEFAULT_SUBJECTS, demoText, random } from './demo-text.ts';

/** 机关代字 of a demo agency: 示政 for the city government, 示财 for the 财政局, 示城 for 城南镇 … */
export function docPrefix(name: string): string {
  const own = name.replace(/^示例市/u, '');
  return `示${own === '人民政府' ? '政' : own.slice(0, 1)}`;
}

/** Items a year per column (template code). Towns publish less; licensing only where there is some. */
const PER_YEAR: Readonly<Record<string, number>> = {
  news: 24,
  'statutory.policy.regulations': 1,
  'statutory.policy.normative': 2,
  'statutory.policy.other': 3,
  'statutory.interpretation': 2,
  'statutory.budget': 2,
  'statutory.statistics': 4,
  'statutory.procurement': 4,
  'statutory.licensing': 4,
  'statutory.enforcement': 3,
  'statutory.plans': 1,
  'statutory.recruitment': 1,
  'statutory.emergency': 1,
  'statutory.inspection': 1,
};

const FIRST_YEAR = 2023;

interface Planned {
  readonly code: string;
  readonly columnId: number;
  readonly publishedAt: Date;
  readonly text: ReturnType<typeof demoText>;
  readonly validity: ValidityKind;
  /** The body as HTML, when not the text's paragraphs. */
  readonly html?: string;
}

/**
 * Publishes one demo item as the bulk import does (索引号 from the agency's counter, 三审 trail, search
 * entry), for the demo's later additions (demo/seed-demo-inspection.ts).
 */
export async function publishDemoItem(trx: Executor, ctx: AppContext, agency: AgencyRow, p: Planned): Promise<number> {
  const period = indexPeriod(agency.index_pattern === '' ? DEFAULT_INDEX_PATTERN : agency.index_pattern, {
    uscc: agency.uscc,
    date: shanghaiDate(p.publishedAt),
  });
  const serial = await nextIndexSerial(trx, agency.id, period);
  return insertPublished(trx, ctx, agency.id, p, formatIndexNumber(period, serial));
}

function escape(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** A working day at office hours (Beijing) in the given year, before `until`. */
function publicationInstant(rand: () => number, year: number, until: Date): Date | undefined {
  const start = Date.UTC(year, 0, 2);
  const end = Math.min(Date.UTC(year, 11, 30), until.getTime() - 86_400_000);
  if (end <= start) {
    return undefined;
  }
  const day = new Date(start + Math.floor(rand() * ((end - start) / 86_400_000)) * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) {
    day.setUTCDate(day.getUTCDate() + 1);
  }
  // 09:00–17:00 Beijing is 01:00–09:00 UTC.
  day.setUTCHours(1 + Math.floor(rand() * 8), Math.floor(rand() * 60));
  return day.getTime() < until.getTime() ? day : undefined;
}

/**
 * Fills the demo agencies' catalogs with a few thousand published items over several years, as a
 * bulk import: every item has its 索引号, 三审 trail (marked as demo reviewers), search entry, and
 * 政策解读 are linked to the documents they explain. Then it puts a handful of items of the 财政局
 * through the real workflow so the review queues have work in them. One audit entry per agency.
 */
export async function seedDemoItems(
  ctx: AppContext,
  { meta = NO_REQUEST, scale = 1 }: { meta?: RequestMeta; scale?: number } = {},
): Promise<{ published: number }> {
  const now = ctx.now();
  const rand = random(20261129);
  const actor = systemActor('演示数据导入');
  let published = 0;
  const agencies = await ctx.db.selectFrom('agencies').selectAll().orderBy('id').execute();
  for (const agency of agencies) {
    const demo = DEMO_AGENCIES.find((a) => a.name === agency.name);
    if (demo === undefined) {
      continue;
    }
    const columns = await listCatalogColumns(ctx.db, agency.id);
    const byCode = new Map(columns.filter((c) => c.code !== null).map((c) => [c.code ?? '', c.id]));
    const isTown = demo.kind === 'town';
    const plan: Planned[] = [];
    let serial = 1;
    for (let year = FIRST_YEAR; year <= Number(shanghaiDate(now).slice(0, 4)); year += 1) {
      for (const [code, perYear] of Object.entries(PER_YEAR)) {
        const columnId = byCode.get(code);
        if (columnId === undefined) {
          continue;
        }
        // Towns issue no licences of their own in the demo; so their column stays blank.
        if (isTown && (code === 'statutory.licensing' || code === 'statutory.procurement')) {
          continue;
        }
        // Only the 人民政府 makes 规章.
        if (code === 'statutory.policy.regulations' && demo.kind !== 'government') {
          continue;
        }
        const count = Math.max(0, Math.round(perYear * scale * (isTown ? 0.6 : 1)));
        for (let i = 0; i < count; i += 1) {
          const at = publicationInstant(rand, year, now);
          // 青山乡 stopped updating its 工作动态 in September 2026: a stale column for the inspections.
          if (at === undefined || (demo.key === 'qingshan' && code === 'news' && at >= new Date('2026-09-01'))) {
            continue;
          }
          const text = demoText(
            code,
            rand,
            {
              name: agency.name,
              shortName: agency.short_name,
              docPrefix: docPrefix(agency.name),
              subjects: AGENCY_SUBJECTS[demo.key] ?? DEFAULT_SUBJECTS,
            },
            shanghaiDate(at),
            serial++,
          );
          // Of the first year's 行政规范性文件, the first was abolished and the second left to run out
          // (the register's cleanup list); some 其他文件 of that year were abolished too.
          const isDocument =
            code === 'statutory.policy.normative' ||
            code === 'statutory.policy.other' ||
            code === 'statutory.policy.regulations';
          const abolished =
            year === FIRST_YEAR &&
            (code === 'statutory.policy.normative' ? i === 0 : code === 'statutory.policy.other' && rand() < 0.4);
          const validity: ValidityKind = isDocument ? (abolished ? 'abolished' : 'valid') : 'none';
          plan.push({ code, columnId, publishedAt: at, text, validity });
        }
      }
    }
    plan.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
    // The 财政局's budget items carry their tables as XLSX attachments, stored like any upload.
    const workbooks = new Map<Planned, { key: string; sha256: string; size: number; name: string }>();
    if (demo.key === 'czj') {
      for (const p of plan.filter((x) => x.code === 'statutory.budget')) {
        const bytes = await demoWorkbook(p.text.title);
        const stored = await ctx.files.put(bytes);
        workbooks.set(p, { ...stored, size: bytes.length, name: `${p.text.title}.xlsx` });
      }
    }
    await ctx.db.transaction().execute(async (trx) => {
      const counters = new Map<string, number>();
      let lastPolicy: number | undefined;
      for (const p of plan) {
        const period = indexPeriod(agency.index_pattern === '' ? DEFAULT_INDEX_PATTERN : agency.index_pattern, {
          uscc: agency.uscc,
          date: shanghaiDate(p.publishedAt),
        });
        const next = (counters.get(period) ?? 0) + 1;
        counters.set(period, next);
        const id = await insertPublished(trx, ctx, agency.id, p, formatIndexNumber(period, next));
        const workbook = workbooks.get(p);
        if (workbook !== undefined) {
          await trx
            .insertInto('item_attachments')
            .values({
              item_id: id,
              version: 1,
              file_name: workbook.name,
              media_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              size: workbook.size,
              sha256: workbook.sha256,
              storage_key: workbook.key,
              sort_order: 0,
              created_at: iso(p.publishedAt),
            })
            .execute();
        }
        if (p.code === 'statutory.policy.normative' || p.code === 'statutory.policy.other') {
          lastPolicy = id;
        }
        if (p.code === 'statutory.policy.normative' || p.code === 'statutory.policy.regulations') {
          await registerDemoNormative(trx, agency.id, id, p, rand, now);
        }
        if (p.code === 'statutory.interpretation' && lastPolicy !== undefined) {
          await linkInterpretation(trx, lastPolicy, id, iso(p.publishedAt));
        }
      }
      for (const [period, last] of counters) {
        await trx.insertInto('index_counters').values({ agency_id: agency.id, period, last_serial: last }).execute();
      }
      await bumpPortalGeneration(trx);
      await audit(trx, ctx, actor, meta, {
        action: 'demo.items',
        agencyId: agency.id,
        targetType: 'agency',
        targetId: agency.id,
        note: `导入演示信息 ${plan.length} 条（${FIRST_YEAR} 年起）`,
      });
    });
    published += plan.length;
  }
  await seedWorkInProgress(ctx, meta);
  return { published };
}

/**
 * The register entry for a demo 规章 or 行政规范性文件. 行政规范性文件 of the first demo year were issued
 * for 3 years (试行) and have run out without anyone recording it — the cleanup list's work; later
 * ones run 5 years. Those the plan marked 废止 were abolished by a later decision; some others were
 * revised. Every event lies in the past and cites a document of its own year.
 */
async function registerDemoNormative(
  trx: Executor,
  agencyId: number,
  itemId: number,
  p: Planned,
  rand: () => number,
  now: Date,
) {
  const issuedOn = shanghaiDate(new Date(p.publishedAt.getTime() - 3 * 86_400_000));
  const regulation = p.code === 'statutory.policy.regulations';
  const years = Number(issuedOn.slice(0, 4)) === FIRST_YEAR ? 3 : 5;
  const validUntil = regulation
    ? null
    : `${Number(issuedOn.slice(0, 4)) + years}${issuedOn.slice(4)}`.replace(/-02-29$/u, '-02-28');
  const at = iso(p.publishedAt);
  const doc = await trx
    .insertInto('normative_documents')
    .values({
      agency_id: agencyId,
      kind: regulation ? 'regulation' : 'normativeDocument',
      title: p.text.title.replace(/^.*关于印发《(.*)》的通知$/u, '$1'),
      doc_no: p.text.docNo ?? '',
      issued_on: issuedOn,
      effective_on: null,
      valid_until: validUntil,
      item_id: itemId,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The deciding document comes from the same issuer, numbered in the year of the decision.
  const prefix = (p.text.docNo ?? '').replace(/规?〔.*$/u, '');
  const byDocNo = (on: string) => `${prefix}〔${on.slice(0, 4)}〕${20 + Math.floor(rand() * 60)}号`;
  const today = shanghaiDate(now);
  const event = async (kind: 'abolished' | 'revised', on: string, byTitle: string, note: string) => {
    if (on <= issuedOn || on >= today) {
      return;
    }
    await trx
      .insertInto('normative_events')
      .values({
        document_id: doc.id,
        kind,
        on_date: on,
        by_doc_no: byDocNo(on),
        by_title: byTitle,
        note,
        created_at: at,
      })
      .execute();
  };
  if (p.validity === 'abolished') {
    const on = shanghaiDate(new Date(p.publishedAt.getTime() + (300 + Math.floor(rand() * 300)) * 86_400_000));
    await event('abolished', on, '关于废止部分行政规范性文件的决定', '规范性文件清理');
  } else if (!regulation && rand() < 0.3) {
    const on = shanghaiDate(new Date(p.publishedAt.getTime() + (120 + Math.floor(rand() * 200)) * 86_400_000));
    await event('revised', on, '关于修改部分行政规范性文件的决定', '');
  }
}

async function insertPublished(
  trx: Executor,
  ctx: AppContext,
  agencyId: number,
  p: Planned,
  indexNo: string,
): Promise<number> {
  const at = iso(p.publishedAt);
  const html = p.html ?? p.text.paragraphs.map((line) => `<p>${escape(line)}</p>`).join('');
  const item = await trx
    .insertInto('items')
    .values({
      agency_id: agencyId,
      column_id: p.columnId,
      status: 'published',
      review_stage: null,
      index_no: indexNo,
      published_at: at,
      scheduled_for: null,
      revised_at: null,
      withdrawn_at: null,
      withdrawn_reason: null,
      published_version: 1,
      working_version: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const text = bodyText(html);
  await trx
    .insertInto('item_versions')
    .values({
      item_id: item.id,
      version: 1,
      title: p.text.title,
      doc_no: p.text.docNo ?? '',
      publisher: (await trx.selectFrom('agencies').select('name').where('id', '=', agencyId).executeTakeFirstOrThrow())
        .name,
      written_on: shanghaiDate(new Date(p.publishedAt.getTime() - 3 * 86_400_000)),
      topic: p.text.topic,
      genre: p.text.genre,
      keywords: p.text.keywords,
      summary: p.text.summary.slice(0, 100),
      disclosure: 'active',
      withheld_reason: '',
      validity: p.validity,
      body_html: html,
      body_text: text,
      change_note: '',
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const steps = ['submit', 'first', 'second', 'secrecy', 'final'] as const;
  await trx
    .insertInto('item_reviews')
    .values(
      steps.map((step, i) => ({
        item_id: item.id,
        version: 1,
        step,
        verdict: step === 'submit' ? null : step === 'secrecy' ? 'clear' : 'approve',
        opinion: step === 'secrecy' ? '不涉密，可以公开' : step === 'submit' ? '' : '同意',
        findings: step === 'submit' ? '[]' : null,
        user_id: null,
        user_name: `演示数据（${['信息员', '初审', '复审', '保密审查', '终审'][i] ?? ''}）`,
        at: iso(new Date(p.publishedAt.getTime() - (steps.length - i) * 3_600_000)),
      })),
    )
    .execute();
  await indexItemText(trx, ctx.dialect, item.id, {
    title: segmentForIndex(p.text.title),
    body: segmentForIndex(`${p.text.docNo ?? ''}\n${p.text.keywords}\n${p.text.summary}\n${text}`),
  });
  return item.id;
}

/** The actor of a demo user, for the demo's steps made through the use cases. */
export async function demoActor(ctx: AppContext, username: string): Promise<Actor> {
  const row = await findUserByUsername(ctx.db, username);
  if (row === undefined) {
    throw new Error(`demo user ${username} missing`);
  }
  return actorOf(ctx.db, row);
}

/** A few 财政局 items in every state of the workflow, made through the use cases themselves. */
async function seedWorkInProgress(ctx: AppContext, meta: RequestMeta): Promise<void> {
  const user = (name: string) => demoActor(ctx, name);
  const editor = await user('editor');
  const columns = await listCatalogColumns(ctx.db, editor.agency.id);
  const column = (code: string) => columns.find((c) => c.code === code)?.id ?? 0;
  const base = {
    publisher: '示例市财政局',
    topic: '财政、金融、审计' as const,
    writtenOn: shanghaiDate(new Date(ctx.now().getTime() - 2 * 86_400_000)),
  };
  const drafts = [
    {
      title: '示例市财政局关于2027年市级部门预算编制工作的通知',
      genre: '通知' as const,
      code: 'statutory.policy.other',
      stage: 0,
    },
    { title: '示例市2026年1—10月财政收支情况', genre: '报告' as const, code: 'statutory.statistics', stage: 1 },
    { title: '市财政局召开惠民惠农补贴资金专项检查部署会', genre: '动态' as const, code: 'news', stage: 1 },
    { title: '示例市财政局2027年政府采购意向公开', genre: '公告' as const, code: 'statutory.procurement', stage: 2 },
    {
      title: '示例市财政局关于进一步规范财政资金直达管理的通知',
      genre: '通知' as const,
      code: 'statutory.policy.other',
      stage: 3,
    },
  ];
  for (const d of drafts) {
    const item = await createItem(ctx, {
      actor: editor,
      agencyId: editor.agency.id,
      meta,
      input: {
        ...base,
        columnId: column(d.code),
        title: d.title,
        genre: d.genre,
        summary: `${d.title}。`.slice(0, 100),
        bodyHtml: `<p>${d.title}。为加强财政资金和预算管理，现将有关事项公开如下。</p><p>一、总体情况。全市财政运行总体平稳，重点支出得到有效保障。</p>`,
      },
    });
    if (d.code === 'statutory.statistics') {
      await addItemAttachment(ctx, {
        actor: editor,
        itemId: item.id,
        fileName: '2026年1—10月财政收支情况表.xlsx',
        bytes: await demoWorkbook(),
        meta,
      });
    }
    if (d.code === 'statutory.policy.other' && d.stage === 3) {
      await addItemAttachment(ctx, {
        actor: editor,
        itemId: item.id,
        fileName: '财政资金直达管理办法.docx',
        bytes: await demoDocx(d.title),
        meta,
      });
    }
    if (d.stage >= 1) {
      await submitItem(ctx, { actor: editor, itemId: item.id, meta });
    }
    if (d.stage >= 2) {
      await approveItem(ctx, {
        actor: await user('reviewer1'),
        itemId: item.id,
        stage: 'first',
        input: { opinion: '文字已校对' },
        meta,
      });
    }
    if (d.stage >= 3) {
      await approveItem(ctx, {
        actor: await user('reviewer2'),
        itemId: item.id,
        stage: 'second',
        input: { opinion: '同意' },
        meta,
      });
      await recordSecrecyReview(ctx, {
        actor: await user('secrecy'),
        itemId: item.id,
        input: { verdict: 'clear', opinion: '经审查，不涉及国家秘密、工作秘密和个人隐私，可以公开' },
        meta,
      });
    }
  }
}

export async function demoWorkbook(title = '2026年1—10月财政收支情况'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  const sheet = workbook.addWorksheet('收支情况');
  sheet.addRow(['项目', '本月（万元）', '累计（万元）', '同比（%）']);
  sheet.addRow(['一般公共预算收入', 21560.3, 198432.7, 4.2]);
  sheet.addRow(['一般公共预算支出', 30211.8, 287765.1, 3.1]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function demoDocx(title: string): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: [title, '第一条 为规范财政资金直达管理，制定本办法。'].map((t) => new Paragraph(t)) }],
  });
  return Packer.toBuffer(doc);
}
